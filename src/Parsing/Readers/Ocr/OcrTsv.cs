using System.Globalization;

namespace Extractor.Parsing.Readers.Ocr;

/// <summary>
/// Reads Tesseract's TSV: one row per page (level 1, the image's size), block, paragraph, line and word (level 5, with
/// its box, confidence and text). Rows that do not read are skipped.
/// </summary>
internal static class OcrTsv
{
    /// <summary>The pages, in order; <paramref name="scale"/> is the pages' points per pixel.</summary>
    public static List<OcrPage> Parse(string tsv, double scale = 1)
    {
        var pages = new List<OcrPage>();
        List<OcrWord>? words = null;
        (int Number, double Width, double Height) page = default;
        foreach (var raw in tsv.Split('\n'))
        {
            var cells = raw.TrimEnd('\r').Split('\t');
            if (cells.Length < 12 || !int.TryParse(cells[0], NumberStyles.Integer, CultureInfo.InvariantCulture, out var level)) continue;
            var n = new double[10];
            var ok = true;
            for (var i = 1; i <= 10 && ok; i++) ok = double.TryParse(cells[i], NumberStyles.Float, CultureInfo.InvariantCulture, out n[i - 1]);
            if (!ok) continue;
            if (level == 1)
            {
                if (words is not null) pages.Add(new OcrPage(page.Number, page.Width, page.Height, words, scale));
                page = ((int)n[0], n[7], n[8]);
                words = [];
            }
            else if (level == 5 && words is not null)
            {
                var text = cells[11].Trim();
                if (text.Length == 0 || n[9] < 0) continue;
                words.Add(new OcrWord(text, n[5], n[6], n[7], n[8], n[9], ((int)n[1], (int)n[2], (int)n[3])));
            }
        }
        if (words is not null) pages.Add(new OcrPage(page.Number, page.Width, page.Height, words, scale));
        return pages;
    }
}
