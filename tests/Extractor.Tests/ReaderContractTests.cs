using System.Text;
using Extractor.Parsing;
using Extractor.Parsing.Readers;
using Extractor.Parsing.Readers.Pdf;
using Extractor.Tests.Support;

namespace Extractor.Tests;

/// <summary>
/// The reader contract from outside the library: a reader defined here is registered in the options, recognised by
/// its first bytes and read into the same outline as the built-in formats.
/// </summary>
public sealed class ReaderContractTests
{
    /// <summary>
    /// A made-up format: a first line <c>%NOTICE-LINES</c>, then one paragraph per line written as <c>NUMBER|TEXT</c>, where
    /// the number is the paragraph's number in the original document (recorded as its location).
    /// </summary>
    private sealed class NoticeLinesReader : INoticeReader
    {
        public static readonly InputFormat Name = new("notice-lines");

        public InputFormat Format => Name;

        public FormatConfidence Recognize(ReadOnlySpan<byte> content, string? fileName) =>
            content.StartsWith("%NOTICE-LINES\n"u8) ? FormatConfidence.Certain : FormatConfidence.None;

        public ExtractedDocument Read(Stream content, ReaderContext context)
        {
            using var reader = new StreamReader(content, Encoding.UTF8, leaveOpen: true);
            var builder = new ExtractedDocumentBuilder();
            _ = reader.ReadLine();
            while (reader.ReadLine() is { } line)
            {
                context.Cancellation.ThrowIfCancellationRequested();
                var bar = line.IndexOf('|', StringComparison.Ordinal);
                if (bar < 0) throw new NoticeFormatException(NoticeErrorKind.Corrupt, $"a line without '|': {line}");
                builder.Add(line.AsSpan(bar + 1), paragraph: int.Parse(line.AsSpan(0, bar), System.Globalization.CultureInfo.InvariantCulture));
            }
            return builder.Build(Format, "utf-8", [new Warning { Code = "test-reader", Message = "read by the test reader" }]);
        }
    }

    private static readonly byte[] Content = Encoding.UTF8.GetBytes(
        "%NOTICE-LINES\n10|关于巡察整改情况的通报\n11|一、问题甲\n12|整改情况：已完成整改。\n13|二、问题乙\n14|整改情况：正在推进。\n");

    private static NoticeParser WithTestReader() =>
        new(new ParserOptions { Readers = [new NoticeLinesReader(), .. NoticeReaders.Default] });

    [Test]
    public void A_reader_registered_from_outside_the_library_reads_its_format_into_the_outline()
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory("extractor-reader-").FullName, "notice.lines");
        try
        {
            File.WriteAllBytes(path, Content);
            var notice = WithTestReader().ParseFile(path);
            Assert.That(notice.Source.Format, Is.EqualTo("notice-lines"));
            Assert.That(notice.Title, Is.EqualTo("关于巡察整改情况的通报"));
            Assert.That(Spec.Items(notice), Is.EqualTo(Spec.Lines("#1 一、 问题甲 | 整改情况 | done | 0", "#2 二、 问题乙 | 整改情况 | ongoing | 0")));
            Assert.That(notice.Items[1].Rectification!.Location.Paragraph, Is.EqualTo(14), "locations are the reader's");
            Assert.That(notice.Warnings.Select(w => w.Code), Does.Contain("test-reader"));
        }
        finally
        {
            Directory.Delete(Path.GetDirectoryName(path)!, recursive: true);
        }
    }

    [Test]
    public void Detection_asks_the_registered_readers()
    {
        Assert.That(WithTestReader().DetectFormat(Content), Is.EqualTo(NoticeLinesReader.Name));
        Assert.That(Spec.Parser.DetectFormat(Content), Is.EqualTo(InputFormat.Text), "without it, the same bytes are text");
        Assert.That(Spec.Parser.DetectFormat("%PDF-1.7\n"u8), Is.EqualTo(InputFormat.Pdf));
        Assert.That(WithTestReader().DetectFormat("<html><body><p>甲</p></body></html>"u8), Is.EqualTo(InputFormat.Html), "the built-in readers still answer");
    }

    [Test]
    public void A_format_can_be_named_instead_of_detected()
    {
        var notice = WithTestReader().Parse(Content, NoticeLinesReader.Name);
        Assert.That(notice.Items, Has.Count.EqualTo(2));
        Assert.Throws<ArgumentException>(() => Spec.Parser.Parse(Content, NoticeLinesReader.Name), "a format no registered reader reads");
    }

    /// <summary>A reader that breaks the contract: a block outside the text.</summary>
    private sealed class BrokenReader : INoticeReader
    {
        public InputFormat Format => new("broken");

        public FormatConfidence Recognize(ReadOnlySpan<byte> content, string? fileName) => FormatConfidence.Certain;

        public ExtractedDocument Read(Stream content, ReaderContext context) =>
            new("短", [new TextBlock(0, 5, 1)], Format, null, []);
    }

    [Test]
    public void A_reader_that_breaks_the_contract_is_named_in_the_error()
    {
        var parser = new NoticeParser(new ParserOptions { Readers = [new BrokenReader()] });
        var e = Assert.Throws<InvalidOperationException>(() => parser.Parse(Content));
        Assert.That(e!.Message, Does.StartWith("the broken reader returned block 0"));
    }

    [Test]
    public void A_pdf_layout_step_can_be_replaced()
    {
        // One paragraph per line instead of the built-in paragraph builder: the seed PDF's wrapped paragraphs come apart.
        var perLine = new NoticeParser(new ParserOptions { Readers = [new PdfReader(paragraphs: new LinePerParagraph()), .. NoticeReaders.Default] });
        var path = Path.Combine(Repo.Samples, "formats", "seed-002-libreoffice-print.pdf");
        var builtIn = Spec.Parser.ParseFile(path);
        var replaced = perLine.ParseFile(path);
        Assert.That(replaced.Items[0].Rectification!.Text.Split('\n'), Has.Length.GreaterThan(builtIn.Items[0].Rectification!.Text.Split('\n').Length));
    }

    private sealed class LinePerParagraph : IPdfParagraphBuilder
    {
        public IReadOnlyList<IReadOnlyList<PdfLine>> Paragraphs(IReadOnlyList<IReadOnlyList<PdfLine>> pages) =>
            [.. pages.SelectMany(p => p).Select(l => (IReadOnlyList<PdfLine>)[l])];
    }
}
