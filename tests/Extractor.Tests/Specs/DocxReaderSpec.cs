using System.IO.Compression;
using Extractor.Parsing;
using Extractor.Tests.Support;
using static Extractor.Tests.Support.Docx;
using static Extractor.Tests.Support.Spec;

namespace Extractor.Tests.Specs;

/// <summary>Reading Word documents: runs, revisions, fields, automatic numbering, tables.</summary>
public sealed class DocxReaderSpec
{
    private static Notice Read(byte[] docx) => Parser.Parse(docx, InputFormat.Docx);

    [Test]
    public void Automatic_numbering_reads_like_typed_markers_and_restarts_under_each_parent()
    {
        var docx = Build(
            P("组织纪律方面", Num(1, 0)) + P("问题甲", Num(1, 1)) + P("整改情况：已完成。") + P("问题乙", Num(1, 1)) + P("整改情况：已完成。")
            + P("群众纪律方面", Num(1, 0)) + P("问题丙", Num(1, 1)) + P("整改情况：已完成。"),
            numbering: Outline());
        Assert.That(Outline(Read(docx)), Is.EqualTo(Lines("一、 组织纪律方面", "  （一） 问题甲", "  （二） 问题乙", "二、 群众纪律方面", "  （一） 问题丙")));
    }

    [Test]
    public void Numbering_is_inherited_from_the_paragraph_style_and_its_base()
    {
        var styles = "<w:style w:type=\"paragraph\" w:styleId=\"Base\"><w:pPr>" + Num(1, 1) + "</w:pPr></w:style>"
                   + "<w:style w:type=\"paragraph\" w:styleId=\"Problem\"><w:basedOn w:val=\"Base\"/></w:style>";
        var docx = Build(P("问题甲", "<w:pStyle w:val=\"Problem\"/>") + P("整改情况：已完成。") + P("问题乙", "<w:pStyle w:val=\"Problem\"/>") + P("整改情况：已完成。"),
            numbering: Outline(), styles: styles);
        Assert.That(Outline(Read(docx)), Is.EqualTo(Lines("（一） 问题甲", "（二） 问题乙")));
    }

    [Test]
    public void A_start_override_restarts_a_level_in_its_own_list_instance()
    {
        var more = "<w:num w:numId=\"2\"><w:abstractNumId w:val=\"0\"/><w:lvlOverride w:ilvl=\"1\"><w:startOverride w:val=\"5\"/></w:lvlOverride></w:num>";
        var docx = Build(P("问题甲", Num(1, 1)) + P("整改情况：已完成。") + P("问题戊", Num(2, 1)) + P("整改情况：已完成。") + P("问题己", Num(2, 1)) + P("整改情况：已完成。"),
            numbering: Outline(more));
        Assert.That(Outline(Read(docx)), Is.EqualTo(Lines("（一） 问题甲", "（五） 问题戊", "（六） 问题己")));
        Assert.That(Read(docx).Warnings.Single().Code, Is.EqualTo(WarningCodes.NumberingGap));
    }

    [Test]
    public void Instances_without_overrides_share_their_abstract_numbering_counter()
    {
        var more = "<w:num w:numId=\"3\"><w:abstractNumId w:val=\"0\"/></w:num>";
        var docx = Build(P("问题甲", Num(1, 0)) + P("整改情况：已完成。") + P("问题乙", Num(3, 0)) + P("整改情况：已完成。"), numbering: Outline(more));
        Assert.That(Outline(Read(docx)), Is.EqualTo(Lines("一、 问题甲", "二、 问题乙")));
    }

    [Test]
    public void A_level_with_restart_zero_keeps_counting_across_its_parents()
    {
        var numbering = "<w:abstractNum w:abstractNumId=\"0\">" + Level(0, "chineseCounting", "%1、")
            + Level(1, "decimal", "%2.", extra: "<w:lvlRestart w:val=\"0\"/>") + "</w:abstractNum><w:num w:numId=\"1\"><w:abstractNumId w:val=\"0\"/></w:num>";
        var docx = Build(P("甲方面", Num(1, 0)) + P("问题一", Num(1, 1)) + P("整改情况：已完成。") + P("乙方面", Num(1, 0)) + P("问题二", Num(1, 1)) + P("整改情况：已完成。"),
            numbering: numbering);
        Assert.That(Read(docx).Items.Select(i => string.Join("", i.Path)), Is.EqualTo(new[] { "一、1.", "二、2." }));
    }

    [TestCase("decimalEnclosedCircle", "%1", "①", TestName = "NumFmt_circled")]
    [TestCase("chineseCountingThousand", "%1、", "一、", TestName = "NumFmt_chinese_thousand")]
    [TestCase("decimalFullWidth", "%1．", "１．", TestName = "NumFmt_full_width")]
    [TestCase("decimal", "(%1)", "(1)", TestName = "NumFmt_decimal_paren")]
    public void Number_formats_render_as_Word_displays_them(string format, string text, string marker)
    {
        var numbering = $"<w:abstractNum w:abstractNumId=\"0\">{Level(0, format, text)}</w:abstractNum><w:num w:numId=\"1\"><w:abstractNumId w:val=\"0\"/></w:num>";
        var notice = Read(Build(P("问题甲", Num(1, 0)) + P("整改情况：已完成。"), numbering: numbering));
        Assert.That(notice.Sections.Single().Marker, Is.EqualTo(marker));
    }

    [Test]
    public void Bullets_are_not_heading_numbers()
    {
        var numbering = $"<w:abstractNum w:abstractNumId=\"0\">{Level(0, "bullet", "●")}</w:abstractNum><w:num w:numId=\"1\"><w:abstractNumId w:val=\"0\"/></w:num>";
        var notice = Read(Build(P("一、问题甲") + P("整改情况：已完成。") + P("列表项", Num(1, 0)), numbering: numbering));
        Assert.That(notice.Items.Single().Rectification!.Text, Is.EqualTo(Lines("已完成。", "列表项")));
    }

    [Test]
    public void Tracked_insertions_are_kept_and_deletions_dropped()
    {
        var docx = Build(P("一、问题甲") + "<w:p><w:r><w:t>整改情况：</w:t></w:r><w:ins><w:r><w:t>新增措施，</w:t></w:r></w:ins>"
            + "<w:del><w:r><w:delText>删除的措施，</w:delText></w:r></w:del><w:r><w:t>已完成。</w:t></w:r></w:p>");
        Assert.That(Read(docx).Items.Single().Rectification!.Text, Is.EqualTo("新增措施，已完成。"));
    }

    [Test]
    public void Field_codes_are_skipped_and_their_results_kept()
    {
        var field = "<w:r><w:fldChar w:fldCharType=\"begin\"/></w:r><w:r><w:instrText xml:space=\"preserve\"> DATE \\@ \"yyyy年M月d日\" </w:instrText></w:r>"
                  + "<w:r><w:fldChar w:fldCharType=\"separate\"/></w:r><w:r><w:t>2023年5月6日</w:t></w:r><w:r><w:fldChar w:fldCharType=\"end\"/></w:r>";
        var docx = Build(P("一、问题甲") + $"<w:p>{R("整改情况：")}{field}{R("完成。")}</w:p>");
        Assert.That(Read(docx).Items.Single().Rectification!.Text, Is.EqualTo("2023年5月6日完成。"));
    }

    [Test]
    public void Hyperlinks_and_content_controls_keep_their_text()
    {
        var docx = Build(P("一、问题甲") + $"<w:p>{R("整改情况：")}<w:hyperlink><w:r><w:t>链接文字</w:t></w:r></w:hyperlink>"
            + "<w:sdt><w:sdtContent><w:r><w:t>，已完成。</w:t></w:r></w:sdtContent></w:sdt></w:p>");
        Assert.That(Read(docx).Items.Single().Rectification!.Text, Is.EqualTo("链接文字，已完成。"));
    }

    [Test]
    public void A_line_break_inside_a_paragraph_starts_a_new_block()
    {
        var docx = Build("<w:p><w:r><w:t>一、</w:t><w:br/><w:t>组织纪律方面</w:t></w:r></w:p>" + P("（一）问题甲") + P("整改情况：已完成。"));
        Assert.That(Outline(Read(docx)), Is.EqualTo(Lines("一、 组织纪律方面", "  （一） 问题甲")));
    }

    [Test]
    public void Headers_are_ignored_and_locations_give_the_paragraph_index()
    {
        var docx = Build(P("关于巡察整改情况的通报") + P("一、问题甲") + P("整改情况：已完成。"), header: P("一、页眉里的文字"));
        var notice = Read(docx);
        Assert.That(notice.Items, Has.Count.EqualTo(1));
        Assert.That(notice.Items[0].Rectification!.Location.Paragraph, Is.EqualTo(2));
    }

    [Test]
    public void A_table_with_merged_cells_gives_one_item_per_row()
    {
        string Cell(string text, string props = "") => $"<w:tc>{(props.Length > 0 ? $"<w:tcPr>{props}</w:tcPr>" : "")}{P(text)}</w:tc>";
        var table = "<w:tbl>"
            + $"<w:tr>{Cell("序号")}{Cell("反馈问题")}{Cell("整改措施")}{Cell("责任单位")}</w:tr>"
            + $"<w:tr>{Cell("一、政治建设方面", "<w:gridSpan w:val=\"4\"/>")}</w:tr>"
            + $"<w:tr>{Cell("1")}{Cell("问题甲。")}{Cell("1.制定计划；2.开展学习。")}{Cell("县委办", "<w:vMerge w:val=\"restart\"/>")}</w:tr>"
            + $"<w:tr>{Cell("2")}{Cell("问题乙。")}{Cell("已整改到位。")}{Cell("", "<w:vMerge/>")}</w:tr>"
            + "</w:tbl>";
        var notice = Read(Build(P("关于巡察整改情况的通报") + table));
        Assert.That(Outline(notice), Is.EqualTo("一、 政治建设方面"));
        Assert.That(Items(notice), Is.EqualTo(Lines("#1 一、 问题甲 | 整改措施 | unknown | 2", "#2 一、 问题乙 | 整改措施 | done | 0")));
        Assert.That(notice.Items[1].Fields.Select(f => (f.Name, f.Value)), Is.EqualTo(new[] { ("序号", "2"), ("责任单位", "县委办") }));
    }

    [Test]
    public void A_zip_that_is_not_a_Word_document_is_named_for_what_it_is()
    {
        byte[] Zip(params string[] names)
        {
            using var stream = new MemoryStream();
            using (var zip = new ZipArchive(stream, ZipArchiveMode.Create))
                foreach (var name in names)
                    using (var writer = new StreamWriter(zip.CreateEntry(name).Open())) writer.Write("x");
            return stream.ToArray();
        }
        Assert.That(Assert.Throws<NoticeFormatException>(() => Read(Zip("a.txt")))!.Message, Does.Contain("a ZIP archive, not a document"));
        Assert.That(Assert.Throws<NoticeFormatException>(() => Read(Zip("[Content_Types].xml", "xl/workbook.xml")))!.Message, Does.Contain("Excel"));
    }

    [Test]
    public void A_truncated_Word_document_is_a_damaged_file()
    {
        var docx = Build(P("一、问题甲") + P("整改情况：已完成。"));
        var e = Assert.Throws<NoticeFormatException>(() => Read(docx[..(docx.Length / 2)]));
        Assert.That(e!.Kind, Is.EqualTo(NoticeErrorKind.Corrupt));
    }
}
