namespace Extractor.Parsing.Readers.Pdf;

/// <summary>
/// Joins lines into paragraphs. A line starts a paragraph when it is indented from the left margin, when the line
/// before ended short of the right margin by more than its own first word needed, when the gap above it is wider
/// than the usual line spacing, or when its size differs. A page break alone never ends a paragraph.
/// </summary>
public sealed class LineParagraphBuilder(PdfLayoutOptions? options = null) : IPdfParagraphBuilder
{
    private readonly PdfLayoutOptions _options = options ?? PdfLayoutOptions.Default;

    /// <inheritdoc/>
    public IReadOnlyList<IReadOnlyList<PdfLine>> Paragraphs(IReadOnlyList<IReadOnlyList<PdfLine>> pages)
    {
        ArgumentNullException.ThrowIfNull(pages);
        var all = pages.SelectMany(p => p).ToList();
        if (all.Count == 0) return [];
        var size = LetterLineBuilder.Median(all.Select(l => l.Size));
        // The usual distance between baselines: the most common one (rounded), not the median, which paragraph gaps pull up.
        var gaps = pages.SelectMany(p => p.Zip(p.Skip(1), (a, b) => a.Baseline - b.Baseline)).Where(d => d > 0).ToList();
        var spacing = gaps.Count > 0 ? gaps.GroupBy(g => Math.Round(g)).OrderByDescending(g => g.Count()).ThenBy(g => g.Key).First().Key : size * 1.5;
        // Margins of the text block: the left edge all but a few lines reach (indents and centred lines are further in),
        // the right edge full lines reach (a line whose punctuation hangs past the margin is among those ignored).
        var lefts = all.Select(l => l.Left).Order().ToList();
        var left = lefts[lefts.Count * _options.LeftMarginPercentile / 100];
        var rights = all.Select(l => l.Right).Order().ToList();
        var right = rights[rights.Count - 1 - rights.Count * _options.RightMarginPercentile / 100];

        var paragraphs = new List<List<PdfLine>>();
        PdfLine? previous = null;
        foreach (var line in all)
        {
            var starts = previous is null
                || line.Left - left > _options.Indent * size
                || Math.Abs(line.Size - previous.Size) > _options.SizeChange * size
                || EndsShort(previous, right, line, size)
                || (previous.Page == line.Page && previous.Baseline - line.Baseline > _options.ParagraphGap * spacing + _options.ParagraphGapSize * size);
            if (starts) paragraphs.Add([line]);
            else paragraphs[^1].Add(line);
            previous = line;
        }
        return paragraphs;
    }

    /// <summary>The line ends short of the margin by more than <see cref="PdfLayoutOptions.ShortLine"/> letters and more than the next line's first word needs.</summary>
    private bool EndsShort(PdfLine previous, double right, PdfLine next, double size)
    {
        var room = right - previous.Right;
        return room > _options.ShortLine * size && room > next.FirstWord + size;
    }
}
