using Extractor.Parsing.Text;

namespace Extractor.Parsing.Readers.Pdf;

/// <summary>
/// Some producers' text layers report a traditional code point for a glyph of a simplified document (Chromium's
/// Type 3 fonts give 戶 for 户). When fewer than 2% of a text's Han characters (and it has at least 100) are
/// traditional forms whose simplified variant is in GB2312, the text is simplified and those are read as their
/// simplified variants, with a warning. A text layer that gives the traditional code point for a glyph gives it for
/// every occurrence: when the simplified form of one of them occurs in the text too, the text is one that mixes the
/// two scripts as written (<c>整改落實情況</c> in a simplified notice), and it is left as it is.
/// </summary>
internal static class TextLayerRepair
{
    /// <summary>Fewer Han characters than this are too few to tell a simplified text from a traditional one.</summary>
    private const int MinimumHan = 100;

    /// <summary>A text with one traditional form in this many Han characters, or more, is traditional: left as it is.</summary>
    private const int OnePer = 50;

    public static IReadOnlyList<IReadOnlyList<PdfLine>> Repair(IReadOnlyList<IReadOnlyList<PdfLine>> pages, List<Warning> warnings)
    {
        int han = 0;
        var found = new SortedDictionary<char, int>();
        var seen = new HashSet<char>();
        foreach (var line in pages.SelectMany(p => p))
            foreach (var raw in line.Text)
            {
                var c = LookAlikes.Canonical(raw); // ⼾ (a radical) is 戶
                if (!CharClass.IsCjk(c) || c < '\u3400') continue;
                han++;
                seen.Add(c);
                if (HanVariants.SimplifiedVariant(c) is not null) found[c] = found.GetValueOrDefault(c) + 1;
            }
        var total = found.Values.Sum();
        if (total == 0 || han < MinimumHan || total * OnePer >= han || found.Keys.Any(c => seen.Contains(HanVariants.SimplifiedVariant(c)!.Value))) return pages;
        warnings.Add(new Warning
        {
            Code = WarningCodes.TextLayerRepaired,
            Message = "the PDF's text layer gave traditional forms in a simplified text; read as simplified: "
                + string.Join("、", found.Select(f => $"{f.Key}→{HanVariants.SimplifiedVariant(f.Key)} ×{f.Value}")),
        });
        char Simplify(char raw) => found.ContainsKey(LookAlikes.Canonical(raw)) ? HanVariants.SimplifiedVariant(LookAlikes.Canonical(raw))!.Value : raw;
        return [.. pages.Select(page => (IReadOnlyList<PdfLine>)[.. page.Select(line => line.Text.Any(c => found.ContainsKey(LookAlikes.Canonical(c)))
            ? line with { Text = string.Concat(line.Text.Select(Simplify)) }
            : line)])];
    }
}
