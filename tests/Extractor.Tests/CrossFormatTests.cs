using Extractor.Parsing;
using Extractor.Tests.Support;

namespace Extractor.Tests;

/// <summary>
/// Every format of a seed — HTML with site chrome, a CMS page of &lt;br&gt; lines, DOCX from LibreOffice, pandoc and
/// with Word automatic numbering, PDF from LibreOffice and Chromium, Chromium's web archive, LibreOffice's Word 2003
/// XML and its HTML saved as .doc, DOCX with the body in a text box or laid out in a table, Word 97-2003 from LibreOffice
/// (and as .wps), OFD built from the standard — yields the same section tree, items and texts as the seed's TXT
/// (locations aside); every format of the table-form notice (DOCX, .doc, XLSX, XLS, MHTML) the same items as its HTML.
/// </summary>
public sealed class CrossFormatTests
{
    private static readonly string[] Variants =
        ["gbk-chrome.html", "cms-br.html", "libreoffice.docx", "pandoc.docx", "autonumber.docx", "libreoffice-print.pdf", "chromium-print.pdf",
         "chromium.mhtml", "libreoffice-2003.xml", "libreoffice-html.doc", "libreoffice-word97.doc", "handbuilt.ofd"];

    /// <summary>
    /// Variants made of one seed only: the body in a text box or one table cell, markers in a column of a table; the
    /// autonumbered .doc and the .wps; Chromium's print with the body in two columns (read column by column, nothing interleaved). seed-000's autonumbered .doc is not among them: LibreOffice's .doc export
    /// restarts its split lists (see <c>DocReaderSpec.LibreOffice_list_restarts_read_as_LibreOffice_shows_them</c>).
    /// </summary>
    private static readonly (string Seed, string Variant)[] Layouts =
        [("seed-002", "textbox-libreoffice.docx"), ("seed-002", "one-cell-libreoffice.docx"), ("seed-000", "marker-column-libreoffice.docx"),
         ("seed-002", "autonumber-word97.doc"), ("seed-002", "renamed.wps"), ("seed-002", "two-columns-chromium.pdf")];

    public static IEnumerable<TestCaseData> Formats()
    {
        foreach (var seed in new[] { "seed-000", "seed-002" })
            foreach (var variant in Variants)
                yield return Case(seed, variant);
        foreach (var (seed, variant) in Layouts)
            yield return Case(seed, variant);
    }

    private static TestCaseData Case(string seed, string variant) =>
        new TestCaseData(seed, variant).SetName($"CrossFormat_{seed.Replace('-', '_')}_{variant.Replace('.', '_').Replace('-', '_')}");

    /// <summary>The table-form notices: each sample and the HTML page it was made from.</summary>
    public static IEnumerable<TestCaseData> Ledgers() =>
        new[]
        {
            ("table-form-libreoffice.docx", "table-form.html"), ("table-form-libreoffice-word97.doc", "table-form.html"), ("table-form-calc-2007.xlsx", "table-form.html"),
            ("table-form-calc-97.xls", "table-form.html"), ("table-form-chromium.mhtml", "table-form.html"),
            ("ledger-title-calc.xlsx", "ledger-title.html"), ("ledger-two-sheets-calc.xls", "ledger-title.html"),
        }.Select(c => new TestCaseData(c.Item1, c.Item2).SetName($"CrossFormat_ledger_{c.Item1.Replace('.', '_').Replace('-', '_')}"));

    [TestCaseSource(nameof(Ledgers))]
    public void Every_format_of_a_ledger_gives_the_items_of_its_page(string sample, string page)
    {
        var html = Spec.Parser.ParseFile(Path.Combine(Repo.Samples, "formats", page));
        var other = Spec.Parser.ParseFile(Path.Combine(Repo.Samples, "formats", sample));
        Assert.That(other.Items, Has.Count.EqualTo(4));
        Assert.That(Items(other), Is.EqualTo(Items(html)));
        Assert.That(other.Items.Select(Fields), Is.EqualTo(html.Items.Select(Fields)));
        Assert.That(Sections(other.Sections), Is.EqualTo(Sections(html.Sections)));
        if (!sample.Contains("two-sheets", StringComparison.Ordinal))
            Assert.That((other.Title, other.Issuer, other.Date, other.Preamble, other.Closing), Is.EqualTo((html.Title, html.Issuer, html.Date, html.Preamble, html.Closing)));
    }

    private static string Fields(Item item) => string.Join("; ", item.Fields.Select(f => $"{f.Name}={f.Value}"));

    private static string Sections(IReadOnlyList<Section> sections) => string.Join("\n", sections.Select(s =>
        $"{new string(' ', s.Depth * 2)}{s.Marker}|{s.Style}|{s.Number}|{s.Inferred}|{s.Title}|{s.Body?.Text}\n{Sections(s.Sections)}".TrimEnd('\n')));

    private static IEnumerable<string> Items(Notice notice) => notice.Items.Select(i =>
        $"#{i.Index} {string.Join("", i.Path)}\n  problem: {i.Problem.Title}\n  {i.Problem.Text}\n  {i.Rectification?.Label}: {i.Rectification?.Status}\n  {i.Rectification?.Text}\n"
        + string.Join("\n", i.Rectification?.Measures.Select(m => $"  - {m.Marker} {m.Text}") ?? []));

    [TestCaseSource(nameof(Formats))]
    public void Every_format_gives_the_items_and_tree_of_the_text(string seed, string variant)
    {
        var text = Spec.Parser.ParseFile(Repo.Sample(seed + ".txt"));
        var other = Spec.Parser.ParseFile(Path.Combine(Repo.Samples, "formats", $"{seed}-{variant}"));
        Assert.That(other.Items, Has.Count.EqualTo(seed == "seed-000" ? 30 : 4));
        Assert.That(Sections(other.Sections), Is.EqualTo(Sections(text.Sections)));
        Assert.That(Items(other), Is.EqualTo(Items(text)));
        // Reader warnings (a repaired PDF text layer) are the format's own; the structural ones must match.
        string[] readerCodes = [WarningCodes.TextLayerRepaired, WarningCodes.EncodingGuessed, WarningCodes.ContentSkipped];
        Assert.That(other.Warnings.Select(w => w.Code).Where(c => !readerCodes.Contains(c)), Is.EqualTo(text.Warnings.Select(w => w.Code)));
    }

    [TestCaseSource(nameof(Formats))]
    public void Every_format_gives_the_metadata_of_the_text(string seed, string variant)
    {
        var text = Spec.Parser.ParseFile(Repo.Sample(seed + ".txt"));
        var other = Spec.Parser.ParseFile(Path.Combine(Repo.Samples, "formats", $"{seed}-{variant}"));
        Assert.That((other.Title, other.Issuer, other.Date), Is.EqualTo((text.Title, text.Issuer, text.Date)));
        Assert.That(other.Inspection, Is.EqualTo(text.Inspection));
        Assert.That(other.Preamble, Is.EqualTo(text.Preamble));
        Assert.That(other.Closing, Is.EqualTo(text.Closing));
        Assert.That(other.Contacts.Phones, Is.EqualTo(text.Contacts.Phones));
    }
}
