using Extractor.Parsing.Tables;

namespace Extractor.Parsing.Readers.Spreadsheet;

/// <summary>
/// Lays a sheet out as a document: the rows from the first to the last that hold two or more cells are a table (an
/// <see cref="ExtractedTable"/> with merged ranges spread over every position they cover, as HTML and Word tables are);
/// the rows above and below it, each one cell of text (a title typed in A1, a paragraph of preamble, a signature), are
/// paragraphs. A sheet of single cells is all paragraphs — a notice typed down column A reads as text. Each cell's
/// lines are blocks located by the cell reference (<c>Sheet1!B3</c>). Whether the table is a ledger (整改台账) is for the
/// outline to decide from its header, as for any table.
/// </summary>
internal static class SheetLayout
{
    public static void Emit(Worksheet sheet, ExtractedDocumentBuilder builder)
    {
        var hidden = HiddenPositions(sheet);
        var rows = sheet.Rows
            .Select(r => (Row: r.Key, Cells: r.Value.Where(c => !hidden.Contains((r.Key, c.Key))).ToList()))
            .Where(r => r.Cells.Count > 0)
            .ToList();
        var wide = rows.Where(r => r.Cells.Count >= 2).Select(r => r.Row).ToList();
        if (wide.Count == 0)
        {
            foreach (var (row, cells) in rows) Paragraphs(sheet, builder, row, cells);
            return;
        }
        int first = wide[0], last = wide[^1];
        foreach (var (row, cells) in rows.Where(r => r.Row < first)) Paragraphs(sheet, builder, row, cells);
        Table(sheet, builder, rows.Where(r => r.Row >= first && r.Row <= last).ToList(), first, last);
        foreach (var (row, cells) in rows.Where(r => r.Row > last)) Paragraphs(sheet, builder, row, cells);
    }

    /// <summary>Positions a merged range covers other than its top-left cell: a value there is not shown.</summary>
    private static HashSet<(int, int)> HiddenPositions(Worksheet sheet)
    {
        var hidden = new HashSet<(int, int)>();
        var rows = sheet.Rows.Select(r => r.Key).ToArray();
        foreach (var m in sheet.Merges)
        {
            var at = Array.BinarySearch(rows, m.FromRow);
            for (var i = at < 0 ? ~at : at; i < rows.Length && rows[i] <= m.ToRow; i++)
                for (var column = m.FromColumn; column <= m.ToColumn; column++)
                    if ((rows[i], column) != (m.FromRow, m.FromColumn) && sheet[rows[i], column] is not null) hidden.Add((rows[i], column));
        }
        return hidden;
    }

    private static void Paragraphs(Worksheet sheet, ExtractedDocumentBuilder builder, int row, List<KeyValuePair<int, string>> cells)
    {
        foreach (var (column, text) in cells)
            foreach (var line in text.Split('\n'))
                builder.Add(line, path: sheet.Reference(row, column));
    }

    private static void Table(Worksheet sheet, ExtractedDocumentBuilder builder, List<(int Row, List<KeyValuePair<int, string>> Cells)> rows, int first, int last)
    {
        var merges = sheet.Merges.Where(m => m.FromRow >= first && m.FromRow <= last).ToDictionary(m => (m.FromRow, m.FromColumn));
        var left = rows.Min(r => r.Cells[0].Key);
        var right = rows.Max(r => r.Cells.Max(c => merges.TryGetValue((r.Row, c.Key), out var m) ? m.ToColumn : c.Key));
        var width = right - left + 1;
        var height = last - first + 1;
        if ((long)width * height > TableGrid.MaxPositions)
            throw new NoticeFormatException(NoticeErrorKind.LimitExceeded, $"the sheet {sheet.Name} holds a table of more than {TableGrid.MaxPositions} cells");
        var grid = new TableCell?[height][];
        for (var r = 0; r < height; r++) grid[r] = new TableCell?[width];
        var index = builder.NextTableIndex;
        foreach (var (row, cells) in rows)
            foreach (var (column, text) in cells)
            {
                var blocks = new List<int>();
                foreach (var line in text.Split('\n'))
                    if (builder.Add(line, path: sheet.Reference(row, column), table: index) is var b and >= 0) blocks.Add(b);
                var cell = new TableCell(blocks, false);
                var (toRow, toColumn) = merges.TryGetValue((row, column), out var m) ? (Math.Min(m.ToRow, last), m.ToColumn) : (row, column);
                for (var r = row; r <= toRow; r++)
                    for (var c = column; c <= toColumn; c++)
                        grid[r - first][c - left] ??= cell;
            }
        builder.AddTable(new ExtractedTable(grid));
    }
}
