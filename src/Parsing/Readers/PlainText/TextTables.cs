using Extractor.Parsing.Tables;
using Extractor.Parsing.Text;

namespace Extractor.Parsing.Readers.PlainText;

/// <summary>
/// Tables written in plain text with vertical bars, as text copies of web tables and Markdown give them, so that a
/// 整改台账 in a text file gives the same items as the table it was copied from:
/// <list type="bullet">
/// <item>a row per line — two or more consecutive lines with at least two bars each, cells between the bars
/// (<c>序号 | 问题 | 整改措施 |</c>, or <c>| 序号 | 问题 |</c>); a Markdown rule line (<c>|---|---|</c>) is dropped;</item>
/// <item>a cell per line — a run of lines that each end with one bar (<c>序号 |</c>, <c>反馈问题 |</c> …), read in rows as
/// wide as the header: the cells before the first that is only a number (the first row's <c>序号</c>).</item>
/// </list>
/// Anything else is text, a block per line.
/// </summary>
internal static class TextTables
{
    /// <summary>Fewest lines of a cell-per-line table (a header of two and a row of two).</summary>
    private const int MinCellLines = 4;

    /// <summary>A line: where it is and its line number.</summary>
    public readonly record struct Line(int Start, int End, int Number);

    /// <summary>Turns the lines into blocks and tables.</summary>
    public static (List<TextBlock> Blocks, List<ExtractedTable> Tables) Read(string text, IReadOnlyList<Line> lines)
    {
        var blocks = new List<TextBlock>();
        var tables = new List<ExtractedTable>();
        for (var i = 0; i < lines.Count;)
        {
            var rows = RowRun(text, lines, i);
            if (rows >= 2)
            {
                tables.Add(RowTable(text, lines.Skip(i).Take(rows), blocks, tables.Count));
                i += rows;
                continue;
            }
            var (cells, width) = CellRun(text, lines, i);
            if (cells > 0)
            {
                tables.Add(CellTable(text, lines.Skip(i).Take(cells), width, blocks, tables.Count));
                i += cells;
                continue;
            }
            var line = lines[i++];
            blocks.Add(new TextBlock(line.Start, line.End - line.Start, line.Number));
        }
        return (blocks, tables);
    }

    /// <summary>How many lines from <paramref name="from"/> are rows with two or more bars.</summary>
    private static int RowRun(string text, IReadOnlyList<Line> lines, int from)
    {
        var n = 0;
        while (from + n < lines.Count && Bars(text, lines[from + n]) >= 2) n++;
        return n;
    }

    /// <summary>How many lines from <paramref name="from"/> are cells ending with one bar, and the header's width; (0, 0) when not a table.</summary>
    private static (int Lines, int Width) CellRun(string text, IReadOnlyList<Line> lines, int from)
    {
        var n = 0;
        while (from + n < lines.Count && Bars(text, lines[from + n]) == 1 && EndsWithBar(text, lines[from + n])) n++;
        if (n < MinCellLines) return (0, 0);
        var width = 0;
        while (width < n && !IsNumber(CellText(text, lines[from + width]))) width++;
        if (width < 2 || width == n) return (0, 0);
        return (n - (n - width) % width, width);
    }

    private static ExtractedTable RowTable(string text, IEnumerable<Line> rows, List<TextBlock> blocks, int table)
    {
        var grid = new TableGrid();
        foreach (var line in rows)
        {
            var cells = Cells(text, line).ToList();
            if (cells.Count > 0 && cells.All(c => IsRule(text, c))) continue; // |---|---|
            grid.NewRow();
            foreach (var (start, end) in cells) grid.Add(Cell(text, start, end, line.Number, blocks, table), 1, 1);
        }
        return grid.Build();
    }

    private static ExtractedTable CellTable(string text, IEnumerable<Line> lines, int width, List<TextBlock> blocks, int table)
    {
        var grid = new TableGrid();
        var column = width;
        foreach (var line in lines)
        {
            if (column == width)
            {
                grid.NewRow();
                column = 0;
            }
            var (start, end) = Cells(text, line).FirstOrDefault((line.Start, line.Start));
            grid.Add(Cell(text, start, end, line.Number, blocks, table), 1, 1);
            column++;
        }
        return grid.Build();
    }

    private static TableCell Cell(string text, int start, int end, int lineNumber, List<TextBlock> blocks, int table)
    {
        if (end <= start) return new TableCell([], false);
        blocks.Add(new TextBlock(start, end - start, lineNumber) { Table = table });
        return new TableCell([blocks.Count - 1], false);
    }

    /// <summary>The cells of a line between its bars, trimmed; a bar at the start or the end opens or closes the row.</summary>
    private static IEnumerable<(int Start, int End)> Cells(string text, Line line)
    {
        var start = line.Start;
        var end = line.End;
        while (start < end && CharClass.IsSpaceOrInvisible(text[start])) start++;
        while (end > start && CharClass.IsSpaceOrInvisible(text[end - 1])) end--;
        if (start < end && text[start] == '|') start++;
        if (end > start && text[end - 1] == '|') end--;
        var from = start;
        for (var i = start; i <= end; i++)
        {
            if (i < end && text[i] != '|') continue;
            var (s, e) = (from, i);
            while (s < e && CharClass.IsSpaceOrInvisible(text[s])) s++;
            while (e > s && CharClass.IsSpaceOrInvisible(text[e - 1])) e--;
            yield return (s, e);
            from = i + 1;
        }
    }

    private static int Bars(string text, Line line) => text.AsSpan(line.Start, line.End - line.Start).Count('|');

    private static bool EndsWithBar(string text, Line line) => text.AsSpan(line.Start, line.End - line.Start).TrimEnd().EndsWith("|", StringComparison.Ordinal);

    private static string CellText(string text, Line line) =>
        Cells(text, line).FirstOrDefault((line.Start, line.Start)) is var (s, e) ? text[s..e] : "";

    private static bool IsNumber(string cell) => cell.Length is > 0 and <= 4 && cell.All(CharClass.IsDigit);

    private static bool IsRule(string text, (int Start, int End) cell) =>
        cell.End > cell.Start && text.AsSpan(cell.Start, cell.End - cell.Start).Trim(":-").IsEmpty;
}
