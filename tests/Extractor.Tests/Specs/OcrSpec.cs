using Extractor.Parsing;
using Extractor.Parsing.Readers;
using Extractor.Parsing.Readers.Ocr;
using Extractor.Parsing.Readers.Pdf;
using Extractor.Tests.Support;

namespace Extractor.Tests.Specs;

/// <summary>
/// Reading scans and images by OCR: words laid out into the same lines as a PDF's letters, each page's source
/// recorded, doubtful pages and markers flagged, Tesseract run within limits, results cached.
/// </summary>
public sealed class OcrSpec
{
    private static string Formats(string name) => Path.Combine(Repo.Samples, "formats", name);

    private static NoticeParser Parser(OcrOptions ocr) => new(new ParserOptions { Ocr = ocr });

    // A word of 30 px high letters on a line: Tesseract's line key, left edge and text.
    private static OcrWord W(string text, double left, double top, int line, double confidence = 95, double height = 30) =>
        new(text, left, top, 30 * text.Length, height, confidence, (1, 1, line));

    private static List<PdfLine> Lines(params OcrWord[] words) =>
        [.. new OcrLineBuilder().Lines(new OcrPage(1, 1000, 1400, words, Scale: 0.5), 1, 50)];

    [Test]
    public void Words_on_a_line_are_joined_without_spaces_between_CJK_and_measured_in_points()
    {
        var lines = Lines(W("整改", 100, 100, 1), W("情况：", 160, 100, 1), W("已完成", 260, 100, 1), W("2023", 360, 100, 1), W("年", 480, 100, 1));
        var line = lines.Single();
        Assert.That(line.Text, Is.EqualTo("整改情况：已完成2023年"));
        Assert.That((line.Left, line.Right, line.Baseline, line.Size), Is.EqualTo((50, 255, (1400 - 130) * 0.5, 15)));
    }

    [Test]
    public void Lines_go_top_to_bottom_and_a_line_the_engine_cut_in_two_is_one()
    {
        // The signature's second half came out as a block of its own (beside a seal), listed after the line below it.
        var lines = Lines(W("中共", 100, 100, 1), W("下一行", 100, 150, 2), W("示例县委", 400, 102, 3));
        Assert.That(lines.Select(l => l.Text), Is.EqualTo(new[] { "中共 示例县委", "下一行" }));
    }

    [Test]
    public void A_skewed_page_is_turned_back_so_that_its_left_margin_is_straight()
    {
        // Every line slopes down by 2 px in 100 (about 1.1°); the page is turned about its origin, so lines further
        // down start further left: 10 lines 60 px apart drift 12 px, most of the letter size.
        const double slope = 0.02;
        var words = new List<OcrWord>();
        for (var line = 0; line < 10; line++)
            for (var i = 0; i < 10; i++)
            {
                var x = 100 - slope * 60 * line + 60 * i;
                words.Add(W("甲乙", x, 100 + 60 * line + slope * x, line));
            }
        var lefts = Lines([.. words]).Select(l => l.Left).ToList();
        Assert.That(OcrLineBuilder.Skew(words), Is.EqualTo(slope).Within(0.002));
        Assert.That(lefts.Max() - lefts.Min(), Is.LessThan(1.5), string.Join(", ", lefts));
    }

    [Test]
    public void Specks_read_with_low_confidence_are_dropped_and_doubtful_words_are_marked()
    {
        var lines = Lines(W("一", 100, 100, 1, confidence: 20), W("、问题", 130, 100, 1), W("人", 100, 140, 2, confidence: 30, height: 8));
        Assert.That(lines.Select(l => l.Text), Is.EqualTo(new[] { "一、问题" }));
        Assert.That(lines[0].Uncertain, Is.EqualTo(new[] { 0 }));
    }

    [Test]
    public void A_scanned_pdf_reads_as_its_text_pdf_and_records_how_each_page_was_read()
    {
        OcrTools.Require();
        var notice = Spec.Parser.ParseFile(Formats("seed-002-scan-150.pdf"));
        Assert.That(notice.Items, Has.Count.EqualTo(4));
        Assert.That(notice.Source.Pages, Has.Count.EqualTo(9));
        foreach (var page in notice.Source.Pages!)
        {
            Assert.That((page.Method, page.Language), Is.EqualTo((PageMethods.Ocr, "chi_sim")));
            Assert.That(page.Engine, Does.StartWith("tesseract "));
            Assert.That(page.Confidence, Is.GreaterThan(80));
        }
    }

    [Test]
    public void A_text_pdf_records_its_text_layer_and_a_text_file_no_pages()
    {
        var pdf = Spec.Parser.ParseFile(Formats("seed-002-libreoffice-print.pdf"));
        Assert.That(pdf.Source.Pages!.Select(p => p.Method).Distinct(), Is.EqualTo(new[] { PageMethods.TextLayer }));
        Assert.That(NoticeJson.Serialize(pdf), Does.Contain("\"method\": \"text-layer\"").And.Not.Contain("\"engine\""));
        var text = Spec.Parser.ParseFile(Repo.Sample("seed-002.txt"));
        Assert.That((text.Source.Pages, NoticeJson.Serialize(text).Contains("\"pages\"", StringComparison.Ordinal)), Is.EqualTo(((IReadOnlyList<PageSource>?)null, false)));
    }

    [Test]
    public void A_pdf_that_mixes_text_and_scanned_pages_reads_both_and_says_so()
    {
        OcrTools.Require();
        var notice = Spec.Parser.ParseFile(Formats("seed-002-mixed.pdf"));
        Assert.That(notice.Source.Pages!.Select(p => p.Method), Is.EqualTo(Enumerable.Repeat(PageMethods.TextLayer, 4).Concat(Enumerable.Repeat(PageMethods.Ocr, 5))));
        var warning = notice.Warnings.Single(w => w.Code == WarningCodes.OcrMixedPages);
        Assert.That(warning.Message, Is.EqualTo("the PDF mixes text and scanned pages: pages 1–4 read from the text layer, pages 5–9 by OCR"));
        Assert.That(notice.Items, Has.Count.EqualTo(4));
    }

    [Test]
    public void With_OCR_off_a_mixed_pdf_gives_its_text_pages_and_skips_the_scanned_ones()
    {
        var notice = Parser(new OcrOptions { Mode = OcrMode.Never }).ParseFile(Formats("seed-002-mixed.pdf"));
        Assert.That(notice.Source.Pages!.Count(p => p.Method == PageMethods.Skipped), Is.EqualTo(5));
        Assert.That(notice.Warnings.Count(w => w.Code == WarningCodes.ContentSkipped), Is.EqualTo(5));
    }

    [Test]
    public void With_OCR_always_a_text_pdf_is_read_from_its_images_of_pages()
    {
        OcrTools.Require();
        var notice = Parser(new OcrOptions { Mode = OcrMode.Always }).ParseFile(Path.Combine(Repo.Root, "tests", "Extractor.Tests", "Corpus", "pdf", "tiny.pdf"));
        Assert.That(notice.Source.Pages!.Single().Method, Is.EqualTo(PageMethods.Ocr));
        Assert.That(notice.Items, Has.Count.EqualTo(1));
    }

    [Test]
    public void A_page_read_with_low_confidence_is_warned_about()
    {
        OcrTools.Require();
        // Two pages of a blurred, tiny image: Tesseract reads a few words it is unsure of.
        var notice = Spec.Parser.ParseFile(Path.Combine(Repo.Root, "tests", "Extractor.Tests", "Corpus", "pdf", "scanned.pdf"));
        var warning = notice.Warnings.First(w => w.Code == WarningCodes.OcrLowConfidence);
        Assert.That(warning.Message, Does.StartWith("page 1 was read by OCR with a mean word confidence of ").And.EndWith("(below 70): its text may be wrong"));
    }

    [TestCase("halfwidth-chromium.png", 1, TestName = "Image_png_page")]
    [TestCase("seed-002-scan.tif", 9, TestName = "Image_multi_page_tiff")]
    public void An_image_file_is_read_page_by_page(string name, int pages)
    {
        OcrTools.Require();
        var notice = Spec.Parser.ParseFile(Formats(name));
        Assert.That((notice.Source.Format, notice.Source.Pages!.Count), Is.EqualTo(("image", pages)));
        Assert.That(notice.Items, Has.Count.GreaterThanOrEqualTo(3));
    }

    [Test]
    public void A_tiff_over_the_page_limit_is_refused_before_OCR()
    {
        var parser = new NoticeParser(new ParserOptions { Limits = new ParserLimits { MaxPages = 2 }, Ocr = new OcrOptions { Tesseract = "/nonexistent/tesseract" } });
        var e = Assert.Throws<NoticeFormatException>(() => parser.ParseFile(Formats("seed-002-scan.tif")));
        Assert.That((e!.Kind, e.Message), Is.EqualTo((NoticeErrorKind.LimitExceeded, "the TIFF has more than 2 pages, the page limit")));
    }

    [Test]
    public void A_tiff_whose_directories_loop_counts_each_page_once()
    {
        // Header → directory at 8 (no entries), whose next directory is itself.
        byte[] tiff = [(byte)'I', (byte)'I', 42, 0, 8, 0, 0, 0, 0, 0, 8, 0, 0, 0];
        Assert.That(Extractor.Parsing.Readers.Image.TiffPages.Count(tiff, 100), Is.EqualTo(1));
        Assert.That(Extractor.Parsing.Readers.Image.TiffPages.Count(File.ReadAllBytes(Formats("seed-002-scan.tif")), 100), Is.EqualTo(9));
    }

    [Test]
    public void With_OCR_off_an_image_needs_OCR()
    {
        var e = Assert.Throws<NoticeFormatException>(() => Parser(new OcrOptions { Mode = OcrMode.Never }).ParseFile(Formats("halfwidth-chromium.png")));
        Assert.That((e!.Kind, e.Message), Is.EqualTo((NoticeErrorKind.NeedsOcr, "this is an image, not a document: it needs OCR")));
    }

    [Test]
    public void Without_Tesseract_the_error_names_the_packages_to_install()
    {
        var e = Assert.Throws<NoticeFormatException>(() => Parser(new OcrOptions { Tesseract = "/nonexistent/tesseract", CacheDirectory = null }).ParseFile(Formats("seed-002-scan-150.pdf")));
        Assert.That(e!.Kind, Is.EqualTo(NoticeErrorKind.NeedsOcr));
        Assert.That(e.Message, Does.Contain("Tesseract").And.Contain("tesseract-ocr and tesseract-ocr-chi-sim"));
    }

    [Test]
    public void Without_the_language_data_the_error_names_its_package()
    {
        OcrTools.Require();
        var e = Assert.Throws<NoticeFormatException>(() => Parser(new OcrOptions { Language = "xyz_abc", CacheDirectory = null }).ParseFile(Formats("halfwidth-chromium.png")));
        Assert.That((e!.Kind, e.Message), Is.EqualTo((NoticeErrorKind.NeedsOcr, "OCR needs Tesseract's 'xyz_abc' language data, which is not installed: install tesseract-ocr-xyz-abc")));
    }

    [Test]
    public void A_page_recognised_once_is_read_from_the_cache_afterwards()
    {
        OcrTools.Require();
        using var folder = new TemporaryDirectory();
        // A wrapper that logs each recognition (not the version question) and runs the real Tesseract.
        var log = Path.Combine(folder.Path, "runs.log");
        var wrapper = Path.Combine(folder.Path, "tesseract");
        File.WriteAllText(wrapper, $"#!/bin/sh\n[ \"$1\" = --version ] || echo run >> '{log}'\nexec tesseract \"$@\"\n");
        if (OperatingSystem.IsWindows()) Assert.Ignore("the wrapper is a shell script");
        else File.SetUnixFileMode(wrapper, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        var ocr = new OcrOptions { Tesseract = wrapper, CacheDirectory = Path.Combine(folder.Path, "cache") };
        var first = NoticeJson.Serialize(Parser(ocr).ParseFile(Formats("halfwidth-chromium.png")));
        var second = NoticeJson.Serialize(Parser(ocr).ParseFile(Formats("halfwidth-chromium.png")));
        Assert.That(second, Is.EqualTo(first));
        Assert.That(File.ReadAllLines(log), Has.Length.EqualTo(1));
        Assert.That(Directory.EnumerateFiles(ocr.CacheDirectory!, "*.tsv", SearchOption.AllDirectories).Count(), Is.EqualTo(1));
    }

    [Test]
    [CancelAfter(30_000)]
    public void Cancelling_stops_OCR_at_once()
    {
        OcrTools.Require();
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));
        var clock = System.Diagnostics.Stopwatch.StartNew();
        Assert.That(() => Parser(new OcrOptions { CacheDirectory = null }).ParseFile(Formats("seed-000-scan-300.pdf"), cancellation: cancel.Token),
            Throws.InstanceOf<OperationCanceledException>());
        Assert.That(clock.Elapsed, Is.LessThan(TimeSpan.FromSeconds(5)));
    }

    [Test]
    public void Slots_shared_through_a_folder_bound_the_pages_recognised_at_once()
    {
        using var folder = new TemporaryDirectory();
        var options = new OcrOptions { Parallelism = 1, SlotDirectory = folder.Path };
        using (OcrSlots.Acquire(options, CancellationToken.None))
        {
            using var wait = new CancellationTokenSource(200);
            Assert.That(() => OcrSlots.Acquire(options, wait.Token), Throws.InstanceOf<OperationCanceledException>());
        }
        using (OcrSlots.Acquire(options, CancellationToken.None)) Assert.Pass();
    }

    // ------------------------------------------------------------------ doubtful markers

    /// <summary>A reader whose document says which characters OCR was unsure of, as the OCR readers do.</summary>
    private sealed class UncertainReader(string text, params string[] doubtful) : INoticeReader
    {
        public InputFormat Format { get; } = new("uncertain");

        public FormatConfidence Recognize(ReadOnlySpan<byte> content, string? fileName) => FormatConfidence.Certain;

        public ExtractedDocument Read(Stream content, ReaderContext context)
        {
            var builder = new ExtractedDocumentBuilder();
            foreach (var line in text.Split('\n'))
            {
                var marked = doubtful.FirstOrDefault(d => line.StartsWith(d, StringComparison.Ordinal));
                builder.Add(line, uncertain: marked is null ? null : [.. Enumerable.Range(0, marked.Length)]);
            }
            return builder.Build(Format, null, []);
        }
    }

    private static Notice ParseUncertain(string text, params string[] doubtful) =>
        new NoticeParser(new ParserOptions { Readers = [new UncertainReader(text, doubtful)] }).Parse([1]);

    [Test]
    public void A_doubtful_marker_that_continues_the_numbering_opens_its_section()
    {
        var notice = ParseUncertain("一、问题甲\n整改情况：已完成。\n二、问题乙\n整改情况：已完成。", "二、");
        Assert.That(Spec.Outline(notice), Is.EqualTo("一、 问题甲\n二、 问题乙"));
        Assert.That(notice.Warnings, Is.Empty);
    }

    [Test]
    public void A_doubtful_marker_alone_opens_no_section()
    {
        // OCR read “一是” with low confidence as “三、”: it does not continue 一、, so it is text of the rectification.
        var notice = ParseUncertain("一、问题甲\n整改情况：开展检查。\n三、建立台账，已完成。\n二、问题乙\n整改情况：已完成。", "三、");
        Assert.That(Spec.Outline(notice), Is.EqualTo("一、 问题甲\n二、 问题乙"));
        Assert.That(notice.Items[0].Rectification!.Text, Is.EqualTo("开展检查。\n三、建立台账，已完成。"));
        var warning = notice.Warnings.Single();
        Assert.That((warning.Code, warning.Location!.Line, warning.Location.Start, warning.Location.End), Is.EqualTo((WarningCodes.OcrUncertainMarker, 3, 17, 19)));
    }

    [Test]
    public void A_sure_marker_that_skips_a_number_still_opens_its_section()
    {
        var notice = ParseUncertain("一、问题甲\n整改情况：已完成。\n三、问题丙\n整改情况：已完成。");
        Assert.That(Spec.Outline(notice), Is.EqualTo("一、 问题甲\n三、 问题丙"));
    }
}
