using System.Text;
using System.Text.RegularExpressions;
using Extractor.Parsing.Documents;
using Extractor.Parsing.Text;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Exceptions;

namespace Extractor.Parsing.Readers;

/// <summary>
/// Reads a PDF's text layer (PdfPig) in three separate steps: lines rebuilt from letters by baseline (never
/// <c>page.Text</c>, which runs lines together); running headers, footers and page numbers removed; paragraphs rebuilt
/// from first-line indents, short last lines, vertical gaps and size changes, across page breaks. A gap between letters
/// becomes one space, which normalization drops between CJK characters. Location: page and line on the page.
/// </summary>
internal static partial class PdfReader
{
    /// <summary>A line of text on a page.</summary>
    /// <param name="Page">1-based page.</param>
    /// <param name="PageLine">1-based line on the page, counting lines later removed as headers or footers.</param>
    /// <param name="Text">The text, one space where letters leave a gap.</param>
    /// <param name="Left">Left edge of the first letter.</param>
    /// <param name="Right">Right edge of the last letter.</param>
    /// <param name="Baseline">Baseline height on the page.</param>
    /// <param name="Size">Median letter size.</param>
    /// <param name="FirstWord">Width of the line's first unbreakable run (<c>〔2020〕18</c>, or one ideograph): the line
    /// before may end short of the margin by that much without ending its paragraph.</param>
    internal sealed record Line(int Page, int PageLine, string Text, double Left, double Right, double Baseline, double Size, double FirstWord);

    public static ExtractedDocument Read(byte[] bytes, ParserLimits limits, CancellationToken cancellation)
    {
        var document = Open(bytes);
        using (document)
        {
            int pageCount;
            try
            {
                pageCount = document.NumberOfPages;
            }
            catch (Exception e) when (e is not (OperationCanceledException or OutOfMemoryException))
            {
                throw new NoticeFormatException(NoticeErrorKind.Corrupt, $"the PDF's page tree is damaged: {FirstLine(e.Message)}", e);
            }
            if (pageCount > limits.MaxPages)
                throw new NoticeFormatException(NoticeErrorKind.LimitExceeded, $"the PDF has {pageCount} pages, more than the {limits.MaxPages}-page limit");

            var warnings = new List<Warning>();
            var pages = new List<List<Line>>();
            var imageOnly = new List<int>();
            for (var number = 1; number <= pageCount; number++)
            {
                cancellation.ThrowIfCancellationRequested();
                Page page;
                try
                {
                    page = document.GetPage(number);
                }
                catch (Exception e) when (e is not (OperationCanceledException or OutOfMemoryException))
                {
                    warnings.Add(new Warning { Code = WarningCodes.ContentSkipped, Message = $"page {number} could not be read: {FirstLine(e.Message)}" });
                    pages.Add([]);
                    continue;
                }
                var lines = Lines(page);
                if (lines.Count == 0 && page.NumberOfImages > 0) imageOnly.Add(number);
                pages.Add(lines);
            }
            if (pages.All(p => p.Count == 0))
                throw imageOnly.Count > 0
                    ? new NoticeFormatException(NoticeErrorKind.NeedsOcr, "the PDF has no text layer (its pages are images): it needs OCR")
                    : new NoticeFormatException(NoticeErrorKind.Empty, "the PDF holds no text");
            foreach (var number in imageOnly)
                warnings.Add(new Warning { Code = WarningCodes.ContentSkipped, Message = $"page {number} is an image without a text layer: it needs OCR" });

            var kept = RepairTextLayer(RemoveRunningLines(pages), warnings);
            var builder = new BlockBuilder();
            foreach (var paragraph in Paragraphs(kept))
            {
                // Lines joined across a page break are joined on no evidence (the gap above is unknown): soft breaks.
                var text = new StringBuilder(paragraph[0].Text);
                List<int>? soft = null;
                for (var i = 1; i < paragraph.Count; i++)
                {
                    if (paragraph[i].Page != paragraph[i - 1].Page) (soft ??= []).Add(text.Length);
                    text.Append('\n').Append(paragraph[i].Text);
                }
                builder.Add(text.ToString(), page: paragraph[0].Page, lines: [.. paragraph.Select(l => new PageLine(l.Page, l.PageLine))], softBreaks: soft);
            }
            string? title = null;
            try { title = document.Information?.Title; } catch (Exception e) when (e is not OperationCanceledException) { }
            return builder.Build(InputFormat.Pdf, null, warnings, string.IsNullOrWhiteSpace(title) ? null : title.Trim());
        }
    }

    private static string FirstLine(string message) => message.Split('\n')[0].Trim();

    /// <summary>
    /// Opens the document strictly, and leniently only when strict parsing cannot open it at all (a damaged
    /// cross-reference table, which is what lenient parsing recovers). PdfPig's lenient repairs can recurse without
    /// end on some damaged files (a stack overflow .NET cannot catch; fuzzing found one), so a document that opens
    /// strictly is never re-read leniently: a damaged page is reported instead.
    /// </summary>
    private static PdfDocument Open(byte[] bytes)
    {
        try
        {
            return PdfDocument.Open(bytes, new ParsingOptions { UseLenientParsing = false, SkipMissingFonts = true });
        }
        catch (PdfDocumentEncryptedException e)
        {
            throw new NoticeFormatException(NoticeErrorKind.Encrypted, "the PDF is encrypted and needs a password", e);
        }
        catch (Exception strict) when (strict is not (OperationCanceledException or OutOfMemoryException))
        {
            try
            {
                return PdfDocument.Open(bytes, new ParsingOptions { UseLenientParsing = true, SkipMissingFonts = true });
            }
            catch (PdfDocumentEncryptedException e)
            {
                throw new NoticeFormatException(NoticeErrorKind.Encrypted, "the PDF is encrypted and needs a password", e);
            }
            catch (Exception e) when (e is not (OperationCanceledException or OutOfMemoryException))
            {
                throw new NoticeFormatException(NoticeErrorKind.Corrupt, $"the PDF is damaged: {FirstLine(e.Message)}", e);
            }
        }
    }

    // ------------------------------------------------------------------ lines

    /// <summary>Groups the page's letters into lines by baseline, top to bottom, each read left to right.</summary>
    internal static List<Line> Lines(Page page)
    {
        var letters = page.Letters
            .Where(l => !string.IsNullOrWhiteSpace(l.Value) && l.TextOrientation is TextOrientation.Horizontal or TextOrientation.Other)
            .OrderByDescending(l => Math.Round(l.StartBaseLine.Y, 1)).ThenBy(l => l.StartBaseLine.X)
            .ToList();
        var groups = new List<List<Letter>>();
        foreach (var letter in letters)
        {
            var size = Size(letter);
            var group = groups.Count > 0 ? groups[^1] : null;
            if (group is not null && Math.Abs(group[0].StartBaseLine.Y - letter.StartBaseLine.Y) <= 0.45 * Math.Max(size, Size(group[0])))
                group.Add(letter);
            else
                groups.Add([letter]);
        }
        var lines = new List<Line>(groups.Count);
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
                    if (gap > (cjk ? 0.9 : 0.25) * size) text.Append(' ');
                }
                text.Append(group[i].Value);
            }
            var left = group[0].StartBaseLine.X;
            var right = group.Max(l => l.EndBaseLine.X);
            var run = 0;
            while (run < group.Count && group[run].Value.All(Unbreakable)) run++;
            var firstWord = group[Math.Max(0, run - 1)].EndBaseLine.X - left;
            lines.Add(new Line(page.Number, lines.Count + 1, text.ToString(), left, right, group[0].StartBaseLine.Y, size, firstWord));
        }
        return lines;
    }

    private static bool IsCjkText(string value) => value.Length > 0 && CharClass.IsCjk(Normalizer.Canonical(value[0]));

    /// <summary>Characters a line does not break between: Latin letters, digits and the brackets and signs that go with them.</summary>
    private static bool Unbreakable(char c) =>
        char.IsAsciiLetterOrDigit(c) || CharClass.IsDigit(c) || c is '.' or ',' or '%' or '-' or '/' or ':' or '(' or ')' or '〔' or '〕' or '（' or '）' or '《' or '“' or '‘' or '．';

    private static double Size(Letter l) => l.PointSize > 0 ? l.PointSize : Math.Max(1, l.BoundingBox.Height);

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count == 0 ? 0 : sorted[sorted.Count / 2];
    }

    // ------------------------------------------------------------------ running headers and footers

    [GeneratedRegex(@"^(?:[-—–－~～_\s]*\d{1,4}[-—–－~～_\s]*|第\s*\d{1,4}\s*页(?:\s*[，,/]?\s*共\s*\d{1,4}\s*页)?|\d{1,4}\s*/\s*\d{1,4}|[Pp]age\s*\d{1,4}(?:\s*of\s*\d{1,4})?)$", RegexOptions.CultureInvariant)]
    private static partial Regex PageNumber();

    [GeneratedRegex(@"\d+", RegexOptions.CultureInvariant)]
    private static partial Regex Digits();

    /// <summary>
    /// Drops page numbers (<c>— 3 —</c>, <c>- 3 -</c>, <c>第3页</c>, <c>3/10</c>) among the first and last lines of a page,
    /// and lines that repeat (digits aside) at the top or bottom of most pages: running headers and footers.
    /// </summary>
    internal static List<List<Line>> RemoveRunningLines(List<List<Line>> pages)
    {
        const int band = 2;
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
        var result = new List<List<Line>>(pages.Count);
        foreach (var page in pages)
        {
            var edge = Band(page, band).ToHashSet();
            result.Add([.. page.Where(l => !edge.Contains(l) || !(PageNumber().IsMatch(l.Text.Trim()) || repeated.Contains(Key(l))))]);
        }
        return result;
    }

    /// <summary>The first and last lines of a page (one each on a page too short to have body lines between two).</summary>
    private static IEnumerable<Line> Band(List<Line> page, int band)
    {
        if (page.Count < 3 * band) band = 1;
        return page.Take(band).Concat(page.Skip(Math.Max(band, page.Count - band)));
    }

    private static string Key(Line line) => Digits().Replace(line.Text, "#").Replace(" ", "", StringComparison.Ordinal);

    // ------------------------------------------------------------------ text-layer repair

    /// <summary>
    /// Some producers' text layers report a traditional code point for a glyph of a simplified document (Chromium's
    /// Type 3 fonts give 戶 for 户). When fewer than 2% of a text's Han characters are traditional forms whose simplified
    /// variant is in GB2312, the text is simplified and those are read as their simplified variants, with a warning.
    /// </summary>
    internal static List<List<Line>> RepairTextLayer(List<List<Line>> pages, List<Warning> warnings)
    {
        int han = 0;
        var found = new SortedDictionary<char, int>();
        foreach (var line in pages.SelectMany(p => p))
            foreach (var raw in line.Text)
            {
                var c = Normalizer.Canonical(raw); // ⼾ (a radical) is 戶
                if (!CharClass.IsCjk(c) || c < '\u3400') continue;
                han++;
                if (HanVariants.SimplifiedVariant(c) is not null) found[c] = found.GetValueOrDefault(c) + 1;
            }
        var total = found.Values.Sum();
        if (total == 0 || han < 100 || total * 50 >= han) return pages;
        warnings.Add(new Warning
        {
            Code = WarningCodes.TextLayerRepaired,
            Message = "the PDF's text layer gave traditional forms in a simplified text; read as simplified: "
                + string.Join("、", found.Select(f => $"{f.Key}→{HanVariants.SimplifiedVariant(f.Key)} ×{f.Value}")),
        });
        char Repair(char raw) => found.ContainsKey(Normalizer.Canonical(raw)) ? HanVariants.SimplifiedVariant(Normalizer.Canonical(raw))!.Value : raw;
        return [.. pages.Select(page => page.Select(line => line.Text.Any(c => found.ContainsKey(Normalizer.Canonical(c)))
            ? line with { Text = string.Concat(line.Text.Select(Repair)) }
            : line).ToList())];
    }

    // ------------------------------------------------------------------ paragraphs

    /// <summary>
    /// Joins lines into paragraphs. A line starts a paragraph when it is indented from the left margin, when the line
    /// before ended short of the right margin by more than its own first word needed, when the gap above it is wider
    /// than the usual line spacing, or when its size differs. A page break alone never ends a paragraph.
    /// </summary>
    internal static List<List<Line>> Paragraphs(List<List<Line>> pages)
    {
        var all = pages.SelectMany(p => p).ToList();
        if (all.Count == 0) return [];
        var size = Median(all.Select(l => l.Size));
        // The usual distance between baselines: the most common one (rounded), not the median, which paragraph gaps pull up.
        var gaps = pages.SelectMany(p => p.Zip(p.Skip(1), (a, b) => a.Baseline - b.Baseline)).Where(d => d > 0).ToList();
        var spacing = gaps.Count > 0 ? gaps.GroupBy(g => Math.Round(g)).OrderByDescending(g => g.Count()).ThenBy(g => g.Key).First().Key : size * 1.5;
        // Margins of the text block: the commonest left edge, and the right edge most full lines reach (a line whose
        // punctuation hangs past the margin must not move it).
        // Margins of the text block: the left edge all but a few lines reach (indents and centred lines are further in),
        // the right edge full lines reach (a line whose punctuation hangs past the margin is among the tenth ignored).
        var lefts = all.Select(l => l.Left).Order().ToList();
        var left = lefts[lefts.Count / 20];
        var rights = all.Select(l => l.Right).Order().ToList();
        var right = rights[rights.Count - 1 - rights.Count / 10];

        var paragraphs = new List<List<Line>>();
        Line? previous = null;
        foreach (var line in all)
        {
            var starts = previous is null
                || line.Left - left > 0.9 * size
                || Math.Abs(line.Size - previous.Size) > 0.15 * size
                || EndsShort(previous, right, line, size)
                || (previous.Page == line.Page && previous.Baseline - line.Baseline > 1.15 * spacing + 0.1 * size);
            if (starts) paragraphs.Add([line]);
            else paragraphs[^1].Add(line);
            previous = line;
        }
        return paragraphs;
    }

    /// <summary>The line ends short of the margin by more than two characters and more than the next line's first word needs.</summary>
    private static bool EndsShort(Line previous, double right, Line next, double size)
    {
        var room = right - previous.Right;
        return room > 2 * size && room > next.FirstWord + size;
    }

}
