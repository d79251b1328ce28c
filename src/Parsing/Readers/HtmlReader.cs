using System.Text;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Extractor.Parsing.Documents;
using Extractor.Parsing.Text;

namespace Extractor.Parsing.Readers;

/// <summary>
/// Reads an HTML page (AngleSharp): decodes the bytes as a browser would, keeps only the article — chosen by
/// non-link text density, not by one site's class names — and turns it into blocks: paragraphs from <c>&lt;p&gt;</c>,
/// <c>&lt;div&gt;</c> and <c>&lt;br&gt;</c> alike, data tables as tables. Scripts never run and nothing is fetched.
/// Every walk over the tree is iterative, so deep nesting cannot overflow the stack.
/// </summary>
internal static partial class HtmlReader
{
    /// <summary>Elements that never hold article text.</summary>
    private static readonly HashSet<string> Skipped = new(StringComparer.Ordinal)
    {
        "script", "style", "noscript", "template", "iframe", "frame", "frameset", "object", "embed", "svg", "math", "canvas",
        "video", "audio", "map", "form", "input", "button", "select", "textarea", "nav", "aside", "footer", "head", "link", "meta",
    };

    /// <summary>Elements that start and end a block of text.</summary>
    private static readonly HashSet<string> BlockTags = new(StringComparer.Ordinal)
    {
        "p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "dt", "dd", "blockquote", "pre", "section", "article", "header",
        "main", "address", "center", "ul", "ol", "dl", "figure", "figcaption", "hr", "table", "thead", "tbody", "tfoot", "tr",
        "td", "th", "caption", "body", "html", "details", "summary", "fieldset", "legend",
    };

    /// <summary>Containers the article search may descend into (a paragraph is never a container).</summary>
    private static readonly HashSet<string> ContainerTags = new(StringComparer.Ordinal)
    {
        "div", "section", "article", "main", "td", "th", "table", "tbody", "thead", "tr", "center", "blockquote", "font", "span", "body", "form",
    };

    /// <summary>Site chrome that sits inside article containers: info bars, tool links, pagers, breadcrumbs.</summary>
    [GeneratedRegex(@"^(?:当前位置|您的位置|所在位置|发布时间|发布日期|发文日期|日期|时间|来源|信息来源|文章来源|浏览次数|浏览量|阅读次数|点击数|点击量|访问量|作者|编辑|责任编辑|审核|字号|分享到|上一篇|下一篇|相关文章|相关链接|相关新闻|打印本页|关闭窗口)\s*[:：]?|【\s*(?:打印|关闭|大|中|小|返回顶部)|^(?:【?打印本页】?|【?关闭窗口】?|返回顶部|\[?打印\]?\s*\[?关闭\]?)$", RegexOptions.CultureInvariant)]
    private static partial Regex ChromeLine();

    [GeneratedRegex(@"<meta[^>]+?charset\s*=\s*[""']?\s*([A-Za-z0-9_\-:.]+)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex MetaCharset();

    public static ExtractedDocument Read(byte[] bytes, Encoding? forced, ParserLimits limits, CancellationToken cancellation)
    {
        var warnings = new List<Warning>();
        var (text, encoding) = Decode(bytes, forced, warnings);
        if (NestingEstimate(text) > 4 * limits.MaxDepth)
            throw new NoticeFormatException(NoticeErrorKind.LimitExceeded, $"the page nests elements more than {limits.MaxDepth} levels deep");
        var parser = new HtmlParser(new HtmlParserOptions { IsScripting = false, IsEmbedded = false });
        var document = parser.ParseDocument(text);
        cancellation.ThrowIfCancellationRequested();
        var body = document.Body ?? document.DocumentElement;
        var stats = new TextStats(body, limits.MaxDepth);
        var article = FindArticle(body, stats);
        var builder = new BlockBuilder();
        new Walker(builder, stats, cancellation).Walk(article, PathOf(article));
        return builder.Build(InputFormat.Html, encoding, warnings, TitleOf(document));
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

    // ------------------------------------------------------------------ decoding

    /// <summary>BOM, then the charset a <c>&lt;meta&gt;</c> in the first 1024 bytes declares, then detection.</summary>
    private static (string Text, string Encoding) Decode(byte[] bytes, Encoding? forced, List<Warning> warnings)
    {
        if (forced is not null) return (TextDecoder.Decode(bytes, forced).Text, forced.WebName);
        if (bytes.AsSpan().StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]) || bytes.AsSpan().StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE])
            || bytes.AsSpan().StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            var bom = TextDecoder.Decode(bytes);
            return (bom.Text, bom.Encoding);
        }
        var head = Encoding.Latin1.GetString(bytes, 0, Math.Min(bytes.Length, 1024));
        if (MetaCharset().Match(head) is { Success: true } meta && Declared(meta.Groups[1].Value) is { } declared)
        {
            if (declared.IsSingleByte)
            {
                // A Chinese notice in a Western single-byte encoding is a mislabelled page: trust the bytes if they are
                // UTF-8, GB18030 or Big5, as the label can decode anything into the wrong characters.
                try
                {
                    var bytesSay = TextDecoder.Decode(bytes);
                    if (!bytesSay.Guessed)
                    {
                        warnings.Add(new Warning
                        {
                            Code = WarningCodes.EncodingGuessed,
                            Message = $"the page declares charset {meta.Groups[1].Value} but its bytes are {bytesSay.Encoding}; decoded as {bytesSay.Encoding}",
                        });
                        return (bytesSay.Text, bytesSay.Encoding);
                    }
                }
                catch (NoticeFormatException)
                {
                    // Not a multi-byte text: the declared single-byte encoding it is.
                }
                return (declared.GetString(bytes), declared.WebName);
            }
            try
            {
                var strict = Encoding.GetEncoding(declared.CodePage, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback);
                return (strict.GetString(bytes), declared.WebName == "gb18030" ? "gb18030" : declared.WebName);
            }
            catch (DecoderFallbackException)
            {
                var detected = TextDecoder.Decode(bytes);
                warnings.Add(new Warning
                {
                    Code = WarningCodes.EncodingGuessed,
                    Message = $"the page declares charset {meta.Groups[1].Value} but its bytes are not; decoded as {detected.Encoding}",
                });
                return (detected.Text, detected.Encoding);
            }
        }
        var decoded = TextDecoder.Decode(bytes);
        if (decoded.Guessed)
            warnings.Add(new Warning { Code = WarningCodes.EncodingGuessed, Message = $"the page declares no charset; guessed {decoded.Encoding}" });
        return (decoded.Text, decoded.Encoding);
    }

    /// <summary>The encoding a charset label stands for, as browsers map labels (every GB label decodes as GB18030, its superset).</summary>
    private static Encoding? Declared(string label)
    {
        TextDecoder.EnsureRegistered();
        var name = label.Trim().ToLowerInvariant();
        if (name is "gb2312" or "gbk" or "gb18030" or "x-gbk" or "chinese" or "csgb2312" or "iso-ir-58" or "gb_2312-80" or "gb_2312" or "cp936" or "windows-936")
            return Encoding.GetEncoding(54936);
        if (name is "big5" or "big5-hkscs" or "cn-big5" or "x-x-big5" or "csbig5") return Encoding.GetEncoding(950);
        if (name is "utf8" or "unicode-1-1-utf-8") return Encoding.UTF8;
        // Browsers never honour UTF-7 or UTF-32 labels (they are not in the WHATWG Encoding Standard); neither do we.
        if (name.StartsWith("utf-7", StringComparison.Ordinal) || name.StartsWith("utf-32", StringComparison.Ordinal) || name == "unicode-1-1-utf-7")
            return null;
        try
        {
            return Encoding.GetEncoding(name);
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException)
        {
            return null;
        }
    }

    // ------------------------------------------------------------------ the article

    /// <summary>Text counts per element: visible characters, and those inside links. Skipped elements count nothing.</summary>
    private sealed class TextStats
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
    private static IElement FindArticle(IElement body, TextStats stats)
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
    private static bool IsDataTable(IElement table)
    {
        var rows = Walker.Rows(table);
        if (rows.Count < 2) return false;
        if (rows.Max(r => r.Children.Count(c => c.LocalName is "td" or "th")) < 2) return false;
        if (table.QuerySelector("table") is not null) return false;
        return rows.SelectMany(r => r.Children).All(c => (c.TextContent?.Length ?? 0) <= 1000);
    }

    /// <summary>The element path of <paramref name="element"/> from <c>body</c>: <c>body/div[2]/p[5]</c>.</summary>
    private static string PathOf(IElement element)
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

    /// <summary>The page's title: its <c>&lt;h1&gt;</c>, or its <c>&lt;title&gt;</c> without the site name.</summary>
    private static string? TitleOf(AngleSharp.Html.Dom.IHtmlDocument document)
    {
        var h1 = document.QuerySelector("h1")?.TextContent;
        if (!string.IsNullOrWhiteSpace(h1) && h1.Length <= 120) return Collapse(h1);
        var title = document.Title;
        if (string.IsNullOrWhiteSpace(title)) return null;
        var first = SiteSeparator().Split(title)[0];
        return Collapse(first);
    }

    [GeneratedRegex(@"\s*(?:_|\||｜|－| - | — |——)\s*", RegexOptions.CultureInvariant)]
    private static partial Regex SiteSeparator();

    private static string Collapse(string s) => WhiteSpace().Replace(s, " ").Trim();

    [GeneratedRegex(@"[ \t\r\n\f]+", RegexOptions.CultureInvariant)]
    private static partial Regex WhiteSpace();

    // ------------------------------------------------------------------ blocks

    /// <summary>Walks the article in document order, cutting blocks at block elements and <c>&lt;br&gt;</c>.</summary>
    private sealed class Walker(BlockBuilder builder, TextStats stats, CancellationToken cancellation)
    {
        private readonly StringBuilder _buffer = new();
        private string _bufferPath = "";
        private int? _table;
        private List<int>? _collect;

        public void Walk(IElement root, string rootPath)
        {
            var stack = new Stack<(INode Node, string Path, bool Exit)>();
            stack.Push((root, rootPath, false));
            var visited = 0;
            while (stack.Count > 0)
            {
                if ((++visited & 1023) == 0) cancellation.ThrowIfCancellationRequested();
                var (node, path, exit) = stack.Pop();
                if (node is IText text)
                {
                    AppendText(text.Data, path);
                    continue;
                }
                if (node is not IElement element || stats.IsSkippedNode(element)) continue;
                var name = element.LocalName;
                if (exit)
                {
                    if (BlockTags.Contains(name)) Flush();
                    continue;
                }
                if (name == "br")
                {
                    Flush();
                    continue;
                }
                if (name == "table" && IsDataTable(element))
                {
                    Flush();
                    Table(element, path);
                    continue;
                }
                if (BlockTags.Contains(name)) Flush();
                stack.Push((element, path, true));
                PushChildren(stack, element, path);
            }
            Flush();
        }

        private static void PushChildren(Stack<(INode, string, bool)> stack, IElement element, string path)
        {
            // Sibling indexes in one forward pass, then push in reverse so the first child is walked first.
            var children = element.ChildNodes;
            var counts = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var child in children)
                if (child is IElement e) counts[e.LocalName] = counts.GetValueOrDefault(e.LocalName) + 1;
            var seen = new Dictionary<string, int>(StringComparer.Ordinal);
            var items = new (INode, string, bool)[children.Length];
            for (var i = 0; i < children.Length; i++)
            {
                var child = children[i];
                var childPath = path;
                if (child is IElement e)
                {
                    var n = seen[e.LocalName] = seen.GetValueOrDefault(e.LocalName) + 1;
                    childPath = counts[e.LocalName] > 1 ? $"{path}/{e.LocalName}[{n}]" : $"{path}/{e.LocalName}";
                }
                items[i] = (child, childPath, false);
            }
            for (var i = items.Length - 1; i >= 0; i--) stack.Push(items[i]);
        }

        private void AppendText(string data, string path)
        {
            if (_buffer.Length == 0) _bufferPath = path;
            // HTML collapses runs of white space (not NBSP) into one space.
            var lastWasSpace = _buffer.Length > 0 && _buffer[^1] == ' ';
            foreach (var c in data)
            {
                if (c is ' ' or '\t' or '\n' or '\r' or '\f')
                {
                    if (!lastWasSpace) _buffer.Append(' ');
                    lastWasSpace = true;
                }
                else
                {
                    _buffer.Append(c);
                    lastWasSpace = false;
                }
            }
        }

        private void Flush()
        {
            if (_buffer.Length == 0) return;
            var text = _buffer.ToString().Trim();
            _buffer.Clear();
            if (text.Length == 0) return;
            if (text.Length <= 120 && ChromeLine().IsMatch(text.TrimStart('\u00A0', '\u3000', ' '))) return;
            var index = builder.Add(text, path: _bufferPath, table: _table);
            if (index >= 0) _collect?.Add(index);
        }

        internal static List<IElement> Rows(IElement table)
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

        private void Table(IElement table, string path)
        {
            var index = builder.NextTableIndex;
            var grid = new TableGrid();
            var rows = Rows(table);
            for (var r = 0; r < rows.Count; r++)
            {
                grid.NewRow();
                var cells = rows[r].Children.Where(c => c.LocalName is "td" or "th").ToList();
                for (var c = 0; c < cells.Count; c++)
                {
                    var cell = cells[c];
                    var blocks = new List<int>();
                    var (savedTable, savedCollect) = (_table, _collect);
                    (_table, _collect) = (index, blocks);
                    Walk(cell, $"{path}/tr[{r + 1}]/{cell.LocalName}[{c + 1}]");
                    (_table, _collect) = (savedTable, savedCollect);
                    var header = cell.LocalName == "th" || cell.ParentElement?.ParentElement?.LocalName == "thead";
                    grid.Add(new TableCell(blocks, header), Span(cell, "rowspan"), Span(cell, "colspan"));
                }
            }
            builder.AddTable(grid.Build());
        }

        private static int Span(IElement cell, string attribute) =>
            int.TryParse(cell.GetAttribute(attribute), System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var n) ? n : 1;
    }
}
