using System.Text;
using Extractor.Parsing.Text;
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
        var letters = page.Letters
            .Where(l => !string.IsNullOrWhiteSpace(l.Value) && l.TextOrientation is TextOrientation.Horizontal or TextOrientation.Other)
            .OrderByDescending(l => Math.Round(l.StartBaseLine.Y, 1)).ThenBy(l => l.StartBaseLine.X)
            .ToList();
        var groups = new List<List<Letter>>();
        foreach (var letter in letters)
        {
            var size = Size(letter);
            var group = groups.Count > 0 ? groups[^1] : null;
            if (group is not null && Math.Abs(group[0].StartBaseLine.Y - letter.StartBaseLine.Y) <= _options.SameLine * Math.Max(size, Size(group[0])))
                group.Add(letter);
            else
                groups.Add([letter]);
        }
        var lines = new List<PdfLine>(groups.Count);
        foreach (var group in groups)
        {
            group.Sort((a, b) => a.StartBaseLine.X.CompareTo(b.StartBaseLine.X));
            var text = new StringBuilder();
            var size = Median(group.Select(Size));
            for (var i = 0; i < group.Count; i++)
            {
                if (i > 0)
                {
                    // A gap is a space between Latin words; next to CJK it is layout (CJK–Latin autospacing) unless a whole em wide.
                    var gap = group[i].StartBaseLine.X - group[i - 1].EndBaseLine.X;
                    var cjk = IsCjkText(group[i - 1].Value) || IsCjkText(group[i].Value);
                    if (gap > (cjk ? _options.CjkSpace : _options.LatinSpace) * size) text.Append(' ');
                }
                text.Append(group[i].Value);
            }
            var left = group[0].StartBaseLine.X;
            var right = group.Max(l => l.EndBaseLine.X);
            var run = 0;
            while (run < group.Count && group[run].Value.All(Unbreakable)) run++;
            var firstWord = group[Math.Max(0, run - 1)].EndBaseLine.X - left;
            lines.Add(new PdfLine(page.Number, lines.Count + 1, text.ToString(), left, right, group[0].StartBaseLine.Y, size, firstWord));
        }
        return lines;
    }

    private static bool IsCjkText(string value) => value.Length > 0 && CharClass.IsCjk(LookAlikes.Canonical(value[0]));

    /// <summary>Characters a line does not break between: Latin letters, digits and the brackets and signs that go with them.</summary>
    private static bool Unbreakable(char c) =>
        char.IsAsciiLetterOrDigit(c) || CharClass.IsDigit(c) || c is '.' or ',' or '%' or '-' or '/' or ':' or '(' or ')' or '〔' or '〕' or '（' or '）' or '《' or '“' or '‘' or '．';

    private static double Size(Letter l) => l.PointSize > 0 ? l.PointSize : Math.Max(1, l.BoundingBox.Height);

    internal static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count == 0 ? 0 : sorted[sorted.Count / 2];
    }
}
