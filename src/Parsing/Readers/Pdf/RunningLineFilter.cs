using System.Text.RegularExpressions;

namespace Extractor.Parsing.Readers.Pdf;

/// <summary>
/// Drops page numbers (<c>— 3 —</c>, <c>- 3 -</c>, <c>第3页</c>, <c>3/10</c>: the rule set's page-number pattern) among
/// the first and last lines of a page, and lines that repeat (digits aside) at the top or bottom of at least half the
/// pages that have text: running headers and footers.
/// </summary>
public sealed partial class RunningLineFilter(PdfLayoutOptions? options = null) : IPdfRunningLineFilter
{
    private readonly PdfLayoutOptions _options = options ?? PdfLayoutOptions.Default;

    [GeneratedRegex(@"\d+", RegexOptions.CultureInvariant)]
    private static partial Regex Digits();

    /// <inheritdoc/>
    public IReadOnlyList<IReadOnlyList<PdfLine>> Filter(IReadOnlyList<IReadOnlyList<PdfLine>> pages, Regex pageNumber)
    {
        ArgumentNullException.ThrowIfNull(pages);
        ArgumentNullException.ThrowIfNull(pageNumber);
        var band = _options.RunningLineBand;
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var page in pages)
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var line in Band(page, band))
                if (seen.Add(Key(line))) counts[Key(line)] = counts.GetValueOrDefault(Key(line)) + 1;
        }
        var withText = pages.Count(p => p.Count > 0);
        var repeated = withText >= 2
            ? counts.Where(c => c.Value >= Math.Max(2, (withText + 1) / 2)).Select(c => c.Key).ToHashSet(StringComparer.Ordinal)
            : [];
        var result = new List<IReadOnlyList<PdfLine>>(pages.Count);
        foreach (var page in pages)
        {
            var edge = Band(page, band).ToHashSet();
            result.Add([.. page.Where(l => !edge.Contains(l) || !(pageNumber.IsMatch(l.Text.Trim()) || repeated.Contains(Key(l))))]);
        }
        return result;
    }

    /// <summary>The first and last lines of a page (one each on a page too short to have body lines between two bands).</summary>
    private static IEnumerable<PdfLine> Band(IReadOnlyList<PdfLine> page, int band)
    {
        if (page.Count < 3 * band) band = 1;
        return page.Take(band).Concat(page.Skip(Math.Max(band, page.Count - band)));
    }

    private static string Key(PdfLine line) => Digits().Replace(line.Text, "#").Replace(" ", "", StringComparison.Ordinal);
}
