using System.Text;
using Extractor.Parsing.Tables;

namespace Extractor.Parsing.Readers.Doc;

/// <summary>
/// Walks the main text of a Word 97-2003 document once, character by character, into blocks: a paragraph mark
/// (0x0D), a cell mark (0x07) or a section break (0x0C where a paragraph run ends) ends a paragraph, a line break
/// (0x0B) or a page break inside a paragraph starts a new block; a field's code (between 0x13 and 0x14) is skipped and its result (up to 0x15) kept, nested fields too;
/// tracked deletions are dropped; pictures, footnote and comment anchors and other control characters are left out.
/// Each paragraph gets its list number, if it has one. Table cells (paragraphs in a table, closed by a cell mark) are
/// gathered per row and laid out when the row mark brings the row's cell boundaries and merges; cells of nested
/// tables are read as paragraphs of the outer cell. Location: the 0-based index of the paragraph among all paragraphs.
/// </summary>
internal sealed class DocBodyWalker(ExtractedDocumentBuilder builder, WordText text, WordFormatting formatting, WordLists lists, CancellationToken cancellation)
{
    private sealed record Cell(List<(string Text, int Paragraph)> Lines);

    private sealed record Row(List<Cell> Cells, RowDefinition? Definition, bool Header);

    private readonly List<Row> _rows = [];
    private List<Cell> _cells = [];
    private List<(string Text, int Paragraph)> _cell = [];
    private int _paragraph = -1;

    public void Walk()
    {
        var source = text.Text;
        var lines = new List<string>();
        var line = new StringBuilder();
        var fields = new Stack<bool>(); // per open field: true while in its code
        var inCode = 0;
        for (var cp = 0; cp < source.Length; cp++)
        {
            if ((cp & 4095) == 0) cancellation.ThrowIfCancellationRequested();
            var c = source[cp];
            if (formatting.IsDeleted(text.FcOf(cp))) continue;
            switch (c)
            {
                case '\u0013':
                    fields.Push(true);
                    inCode++;
                    continue;
                case '\u0014':
                    if (fields.Count > 0 && fields.Peek()) { fields.Pop(); fields.Push(false); inCode--; }
                    continue;
                case '\u0015':
                    if (fields.Count > 0 && fields.Pop()) inCode--;
                    continue;
                case '\u000C' when !formatting.EndsParagraph(text.FcRange(cp).End):
                    // A page break inside a paragraph: a new line of the same paragraph (a section break ends its paragraph).
                    lines.Add(line.ToString());
                    line.Clear();
                    continue;
                case '\r' or '\u0007' or '\u000C':
                    lines.Add(line.ToString());
                    line.Clear();
                    Paragraph(lines, formatting.Paragraph(text.FcOf(cp)), c);
                    lines.Clear();
                    continue;
            }
            if (inCode > 0) continue;
            switch (c)
            {
                case '\u000B':
                    lines.Add(line.ToString());
                    line.Clear();
                    break;
                case '\t':
                    line.Append('\t');
                    break;
                case '\u001E':
                    line.Append('-');
                    break;
                case < ' ':
                    break; // pictures, drawn objects, footnote and comment anchors, optional hyphens
                default:
                    line.Append(c);
                    break;
            }
        }
        if (line.Length > 0) lines.Add(line.ToString());
        if (lines.Count > 0) Paragraph(lines, new ParagraphProperties(), '\r');
        EndTable();
    }

    private void Paragraph(List<string> lines, ParagraphProperties properties, char mark)
    {
        _paragraph++;
        if (properties.Ilfo > 0 && lists.Render(properties.Ilfo, properties.Ilvl) is { } number && lines.Count > 0)
            lines[0] = number + lines[0];
        if (!properties.InTable)
        {
            EndTable();
            foreach (var l in lines) builder.Add(l, paragraph: _paragraph);
            return;
        }
        if (properties.RowEnd && mark == '\u0007')
        {
            if (_cell.Count > 0) EndCell();
            _rows.Add(new Row(_cells, properties.Row, properties.Header));
            _cells = [];
            return;
        }
        foreach (var l in lines) _cell.Add((l, _paragraph));
        if (mark == '\u0007' && properties.Depth <= 1) EndCell();
    }

    private void EndCell()
    {
        _cells.Add(new Cell(_cell));
        _cell = [];
    }

    /// <summary>Lays the gathered rows out as a grid: columns from the union of the rows' cell boundaries, merges from the row definitions.</summary>
    private void EndTable()
    {
        if (_cell.Count > 0) EndCell();
        if (_cells.Count > 0) _rows.Add(new Row(_cells, null, false));
        _cells = [];
        if (_rows.Count == 0) return;
        var edges = _rows.Where(r => r.Definition is not null).SelectMany(r => r.Definition!.Boundaries).Distinct().Order().ToList();
        var index = builder.NextTableIndex;
        var grid = new TableGrid();
        foreach (var row in _rows)
        {
            grid.NewRow();
            var definition = row.Definition is { } d && d.Boundaries.Length == row.Cells.Count + 1 ? d : null;
            for (var i = 0; i < row.Cells.Count; i++)
            {
                var span = 1;
                if (definition is not null)
                {
                    // A cell merged horizontally into this one widens it.
                    var right = i + 1;
                    while (right < row.Cells.Count && definition.Horizontal[right] == 2) right++;
                    span = Math.Max(1, edges.Count(e => e >= definition.Boundaries[i] && e < definition.Boundaries[right]));
                    if (definition.Vertical[i] == 1)
                    {
                        var column = grid.NextColumn;
                        for (var c = 0; c < Math.Min(span, TableGrid.MaxSpan); c++) grid.ContinueFromAbove(column + c);
                        i = right - 1;
                        continue;
                    }
                    var blocks = Add(row.Cells[i..right], index);
                    grid.Add(new TableCell(blocks, row.Header), 1, span);
                    i = right - 1;
                    continue;
                }
                grid.Add(new TableCell(Add(row.Cells[i..(i + 1)], index), row.Header), 1, span);
            }
        }
        _rows.Clear();
        builder.AddTable(grid.Build());
    }

    private List<int> Add(IEnumerable<Cell> cells, int table)
    {
        var blocks = new List<int>();
        foreach (var cell in cells)
            foreach (var (line, paragraph) in cell.Lines)
                if (builder.Add(line, paragraph: paragraph, table: table) is var b and >= 0) blocks.Add(b);
        return blocks;
    }
}
