using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Core;

namespace Extractor.Parsing.Readers.Pdf;

/// <summary>
/// Finds the ruled tables of a page (a ledger, 整改台账, printed to PDF) from the lines its borders are drawn with: the
/// stroked segments and the thin filled rectangles of the page's paths, joined where they touch into grids. A grid's
/// rows lie between its horizontal rulings and its columns between its vertical ones; two neighbouring positions with no
/// ruling between them are one merged cell. Each cell's text is rebuilt from the letters inside it, as lines are.
/// </summary>
public sealed class RulingTableDetector(PdfLayoutOptions? options = null) : IPdfTableDetector
{
    private readonly PdfLayoutOptions _options = options ?? PdfLayoutOptions.Default;

    /// <summary>A stroke or rectangle thinner than this (points) is a ruling.</summary>
    private const double Thin = 2.5;

    /// <summary>Rulings closer than this (points) are taken to meet.</summary>
    private const double Touch = 2;

    /// <summary>Most rulings read on one page (a page of hatching is no table).</summary>
    private const int MaxRulings = 5000;

    /// <inheritdoc/>
    public IReadOnlyList<PdfTable> Tables(Page page)
    {
        ArgumentNullException.ThrowIfNull(page);
        var rulings = Rulings(page);
        if (rulings.Count < 4 || rulings.Count > MaxRulings) return [];
        var glyphs = LetterLineBuilder.Glyphs(page).ToList();
        var tables = new List<PdfTable>();
        foreach (var group in Connected(rulings))
            if (Grid(page.Number, group, glyphs) is { } table) tables.Add(table);
        return [.. tables.OrderByDescending(t => t.Top)];
    }

    private readonly record struct Ruling(bool Horizontal, double At, double From, double To);

    private static List<Ruling> Rulings(Page page)
    {
        var rulings = new List<Ruling>();
        foreach (var path in page.Paths)
        {
            if (path.IsClipping || !(path.IsStroked || path.IsFilled)) continue;
            foreach (var sub in path)
            {
                if (path.IsFilled && !path.IsStroked)
                {
                    // A border drawn as a thin filled rectangle (Word's way).
                    if (sub.GetBoundingRectangle() is not { } r) continue;
                    if (r.Height <= Thin && r.Width > Thin) rulings.Add(new(true, (r.Top + r.Bottom) / 2, r.Left, r.Right));
                    else if (r.Width <= Thin && r.Height > Thin) rulings.Add(new(false, (r.Left + r.Right) / 2, r.Bottom, r.Top));
                    continue;
                }
                PdfPoint? start = null, current = null;
                foreach (var command in sub.Commands)
                {
                    switch (command)
                    {
                        case PdfSubpath.Move m:
                            start = current = m.Location;
                            break;
                        case PdfSubpath.Line l:
                            Add(rulings, l.From, l.To);
                            current = l.To;
                            break;
                        case PdfSubpath.Close when start is { } s && current is { } c:
                            Add(rulings, c, s);
                            current = s;
                            break;
                        default:
                            current = null;
                            break;
                    }
                }
            }
        }
        return rulings;
    }

    private static void Add(List<Ruling> rulings, PdfPoint a, PdfPoint b)
    {
        if (Math.Abs(a.Y - b.Y) <= 0.5 && Math.Abs(a.X - b.X) > Thin) rulings.Add(new(true, (a.Y + b.Y) / 2, Math.Min(a.X, b.X), Math.Max(a.X, b.X)));
        else if (Math.Abs(a.X - b.X) <= 0.5 && Math.Abs(a.Y - b.Y) > Thin) rulings.Add(new(false, (a.X + b.X) / 2, Math.Min(a.Y, b.Y), Math.Max(a.Y, b.Y)));
    }

    private static bool Meet(Ruling h, Ruling v) =>
        v.At >= h.From - Touch && v.At <= h.To + Touch && h.At >= v.From - Touch && h.At <= v.To + Touch;

    /// <summary>Groups of rulings that touch one another (union–find over crossing pairs).</summary>
    private static IEnumerable<List<Ruling>> Connected(List<Ruling> rulings)
    {
        var parent = Enumerable.Range(0, rulings.Count).ToArray();
        int Find(int i) { while (parent[i] != i) i = parent[i] = parent[parent[i]]; return i; }
        for (var i = 0; i < rulings.Count; i++)
            for (var j = i + 1; j < rulings.Count; j++)
                if (rulings[i].Horizontal != rulings[j].Horizontal
                    && Meet(rulings[i].Horizontal ? rulings[i] : rulings[j], rulings[i].Horizontal ? rulings[j] : rulings[i]))
                    parent[Find(i)] = Find(j);
        return rulings.Select((r, i) => (r, Root: Find(i))).GroupBy(x => x.Root).Select(g => g.Select(x => x.r).ToList());
    }

    /// <summary>Positions closer than <see cref="Touch"/> taken as one, in order.</summary>
    private static List<double> Distinct(IEnumerable<double> values)
    {
        var list = new List<double>();
        foreach (var v in values.Order())
            if (list.Count == 0 || v - list[^1] > Touch) list.Add(v);
        return list;
    }

    private PdfTable? Grid(int pageNumber, List<Ruling> group, List<Glyph> glyphs)
    {
        var ys = Distinct(group.Where(r => r.Horizontal).Select(r => r.At));
        var xs = Distinct(group.Where(r => !r.Horizontal).Select(r => r.At));
        if (ys.Count < 2 || xs.Count < 3) return null;
        ys.Reverse(); // top to bottom
        int rows = ys.Count - 1, columns = xs.Count - 1;
        // A ruling between two positions separates them; where none does, they are one cell.
        bool Ruled(bool horizontal, double at, double from, double to) =>
            group.Any(r => r.Horizontal == horizontal && Math.Abs(r.At - at) <= Touch && r.From <= from + Touch && r.To >= to - Touch);
        var parent = Enumerable.Range(0, rows * columns).ToArray();
        int Find(int i) { while (parent[i] != i) i = parent[i] = parent[parent[i]]; return i; }
        for (var r = 0; r < rows; r++)
            for (var c = 0; c < columns; c++)
            {
                var mid = (ys[r] + ys[r + 1]) / 2;
                var centre = (xs[c] + xs[c + 1]) / 2;
                if (c + 1 < columns && !Ruled(false, xs[c + 1], mid - 1, mid + 1)) parent[Find(r * columns + c)] = Find(r * columns + c + 1);
                if (r + 1 < rows && !Ruled(true, ys[r + 1], centre - 1, centre + 1)) parent[Find(r * columns + c)] = Find((r + 1) * columns + c);
            }
        var inside = glyphs.Where(g => Centre(g) is var (x, y) && x > xs[0] && x < xs[^1] && y < ys[0] && y > ys[^1]).ToList();
        var byCell = new Dictionary<int, List<Glyph>>();
        foreach (var g in inside)
        {
            var (x, y) = Centre(g);
            var c = xs.FindLastIndex(v => v <= x);
            var r = ys.FindLastIndex(v => v >= y);
            if (c < 0 || c >= columns || r < 0 || r >= rows) continue;
            var root = Find(r * columns + c);
            if (!byCell.TryGetValue(root, out var list)) byCell[root] = list = [];
            list.Add(g);
        }
        var cells = new Dictionary<int, PdfCell>();
        var grid = new List<IReadOnlyList<PdfCell?>>();
        for (var r = 0; r < rows; r++)
        {
            var row = new PdfCell?[columns];
            for (var c = 0; c < columns; c++)
            {
                var root = Find(r * columns + c);
                if (!cells.TryGetValue(root, out var cell))
                    cells[root] = cell = new PdfCell(byCell.TryGetValue(root, out var letters) ? GlyphLines.Build(pageNumber, letters, _options) : []);
                row[c] = cell;
            }
            grid.Add(row);
        }
        return new PdfTable(pageNumber, ys[0], ys[^1], xs[0], xs[^1], [.. xs], grid);
    }

    private static (double X, double Y) Centre(Glyph g) => ((g.Left + g.Right) / 2, g.Baseline + g.Size * 0.3);
}
