using System.Text;
using Extractor.Parsing;
using Extractor.Tests.Support;

namespace Extractor.Tests.Specs;

/// <summary>
/// Text is decoded as a browser would: a few bad bytes in UTF-8 are replaced (U+FFFD) and reported where they are
/// (<c>encoding-damaged</c>), UTF-16 without a byte-order mark is told from its bytes (<c>encoding-guessed</c>) — each
/// once "could not be detected" or "binary data".
/// </summary>
public sealed class DecodingSpec
{
    private static readonly string Text = File.ReadAllText(Repo.Seed002);

    public static byte[] Damaged(string how)
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var utf8 = Encoding.UTF8.GetBytes(Text);
        switch (how)
        {
            case "truncated":
                var last = Encoding.UTF8.GetBytes(Text.TrimEnd() + "。");
                return last[..^1]; // 。 is three bytes: the file ends inside it
            case "one-bad-byte":
                var copy = (byte[])utf8.Clone();
                copy[Encoding.UTF8.GetByteCount(Text[..Text.IndexOf("整改情况", StringComparison.Ordinal)]) - 3] = 0xFF;
                return copy;
            case "gbk-word":
                var at = Text.IndexOf("巡察", StringComparison.Ordinal);
                return [.. Encoding.UTF8.GetBytes(Text[..at]), .. Encoding.GetEncoding("gbk").GetBytes("巡察"), .. Encoding.UTF8.GetBytes(Text[(at + 2)..])];
            case "utf16le":
                return Encoding.Unicode.GetBytes(Text);
            default:
                return Encoding.BigEndianUnicode.GetBytes(Text);
        }
    }

    [TestCase("truncated", "utf-8", "encoding-damaged", "the file ends inside a UTF-8 character", TestName = "UTF8_cut_inside_its_last_character")]
    [TestCase("one-bad-byte", "utf-8", "encoding-damaged", "invalid byte sequences, the first at byte", TestName = "UTF8_with_one_invalid_byte")]
    [TestCase("gbk-word", "utf-8", "encoding-damaged", "invalid byte sequences, the first at byte", TestName = "UTF8_with_one_word_in_GBK")]
    [TestCase("utf16le", "utf-16le", "encoding-guessed", "the encoding was guessed as utf-16le", TestName = "UTF16_little_endian_without_a_byte_order_mark")]
    [TestCase("utf16be", "utf-16be", "encoding-guessed", "the encoding was guessed as utf-16be", TestName = "UTF16_big_endian_without_a_byte_order_mark")]
    public void Text_is_decoded_as_a_browser_would(string how, string encoding, string code, string message)
    {
        var notice = Spec.Parser.Parse(Damaged(how), InputFormat.Auto, "notice.txt");
        Assert.That(notice.Source.Encoding, Is.EqualTo(encoding));
        Assert.That(notice.Items, Has.Count.EqualTo(4));
        var warning = notice.Warnings.Single(w => w.Code.StartsWith("encoding-", StringComparison.Ordinal));
        Assert.That(warning.Code, Is.EqualTo(code));
        Assert.That(warning.Message, Does.Contain(message));
        if (code == "encoding-damaged")
        {
            Assert.That(warning.Location, Is.Not.Null, "the warning says where");
            var text = Spec.Parser.ParseWithDocument(Damaged(how), InputFormat.Auto, "notice.txt").Document.Text;
            Assert.That(text[warning.Location!.Start], Is.EqualTo('\uFFFD'));
        }
    }

    [Test]
    public void GBK_text_is_still_GBK_not_damaged_UTF8()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var notice = Spec.Parser.Parse(Encoding.GetEncoding("gbk").GetBytes(Text), InputFormat.Auto, "notice.txt");
        Assert.That((notice.Source.Encoding, notice.Warnings.Any(w => w.Code == "encoding-damaged")), Is.EqualTo(("gb18030", false)));
    }
}
