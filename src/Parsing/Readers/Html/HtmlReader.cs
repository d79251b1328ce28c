using Extractor.Parsing.Rules;
using System.Text.RegularExpressions;
using AngleSharp.Html.Parser;

namespace Extractor.Parsing.Readers.Html;

/// <summary>
/// Reads an HTML page (AngleSharp): decodes the bytes as a browser would (<see cref="HtmlDecoding"/>), keeps only the
/// article, chosen by non-link text density (<see cref="HtmlArticle"/>), and turns it into blocks: paragraphs from
/// <c>&lt;p&gt;</c>, <c>&lt;div&gt;</c> and <c>&lt;br&gt;</c> alike, data tables as tables, site chrome dropped
/// (<see cref="HtmlBlockWalker"/>). Scripts never run and nothing is fetched. Every walk over the tree is iterative,
/// so deep nesting cannot overflow the stack. Location: the element path.
/// </summary>
public sealed partial class HtmlReader : INoticeReader
{
    /// <summary>How much of the head is sniffed for markup.</summary>
    private const int SniffLength = 1024;

    /// <summary>Tags only HTML opens with (after a BOM, white space, comments and an XML declaration).</summary>
    private static readonly string[] OpeningTags =
    [
        "<!doctype html", "<html", "<head", "<body", "<meta", "<title", "<div", "<p>", "<p ", "<table", "<span", "<br", "<h1", "<h2",
        "<article", "<section", "<font", "<center",
    ];

    private static readonly string[] Extensions = [".html", ".htm", ".xhtml", ".shtml"];

    /// <inheritdoc/>
    public InputFormat Format => InputFormat.Html;

    /// <summary>Certain when the content opens with markup only HTML has; likely when the name ends in <c>.html</c> and the content has a tag.</summary>
    public FormatConfidence Recognize(ReadOnlySpan<byte> content, string? fileName)
    {
        var head = content[..Math.Min(content.Length, SniffLength)];
        if (LooksLikeHtml(head)) return FormatConfidence.Certain;
        var extension = fileName is null ? "" : Path.GetExtension(fileName).ToLowerInvariant();
        return Extensions.Contains(extension) && head.IndexOf((byte)'<') >= 0 ? FormatConfidence.Likely : FormatConfidence.None;
    }

    /// <summary>Markup at the start (after a BOM, whitespace and comments) that only HTML has.</summary>
    private static bool LooksLikeHtml(ReadOnlySpan<byte> head)
    {
        var text = System.Text.Encoding.Latin1.GetString(head);
        if (text.StartsWith("\u00EF\u00BB\u00BF", StringComparison.Ordinal)) text = text[3..];
        else if (text.StartsWith("\u00FF\u00FE", StringComparison.Ordinal) || text.StartsWith("\u00FE\u00FF", StringComparison.Ordinal))
            text = text.Replace("\0", "", StringComparison.Ordinal)[2..];
        text = text.TrimStart().ToLowerInvariant();
        while (text.StartsWith("<!--", StringComparison.Ordinal) || text.StartsWith("<?xml", StringComparison.Ordinal))
        {
            var end = text.StartsWith("<!--", StringComparison.Ordinal) ? text.IndexOf("-->", StringComparison.Ordinal) : text.IndexOf("?>", StringComparison.Ordinal);
            if (end < 0) return false;
            text = text[(end + (text[1] == '!' ? 3 : 2))..].TrimStart();
        }
        foreach (var tag in OpeningTags)
            if (text.StartsWith(tag, StringComparison.Ordinal)) return true;
        return false;
    }

    /// <inheritdoc/>
    public ExtractedDocument Read(Stream content, ReaderContext context)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(context);
        var limits = context.Limits;
        var warnings = new List<Warning>();
        var (text, encoding) = HtmlDecoding.Decode(NoticeReaders.Bytes(content), context.Encoding, warnings);
        if (NestingEstimate(text) > 4 * limits.MaxDepth)
            throw new NoticeFormatException(NoticeErrorKind.LimitExceeded, $"the page nests elements more than {limits.MaxDepth} levels deep");
        if (ElementEstimate(text) > limits.MaxElements)
            throw new NoticeFormatException(NoticeErrorKind.LimitExceeded, $"the page has more than {limits.MaxElements:N0} elements");
        var parser = new HtmlParser(new HtmlParserOptions { IsScripting = false, IsEmbedded = false });
        var document = parser.ParseDocument(text);
        context.Cancellation.ThrowIfCancellationRequested();
        var body = document.Body ?? document.DocumentElement;
        var stats = new HtmlArticle.TextStats(body, limits.MaxDepth);
        var article = HtmlArticle.FindArticle(body, stats);
        var builder = new ExtractedDocumentBuilder();
        new HtmlBlockWalker(builder, stats, context.CompiledRules.ChromeLine, context.Cancellation).Walk(article, HtmlArticle.PathOf(article));
        return builder.Build(InputFormat.Html, encoding, warnings, TitleOf(document, context.CompiledRules.Metadata.SiteSeparator));
    }

    /// <summary>Elements that never hold content, or that the next sibling closes: they do not deepen the tree.</summary>
    private static readonly HashSet<string> Flat = new(StringComparer.OrdinalIgnoreCase)
    {
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr",
        "p", "li", "dt", "dd", "tr", "td", "th", "option", "optgroup", "thead", "tbody", "tfoot", "rb", "rt", "rp",
    };

    /// <summary>
    /// A quick upper estimate of how deep the page nests elements, from its tags alone (comments, scripts and styles
    /// skipped). Tree construction costs time with the square of the depth, so a page nested beyond reason is refused
    /// before it is parsed: 100,000 nested divs would otherwise take a minute.
    /// </summary>
    /// <summary>How many start tags the page has, counted without building its tree (an element's tree costs far more than its text).</summary>
    internal static int ElementEstimate(string html)
    {
        var count = 0;
        for (var i = html.IndexOf('<'); i >= 0 && i < html.Length - 1; i = html.IndexOf('<', i + 1))
            if (char.IsAsciiLetter(html[i + 1])) count++;
        return count;
    }

    internal static int NestingEstimate(string html)
    {
        int depth = 0, deepest = 0;
        for (var i = html.IndexOf('<'); i >= 0 && i < html.Length - 1; i = html.IndexOf('<', i + 1))
        {
            if (string.CompareOrdinal(html, i, "<!--", 0, 4) == 0)
            {
                var close = html.IndexOf("-->", i + 4, StringComparison.Ordinal);
                if (close < 0) break;
                i = close;
                continue;
            }
            var closing = html[i + 1] == '/';
            var start = closing ? i + 2 : i + 1;
            var end = start;
            while (end < html.Length && char.IsAsciiLetterOrDigit(html[end])) end++;
            if (end == start || !char.IsAsciiLetter(html[start])) continue;
            var name = html[start..end];
            if (!closing && (name.Equals("script", StringComparison.OrdinalIgnoreCase) || name.Equals("style", StringComparison.OrdinalIgnoreCase)))
            {
                var close = html.IndexOf("</" + name, end, StringComparison.OrdinalIgnoreCase);
                if (close < 0) break;
                i = close;
                continue;
            }
            if (Flat.Contains(name)) continue;
            var gt = html.IndexOf('>', end);
            if (!closing && gt > 0 && html[gt - 1] == '/') continue;
            depth = closing ? Math.Max(0, depth - 1) : depth + 1;
            deepest = Math.Max(deepest, depth);
        }
        return deepest;
    }

    /// <summary>The page's title: its <c>&lt;h1&gt;</c>, or its <c>&lt;title&gt;</c> without the site name.</summary>
    private static string? TitleOf(AngleSharp.Html.Dom.IHtmlDocument document, Regex siteSeparator)
    {
        var h1 = document.QuerySelector("h1")?.TextContent;
        if (!string.IsNullOrWhiteSpace(h1) && h1.Length <= 120) return Collapse(h1);
        var title = document.Title;
        // A "title" longer than any line a title is (hostile or broken markup) names nothing, and is not split.
        if (string.IsNullOrWhiteSpace(title) || title.Length > BoundedMatches.MaxLine) return null;
        var first = siteSeparator.Split(title)[0];
        return Collapse(first);
    }

    private static string Collapse(string s) => WhiteSpace().Replace(s, " ").Trim();

    [GeneratedRegex(@"[ \t\r\n\f]+", RegexOptions.CultureInvariant)]
    private static partial Regex WhiteSpace();
}
