using Extractor.Parsing.Tables;
using Extractor.Parsing.Text;

namespace Extractor.Parsing.Readers.PlainText;

/// <summary>
/// Tables written in plain text with vertical bars, as text copies of web tables and Markdown give them, so that a
/// 整改台账 in a text file gives the same items as the table it was copied from:
/// <list type="bullet">
/// <item>a row per line — two or more consecutive lines with at least two bars each, cells between the bars
/// (<c>序号 | 问题 | 整改措施 |</c>, or <c>| 序号 | 问题 |</c>); a Markdown rule line (<c>|---|---|</c>) is dropped;</item>
/// <item>rows wrapped over lines — a run of lines that end with a bar, a cell per line (<c>序号 |</c>, <c>反馈问题 |</c> …)
/// or a few (a row too wide for one line goes on over the next), read in rows as wide as the header: the cells before
/// the first line that opens with a cell that is only a number (the first row's <c>序号</c>); a caption row above the
/// header (one cell of text, the rest empty) stands on its own, and a table written a cell per line may give its last
/// cell without a bar.</item>
/// </list>
/// Anything else is text, a block per line.
/// </summary>
internal static class TextTables
{
    /// <summary>A line: where it is and its line number.</summary>
    public readonly record struct Line(int Start, int End, int Number);

    /// <summary>Most lines a header (or the caption rows above it) is written over: the search for it stays short.</summary>
    private const int MaxHeaderLines = 64;

    /// <summary>Turns the lines into blocks and tables.</summary>
    public static (List<TextBlock> Blocks, List<ExtractedTable> Tables) Read(string text, IReadOnlyList<Line> lines)
    {
        var blocks = new List<TextBlock>();
        var tables = new List<ExtractedTable>();
        // A run of lines with bars that did not divide into rows from its header is not tried again from inside
        // (which would make the reading quadratic in the run's length).
        var tried = 0;
        for (var i = 0; i < lines.Count;)
        {
            Checkpoint.Tick();
            var wrapped = i < tried ? null : WrappedRun(text, lines, i, out tried);
            var rows = wrapped is { IsWrapped: true } ? 0 : RowRun(text, lines, i);
            if (rows >= 2)
            {
                tables.Add(RowTable(text, lines.Skip(i).Take(rows), blocks, tables.Count));
                i += rows;
                continue;
            }
            if (wrapped is not null)
            {
                tables.Add(WrappedTable(text, lines, i, wrapped, blocks, tables.Count));
                i += wrapped.Lines;
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

    /// <summary>A table whose rows go on over lines: its caption rows, the header's lines and width, and all its lines.</summary>
    private sealed record Wrapped(int Captions, int HeaderLines, int Width, int Lines, bool IsWrapped);

    /// <summary>Whether line <paramref name="k"/> can be part of a table written with bars: two bars, or one that ends it.</summary>
    private static bool InRun(string text, IReadOnlyList<Line> lines, int k) =>
        k < lines.Count && Bars(text, lines[k]) is var bars && bars >= 1 && (bars >= 2 || EndsWithBar(text, lines[k]));

    /// <summary>
    /// The table of lines with bars from <paramref name="from"/> read in rows as wide as its header, or null: the lines
    /// after the header must divide into rows of exactly the header's number of cells (a cell-per-line table's last cell
    /// may stand without its bar on the next line); a run that does not is no such table, and <paramref name="scanned"/>
    /// says how far its rows were read (else it is <paramref name="from"/>).
    /// </summary>
    private static Wrapped? WrappedRun(string text, IReadOnlyList<Line> lines, int from, out int scanned)
    {
        scanned = from;
        var captions = 0;
        while (captions < MaxHeaderLines && InRun(text, lines, from + captions) && Bars(text, lines[from + captions]) >= 2
               && Cells(text, lines[from + captions]).Count(c => c.End > c.Start) == 1) captions++;
        var header = from + captions;
        int width = 0, headerLines = 0;
        for (; header - from - captions < MaxHeaderLines && InRun(text, lines, header) && !IsNumber(CellText(text, lines[header])); header++)
        {
            if (IsRuleLine(text, lines[header])) continue; // |---|---|
            width += Cells(text, lines[header]).Count();
            headerLines++;
        }
        if (width < 2 || !InRun(text, lines, header)) return null;
        var end = header;
        var wrapped = headerLines > 1;
        foreach (var row in Rows(text, lines, header, width, k => InRun(text, lines, k)))
        {
            if (row.Cells.Count == width)
            {
                wrapped |= row.Lines > 1;
                end += row.Lines;
                continue;
            }
            // A table written a cell per line may give its last cell without a bar.
            var bare = end + row.Lines;
            if (row.Cells.Count != width - 1 || row.Cells.Count != row.Lines || bare >= lines.Count || Bars(text, lines[bare]) != 0)
            {
                scanned = bare;
                return null;
            }
            end = bare + 1;
            break;
        }
        if (end == header) return null;
        return new Wrapped(captions, header - from - captions, width, end - from, wrapped);
    }

    private static ExtractedTable RowTable(string text, IEnumerable<Line> rows, List<TextBlock> blocks, int table)
    {
        var grid = new TableGrid();
        foreach (var line in rows)
        {
            if (IsRuleLine(text, line)) continue; // |---|---|
            var cells = Cells(text, line).ToList();
            grid.NewRow();
            foreach (var (start, end) in cells) grid.Add(Cell(text, start, end, line.Number, blocks, table), 1, 1);
        }
        return grid.Build();
    }

    /// <summary>A row of a wrapped table: its cells, each the parts it has on one line or more, and how many lines it takes.</summary>
    private sealed record Row(List<List<(int Start, int End, int Line)>> Cells, int Lines);

    /// <summary>
    /// The rows of the lines from <paramref name="from"/> while <paramref name="more"/> holds, each as wide as the header: a row goes on
    /// over lines until it has that many cells, and a line that does not end with a bar before then leaves its last cell
    /// to go on at the start of the next. The last row is shorter when the lines run out, or wider when a line overshoots.
    /// </summary>
    private static IEnumerable<Row> Rows(string text, IReadOnlyList<Line> lines, int from, int width, Func<int, bool> more)
    {
        var cells = new List<List<(int Start, int End, int Line)>>();
        var taken = 0;
        var open = false;
        for (var k = from; more(k); k++)
        {
            Checkpoint.Tick();
            var line = lines[k];
            if (IsRuleLine(text, line)) { taken++; continue; }
            var first = true;
            foreach (var (start, end) in Cells(text, line))
            {
                if (first && open) cells[^1].Add((start, end, line.Number));
                else cells.Add([(start, end, line.Number)]);
                first = false;
            }
            taken++;
            open = cells.Count < width && !EndsWithBar(text, line);
            if (cells.Count < width) continue;
            yield return new Row(cells, taken);
            if (cells.Count > width) yield break;
            cells = [];
            taken = 0;
            open = false;
        }
        if (cells.Count > 0) yield return new Row(cells, taken);
    }

    private static ExtractedTable WrappedTable(string text, IReadOnlyList<Line> lines, int from, Wrapped table, List<TextBlock> blocks, int index)
    {
        var grid = new TableGrid();
        for (var k = 0; k < table.Captions; k++)
        {
            grid.NewRow();
            foreach (var (start, end) in Cells(text, lines[from + k]).Where(c => c.End > c.Start)) grid.Add(Cell(text, start, end, lines[from + k].Number, blocks, index), 1, 1);
        }
        // The header's lines make one row, as each body row does.
        var body = from + table.Captions + table.HeaderLines;
        foreach (var row in Rows(text, lines, from + table.Captions, table.Width, k => k < body)
                     .Concat(Rows(text, lines, body, table.Width, k => k < from + table.Lines)))
        {
            grid.NewRow();
            foreach (var parts in row.Cells)
            {
                var cell = parts.Select(p => Cell(text, p.Start, p.End, p.Line, blocks, index)).ToList();
                grid.Add(new TableCell([.. cell.SelectMany(c => c.Blocks)], false), 1, 1);
            }
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

    private static bool IsRuleLine(string text, Line line) => Cells(text, line).ToList() is { Count: > 0 } cells && cells.All(c => IsRule(text, c));

    private static bool IsRule(string text, (int Start, int End) cell) =>
        cell.End > cell.Start && text.AsSpan(cell.Start, cell.End - cell.Start).Trim(":-").IsEmpty;
}
