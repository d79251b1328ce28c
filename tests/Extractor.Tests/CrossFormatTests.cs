using Extractor.Parsing;
using Extractor.Tests.Support;

namespace Extractor.Tests;

/// <summary>
/// Every format of a seed — HTML with site chrome, a CMS page of &lt;br&gt; lines, DOCX from LibreOffice, pandoc and
/// with Word automatic numbering, PDF from LibreOffice and Chromium, Word 97-2003 from LibreOffice (and as .wps), OFD
/// built from the standard — yields the same section tree, items and texts as the seed's TXT (locations aside).
/// </summary>
public sealed class CrossFormatTests
{
    private static readonly string[] Variants =
        ["gbk-chrome.html", "cms-br.html", "libreoffice.docx", "pandoc.docx", "autonumber.docx", "libreoffice-print.pdf", "chromium-print.pdf",
         "libreoffice-word97.doc", "handbuilt.ofd"];

    /// <summary>
    /// Variants made of one seed only: seed-000's autonumbered .doc is not among them because LibreOffice's .doc export
    /// restarts its split lists (see <c>DocReaderSpec.LibreOffice_list_restarts_read_as_LibreOffice_shows_them</c>).
    /// </summary>
    private static readonly (string Seed, string Variant)[] OneSeed = [("seed-002", "autonumber-word97.doc"), ("seed-002", "renamed.wps")];

    public static IEnumerable<TestCaseData> Formats()
    {
        var all = new[] { "seed-000", "seed-002" }.SelectMany(seed => Variants.Select(variant => (seed, variant))).Concat(OneSeed);
        foreach (var (seed, variant) in all)
            yield return new TestCaseData(seed, variant).SetName($"CrossFormat_{seed.Replace('-', '_')}_{variant.Replace('.', '_').Replace('-', '_')}");
    }

    [Test]
    public void The_table_form_notice_gives_the_same_items_as_Word_97_2003_as_DOCX()
    {
        var docx = Spec.Parser.ParseFile(Path.Combine(Repo.Samples, "formats", "table-form-libreoffice.docx"));
        var doc = Spec.Parser.ParseFile(Path.Combine(Repo.Samples, "formats", "table-form-libreoffice-word97.doc"));
        Assert.That(doc.Items, Has.Count.EqualTo(4));
        Assert.That(Sections(doc.Sections), Is.EqualTo(Sections(docx.Sections)));
        Assert.That(Items(doc), Is.EqualTo(Items(docx)));
        Assert.That(doc.Items.Select(i => string.Join("|", i.Fields.Select(f => $"{f.Name}={f.Value}"))), Is.EqualTo(docx.Items.Select(i => string.Join("|", i.Fields.Select(f => $"{f.Name}={f.Value}")))));
    }

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
