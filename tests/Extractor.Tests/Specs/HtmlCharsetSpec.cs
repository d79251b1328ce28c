using System.Text;
using Extractor.Parsing;
using static Extractor.Tests.Support.Spec;

namespace Extractor.Tests.Specs;

/// <summary>Charset labels a browser would not honour, and Western labels on Chinese pages.</summary>
public sealed class HtmlCharsetSpec
{
    static HtmlCharsetSpec() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    [TestCase("utf-7", TestName = "Charset_utf7_ignored")]
    [TestCase("utf-32", TestName = "Charset_utf32_ignored")]
    [TestCase("no-such-charset", TestName = "Charset_unknown_ignored")]
    public void A_label_no_browser_honours_falls_back_to_detection(string label)
    {
        var notice = Parser.Parse(Encoding.UTF8.GetBytes($"<html><head><meta charset=\"{label}\"></head><body><p>一、问题甲</p><p>整改情况：已完成。</p></body></html>"), InputFormat.Html);
        Assert.That(notice.Items.Single().Problem.Title, Is.EqualTo("问题甲"));
    }

    [Test]
    public void A_Chinese_page_mislabelled_as_a_Western_charset_is_read_from_its_bytes()
    {
        var notice = Parser.Parse(Encoding.GetEncoding("gbk").GetBytes("<html><head><meta charset=\"iso-8859-1\"></head><body><p>一、问题甲</p><p>整改情况：已完成。</p></body></html>"), InputFormat.Html);
        Assert.That(notice.Items.Single().Problem.Title, Is.EqualTo("问题甲"));
        Assert.That(notice.Warnings.Select(w => w.Code), Does.Contain(WarningCodes.EncodingGuessed));
    }
}
