namespace Extractor.Parsing.Readers.Pdf;

/// <summary>
/// Puts a page laid out in columns into reading order (PdfPig's page segmenters, XY-cut, are the model): a gutter is an
/// x-range inside the text, at least <see cref="PdfLayoutOptions.ColumnGutter"/> wide, that most of the page's rows do not
/// touch (<see cref="PdfLayoutOptions.ColumnHeight"/>); the columns between gutters must each hold a share of the rows
/// (<see cref="PdfLayoutOptions.ColumnLines"/>) and be of about one width (<see cref="PdfLayoutOptions.ColumnBalance"/>),
/// which a table's columns, a centred title or a signature at the right are not. Rows that cross a gutter (a title over
/// the columns, text under them) stay where they are; each run of rows beside the gutters between them is read column by
/// column, the leftmost first, top to bottom. A page without such a gutter is read as it comes, row by row.
/// </summary>
internal static class ColumnLayout
{
    /// <summary>The rows (top to bottom, each left to right) in reading order, split at the gutters, each with its column (0: read across).</summary>
    public static List<(List<Glyph> Row, int Column)> ReadingOrder(List<List<Glyph>> rows, PdfLayoutOptions options)
    {
        var across = rows.Select(r => (r, 0)).ToList();
        if (!options.Columns || rows.Count < 2 * options.ColumnRunLines) return across;
        var size = GlyphLines.Median(rows.SelectMany(r => r).Select(g => g.Size));
        var gutters = Gutters(rows, size, options);
        if (gutters.Count == 0) return across;
        // Column i lies between gutter i-1 and gutter i; a glyph belongs to the column its centre is in.
        var bounds = gutters.Select(g => (g.Start + g.End) / 2).ToList();
        int ColumnOf(Glyph g) => bounds.Count(b => (g.Left + g.Right) / 2 > b);
        var beside = rows.Select(r => !r.Any(g => gutters.Any(t => g.Right > t.Start && g.Left < t.End))).ToList();
        // Rows beside the gutters that stand out past the columns' outer margins (a browser's print header or footer, a
        // page number at the page's corner) are read across, where they are.
        // The margins are where most lines start and end (the median); a column's indented or short lines lie within.
        var blockLeft = GlyphLines.Median(rows.Where((r, i) => beside[i] && ColumnOf(r[0]) == 0).Select(r => r[0].Left)) - size;
        var blockRight = GlyphLines.Median(rows.Where((r, i) => beside[i] && ColumnOf(r[^1]) == gutters.Count).Select(r => r.Max(g => g.Right))) + size;
        for (var i = 0; i < rows.Count; i++)
            beside[i] = beside[i] && rows[i][0].Left >= blockLeft && rows[i].Max(g => g.Right) <= blockRight;
        if (beside.Count(b => b) < options.ColumnHeight * rows.Count) return across;
        var counts = new int[gutters.Count + 1];
        var lefts = Enumerable.Repeat(double.MaxValue, counts.Length).ToArray();
        var rights = Enumerable.Repeat(double.MinValue, counts.Length).ToArray();
        for (var i = 0; i < rows.Count; i++)
        {
            if (!beside[i]) continue;
            foreach (var group in rows[i].GroupBy(ColumnOf))
            {
                counts[group.Key]++;
                lefts[group.Key] = Math.Min(lefts[group.Key], group.Min(g => g.Left));
                rights[group.Key] = Math.Max(rights[group.Key], group.Max(g => g.Right));
            }
        }
        if (counts.Any(c => c < options.ColumnLines * rows.Count)) return across;
        var widths = counts.Select((_, c) => rights[c] - lefts[c]).ToList();
        if (widths.Min() < options.ColumnBalance * widths.Max()) return across;

        var ordered = new List<(List<Glyph> Row, int Column)>(rows.Count * 2);
        for (var i = 0; i < rows.Count;)
        {
            if (!beside[i])
            {
                ordered.Add((rows[i], 0));
                i++;
                continue;
            }
            var end = i + 1;
            while (end < rows.Count && beside[end] && rows[end - 1][0].Baseline - rows[end][0].Baseline <= options.ColumnRunGap * size) end++;
            if (end - i < options.ColumnRunLines)
                ordered.AddRange(rows[i..end].Select(r => (r, 0)));
            else
                for (var c = 0; c < counts.Length; c++)
                    foreach (var row in rows[i..end])
                        if (row.Where(g => ColumnOf(g) == c).ToList() is { Count: > 0 } part)
                            ordered.Add((part, c + 1));
            i = end;
        }
        return ordered;
    }

    /// <summary>
    /// The gutters: x-ranges inside the text, with text on both sides, that no more rows touch than may cross a gutter, each narrowed to its core
    /// (the span the fewest rows touch, so that a column's line reaching a little past its margin does not count as
    /// crossing), at least a gutter wide. A row's glyphs closer than a gutter's width count as one stretch, so a gap
    /// between words is no gutter.
    /// </summary>
    private static List<(double Start, double End)> Gutters(List<List<Glyph>> rows, double size, PdfLayoutOptions options)
    {
        var width = options.ColumnGutter * size;
        var stretches = rows.Select(r => Stretches(r, width)).ToList();
        var left = stretches.Min(s => s[0].Start);
        var right = stretches.Max(s => s[^1].End);
        var cuts = stretches.SelectMany(s => s).SelectMany(s => new[] { s.Start, s.End }).Distinct().Order().ToList();
        var allowed = (1 - options.ColumnHeight) * rows.Count;
        var segments = new List<(double Start, double End, int Touching)>();
        for (var i = 0; i + 1 < cuts.Count; i++)
        {
            var middle = (cuts[i] + cuts[i + 1]) / 2;
            segments.Add((cuts[i], cuts[i + 1], stretches.Count(s => s.Any(t => t.Start < middle && t.End > middle))));
        }
        var gutters = new List<(double Start, double End)>();
        for (var i = 0; i < segments.Count;)
        {
            if (segments[i].Touching > allowed)
            {
                i++;
                continue;
            }
            var end = i;
            while (end + 1 < segments.Count && segments[end + 1].Touching <= allowed) end++;
            var run = segments[i..(end + 1)];
            var fewest = run.Min(s => s.Touching);
            var core = (Start: run.First(s => s.Touching == fewest).Start, End: run.Last(s => s.Touching == fewest).End);
            // Text on both sides: enough rows reach past it each way (not a page number in the corner beside the text).
            var sides = Math.Min(stretches.Count(s => s[0].Start < core.Start), stretches.Count(s => s[^1].End > core.End));
            if (run[0].Start > left && run[^1].End < right && core.End - core.Start >= width && sides >= options.ColumnLines * rows.Count) gutters.Add(core);
            i = end + 1;
        }
        return gutters;
    }

    /// <summary>A row's glyphs as stretches of text: glyphs less than <paramref name="width"/> apart joined.</summary>
    private static List<(double Start, double End)> Stretches(List<Glyph> row, double width)
    {
        var stretches = new List<(double Start, double End)>();
        foreach (var glyph in row)
            if (stretches.Count > 0 && glyph.Left - stretches[^1].End < width)
                stretches[^1] = (stretches[^1].Start, Math.Max(stretches[^1].End, glyph.Right));
            else
                stretches.Add((glyph.Left, glyph.Right));
        return stretches;
    }
}
