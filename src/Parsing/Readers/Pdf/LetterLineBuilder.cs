using UglyToad.PdfPig.Content;

namespace Extractor.Parsing.Readers.Pdf;

/// <summary>
/// Groups a page's letters into lines by baseline, top to bottom, each read left to right (never PdfPig's
/// <c>page.Text</c> or its word extractor, which put spaces between Chinese characters and run lines together). A gap
/// between letters becomes one space, which normalization drops between CJK characters.
/// </summary>
public sealed class LetterLineBuilder(PdfLayoutOptions? options = null) : IPdfLineBuilder
{
    private readonly PdfLayoutOptions _options = options ?? PdfLayoutOptions.Default;

    /// <inheritdoc/>
    public IReadOnlyList<PdfLine> Lines(Page page)
    {
        ArgumentNullException.ThrowIfNull(page);
        return GlyphLines.Page(page.Number, Glyphs(page), _options);
    }

    /// <summary>The page's visible horizontal letters as glyphs.</summary>
    internal static IEnumerable<Glyph> Glyphs(Page page) => page.Letters
        .Where(l => !string.IsNullOrWhiteSpace(l.Value) && l.TextOrientation is TextOrientation.Horizontal or TextOrientation.Other)
        .Select(l => new Glyph(l.Value, l.StartBaseLine.X, l.EndBaseLine.X, l.StartBaseLine.Y, Size(l)));

    private static double Size(Letter l) => l.PointSize > 0 ? l.PointSize : Math.Max(1, l.BoundingBox.Height);

    internal static double Median(IEnumerable<double> values) => GlyphLines.Median(values);
}
