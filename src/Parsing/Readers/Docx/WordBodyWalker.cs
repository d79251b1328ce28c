using System.Text;
using DocumentFormat.OpenXml;
using Extractor.Parsing.Tables;
using static Extractor.Parsing.Readers.Docx.DocxNumbering;

namespace Extractor.Parsing.Readers.Docx;

/// <summary>
/// Walks a WordprocessingML body without recursion, turning paragraphs into blocks and tables into grids. It goes by
/// local names, so it reads Word 2007+ (<c>w:document</c>) and Word 2003 XML (<c>w:wordDocument</c>) alike: the 2003
/// spellings (<c>vmerge</c>, <c>hlink</c>, <c>wx:sect</c> and <c>wx:sub-section</c>, insertions as
/// <c>aml:annotation</c>) are read as their later equivalents. The paragraph numbering comes from the caller.
/// </summary>
internal sealed class WordBodyWalker(ExtractedDocumentBuilder builder, Func<OpenXmlElement, string?> number, int maxDepth, CancellationToken cancellation)
{
    private int _paragraph = -1;

    /// <summary>The text boxes the paragraph read last anchors: read after it.</summary>
    private readonly List<OpenXmlElement> _boxes = [];

    public void Walk(OpenXmlElement body)
    {
        var stack = new Stack<(OpenXmlElement Element, int Depth)>();
        Push(stack, body, 0);
        var count = 0;
        while (stack.Count > 0)
        {
            if ((++count & 255) == 0) cancellation.ThrowIfCancellationRequested();
            var (element, depth) = stack.Pop();
            if (depth > maxDepth)
                throw new NoticeFormatException(NoticeErrorKind.LimitExceeded, $"the document nests elements more than {maxDepth} levels deep");
            switch (element.LocalName)
            {
                case "p":
                    foreach (var line in Paragraph(element, depth)) builder.Add(line, paragraph: _paragraph);
                    // Text boxes anchored here come next, read as body content (a table in one is a table).
                    for (var b = _boxes.Count - 1; b >= 0; b--) Push(stack, _boxes[b], depth + 1);
                    _boxes.Clear();
                    break;
                case "tbl":
                    Table(element, depth);
                    break;
                case "sdt":
                    Push(stack, Child(element, "sdtContent"), depth + 1);
                    break;
                case "customXml" or "ins" or "moveTo" or "sdtContent" or "sect" or "sub-section" or "pBdrGroup":
                    Push(stack, element, depth + 1);
                    break;
                case "annotation" when IsInsertion(element):
                    Push(stack, Child(element, "content"), depth + 1);
                    break;
            }
        }
    }

    private static void Push(Stack<(OpenXmlElement, int)> stack, OpenXmlElement? parent, int depth)
    {
        if (parent is null) return;
        // OpenXmlElementList's indexer walks the list from its start: copied once, a body of n paragraphs costs n, not n².
        var children = parent.ChildElements.ToArray();
        for (var i = children.Length - 1; i >= 0; i--) stack.Push((children[i], depth));
    }

    /// <summary>The paragraph's text as displayed: number, then runs; a line break starts a new line.</summary>
    private List<string> Paragraph(OpenXmlElement p, int depth)
    {
        _paragraph++;
        _boxes.Clear();
        var lines = new List<string>();
        var text = new StringBuilder(number(p) ?? "");
        var fields = new Stack<bool>(); // per open field: true while in its code (before 'separate')
        var stack = new Stack<(OpenXmlElement Element, int Depth)>();
        Push(stack, p, depth + 1);
        while (stack.Count > 0)
        {
            var (e, d) = stack.Pop();
            if (d > maxDepth)
                throw new NoticeFormatException(NoticeErrorKind.LimitExceeded, $"the document nests elements more than {maxDepth} levels deep");
            switch (e.LocalName)
            {
                case "t":
                    if (!fields.Contains(true)) text.Append(e.InnerText);
                    break;
                case "tab" or "ptab":
                    if (!fields.Contains(true) && e.Parent?.LocalName == "r") text.Append('\t');
                    break;
                case "br" or "cr":
                    if (Attr(e, "type") is "page" or "column") break;
                    lines.Add(text.ToString());
                    text.Clear();
                    break;
                case "noBreakHyphen":
                    text.Append('-');
                    break;
                case "fldChar":
                    switch (Attr(e, "fldCharType"))
                    {
                        case "begin": fields.Push(true); break;
                        case "separate" when fields.Count > 0: fields.Pop(); fields.Push(false); break;
                        case "end" when fields.Count > 0: fields.Pop(); break;
                    }
                    break;
                case "r" or "hyperlink" or "hlink" or "smartTag" or "customXml" or "ins" or "moveTo" or "fldSimple" or "dir" or "bdo" or "sdtContent":
                    Push(stack, e, d + 1);
                    break;
                case "annotation" when IsInsertion(e):
                    Push(stack, e, d + 1);
                    break;
                case "content" when e.Parent?.LocalName == "annotation":
                    Push(stack, e, d + 1);
                    break;
                case "sdt":
                    Push(stack, Child(e, "sdtContent"), d + 1);
                    break;
                case var _ when DocxTextBoxes.MayHold(e) && e.Parent?.LocalName == "r":
                    _boxes.AddRange(DocxTextBoxes.Find(e));
                    break;
                // Dropped: deletions, moved-from text, field codes, properties, drawings, footnote marks, math.
            }
        }
        lines.Add(text.ToString());
        return lines;
    }

    private void Table(OpenXmlElement table, int depth)
    {
        var index = builder.NextTableIndex;
        var grid = new TableGrid();
        foreach (var row in table.ChildElements.Where(e => e.LocalName == "tr"))
        {
            cancellation.ThrowIfCancellationRequested();
            grid.NewRow();
            var header = Child(Child(row, "trPr"), "tblHeader") is { } h && Val(h) is not ("0" or "false");
            foreach (var cell in row.ChildElements.Where(e => e.LocalName == "tc"))
            {
                var tcPr = Child(cell, "tcPr");
                var span = int.TryParse(Val(Child(tcPr, "gridSpan")), out var s) ? s : 1;
                if ((Child(tcPr, "vMerge") ?? Child(tcPr, "vmerge")) is { } merge && Val(merge) is null or "continue")
                {
                    // Continues the cell above: the paragraphs of a continuation cell are empty by Word's rules.
                    var column = grid.NextColumn;
                    for (var c = 0; c < Math.Clamp(span, 1, TableGrid.MaxSpan); c++) grid.ContinueFromAbove(column + c);
                    continue;
                }
                var blocks = new List<int>();
                var queue = new Queue<OpenXmlElement>(Paragraphs(cell, depth + 1));
                while (queue.Count > 0)
                {
                    foreach (var line in Paragraph(queue.Dequeue(), depth + 1))
                        if (builder.Add(line, paragraph: _paragraph, table: index) is var b and >= 0) blocks.Add(b);
                    // A text box in a cell is read as more of the cell's paragraphs.
                    foreach (var box in _boxes.ToList()) foreach (var p in Paragraphs(box, depth + 1)) queue.Enqueue(p);
                    _boxes.Clear();
                }
                grid.Add(new TableCell(blocks, header), 1, span);
            }
        }
        builder.AddTable(grid.Build());
    }

    /// <summary>The paragraphs of a cell in order, nested tables flattened.</summary>
    private IEnumerable<OpenXmlElement> Paragraphs(OpenXmlElement cell, int depth)
    {
        var stack = new Stack<(OpenXmlElement, int)>();
        Push(stack, cell, depth);
        while (stack.Count > 0)
        {
            var (e, d) = stack.Pop();
            if (d > maxDepth)
                throw new NoticeFormatException(NoticeErrorKind.LimitExceeded, $"the document nests elements more than {maxDepth} levels deep");
            if (e.LocalName == "p") yield return e;
            else if (e.LocalName is "tbl" or "tr" or "tc" or "sdt" or "sdtContent" or "customXml" or "ins" or "moveTo" or "sub-section" or "pBdrGroup"
                     || (e.LocalName == "annotation" && IsInsertion(e)) || (e.LocalName == "content" && e.Parent?.LocalName == "annotation")) Push(stack, e, d + 1);
        }
    }

    /// <summary>A Word 2003 tracked insertion (<c>aml:annotation w:type="Word.Insertion"</c>): its content is kept; other annotations (deletions, comments) are dropped.</summary>
    private static bool IsInsertion(OpenXmlElement annotation) => Attr(annotation, "type") == "Word.Insertion";
}
