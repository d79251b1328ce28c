using System.Text;
using Extractor.Parsing.Text;

namespace Extractor.Parsing.Readers.Pdf;

/// <summary>A placed character of a page: its text, left and right edges, baseline (up is positive) and size.</summary>
internal readonly record struct Glyph(string Value, double Left, double Right, double Baseline, double Size);

/// <summary>
/// Groups a page's glyphs into lines by baseline, top to bottom, each read left to right; a gap between glyphs becomes
/// one space, which normalization drops between CJK characters. Shared by the PDF reader (letters from PdfPig) and the
/// OFD reader (characters of text objects), so both lay text out alike.
/// </summary>
internal static class GlyphLines
{
    /// <summary>The glyphs as lines, top to bottom, each read left to right (a table cell's text, or a page read across).</summary>
    public static List<PdfLine> Build(int pageNumber, IEnumerable<Glyph> glyphs, PdfLayoutOptions options) =>
        Build(pageNumber, [.. Rows(glyphs, options).Select(r => (r, 0))], options);

    /// <summary>A page's glyphs as lines in reading order: top to bottom, and column by column where the page is laid out in columns (<see cref="ColumnLayout"/>).</summary>
    public static List<PdfLine> Page(int pageNumber, IEnumerable<Glyph> glyphs, PdfLayoutOptions options) =>
        Build(pageNumber, ColumnLayout.ReadingOrder(Rows(glyphs, options), options), options);

    /// <summary>The glyphs grouped by baseline, top to bottom, each row sorted left to right.</summary>
    internal static List<List<Glyph>> Rows(IEnumerable<Glyph> glyphs, PdfLayoutOptions options)
    {
        var sorted = glyphs.OrderByDescending(g => Math.Round(g.Baseline, 1)).ThenBy(g => g.Left).ToList();
        var groups = new List<List<Glyph>>();
        foreach (var glyph in sorted)
        {
            var group = groups.Count > 0 ? groups[^1] : null;
            if (group is not null && Math.Abs(group[0].Baseline - glyph.Baseline) <= options.SameLine * Math.Max(glyph.Size, group[0].Size))
                group.Add(glyph);
            else
                groups.Add([glyph]);
        }
        foreach (var group in groups) group.Sort((a, b) => a.Left.CompareTo(b.Left));
        return groups;
    }

    /// <summary>Rows of glyphs, in the order given, as numbered lines, each with its column (0 for the page's whole width).</summary>
    private static List<PdfLine> Build(int pageNumber, List<(List<Glyph> Row, int Column)> rows, PdfLayoutOptions options)
    {
        var lines = new List<PdfLine>(rows.Count);
        foreach (var (group, column) in rows)
        {
            var text = new StringBuilder();
            var size = Median(group.Select(g => g.Size));
            for (var i = 0; i < group.Count; i++)
            {
                if (i > 0)
                {
                    // A gap is a space between Latin words; next to CJK it is layout (CJK–Latin autospacing) unless a whole em wide.
                    var gap = group[i].Left - group[i - 1].Right;
                    var cjk = IsCjkText(group[i - 1].Value) || IsCjkText(group[i].Value);
                    if (gap > (cjk ? options.CjkSpace : options.LatinSpace) * size) text.Append(' ');
                }
                text.Append(Ligatures(group[i].Value));
            }
            var left = group[0].Left;
            var right = group.Max(g => g.Right);
            // The first word: a run of letters, digits and their signs (an e-mail address, 〔2020〕18), else one character,
            // with the closing punctuation no line may start with (版）》).
            var run = 0;
            while (run < group.Count && group[run].Value.All(Unbreakable)) run++;
            run = Math.Max(run, 1);
            while (run < group.Count && group[run].Value.All(LineBreaking.IsNoBreakBefore)) run++;
            var firstWord = group[run - 1].Right - left;
            lines.Add(new PdfLine(pageNumber, lines.Count + 1, text.ToString(), left, right, group[0].Baseline, size, firstWord) { Column = column });
        }
        return lines;
    }

    /// <summary>The Latin ligatures (U+FB00–FB06) as their letters (not by normalization, which invariant globalization lacks).</summary>
    private static readonly string[] LigatureLetters = ["ff", "fi", "fl", "ffi", "ffl", "st", "st"];

    /// <summary>A Latin ligature (ﬁ, ﬂ) read as its letters: text layers give one code point for the glyph.</summary>
    private static string Ligatures(string value)
    {
        if (!value.Any(c => c is >= '\uFB00' and <= '\uFB06')) return value;
        var text = new StringBuilder();
        foreach (var c in value) text.Append(c is >= '\uFB00' and <= '\uFB06' ? LigatureLetters[c - '\uFB00'] : c);
        return text.ToString();
    }

    private static bool IsCjkText(string value) => value.Length > 0 && CharClass.IsCjk(LookAlikes.Canonical(value[0]));

    /// <summary>Characters a line does not break between: Latin letters, digits and the brackets and signs that go with them.</summary>
    private static bool Unbreakable(char c) =>
        char.IsAsciiLetterOrDigit(c) || CharClass.IsDigit(c) || c is '.' or ',' or '%' or '-' or '/' or ':' or '@' or '_' or '+' or '(' or ')' or '〔' or '〕' or '（' or '）' or '《' or '“' or '‘' or '．';

    internal static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count == 0 ? 0 : sorted[sorted.Count / 2];
    }
}
