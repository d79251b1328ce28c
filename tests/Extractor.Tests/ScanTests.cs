using Extractor.Parsing;
using Extractor.Tests.Support;

namespace Extractor.Tests;

/// <summary>
/// The scanned samples (tools/make-scan-samples.sh: the seeds' text PDFs printed to page images at 150 and 300 dpi,
/// skewed and speckled, stamped with a seal, mixed with text pages, as a PNG and a multi-page TIFF) give the section
/// tree of the text PDF they were made from, the problem–rectification pairs at the same places, and rectification
/// texts within a few percent of the text's characters (a marker OCR lost is inferred from its siblings, so the tree is
/// the same; only the section's inferred flag differs). Markers compare in half-width: OCR reads （一） as (一).
/// </summary>
public sealed class ScanTests
{
    public static IEnumerable<TestCaseData> Scans() => new (string Scan, string Text, double Cer)[]
    {
        ("seed-000-scan-150.pdf", "formats/seed-000-libreoffice-print.pdf", 0.03),
        ("seed-000-scan-300.pdf", "formats/seed-000-libreoffice-print.pdf", 0.03),
        ("seed-002-scan-150.pdf", "formats/seed-002-libreoffice-print.pdf", 0.03),
        ("seed-002-scan-300.pdf", "formats/seed-002-libreoffice-print.pdf", 0.03),
        ("seed-002-scan-skewed.pdf", "formats/seed-002-libreoffice-print.pdf", 0.04),
        ("seed-002-scan-seal.pdf", "formats/seed-002-libreoffice-print.pdf", 0.03),
        ("seed-002-mixed.pdf", "formats/seed-002-libreoffice-print.pdf", 0.01),
        ("seed-002-scan.tif", "formats/seed-002-libreoffice-print.pdf", 0.04),
        ("halfwidth-chromium.png", "halfwidth.txt", 0.01),
    }.Select(c => new TestCaseData(c.Scan, c.Text, c.Cer).SetName("Scan_" + c.Scan.Replace('.', '_').Replace('-', '_')));

    [TestCaseSource(nameof(Scans))]
    public void A_scan_gives_the_tree_and_pairs_of_its_text(string scan, string text, double maxCer)
    {
        OcrTools.Require();
        var reference = Spec.Parser.ParseFile(Path.Combine(Repo.Samples, text));
        var notice = Spec.Parser.ParseFile(Path.Combine(Repo.Samples, "formats", scan));
        Assert.That(Tree(notice.Sections), Is.EqualTo(Tree(reference.Sections)));
        var found = notice.Items.Where(i => i.Rectification is not null).ToDictionary(Key);
        var pairs = reference.Items.Where(i => i.Rectification is not null).ToList();
        // The goal: all but two of seed 000's 30 pairs, all of seed 002's 4.
        Assert.That(pairs.Count(p => found.ContainsKey(Key(p))), Is.GreaterThanOrEqualTo(pairs.Count == 30 ? 28 : pairs.Count));
        var matched = pairs.Where(p => found.ContainsKey(Key(p))).ToList();
        var edits = matched.Sum(p => Distance(found[Key(p)].Rectification!.Text, p.Rectification!.Text));
        var cer = (double)edits / matched.Sum(p => p.Rectification!.Text.Length);
        Assert.That(cer, Is.LessThan(maxCer), "character error rate of the rectification texts");
        Assert.That(notice.Title, Is.EqualTo(reference.Title).Or.Not.Null);
    }

    private static string Key(Item item) => HalfWidth(string.Join("", item.Path));

    /// <summary>Full-width forms of ASCII as ASCII (what NFKC does to them; the tests run without ICU).</summary>
    private static string HalfWidth(string s) => string.Concat(s.Select(c => c is >= '\uFF01' and <= '\uFF5E' ? (char)(c - 0xFEE0) : c));

    private static string Tree(IReadOnlyList<Section> sections) => string.Join("\n", sections.Select(s =>
        $"{new string(' ', s.Depth * 2)}{HalfWidth(s.Marker)}|{s.Number}\n{Tree(s.Sections)}".TrimEnd('\n')));

    /// <summary>Levenshtein distance.</summary>
    internal static int Distance(string a, string b)
    {
        var previous = Enumerable.Range(0, b.Length + 1).ToArray();
        var current = new int[b.Length + 1];
        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
                current[j] = Math.Min(Math.Min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            (previous, current) = (current, previous);
        }
        return previous[b.Length];
    }
}
