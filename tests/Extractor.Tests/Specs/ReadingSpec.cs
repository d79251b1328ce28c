using System.Text;
using Extractor.Parsing;
using static Extractor.Tests.Support.Spec;

namespace Extractor.Tests.Specs;

/// <summary>Reading text: encodings, line ends, normalization and offsets.</summary>
public sealed class ReadingSpec
{
    private const string Notice = "关于巡察整改情况的通报\n一、村级财务管理不规范\n整改情况：建立财务公开制度，已完成。\n";

    static ReadingSpec() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    private static IEnumerable<TestCaseData> Encodings()
    {
        yield return new TestCaseData(new UTF8Encoding(false).GetBytes(Notice), "utf-8").SetName("Encoding_utf8");
        yield return new TestCaseData(new UTF8Encoding(true).GetPreamble().Concat(Encoding.UTF8.GetBytes(Notice)).ToArray(), "utf-8").SetName("Encoding_utf8_bom");
        yield return new TestCaseData(new byte[] { 0xFF, 0xFE }.Concat(Encoding.Unicode.GetBytes(Notice)).ToArray(), "utf-16le").SetName("Encoding_utf16le_bom");
        yield return new TestCaseData(new byte[] { 0xFE, 0xFF }.Concat(Encoding.BigEndianUnicode.GetBytes(Notice)).ToArray(), "utf-16be").SetName("Encoding_utf16be_bom");
        yield return new TestCaseData(Encoding.GetEncoding("gb2312").GetBytes(Notice), "gb18030").SetName("Encoding_gb2312");
        yield return new TestCaseData(Encoding.GetEncoding("gbk").GetBytes(Notice), "gb18030").SetName("Encoding_gbk");
        yield return new TestCaseData(Encoding.GetEncoding("gb18030").GetBytes(Notice), "gb18030").SetName("Encoding_gb18030");
    }

    [TestCaseSource(nameof(Encodings))]
    public void Common_Chinese_encodings_are_detected_without_flags(byte[] bytes, string encoding)
    {
        var notice = Parser.Parse(bytes);
        Assert.That(notice.Source.Encoding, Is.EqualTo(encoding));
        Assert.That(notice.Items.Single().Problem.Title, Is.EqualTo("村级财务管理不规范"));
    }

    [Test]
    public void Big5_text_is_told_from_GBK_by_its_byte_pattern()
    {
        var text = "關於巡察整改情況的通報\n一、基層黨組織建設薄弱\n整改落實情況：調整村黨支部書記5名，已完成整改。\n二、財務管理不規範\n整改情況：修訂財務管理制度。\n";
        var notice = Parser.Parse(Encoding.GetEncoding("big5").GetBytes(text));
        Assert.That(notice.Source.Encoding, Is.EqualTo("big5"));
        Assert.That(notice.Items[0].Problem.Title, Is.EqualTo("基層黨組織建設薄弱"));
    }

    [Test]
    public void A_named_encoding_overrides_detection()
    {
        var parser = new NoticeParser(new ParserOptions { Encoding = Encoding.GetEncoding("gbk") });
        var notice = parser.Parse(Encoding.GetEncoding("gbk").GetBytes(Notice));
        Assert.That(notice.Source.Encoding, Is.EqualTo("gbk").Or.EqualTo("gb2312"));
        Assert.That(notice.Items, Has.Count.EqualTo(1));
    }

    [Test]
    public void Binary_bytes_are_an_error_not_a_notice()
    {
        var e = Assert.Throws<NoticeFormatException>(() => Parser.Parse(new byte[] { 0x00, 0x01, 0x02, 0x03, 0xFF, 0x00, 0x10 }));
        Assert.That(e!.Kind, Is.EqualTo(NoticeErrorKind.NotText));
    }

    [Test]
    public void An_empty_input_is_an_error()
    {
        Assert.That(Assert.Throws<NoticeFormatException>(() => Parser.Parse([]))!.Kind, Is.EqualTo(NoticeErrorKind.Empty));
        Assert.That(Assert.Throws<NoticeFormatException>(() => Parser.Parse("  \r\n　\n"u8.ToArray()))!.Kind, Is.EqualTo(NoticeErrorKind.Empty));
    }

    [TestCase("\r\n", TestName = "LineEnds_crlf")]
    [TestCase("\r", TestName = "LineEnds_cr")]
    [TestCase("\n", TestName = "LineEnds_lf")]
    public void Every_line_end_style_gives_the_same_structure_and_lines(string newline)
    {
        var notice = Parse(Notice.Replace("\n", newline, StringComparison.Ordinal));
        Assert.That(notice.Items.Single().Rectification!.Location.Line, Is.EqualTo(3));
    }

    [Test]
    public void Spaces_and_invisible_characters_are_normalized()
    {
        var notice = Parse(Lines("一、\u3000问题\u00A0甲\u200B乙", "整改情况：2022 年 8 月完成 清理，已 完成。"));
        var item = notice.Items.Single();
        Assert.That(item.Problem.Title, Is.EqualTo("问题甲乙"));
        Assert.That(item.Rectification!.Text, Is.EqualTo("2022年8月完成清理，已完成。"));
    }

    [Test]
    public void A_deliberate_wide_space_between_CJK_is_kept_as_one_space()
    {
        var notice = Parse(Lines("一、问题甲", "整改情况：召开会议　　研究部署。"));
        Assert.That(notice.Items.Single().Rectification!.Text, Is.EqualTo("召开会议 研究部署。"));
    }

    [Test]
    public void Locations_point_at_the_source_characters()
    {
        var source = "\uFEFF标题\r\n一、\u3000问题 甲。\r\n整改情况：一是 召开会议；二是印发文件。\r\n";
        var notice = Parser.Parse(Encoding.UTF8.GetBytes(source));
        var text = source.TrimStart('\uFEFF');
        var item = notice.Items.Single();
        string At(SourceLocation l) => text[l.Start..l.End];
        Assert.That(At(item.Problem.Location), Is.EqualTo("问题 甲。"));
        Assert.That(At(item.Rectification!.Location), Is.EqualTo("整改情况：一是 召开会议；二是印发文件。"));
        Assert.That(At(item.Rectification.Measures[1].Location), Is.EqualTo("二是印发文件。"));
        Assert.That(item.Rectification.Location.Line, Is.EqualTo(3));
    }
}
