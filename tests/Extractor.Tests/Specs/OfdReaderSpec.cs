using System.IO.Compression;
using System.Text;
using Extractor.Parsing;
using Extractor.Parsing.Readers.Docx;
using Extractor.Parsing.Readers.Ofd;
using Extractor.Tests.Support;
using static Extractor.Tests.Support.Spec;

namespace Extractor.Tests.Specs;

/// <summary>Reading OFD documents (GB/T 33190): text objects placed by Boundary, TextCode and DeltaX, pages in order, templates, damage.</summary>
public sealed class OfdReaderSpec
{
    private static Notice Read(byte[] ofd, NoticeParser? parser = null) => (parser ?? Parser).Parse(ofd, InputFormat.Auto, "notice.ofd");

    private static NoticeFormatException Fails(byte[] ofd, NoticeParser? parser = null) => Assert.Throws<NoticeFormatException>(() => Read(ofd, parser))!;

    [Test]
    public void Text_objects_become_lines_and_paragraphs_located_by_page_and_line()
    {
        var notice = Read(Ofd.Build([Ofd.Page(Ofd.Lines("关于巡察整改情况的通报", "一、问题甲", "整改情况：已完成。"))]));
        Assert.That(notice.Source.Format, Is.EqualTo("ofd"));
        Assert.That(Items(notice), Is.EqualTo("#1 一、 问题甲 | 整改情况 | done | 0"));
        Assert.That((notice.Items[0].Rectification!.Location.Page, notice.Items[0].Rectification!.Location.Line), Is.EqualTo((1, 3)));
    }

    [Test]
    public void Pages_are_read_in_the_order_the_document_lists_them_not_by_part_name()
    {
        var first = Ofd.Page(Ofd.Lines("关于巡察整改情况的通报", "一、问题甲"));
        var second = Ofd.Page(Ofd.Lines("　整改情况：已完成。", "二、问题乙", "整改情况：正在整改。"));
        var notice = Read(Ofd.Build([second, first], order: [1, 0]));
        Assert.That(Items(notice), Is.EqualTo(Lines("#1 一、 问题甲 | 整改情况 | done | 0", "#2 二、 问题乙 | 整改情况 | ongoing | 0")));
        Assert.That(notice.Items[0].Rectification!.Location.Page, Is.EqualTo(2));
    }

    [Test]
    public void DeltaX_places_each_character_and_its_g_syntax_repeats_an_advance()
    {
        // 整改情况： one em apart (g 5 5), "Plan" half an em, a wide advance before "A" (a space), then 已完成。
        var line = Ofd.Text(38, 56, "整改情况：PlanA已完成。", size: 5, deltaX: "g 5 5 g 3 2.5 6 2.5 g 3 5");
        var notice = Read(Ofd.Build([Ofd.Page(Ofd.Lines("关于巡察整改情况的通报", "一、问题甲") + line)]));
        Assert.That(notice.Items.Single().Rectification!.Text, Is.EqualTo("Plan A已完成。"));
    }

    [Test]
    public void A_character_outside_the_BMP_is_one_character_of_DeltaX()
    {
        // 𠮷 is a surrogate pair: one advance, so 已完成。 keeps its place.
        var line = Ofd.Text(38, 56, "整改情况：𠮷已完成。", size: 5, deltaX: "g 9 5");
        var notice = Read(Ofd.Build([Ofd.Page(Ofd.Lines("关于巡察整改情况的通报", "一、问题甲") + line)]));
        Assert.That(notice.Items.Single().Rectification!.Text, Is.EqualTo("𠮷已完成。"));
    }

    [TestCase("g 3 5 1", 5, new[] { 5.0, 5, 5, 1 }, TestName = "DeltaX_g_then_single")]
    [TestCase("1 g 2 2.5", 3, new[] { 1.0, 2.5 }, TestName = "DeltaX_cut_to_the_characters")]
    [TestCase("g 999999999 5", 4, new[] { 5.0, 5, 5 }, TestName = "DeltaX_huge_count_is_bounded")]
    [TestCase("g x 5 2", 3, new[] { 5.0, 2 }, TestName = "DeltaX_bad_token_skipped")]
    public void DeltaX_expands_to_at_most_one_advance_between_each_two_characters(string deltaX, int characters, double[] advances) =>
        Assert.That(OfdText.Deltas(deltaX, characters), Is.EqualTo(advances));

    [Test]
    public void A_TextCode_without_X_continues_where_the_one_before_ended()
    {
        var codes = "<ofd:TextObject ID=\"9\" Boundary=\"38 51 150 7\" Size=\"5\"><ofd:TextCode X=\"0\" Y=\"5\">整改情况：</ofd:TextCode>"
            + "<ofd:TextCode>已完成。</ofd:TextCode></ofd:TextObject>";
        var notice = Read(Ofd.Build([Ofd.Page(Ofd.Lines("关于巡察整改情况的通报", "一、问题甲") + codes)]));
        Assert.That(notice.Items.Single().Rectification!.Text, Is.EqualTo("已完成。"));
        Assert.That(notice.Items.Single().Rectification!.Location.Line, Is.EqualTo(3));
    }

    [Test]
    public void A_template_page_lays_its_text_on_the_pages_that_name_it()
    {
        var template = Ofd.Text(38, 48, "一、问题甲");
        var page = Ofd.Page(Ofd.Text(28, 40, "关于巡察整改情况的通报") + Ofd.Text(38, 56, "整改情况：已完成。"), template: "5");
        Assert.That(Items(Read(Ofd.Build([page], template: template))), Is.EqualTo("#1 一、 问题甲 | 整改情况 | done | 0"));
    }

    [Test]
    public void The_DocInfo_title_is_the_title_when_the_text_has_none()
    {
        var notice = Read(Ofd.Build([Ofd.Page(Ofd.Lines("中共示例县委", "一、问题甲", "整改情况：已完成。"))], title: "关于巡察整改情况的通报"));
        Assert.That(notice.Title, Is.EqualTo("关于巡察整改情况的通报"));
    }

    [Test]
    public void A_zip_is_OFD_by_its_OFD_xml_and_Word_claims_only_its_own_parts()
    {
        var ofd = Ofd.Build([Ofd.Page(Ofd.Lines("关于巡察整改情况的通报"))]);
        Assert.That(Parser.DetectFormat(ofd, "a.docx").Name, Is.EqualTo("ofd"));
        Assert.That(new DocxReader().Recognize(ofd, "a.docx"), Is.EqualTo(Parsing.Readers.FormatConfidence.None));
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create))
            foreach (var name in new[] { "[Content_Types].xml", "xl/workbook.xml" })
                using (var writer = new StreamWriter(zip.CreateEntry(name).Open())) writer.Write("<x/>");
        Assert.That(new DocxReader().Recognize(stream.ToArray(), "a.docx"), Is.EqualTo(Parsing.Readers.FormatConfidence.None));
        Assert.That(Parser.DetectFormat(stream.ToArray(), "a.docx"), Is.EqualTo(InputFormat.Xlsx));
    }

    [Test]
    public void A_missing_or_damaged_page_is_skipped_with_a_warning_and_the_rest_is_read()
    {
        var notice = Read(Ofd.Build([Ofd.Page(Ofd.Lines("关于巡察整改情况的通报", "一、问题甲", "整改情况：已完成。")), "x"], order: [0, 1, 7]));
        Assert.That(notice.Items, Has.Count.EqualTo(1));
        Assert.That(notice.Warnings.Where(w => w.Code == WarningCodes.ContentSkipped).Select(w => w.Message), Is.EqualTo(new[]
        {
            "page 2 could not be read: the OFD package is damaged: its part Doc_0/Pages/Page_1/Content.xml cannot be read (Data at the root level is invalid. Line 1, position 1.)",
            "page 3 could not be read: its content part Pages/Page_7/Content.xml is missing",
        }));
    }

    [Test]
    public void A_damaged_package_is_a_damaged_file()
    {
        Assert.That(Fails(Ofd.Build([Ofd.Page("")], docRoot: "../../etc/passwd")).Message, Is.EqualTo("the OFD package is damaged: its DocRoot leaves the package"));
        Assert.That(Fails(Ofd.Build([Ofd.Page("")], docRoot: "Doc_9/Document.xml")).Message, Does.Contain("Doc_9/Document.xml is missing"));
        var dtd = "<?xml version=\"1.0\"?><!DOCTYPE d [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><ofd:Document xmlns:ofd=\"http://www.ofdspec.org/2016\">&x;</ofd:Document>";
        Assert.That(Fails(Ofd.Build([Ofd.Page("")], parts: ("Doc_0/Document.xml", dtd))).Message, Does.StartWith("the OFD package is damaged: its part Doc_0/Document.xml cannot be read (For security reasons DTD is prohibited"));
        var truncated = Ofd.Build([Ofd.Page(Ofd.Lines("关于巡察整改情况的通报"))]);
        Assert.That(Fails(truncated[..(truncated.Length - 30)]).Kind, Is.EqualTo(NoticeErrorKind.Corrupt));
        Assert.That(Fails(Ofd.Build([Ofd.Page("")])).Kind, Is.EqualTo(NoticeErrorKind.Empty));
    }

    [Test]
    public void Nesting_and_page_counts_past_the_limits_are_refused()
    {
        var deep = new StringBuilder();
        for (var i = 0; i < 50; i++) deep.Append("<ofd:PageBlock>");
        deep.Append(Ofd.Text(28, 40, "关于巡察整改情况的通报"));
        for (var i = 0; i < 50; i++) deep.Append("</ofd:PageBlock>");
        var limited = new NoticeParser(new ParserOptions { Limits = new ParserLimits { MaxDepth = 20, MaxPages = 2 } });
        Assert.That(Fails(Ofd.Build([Ofd.Page(deep.ToString())]), limited).Kind, Is.EqualTo(NoticeErrorKind.LimitExceeded));
        Assert.That(Read(Ofd.Build([Ofd.Page(deep.ToString())])).Title, Is.EqualTo("关于巡察整改情况的通报"));
        Assert.That(Fails(Ofd.Build([Ofd.Page(""), Ofd.Page(""), Ofd.Page("")]), limited).Message, Is.EqualTo("the OFD has 3 pages, more than the 2-page limit"));
    }
}
