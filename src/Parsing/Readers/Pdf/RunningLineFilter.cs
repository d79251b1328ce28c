using Extractor.Parsing.Rules;
using System.Text.RegularExpressions;

namespace Extractor.Parsing.Readers.Pdf;

/// <summary>
/// Drops page numbers (<c>— 3 —</c>, <c>- 3 -</c>, <c>第3页</c>, <c>3/10</c>) and a browser's print header and footer
/// (the rule set's edge-line patterns) among the first and last lines of a page, and running headers and footers: lines
/// that repeat (digits aside) in the same place — the same edge of the page, at the same height and the same left or
/// right end — on most of the pages
/// that have text. A line that appears once at the top of page 1 and once at the bottom of the last page (a short
/// notice's issuer and its signature) is in two places, and stays.
/// </summary>
public sealed partial class RunningLineFilter(PdfLayoutOptions? options = null) : IPdfRunningLineFilter
{
    private readonly PdfLayoutOptions _options = options ?? PdfLayoutOptions.Default;

    [GeneratedRegex(@"\d+", RegexOptions.CultureInvariant)]
    private static partial Regex Digits();

    /// <inheritdoc/>
    public IReadOnlyList<IReadOnlyList<PdfLine>> Filter(IReadOnlyList<IReadOnlyList<PdfLine>> pages, Regex edgeLine)
    {
        ArgumentNullException.ThrowIfNull(pages);
        ArgumentNullException.ThrowIfNull(edgeLine);
        var band = _options.RunningLineBand;
        var edges = pages.Select(p => Band(p, band).ToList()).ToList();
        var withText = pages.Count(p => p.Count > 0);
        var most = withText / 2 + 1;
        var result = new List<IReadOnlyList<PdfLine>>(pages.Count);
        for (var i = 0; i < pages.Count; i++)
        {
            var running = edges[i].Where(e => BoundedMatches.IsLine(edgeLine, e.Line.Text.Trim()) || (withText >= 2 && Repeats(e, edges) >= most))
                .Select(e => e.Line).ToHashSet();
            result.Add([.. pages[i].Where(l => !running.Contains(l))]);
        }
        return result;
    }

    /// <summary>
    /// On how many pages a line of the same text (digits aside) stands in the same place: at the same edge, at the same
    /// height (within half a letter) and starting or ending at the same point (within a letter).
    /// </summary>
    private static int Repeats((PdfLine Line, bool Top) edge, List<List<(PdfLine Line, bool Top)>> pages)
    {
        var key = Key(edge.Line);
        var line = edge.Line;
        return pages.Count(page => page.Any(other => other.Top == edge.Top && Key(other.Line) == key
            && Math.Abs(other.Line.Baseline - line.Baseline) <= Math.Max(other.Line.Size, line.Size) / 2
            && (Math.Abs(other.Line.Left - line.Left) <= line.Size || Math.Abs(other.Line.Right - line.Right) <= line.Size)));
    }

    /// <summary>The first and last lines of a page (one each on a page too short to have body lines between two bands), and which edge each is at.</summary>
    private static IEnumerable<(PdfLine Line, bool Top)> Band(IReadOnlyList<PdfLine> page, int band)
    {
        if (page.Count < 3 * band) band = 1;
        return page.Take(band).Select(l => (l, true)).Concat(page.Skip(Math.Max(band, page.Count - band)).Select(l => (l, false)));
    }

    private static string Key(PdfLine line) => Digits().Replace(line.Text, "#").Replace(" ", "", StringComparison.Ordinal);
}
