using System.Text;
using Extractor.Parsing;
using static Extractor.Tests.Support.Spec;

namespace Extractor.Tests.Specs;

/// <summary>
/// Web archives (MHTML) read as the page they hold, Word 2003 XML read as Word, and markup that no reader claims is an
/// error, never text. samples/formats holds the same formats as Chromium and LibreOffice write them.
/// </summary>
public sealed class WebArchiveAndWordXmlSpec
{
    static WebArchiveAndWordXmlSpec() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    private static Notice Parse(string content, string name) => Parser.Parse(Encoding.UTF8.GetBytes(content), InputFormat.Auto, name);

    private const string Page = "<html><head><meta charset=\"gbk\"><title>关于巡察整改情况的通报</title></head><body><p>一、问题甲</p><p>整改情况：已完成。</p></body></html>";

    private static string Archive(string part, string encoding = "quoted-printable", string type = "text/html; charset=\"utf-8\"") =>
        "From: <Saved by Blink>\r\nSnapshot-Content-Location: https://example.org/notice.html\r\nSubject: =?utf-8?Q?=E9=80=9A=E6=8A=A5?=\r\n"
        + "MIME-Version: 1.0\r\nContent-Type: multipart/related;\r\n\ttype=\"text/html\";\r\n\tboundary=\"----B\"\r\n\r\n\r\n"
        + "------B\r\nContent-Type: text/css\r\nContent-Location: https://example.org/site.css\r\n\r\np { color: red }\r\n"
        + $"------B\r\nContent-Type: {type}\r\nContent-Transfer-Encoding: {encoding}\r\nContent-Location: https://example.org/notice.html\r\n\r\n{part}\r\n"
        + "------B--\r\n";

    private static string QuotedPrintable(byte[] bytes)
    {
        var text = new StringBuilder();
        var line = 0;
        foreach (var b in bytes)
        {
            var piece = b is >= 33 and <= 126 and not (byte)'=' ? ((char)b).ToString() : $"={b:X2}";
            if (line + piece.Length > 75) { text.Append("=\r\n"); line = 0; }
            text.Append(piece);
            line += piece.Length;
        }
        return text.ToString();
    }

    [Test]
    public void A_web_archive_is_read_as_the_page_it_holds()
    {
        var notice = Parse(Archive(QuotedPrintable(Encoding.UTF8.GetBytes(Page))), "notice.mhtml");
        Assert.That((notice.Source.Format, notice.Title), Is.EqualTo(("mhtml", "关于巡察整改情况的通报")));
        Assert.That(Items(notice), Is.EqualTo("#1 一、 问题甲 | 整改情况 | done | 0"));
        Assert.That(notice.Items[0].Problem.Location!.Path, Does.StartWith("body"));
    }

    [Test]
    public void A_base64_part_in_its_declared_charset_is_decoded()
    {
        var gbk = Encoding.GetEncoding("gbk").GetBytes(Page);
        var notice = Parse(Archive(Convert.ToBase64String(gbk, Base64FormattingOptions.InsertLineBreaks), "base64", "text/html; charset=gb2312"), "notice.mht");
        Assert.That(Items(notice), Is.EqualTo("#1 一、 问题甲 | 整改情况 | done | 0"));
    }

    [Test]
    public void A_web_archive_saved_as_doc_is_still_a_web_archive() =>
        Assert.That(Parse(Archive(QuotedPrintable(Encoding.UTF8.GetBytes(Page))), "notice.doc").Source.Format, Is.EqualTo("mhtml"));

    [Test]
    public void A_web_archive_without_a_page_is_an_error_that_says_so()
    {
        var archive = Archive("aGVsbG8=", "base64", "image/png");
        var e = Assert.Throws<NoticeFormatException>(() => Parse(archive, "notice.mhtml"));
        Assert.That(e!.Message, Does.Contain("holds no HTML page"));
    }

    [Test]
    public void Word_HTML_saved_as_doc_is_read_as_HTML()
    {
        var word = "<html xmlns:o=\"urn:schemas-microsoft-com:office:office\" xmlns:w=\"urn:schemas-microsoft-com:office:word\">"
            + "<head><meta http-equiv=Content-Type content=\"text/html; charset=utf-8\"><!--[if gte mso 9]><xml><w:WordDocument></w:WordDocument></xml><![endif]--></head>"
            + "<body><div class=WordSection1><p class=MsoNormal>一、问题甲<o:p></o:p></p><p class=MsoNormal>整改情况：已完成。<o:p></o:p></p></div></body></html>";
        var notice = Parse(word, "notice.doc");
        Assert.That((notice.Source.Format, notice.Items.Count), Is.EqualTo(("html", 1)));
    }

    private const string WordMl = "http://schemas.microsoft.com/office/word/2003/wordml";

    private static string WordXml(string body, string lists = "") =>
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<?mso-application progid=\"Word.Document\"?>\n"
        + $"<w:wordDocument xmlns:w=\"{WordMl}\" xmlns:wx=\"http://schemas.microsoft.com/office/word/2003/auxHint\" xmlns:aml=\"http://schemas.microsoft.com/aml/2001/core\">"
        + $"<o:DocumentProperties xmlns:o=\"urn:schemas-microsoft-com:office:office\"><o:Title>关于巡察整改情况的通报</o:Title></o:DocumentProperties>"
        + $"{lists}<w:body><wx:sect>{body}</wx:sect></w:body></w:wordDocument>";

    private static string P(string text, string pPr = "") => $"<w:p>{(pPr.Length > 0 ? $"<w:pPr>{pPr}</w:pPr>" : "")}<w:r><w:t>{text}</w:t></w:r></w:p>";

    [Test]
    public void Word_2003_XML_is_read_as_Word()
    {
        var notice = Parse(WordXml(P("一、问题甲") + P("整改情况：已完成。")), "notice.xml");
        Assert.That((notice.Source.Format, notice.Title), Is.EqualTo(("word-xml", "关于巡察整改情况的通报")));
        Assert.That(Items(notice), Is.EqualTo("#1 一、 问题甲 | 整改情况 | done | 0"));
    }

    [Test]
    public void Word_2003_list_numbers_are_those_Word_stored_or_counted_from_the_list_definitions()
    {
        var lists = "<w:lists><w:listDef w:listDefId=\"0\"><w:lvl w:ilvl=\"0\"><w:start w:val=\"1\"/><w:nfc w:val=\"37\"/><w:lvlText w:val=\"%1、\"/></w:lvl>"
            + "<w:lvl w:ilvl=\"1\"><w:start w:val=\"1\"/><w:nfc w:val=\"37\"/><w:lvlText w:val=\"（%2）\"/></w:lvl></w:listDef>"
            + "<w:list w:ilfo=\"1\"><w:ilst w:val=\"0\"/></w:list></w:lists>";
        string Listed(int level, string? stored = null) =>
            $"<w:listPr><w:ilvl w:val=\"{level}\"/><w:ilfo w:val=\"1\"/>{(stored is null ? "" : $"<wx:t wx:val=\"{stored}\"/>")}</w:listPr>";
        var body = P("组织纪律方面", Listed(0, "一、")) + P("问题甲", Listed(1, "（一）")) + P("整改情况：已完成。")
                 + P("问题乙", Listed(1)) + P("整改情况：已完成。");
        Assert.That(Outline(Parse(WordXml(body, lists), "notice.xml")), Is.EqualTo(Lines("一、 组织纪律方面", "  （一） 问题甲", "  （二） 问题乙")));
    }

    [Test]
    public void Word_2003_tracked_changes_keep_insertions_and_drop_deletions()
    {
        var body = P("一、问题甲") + "<w:p><w:r><w:t>整改情况：</w:t></w:r><aml:annotation w:type=\"Word.Insertion\"><aml:content><w:r><w:t>新增措施，</w:t></w:r></aml:content></aml:annotation>"
            + "<aml:annotation w:type=\"Word.Deletion\"><aml:content><w:r><w:delText>删除的措施，</w:delText></w:r></aml:content></aml:annotation><w:r><w:t>已完成。</w:t></w:r></w:p>";
        Assert.That(Parse(WordXml(body), "notice.xml").Items.Single().Rectification!.Text, Is.EqualTo("新增措施，已完成。"));
    }

    [Test]
    public void Word_2003_XML_with_a_DTD_is_refused()
    {
        var xml = WordXml(P("一、问题甲")).Replace("<w:wordDocument", "<!DOCTYPE w:wordDocument [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><w:wordDocument", StringComparison.Ordinal);
        Assert.That(Assert.Throws<NoticeFormatException>(() => Parse(xml, "notice.xml"))!.Kind, Is.EqualTo(NoticeErrorKind.Corrupt));
    }

    [Test]
    public void Word_2003_XML_nested_past_the_limit_is_refused()
    {
        var deep = string.Concat(Enumerable.Repeat("<w:hlink>", 2000)) + "<w:r><w:t>一、问题甲</w:t></w:r>" + string.Concat(Enumerable.Repeat("</w:hlink>", 2000));
        var e = Assert.Throws<NoticeFormatException>(() => Parse(WordXml($"<w:p>{deep}</w:p>"), "notice.xml"));
        Assert.That(e!.Kind, Is.EqualTo(NoticeErrorKind.LimitExceeded));
    }

    [TestCase("<?xml version=\"1.0\"?><ofd:OFD xmlns:ofd=\"http://www.ofdspec.org/2016\"><ofd:DocBody/></ofd:OFD>", "an XML document (root <ofd:OFD>)", TestName = "Plain_text_refuses_XML")]
    [TestCase("MIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n一、问题甲", "a MIME message (text/plain)", TestName = "Plain_text_refuses_a_MIME_message")]
    [TestCase("\n{\\rtf1\\ansi 一、问题甲}", "an RTF document", TestName = "Plain_text_refuses_RTF")]
    public void Markup_no_reader_claims_is_an_error_naming_what_it_is(string content, string what)
    {
        var e = Assert.Throws<NoticeFormatException>(() => Parse(content, "notice.txt"));
        Assert.That((e!.Kind, e.Message), Is.EqualTo((NoticeErrorKind.UnsupportedFormat, e.Message)));
        Assert.That(e.Message, Does.StartWith("this is " + what));
    }

    [Test]
    public void Text_that_quotes_markup_is_still_text() =>
        Assert.That(Parse("<注>本通报全文如下。\n一、问题甲\nContent-Type: 说明\n整改情况：已完成。", "notice.txt").Items, Has.Count.EqualTo(1));
}
