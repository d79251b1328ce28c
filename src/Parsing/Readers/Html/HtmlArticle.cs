using System.Text.RegularExpressions;
using AngleSharp.Dom;
using Extractor.Parsing.Text;

namespace Extractor.Parsing.Readers.Html;

/// <summary>
/// Finds a page's article by non-link text density, not by one site's class names: the smallest container holding
/// most of the non-link text. Navigation, breadcrumbs, related lists and footers fall away on their own.
/// </summary>
internal static partial class HtmlArticle
{
    /// <summary>Elements that never hold article text.</summary>
    private static readonly HashSet<string> Skipped = new(StringComparer.Ordinal)
    {
        "script", "style", "noscript", "template", "iframe", "frame", "frameset", "object", "embed", "svg", "math", "canvas",
        "video", "audio", "map", "form", "input", "button", "select", "textarea", "nav", "aside", "footer", "head", "link", "meta",
    };


    /// <summary>Containers the article search may descend into (a paragraph is never a container).</summary>
    private static readonly HashSet<string> ContainerTags = new(StringComparer.Ordinal)
    {
        "div", "section", "article", "main", "td", "th", "table", "tbody", "thead", "tr", "center", "blockquote", "font", "span", "body", "form",
    };


    /// <summary>Text counts per element: visible characters, and those inside links. Skipped elements count nothing.</summary>
    internal sealed class TextStats
    {
        private readonly Dictionary<INode, (int Text, int Link)> _counts = new(ReferenceEqualityComparer.Instance);
        private readonly HashSet<INode> _skipped = new(ReferenceEqualityComparer.Instance);

        public TextStats(IElement root, int maxDepth)
        {
            // Iterative post-order: children are counted before their parent.
            var stack = new Stack<(INode Node, int Depth, bool Exit)>();
            stack.Push((root, 0, false));
            while (stack.Count > 0)
            {
                Checkpoint.Tick();
                var (node, depth, exit) = stack.Pop();
                if (exit)
                {
                    int text = 0, link = 0;
                    foreach (var child in node.ChildNodes)
                    {
                        if (child is IText t) text += Visible(t.Data);
                        else if (_counts.TryGetValue(child, out var c)) { text += c.Text; link += c.Link; }
                    }
                    if (node is IElement { LocalName: "a" }) link = text;
                    _counts[node] = (text, link);
                    continue;
                }
                if (node is IElement element && IsSkipped(element))
                {
                    _skipped.Add(node);
                    continue;
                }
                if (depth > maxDepth)
                    throw new NoticeFormatException(NoticeErrorKind.LimitExceeded, $"the page nests elements more than {maxDepth} levels deep");
                stack.Push((node, depth, true));
                foreach (var child in node.ChildNodes)
                    if (child is IElement) stack.Push((child, depth + 1, false));
            }
        }

        public bool IsSkippedNode(INode node) => _skipped.Contains(node);

        public int Text(INode node) => _counts.TryGetValue(node, out var c) ? c.Text : 0;

        public int NonLink(INode node) => _counts.TryGetValue(node, out var c) ? c.Text - c.Link : 0;

        private static int Visible(string s)
        {
            var n = 0;
            foreach (var ch in s)
                if (!char.IsWhiteSpace(ch) && !CharClass.IsInvisible(ch)) n++;
            return n;
        }

        private static bool IsSkipped(IElement e)
        {
            if (Skipped.Contains(e.LocalName)) return true;
            if (e.LocalName == "header" && e.Closest("article, main") is null) return true;
            if (e.HasAttribute("hidden") || e.GetAttribute("aria-hidden") == "true") return true;
            var style = e.GetAttribute("style");
            return style is not null && HiddenStyle().IsMatch(style);
        }
    }

    [GeneratedRegex(@"display\s*:\s*none|visibility\s*:\s*hidden", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex HiddenStyle();

    /// <summary>
    /// From the body, descend into the container child that holds most (60%) of the non-link text, while there is one:
    /// the smallest container with most of the text is the article.
    /// </summary>
    public static IElement FindArticle(IElement body, TextStats stats)
    {
        var current = body;
        while (true)
        {
            IElement? best = null;
            var bestScore = 0;
            foreach (var child in current.Children)
            {
                if (stats.IsSkippedNode(child)) continue;
                var score = stats.NonLink(child);
                if (score > bestScore) { best = child; bestScore = score; }
            }
            if (best is null || !ContainerTags.Contains(best.LocalName) || bestScore < 0.6 * stats.NonLink(current)) return current;
            // A data table is content, never a container of the article: the text around it belongs to the notice.
            if (best.LocalName is "table" or "tbody" or "thead" or "tr" && (best.LocalName == "table" ? best : best.Closest("table")) is { } t && IsDataTable(t))
                return current;
            current = best;
        }
    }

    /// <summary>
    /// A table of data rather than page layout: two rows and two columns at least, no table inside, and no cell as long as
    /// a page section (1,000 characters).
    /// </summary>
    public static bool IsDataTable(IElement table)
    {
        var rows = Rows(table);
        if (rows.Count < 2) return false;
        if (rows.Max(r => r.Children.Count(c => c.LocalName is "td" or "th")) < 2) return false;
        if (table.QuerySelector("table") is not null) return false;
        return rows.SelectMany(r => r.Children).All(c => (c.TextContent?.Length ?? 0) <= 1000);
    }

    /// <summary>The element path of <paramref name="element"/> from <c>body</c>: <c>body/div[2]/p[5]</c>.</summary>
    public static string PathOf(IElement element)
    {
        var parts = new List<string>();
        for (var e = element; e is not null && e.LocalName != "html"; e = e.ParentElement)
            parts.Add(Segment(e));
        parts.Reverse();
        return string.Join('/', parts);
    }

    private static string Segment(IElement e)
    {
        if (e.ParentElement is not { } parent || e.LocalName is "body") return e.LocalName;
        int index = 0, count = 0;
        foreach (var sibling in parent.Children)
        {
            if (sibling.LocalName != e.LocalName) continue;
            count++;
            if (ReferenceEquals(sibling, e)) index = count;
        }
        return count > 1 ? $"{e.LocalName}[{index}]" : e.LocalName;
    }


    /// <summary>The rows of a table, those of its <c>thead</c>, <c>tbody</c> and <c>tfoot</c> included, in order.</summary>
    public static List<IElement> Rows(IElement table)
    {
        var rows = new List<IElement>();
        foreach (var child in table.Children)
        {
            if (child.LocalName == "tr") rows.Add(child);
            else if (child.LocalName is "thead" or "tbody" or "tfoot")
                rows.AddRange(child.Children.Where(c => c.LocalName == "tr"));
        }
        return rows;
    }
}
