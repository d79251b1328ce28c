using System.Text;
using Extractor.Parsing.Readers.Ocr;
using Extractor.Parsing.Text;

namespace Extractor.Parsing.Readers.Pdf;

/// <summary>
/// Turns the words OCR recognised on a page into lines measured like <see cref="LetterLineBuilder"/>'s, so that the
/// running-line filter and the paragraph builder work on scans as on text PDFs: the page's skew, measured from the
/// slope of its lines, is undone; the engine's lines are kept, and two that lie side by side at one height (a line
/// the engine cut in two) are one; a line's size is the median height of its words of ideographs; gaps become spaces by the
/// same rule as between letters; specks of noise are dropped; sizes near the page's usual size are that size. Coordinates are turned into points (y upwards) by the
/// page's scale.
/// </summary>
public sealed class OcrLineBuilder(PdfLayoutOptions? options = null) : IOcrLineBuilder
{
    /// <summary>Skews steeper than this slope (about 3°) are not a scan's skew but a page that is not text: left as they are.</summary>
    private const double MaxSkew = 0.05;

    private readonly PdfLayoutOptions _options = options ?? PdfLayoutOptions.Default;

    /// <inheritdoc/>
    public IReadOnlyList<PdfLine> Lines(OcrPage page, int pageNumber, double uncertainBelow)
    {
        ArgumentNullException.ThrowIfNull(page);
        var slope = Skew(page.Words);
        // Specks (a dot of noise, a seal's edge) come out as tiny one-character words read with low confidence: dropped.
        var typical = LetterLineBuilder.Median(page.Words.Where(w => w.Text.Any(IsIdeograph)).Select(w => w.Height));
        var words = page.Words.Where(w => !(w.Text.Length == 1 && w.Confidence < uncertainBelow && w.Height < 0.5 * typical))
            .Select(w => Deskew(w, slope)).ToList();
        var groups = words.GroupBy(w => w.Line).Select(g => g.OrderBy(w => w.Left).ToList()).OrderBy(Middle).ToList();
        groups = MergeSideBySide(groups);
        var lines = new List<PdfLine>(groups.Count);
        foreach (var group in groups.OrderBy(Middle))
        {
            group.Sort((a, b) => a.Left.CompareTo(b.Left));
            var ideographs = group.Where(w => w.Text.Any(IsIdeograph)).ToList();
            var size = LetterLineBuilder.Median((ideographs.Count > 0 ? ideographs : group).Select(w => w.Height));
            var text = new StringBuilder();
            var uncertain = new List<int>();
            for (var i = 0; i < group.Count; i++)
            {
                if (i > 0)
                {
                    var gap = group[i].Left - group[i - 1].Right;
                    var cjk = IsCjk(group[i - 1].Text[^1]) || IsCjk(group[i].Text[0]);
                    if (gap > (cjk ? _options.CjkSpace : _options.LatinSpace) * size) text.Append(' ');
                }
                if (group[i].Confidence < uncertainBelow) uncertain.AddRange(Enumerable.Range(text.Length, group[i].Text.Length));
                text.Append(group[i].Text);
            }
            var s = page.Scale;
            var first = group[0];
            var firstWord = IsCjk(first.Text[0]) ? size : first.Width;
            var bottom = LetterLineBuilder.Median((ideographs.Count > 0 ? ideographs : group).Select(w => w.Bottom));
            lines.Add(new PdfLine(pageNumber, lines.Count + 1, text.ToString(), first.Left * s, group.Max(w => w.Right) * s,
                (page.Height - bottom) * s, size * s, firstWord * s) { Uncertain = uncertain.Count > 0 ? uncertain : null });
        }
        // A line's size is an estimate from its words' boxes, poor on a short line (one word): sizes within a fifth of the
        // page's usual size are that size, so that only a real change of size (a title) starts a paragraph.
        var usual = LetterLineBuilder.Median(lines.Select(l => l.Size));
        return [.. lines.Select(l => Math.Abs(l.Size - usual) <= 0.2 * usual ? l with { Size = usual } : l)];
    }

    /// <summary>
    /// The page's skew as a slope (y down per x right): the median, over lines that run across a good part of the page,
    /// of the least-squares slope of their words' bottoms. Zero when there is no such line or the slope is implausible.
    /// </summary>
    internal static double Skew(IReadOnlyList<OcrWord> words)
    {
        if (words.Count == 0) return 0;
        var width = words.Max(w => w.Right) - words.Min(w => w.Left);
        var slopes = new List<double>();
        foreach (var line in words.GroupBy(w => w.Line))
        {
            var points = line.Where(w => w.Text.Any(IsIdeograph)).Select(w => (X: (w.Left + w.Right) / 2, Y: w.Bottom)).ToList();
            if (points.Count < 4 || points.Max(p => p.X) - points.Min(p => p.X) < width / 3) continue;
            var mx = points.Average(p => p.X);
            var my = points.Average(p => p.Y);
            var sxx = points.Sum(p => (p.X - mx) * (p.X - mx));
            if (sxx <= 0) continue;
            slopes.Add(points.Sum(p => (p.X - mx) * (p.Y - my)) / sxx);
        }
        if (slopes.Count == 0) return 0;
        var slope = LetterLineBuilder.Median(slopes);
        return Math.Abs(slope) > MaxSkew || Math.Abs(slope) < 0.001 ? 0 : slope;
    }

    /// <summary>The word turned back by the page's skew (a small rotation about the image's origin).</summary>
    private static OcrWord Deskew(OcrWord w, double slope)
    {
        if (slope == 0) return w;
        var cx = w.Left + w.Width / 2;
        var cy = w.Top + w.Height / 2;
        return w with { Left = w.Left + slope * cy, Top = w.Top - slope * cx };
    }

    /// <summary>
    /// Lines the engine cut in two (text beside a seal, a signature set off to the right) are one: two lines whose middles
    /// lie within half a line of each other and that do not overlap across the page.
    /// </summary>
    private static List<List<OcrWord>> MergeSideBySide(List<List<OcrWord>> groups)
    {
        var result = new List<List<OcrWord>>();
        foreach (var group in groups)
        {
            var height = LetterLineBuilder.Median(group.Select(w => w.Height));
            var left = group.Min(w => w.Left);
            var right = group.Max(w => w.Right);
            var into = result.FirstOrDefault(r =>
                Math.Abs(Middle(r) - Middle(group)) < 0.5 * Math.Max(height, LetterLineBuilder.Median(r.Select(w => w.Height)))
                && (right <= r.Min(w => w.Left) || left >= r.Max(w => w.Right)));
            if (into is not null) into.AddRange(group);
            else result.Add(group);
        }
        return result;
    }

    private static double Middle(List<OcrWord> line) => LetterLineBuilder.Median(line.Select(w => w.Top + w.Height / 2));

    private static bool IsCjk(char c) => CharClass.IsCjk(LookAlikes.Canonical(c));

    /// <summary>An ideograph (not CJK punctuation, whose boxes are the ink of a comma or a bracket, not a letter's height).</summary>
    private static bool IsIdeograph(char c) => IsCjk(c) && LookAlikes.Canonical(c) >= '\u3400';
}
