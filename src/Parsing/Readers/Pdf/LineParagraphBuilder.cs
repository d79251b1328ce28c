using Extractor.Parsing.Text;

namespace Extractor.Parsing.Readers.Pdf;

/// <summary>
/// Joins lines into paragraphs. A line starts a paragraph when it opens with a heading marker or a label (the rule set's
/// cues), when it is indented from the left margin, when the line before ended short of the right margin by more than
/// its own first word needed, when the gap above it is wider than the usual line spacing, or when its size differs. The
/// line-breaking rules of Chinese decide against a break the layout suggests: a line that ends with an opening bracket or
/// quote, or one followed by a line that starts with a closing bracket, quote or stop, does not end its paragraph. A
/// page break alone never ends a paragraph.
/// </summary>
public sealed class LineParagraphBuilder(PdfLayoutOptions? options = null) : IPdfParagraphBuilder
{
    private readonly PdfLayoutOptions _options = options ?? PdfLayoutOptions.Default;

    /// <inheritdoc/>
    public IReadOnlyList<IReadOnlyList<PdfLine>> Paragraphs(IReadOnlyList<IReadOnlyList<PdfLine>> pages) => Paragraphs(pages, PdfLineCues.None);

    /// <inheritdoc/>
    public IReadOnlyList<IReadOnlyList<PdfLine>> Paragraphs(IReadOnlyList<IReadOnlyList<PdfLine>> pages, PdfLineCues cues)
    {
        ArgumentNullException.ThrowIfNull(pages);
        ArgumentNullException.ThrowIfNull(cues);
        var all = pages.SelectMany(p => p).ToList();
        if (all.Count == 0) return [];
        var size = LetterLineBuilder.Median(all.Select(l => l.Size));
        // Margins of the text block, of each column apart on pages laid out in columns: the left edge all but a few lines
        // reach (indents and centred lines are further in), the right edge full lines reach (a line whose punctuation hangs
        // past the margin is among those ignored).
        var margins = all.GroupBy(l => l.Column).ToDictionary(g => g.Key, g => Margins(g.ToList()));
        var spacing = Spacing(pages, margins, size);

        var paragraphs = new List<List<PdfLine>>();
        PdfLine? previous = null;
        foreach (var line in all)
        {
            var starts = previous is null
                || cues.OpensParagraph(line.Text)
                || line.Left - margins[line.Column].Left > _options.Indent * size
                || Math.Abs(line.Size - previous.Size) > _options.SizeChange * size
                || (EndsShort(previous, margins[previous.Column].Right, line, size) && MayBreak(previous, line))
                || (previous.Page == line.Page && previous.Baseline - line.Baseline > _options.ParagraphGap * spacing + _options.ParagraphGapSize * size);
            if (starts) paragraphs.Add([line]);
            else paragraphs[^1].Add(line);
            previous = line;
        }
        return paragraphs;
    }

    /// <summary>
    /// The usual distance between baselines inside a paragraph: the most common gap below a full line (one that reaches
    /// the right margin and so runs on), rounded — not the most common gap of all, which is the paragraph gap when most
    /// paragraphs are one line long. Without full lines, the most common gap.
    /// </summary>
    private double Spacing(IReadOnlyList<IReadOnlyList<PdfLine>> pages, Dictionary<int, (double Left, double Right)> margins, double size)
    {
        var runOn = new List<double>();
        var any = new List<double>();
        foreach (var page in pages)
            for (var i = 1; i < page.Count; i++)
            {
                var gap = page[i - 1].Baseline - page[i].Baseline;
                if (gap <= 0) continue;
                any.Add(gap);
                if (margins[page[i - 1].Column].Right - page[i - 1].Right <= size && page[i].Left - margins[page[i].Column].Left <= _options.Indent * size) runOn.Add(gap);
            }
        var gaps = runOn.Count > 0 ? runOn : any;
        return gaps.Count > 0 ? gaps.GroupBy(g => Math.Round(g)).OrderByDescending(g => g.Count()).ThenBy(g => g.Key).First().Key : size * 1.5;
    }

    /// <summary>The left and right margins of these lines (see <see cref="PdfLayoutOptions.LeftMarginPercentile"/> and <see cref="PdfLayoutOptions.RightMarginPercentile"/>).</summary>
    private (double Left, double Right) Margins(List<PdfLine> lines)
    {
        var lefts = lines.Select(l => l.Left).Order().ToList();
        var rights = lines.Select(l => l.Right).Order().ToList();
        return (lefts[lefts.Count * _options.LeftMarginPercentile / 100], rights[rights.Count - 1 - rights.Count * _options.RightMarginPercentile / 100]);
    }

    /// <summary>The line ends short of the margin by more than <see cref="PdfLayoutOptions.ShortLine"/> letters and more than the next line's first word needs.</summary>
    private bool EndsShort(PdfLine previous, double right, PdfLine next, double size)
    {
        var room = right - previous.Right;
        return room > _options.ShortLine * size && room > next.FirstWord + size;
    }

    /// <summary>Whether the line-breaking rules allow a paragraph to end between these lines.</summary>
    private static bool MayBreak(PdfLine previous, PdfLine next)
    {
        var end = previous.Text.TrimEnd();
        var start = next.Text.TrimStart();
        return !(end.Length > 0 && LineBreaking.IsNoBreakAfter(end[^1])) && !(start.Length > 0 && LineBreaking.IsNoBreakBefore(start[0]));
    }
}
