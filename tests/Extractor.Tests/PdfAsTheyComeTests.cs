using Extractor.Parsing;
using Extractor.Tests.Support;

namespace Extractor.Tests;

/// <summary>
/// PDFs as they really come, made by real producers (tools/make-pdf-samples.py): every text sample printed to PDF by
/// LibreOffice and by Chromium gives the items and the section tree of its TXT; a notice's page printed from a
/// government site by Chromium, a short notice and a notice of one-line paragraphs from LibreOffice give the TXT's title,
/// issuer, date, closing, contacts and items with no site chrome anywhere in the JSON; a ledger that runs over pages
/// gives the items of its HTML.
/// </summary>
public sealed class PdfAsTheyComeTests
{
    private static readonly string[] Seeds = ["seed-000", "seed-002"];

    /// <summary>Each samples/NAME.txt and its two PDFs (the seeds' are samples/formats/NAME-PRODUCER-print.pdf).</summary>
    public static IEnumerable<TestCaseData> Printed()
    {
        foreach (var txt in Directory.GetFiles(Repo.Samples, "*.txt").Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileNameWithoutExtension(txt);
            foreach (var producer in new[] { "libreoffice", "chromium" })
            {
                var pdf = Seeds.Contains(name)
                    ? Path.Combine("formats", $"{name}-{producer}-print.pdf")
                    : Path.Combine("formats", "pdf", $"{name}-{producer}.pdf");
                yield return new TestCaseData(name + ".txt", pdf).SetName($"Printed_{name.Replace('-', '_')}_{producer}");
            }
        }
    }

    [TestCaseSource(nameof(Printed))]
    public void Every_text_sample_printed_to_PDF_gives_the_items_of_its_text(string txt, string pdf)
    {
        var text = Spec.Parser.ParseFile(Repo.Sample(txt));
        var printed = Spec.Parser.ParseFile(Repo.Sample(pdf));
        Assert.That(Items(printed), Is.EqualTo(Items(text)));
        Assert.That(Sections(printed.Sections), Is.EqualTo(Sections(text.Sections)));
    }

    [TestCase("formats/seed-002-site-chromium.pdf", "seed-002.txt", TestName = "AsTheyCome_web_page_printed_by_Chromium")]
    [TestCase("formats/seed-002-short-libreoffice.pdf", "seed-002.txt", TestName = "AsTheyCome_short_notice_from_LibreOffice")]
    [TestCase("formats/pdf/one-line-paragraphs-libreoffice.pdf", "one-line-paragraphs.txt", TestName = "AsTheyCome_one_line_paragraphs_from_LibreOffice")]
    public void A_PDF_gives_the_metadata_and_items_of_its_text_and_no_chrome(string pdf, string txt)
    {
        var text = Spec.Parser.ParseFile(Repo.Sample(txt));
        var printed = Spec.Parser.ParseFile(Repo.Sample(pdf));
        Assert.That((printed.Title, printed.Issuer, printed.Date, printed.Closing), Is.EqualTo((text.Title, text.Issuer, text.Date, text.Closing)));
        Assert.That(printed.Preamble, Is.EqualTo(text.Preamble));
        Assert.That(printed.Inspection, Is.EqualTo(text.Inspection));
        Assert.That((printed.Contacts.Phones, printed.Contacts.Emails, printed.Contacts.Postal), Is.EqualTo((text.Contacts.Phones, text.Contacts.Emails, text.Contacts.Postal)));
        Assert.That(Items(printed), Is.EqualTo(Items(text)));
        NoChrome(printed);
    }

    [Test]
    public void A_ruled_ledger_over_two_pages_gives_the_items_of_its_page()
    {
        // The header row repeats on page 2, and a row the page break cut goes on there.
        var html = Spec.Parser.ParseFile(Repo.Sample("formats/ledger-long.html"));
        var pdf = Spec.Parser.ParseFile(Repo.Sample("formats/ledger-long-libreoffice.pdf"));
        Assert.That(pdf.Items, Has.Count.EqualTo(10));
        Assert.That(pdf.Items.Select(i => i.Location.Page).Distinct(), Is.EqualTo(new int?[] { 1, 2 }));
        Assert.That(Items(pdf), Is.EqualTo(Items(html)));
        Assert.That(pdf.Items.Select(i => string.Join("; ", i.Fields.Select(f => $"{f.Name}={f.Value}"))),
            Is.EqualTo(html.Items.Select(i => string.Join("; ", i.Fields.Select(f => $"{f.Name}={f.Value}")))));
        Assert.That(Sections(pdf.Sections), Is.EqualTo(Sections(html.Sections)));
        Assert.That((pdf.Title, pdf.Issuer, pdf.Date, pdf.Preamble, pdf.Closing), Is.EqualTo((html.Title, html.Issuer, html.Date, html.Preamble, html.Closing)));
        NoChrome(pdf);
    }

    /// <summary>What a site or a browser puts around a notice, none of which may reach the JSON.</summary>
    private static readonly string[] Chrome =
    [
        "纪检监察网", "请输入关键词", "首页", "当前位置", "发布时间", "浏览次数", "字号", "打印本页", "关闭窗口", "分享到", "上一篇", "相关文章",
        "专项巡察进驻", "主办单位", "ICP备", "公网安备", "网站标识码", "0374-3300000", "file:", " AM",
    ];

    private static void NoChrome(Notice notice)
    {
        var json = NoticeJson.Serialize(notice);
        Assert.That(Chrome.Where(c => json.Contains(c, StringComparison.Ordinal)), Is.Empty);
    }

    private static string Sections(IReadOnlyList<Section> sections) => string.Join("\n", sections.Select(s =>
        $"{new string(' ', s.Depth * 2)}{s.Marker}|{s.Style}|{s.Number}|{s.Inferred}|{s.Title}|{s.Body?.Text}\n{Sections(s.Sections)}".TrimEnd('\n')));

    private static IEnumerable<string> Items(Notice notice) => notice.Items.Select(i =>
        $"#{i.Index} {string.Join("", i.Path)}\n  problem: {i.Problem.Title}\n  {i.Problem.Text}\n  {i.Rectification?.Label}: {i.Rectification?.Status}\n  {i.Rectification?.Text}\n"
        + string.Join("\n", i.Rectification?.Measures.Select(m => $"  - {m.Marker} {m.Text}") ?? []));
}
