using System.Text;
using Extractor.Parsing.Tables;
using UglyToad.PdfPig.Content;

namespace Extractor.Parsing.Readers.Pdf;

/// <summary>A cell of a ruled table on a PDF page: its lines, rebuilt from the letters inside it.</summary>
/// <param name="Lines">The cell's lines, top to bottom.</param>
public sealed record PdfCell(IReadOnlyList<PdfLine> Lines)
{
    /// <summary>The cell's text, its lines joined by line feeds.</summary>
    public string Text => string.Join("\n", Lines.Select(l => l.Text));
}

/// <summary>A ruled table of a page, as a grid: a merged cell is the same <see cref="PdfCell"/> at every position it covers.</summary>
/// <param name="Page">1-based page.</param>
/// <param name="Top">Its top edge on the page.</param>
/// <param name="Bottom">Its bottom edge.</param>
/// <param name="Left">Its left edge.</param>
/// <param name="Right">Its right edge.</param>
/// <param name="Columns">The column boundaries, left to right.</param>
/// <param name="Rows">The rows, top to bottom.</param>
public sealed record PdfTable(int Page, double Top, double Bottom, double Left, double Right, IReadOnlyList<double> Columns,
    IReadOnlyList<IReadOnlyList<PdfCell?>> Rows);

/// <summary>A step of PDF layout beside the line builder: the ruled tables of a page, whose letters are then no lines of running text.</summary>
public interface IPdfTableDetector
{
    /// <summary>The page's tables, top to bottom.</summary>
    IReadOnlyList<PdfTable> Tables(Page page);
}

/// <summary>
/// Puts a PDF's tables among its paragraphs: the page's lines inside a table are the table's, not running text; a table
/// that goes on at the top of the next page with the same columns is one table, the header rows it repeats there
/// dropped; each table is added where it stands in reading order, and no paragraph runs across one.
/// </summary>
internal static class PdfTableFlow
{
    /// <summary>The page's lines outside its tables.</summary>
    public static IReadOnlyList<PdfLine> Outside(IReadOnlyList<PdfLine> lines, IReadOnlyList<PdfTable> tables) =>
        tables.Count == 0 ? lines : [.. lines.Where(l => !tables.Any(t => l.Baseline < t.Top && l.Baseline > t.Bottom && l.Right > t.Left && l.Left < t.Right))];

    /// <summary>
    /// The tables with each continuation joined to the table it continues: the next page's first table, nothing of the
    /// running text between them, the same column boundaries; rows at its top that repeat the first rows of the table are
    /// its repeated header.
    /// </summary>
    public static List<(PdfTable Table, int HeaderRows)> Join(IReadOnlyList<PdfTable> tables, IReadOnlyList<IReadOnlyList<PdfLine>> pages)
    {
        var joined = new List<(PdfTable Table, int HeaderRows)>();
        foreach (var table in tables)
        {
            if (joined.Count > 0 && joined[^1].Table is var last && table.Page == last.Page + 1 && SameColumns(last, table)
                && !pages[last.Page - 1].Any(l => l.Baseline < last.Bottom) && !pages[table.Page - 1].Any(l => l.Baseline > table.Top))
            {
                var repeated = 0;
                while (repeated < table.Rows.Count - 1 && repeated < last.Rows.Count
                       && RowText(table.Rows[repeated]) == RowText(last.Rows[repeated])) repeated++;
                var rest = table.Rows.Skip(repeated).ToList();
                var rows = last.Rows.ToList();
                if (rest.Count > 0 && rows.Count > 0 && CutByPageBreak(rows[^1], rest[0]))
                {
                    // The row the page break cut: each cell's lines go on in the same cell on the next page.
                    var merged = new Dictionary<PdfCell, PdfCell>(ReferenceEqualityComparer.Instance);
                    for (var c = 0; c < rows[^1].Count && c < rest[0].Count; c++)
                        if (rows[^1][c] is { } above && rest[0][c] is { } below && !merged.ContainsKey(above) && !merged.ContainsKey(below))
                            merged[above] = merged[below] = new PdfCell([.. above.Lines, .. below.Lines]);
                    IReadOnlyList<PdfCell?> Swap(IReadOnlyList<PdfCell?> row) => [.. row.Select(c => c is not null && merged.TryGetValue(c, out var m) ? m : c)];
                    rows = [.. rows.Select(Swap)];
                    rest = [.. rest.Skip(1).Select(Swap)];
                }
                joined[^1] = (last with { Rows = [.. rows, .. rest] }, Math.Max(joined[^1].HeaderRows, repeated));
                continue;
            }
            joined.Add((table, 0));
        }
        return joined;
    }

    /// <summary>
    /// Whether the first row on the next page goes on with the last row of the page before, which a page break cut: its
    /// first cell (the number, written once) is empty where the cut row's is not, and a cell of the cut row stops in the
    /// middle of a sentence.
    /// </summary>
    private static bool CutByPageBreak(IReadOnlyList<PdfCell?> last, IReadOnlyList<PdfCell?> next)
    {
        if (last.Count == 0 || next.Count == 0 || string.IsNullOrWhiteSpace(last[0]?.Text) || !string.IsNullOrWhiteSpace(next[0]?.Text)) return false;
        return last.Zip(next).Any(p => p.First?.Text.TrimEnd() is { Length: > 0 } text && !string.IsNullOrWhiteSpace(p.Second?.Text)
            && Text.CharClass.IsCjk(text[^1]) && !ReferenceEquals(p.First, p.Second));
    }

    private static bool SameColumns(PdfTable a, PdfTable b) =>
        a.Columns.Count == b.Columns.Count && a.Columns.Zip(b.Columns).All(p => Math.Abs(p.First - p.Second) <= 2);

    private static string RowText(IReadOnlyList<PdfCell?> row) => string.Join("|", row.Select(c => c?.Text.Replace(" ", "", StringComparison.Ordinal)));

    /// <summary>Adds paragraphs and tables in reading order (page, then top to bottom); a paragraph a table interrupts is split there.</summary>
    public static void Add(ExtractedDocumentBuilder builder, IReadOnlyList<IReadOnlyList<PdfLine>> paragraphs, List<(PdfTable Table, int HeaderRows)> tables,
        IReadOnlyList<IReadOnlyList<PdfLine>> allLines)
    {
        var next = 0;
        foreach (var paragraph in paragraphs)
        {
            var part = new List<PdfLine>();
            foreach (var line in paragraph)
            {
                while (next < tables.Count && Before(tables[next].Table, line))
                {
                    if (part.Count > 0) { PagedDocument.AddParagraphs(builder, [part]); part = []; }
                    AddTable(builder, tables[next++], allLines);
                }
                part.Add(line);
            }
            if (part.Count > 0) PagedDocument.AddParagraphs(builder, [part]);
        }
        while (next < tables.Count) AddTable(builder, tables[next++], allLines);
    }

    private static bool Before(PdfTable table, PdfLine line) => table.Page < line.Page || (table.Page == line.Page && table.Top > line.Baseline);

    private static void AddTable(ExtractedDocumentBuilder builder, (PdfTable Table, int HeaderRows) entry, IReadOnlyList<IReadOnlyList<PdfLine>> allLines)
    {
        var index = builder.NextTableIndex;
        var cells = new Dictionary<PdfCell, TableCell>(ReferenceEqualityComparer.Instance);
        var rows = new List<IReadOnlyList<TableCell?>>();
        for (var r = 0; r < entry.Table.Rows.Count; r++)
        {
            var row = new List<TableCell?>();
            foreach (var cell in entry.Table.Rows[r])
            {
                if (cell is null) { row.Add(null); continue; }
                if (!cells.TryGetValue(cell, out var tableCell))
                {
                    var blocks = new List<int>();
                    if (cell.Lines.Count > 0)
                    {
                        var lines = cell.Lines.Select(l => new PageLine(l.Page, PageLineOf(l, allLines))).ToList();
                        var text = new StringBuilder();
                        foreach (var l in cell.Lines) text.Append(text.Length > 0 ? "\n" : "").Append(l.Text);
                        if (builder.Add(text.ToString(), page: cell.Lines[0].Page, table: index, lines: lines) is var b and >= 0) blocks.Add(b);
                    }
                    cells[cell] = tableCell = new TableCell(blocks, r < entry.HeaderRows);
                }
                row.Add(tableCell);
            }
            rows.Add(row);
        }
        builder.AddTable(new ExtractedTable(rows));
    }

    /// <summary>The line of the page (as the line builder counted them) at the cell line's height.</summary>
    private static int PageLineOf(PdfLine line, IReadOnlyList<IReadOnlyList<PdfLine>> allLines)
    {
        var page = line.Page - 1 < allLines.Count ? allLines[line.Page - 1] : [];
        return page.Count == 0 ? line.PageLine : page.MinBy(l => Math.Abs(l.Baseline - line.Baseline))!.PageLine;
    }
}
