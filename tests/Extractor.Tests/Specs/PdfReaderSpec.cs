using Extractor.Parsing;
using Extractor.Parsing.Readers.Pdf;
using Extractor.Parsing.Rules;
using Extractor.Tests.Support;

namespace Extractor.Tests.Specs;

/// <summary>Reading PDFs: page layout turned back into paragraphs, running headers removed, errors named.</summary>
public sealed class PdfReaderSpec
{
    private static string Corpus(string name) => Path.Combine(Repo.Root, "tests", "Extractor.Tests", "Corpus", "pdf", name);

    // A page of lines 16 pt high, 24 pt apart, on a text block from x = 100 to x = 500 (25 characters).
    private static PdfLine L(int page, int line, string text, double left = 100, double right = 500, double? baseline = null) =>
        new(page, line, text, left, right, baseline ?? 800 - 24 * line, 16, 16);

    private static List<string> Paragraphs(params List<PdfLine>[] pages) =>
        [.. new LineParagraphBuilder().Paragraphs([.. pages], PdfLineCues.From(RuleSet.Default)).Select(p => string.Join("|", p.Select(l => l.Text)))];

    private static IReadOnlyList<IReadOnlyList<PdfLine>> RemoveRunningLines(IReadOnlyList<IReadOnlyList<PdfLine>> pages) =>
        new RunningLineFilter().Filter(pages, CompiledRules.Default.EdgeLine);

    [Test]
    public void A_line_once_at_the_top_of_page_one_and_once_at_the_foot_of_the_last_page_is_no_running_line()
    {
        // A short notice: its issuer heads page 1 and signs the last page. A running line repeats in the same place.
        var kept = RemoveRunningLines([
            [L(1, 1, "中共示例县委"), L(1, 2, "关于巡察整改情况的通报"), .. Enumerable.Range(3, 6).Select(i => L(1, i, "正文甲" + i))],
            [.. Enumerable.Range(1, 6).Select(i => L(2, i, "正文乙" + i)), L(2, 7, "中共示例县委"), L(2, 8, "2021年1月7日")],
        ]);
        Assert.That(kept.SelectMany(p => p).Count(l => l.Text == "中共示例县委"), Is.EqualTo(2));
        // The page it signs may hold only the signature: then it stands at the top of that page, but not where the issuer stood.
        kept = RemoveRunningLines([
            [L(1, 1, "中共示例县委", left: 232, right: 392), .. Enumerable.Range(2, 6).Select(i => L(1, i, "正文甲" + i))],
            [L(2, 1, "中共示例县委", left: 382, right: 510, baseline: 790), L(2, 2, "2021年1月7日", left: 385, right: 510)],
        ]);
        Assert.That(kept.SelectMany(p => p).Count(l => l.Text == "中共示例县委"), Is.EqualTo(2));
    }

    [Test]
    public void A_browsers_print_header_and_footer_are_removed_from_a_single_page()
    {
        var kept = RemoveRunningLines([[
            L(1, 1, "11/24/26, 10:09 AM 关于巡察整改情况的通报_示例县纪检监察网"), L(1, 2, "关于巡察整改情况的通报"), L(1, 3, "一、问题甲"),
            L(1, 4, "整改情况：已完成。"), L(1, 5, "file:///home/user/notice.html 1/1"),
        ]]);
        Assert.That(kept[0].Select(l => l.Text), Is.EqualTo(new[] { "关于巡察整改情况的通报", "一、问题甲", "整改情况：已完成。" }));
    }

    [Test]
    public void A_line_that_opens_with_a_marker_or_a_label_starts_a_paragraph()
    {
        // Full lines, no indents, no gaps: only the rule set's markers and labels tell where paragraphs start.
        var page = new List<PdfLine> { L(1, 1, "（1）问题甲"), L(1, 2, "整改情况：已完成"), L(1, 3, "（2）问题乙"), L(1, 4, "整改情况：正在推进") };
        Assert.That(Paragraphs(page), Is.EqualTo(new[] { "（1）问题甲", "整改情况：已完成", "（2）问题乙", "整改情况：正在推进" }));
    }

    [Test]
    public void When_most_paragraphs_are_one_line_the_line_spacing_comes_from_lines_that_run_on()
    {
        // Most gaps are paragraph gaps (36 pt); lines that run on from a full line show the spacing (24 pt), so the
        // flush-left line 36 pt under a full line starts a paragraph.
        var page = new List<PdfLine>
        {
            L(1, 1, "甲一", left: 132, baseline: 800), L(1, 2, "甲二", baseline: 776), L(1, 3, "甲三", right: 300, baseline: 752),
            L(1, 4, "乙", left: 132, baseline: 716), L(1, 5, "丙", left: 132, baseline: 680), L(1, 6, "丁", baseline: 644),
        };
        Assert.That(Paragraphs(page), Is.EqualTo(new[] { "甲一|甲二|甲三", "乙", "丙", "丁" }));
    }

    [TestCase("制定《文旅融合发展规划（2021年", "版）》，已完成。", TestName = "NoBreak_before_a_closing_bracket")]
    [TestCase("提出“", "八个强化”的指导意见。", TestName = "NoBreak_after_an_opening_quote")]
    public void The_line_breaking_rules_of_Chinese_keep_a_short_line_in_its_paragraph(string first, string second)
    {
        var page = new List<PdfLine> { L(1, 1, first, right: 300), L(1, 2, second, right: 300) };
        Assert.That(Paragraphs(page), Is.EqualTo(new[] { first + "|" + second }));
    }

    [Test]
    public void A_text_that_mixes_scripts_as_written_is_not_repaired()
    {
        // label-variants.txt writes 整改落實情況 in a simplified notice: LibreOffice's text layer is right.
        var notice = Spec.Parser.ParseFile(Path.Combine(Repo.Samples, "formats", "pdf", "label-variants-libreoffice.pdf"));
        Assert.That(notice.Warnings.Select(w => w.Code), Has.No.Member(WarningCodes.TextLayerRepaired));
        Assert.That(notice.Items.Select(i => i.Rectification?.Label), Has.Member("整改落實情況"));
    }

    [Test]
    public void Page_numbers_and_repeated_headers_at_the_page_edges_are_removed()
    {
        List<PdfLine> Page(int n) =>
        [
            L(n, 1, "示例县委办公室文件"), .. Enumerable.Range(2, 6).Select(i => L(n, i, "正文" + "甲乙丙丁戊己庚辛壬癸"[(n * 6 + i) % 10] + "行")), L(n, 8, $"— {n} —"),
        ];
        var kept = RemoveRunningLines([Page(1), Page(2), Page(3)]);
        Assert.That(kept.Select(p => p.Count), Is.EqualTo(new[] { 6, 6, 6 }));
        Assert.That(kept.SelectMany(p => p).Select(l => l.Text), Has.All.Contains("正文"));
    }

    [TestCase("- 3 -", TestName = "PageNumber_dashes")]
    [TestCase("第3页", TestName = "PageNumber_di_ye")]
    [TestCase("第 3 页 共 9 页", TestName = "PageNumber_di_ye_gong")]
    [TestCase("3/9", TestName = "PageNumber_slash")]
    public void Page_number_styles_are_recognised(string footer)
    {
        var kept = RemoveRunningLines([[L(1, 1, "正文"), L(1, 2, footer)]]);
        Assert.That(kept[0].Select(l => l.Text), Is.EqualTo(new[] { "正文" }));
    }

    [Test]
    public void A_numeral_line_in_the_middle_of_a_page_is_text()
    {
        var kept = RemoveRunningLines([[L(1, 1, "甲"), L(1, 2, "乙"), L(1, 3, "3"), L(1, 4, "丙"), L(1, 5, "丁")]]);
        Assert.That(kept[0], Has.Count.EqualTo(5));
    }

    [Test]
    public void Indented_lines_and_short_lines_delimit_paragraphs()
    {
        var page = new List<PdfLine>
        {
            L(1, 1, "一、问题甲", left: 132, right: 212),
            L(1, 2, "整改情况：第一段第一行", left: 132),
            L(1, 3, "第一段最后一行", right: 300),
            L(1, 4, "第二段", left: 132, right: 300),
        };
        Assert.That(Paragraphs(page), Is.EqualTo(new[] { "一、问题甲", "整改情况：第一段第一行|第一段最后一行", "第二段" }));
    }

    [Test]
    public void A_wider_gap_delimits_paragraphs_without_indents()
    {
        var page = new List<PdfLine> { L(1, 1, "甲一"), L(1, 2, "甲二"), L(1, 3, "甲三"), L(1, 4, "乙一", baseline: 800 - 24 * 4 - 14), L(1, 5, "乙二", baseline: 800 - 24 * 5 - 14) };
        Assert.That(Paragraphs(page), Is.EqualTo(new[] { "甲一|甲二|甲三", "乙一|乙二" }));
    }

    [Test]
    public void A_line_short_only_by_the_next_lines_first_word_continues_the_paragraph()
    {
        var page = new List<PdfLine>
        {
            L(1, 1, "印发文件（襄办", right: 450),
            new(1, 2, "〔2020〕18号）两个文件", 100, 500, 800 - 48, 16, 64),
        };
        Assert.That(Paragraphs(page), Is.EqualTo(new[] { "印发文件（襄办|〔2020〕18号）两个文件" }));
    }

    [Test]
    public void A_page_break_alone_does_not_end_a_paragraph()
    {
        Assert.That(Paragraphs([L(1, 1, "第一页最后一行")], [L(2, 1, "第二页第一行", right: 300)]), Is.EqualTo(new[] { "第一页最后一行|第二页第一行" }));
    }

    [Test]
    public void A_heading_that_a_page_break_joined_to_the_next_paragraph_is_split_off()
    {
        // Real output of LibreOffice: the heading ends page 16, the first problem opens page 17.
        var notice = Spec.Parser.ParseFile(Path.Combine(Repo.Samples, "formats", "seed-000-libreoffice-print.pdf"));
        var heading = notice.Sections[2].Sections[1];
        Assert.That((heading.Marker, heading.Sections[0].Marker, heading.Sections[0].Location.Page), Is.EqualTo(("（二）", "1.", heading.Location.Page + 1)));
    }

    [Test]
    public void Locations_give_the_page_and_the_line_on_it()
    {
        var notice = Spec.Parser.ParseFile(Corpus("tiny.pdf"));
        var item = notice.Items.Single();
        Assert.That((item.Rectification!.Location.Page, item.Rectification.Location.Line), Is.EqualTo((1, 3)));
        Assert.That(notice.Source.Format, Is.EqualTo("pdf"));
    }

    [Test]
    public void A_pdf_that_needs_a_user_password_is_an_error_saying_so()
    {
        var e = Assert.Throws<NoticeFormatException>(() => Spec.Parser.ParseFile(Corpus("user-password.pdf")));
        Assert.That((e!.Kind, e.Message), Is.EqualTo((NoticeErrorKind.Encrypted, "the PDF is encrypted and needs a password")));
    }

    [Test]
    public void An_encrypted_pdf_that_opens_without_a_password_is_read()
    {
        Assert.That(Spec.Parser.ParseFile(Corpus("owner-password-only.pdf")).Items, Has.Count.EqualTo(1));
    }

    [Test]
    public void A_scan_without_a_text_layer_needs_OCR_when_OCR_is_off()
    {
        var parser = new NoticeParser(new ParserOptions { Ocr = new() { Mode = Extractor.Parsing.Readers.Ocr.OcrMode.Never } });
        var e = Assert.Throws<NoticeFormatException>(() => parser.ParseFile(Corpus("scanned.pdf")));
        Assert.That(e!.Kind, Is.EqualTo(NoticeErrorKind.NeedsOcr));
        Assert.That(e.Message, Does.Contain("OCR"));
    }

    [Test]
    public void Traditional_forms_in_a_simplified_text_layer_are_repaired_with_a_warning()
    {
        var notice = Spec.Parser.ParseFile(Path.Combine(Repo.Samples, "formats", "seed-002-chromium-print.pdf"));
        var warning = notice.Warnings.Single(w => w.Code == WarningCodes.TextLayerRepaired);
        Assert.That(warning.Message, Does.Contain("戶→户"));
        Assert.That(string.Join("", notice.Items.Select(i => i.Rectification!.Text)), Does.Not.Contain("戶"));
    }
}
