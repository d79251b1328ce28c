using System.Text;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using Extractor.Parsing.Tables;

namespace Extractor.Parsing.Readers.Html;

/// <summary>
/// Walks the article in document order without recursion, cutting blocks at block elements and <c>&lt;br&gt;</c>,
/// dropping site chrome lines (<see cref="Rules.ChromeRules.Line"/>) and reading data tables as tables.
/// </summary>
internal sealed class HtmlBlockWalker(ExtractedDocumentBuilder builder, HtmlArticle.TextStats stats, Regex chromeLine, CancellationToken cancellation)
{
    /// <summary>Longest line that may be taken for chrome: longer lines are text whatever they open with.</summary>
    private const int ChromeMaxLength = 120;

    /// <summary>Elements that start and end a block of text.</summary>
    private static readonly HashSet<string> BlockTags = new(StringComparer.Ordinal)
    {
        "p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "dt", "dd", "blockquote", "pre", "section", "article", "header",
        "main", "address", "center", "ul", "ol", "dl", "figure", "figcaption", "hr", "table", "thead", "tbody", "tfoot", "tr",
        "td", "th", "caption", "body", "html", "details", "summary", "fieldset", "legend",
    };

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
            if (name == "table" && HtmlArticle.IsDataTable(element))
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
        if (text.Length <= ChromeMaxLength && chromeLine.IsMatch(text.TrimStart('\u00A0', '\u3000', ' '))) return;
        var index = builder.Add(text, path: _bufferPath, table: _table);
        if (index >= 0) _collect?.Add(index);
    }

    private void Table(IElement table, string path)
    {
        var index = builder.NextTableIndex;
        var grid = new TableGrid();
        var rows = HtmlArticle.Rows(table);
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
