using Extractor.Parsing;
using Extractor.Parsing.Readers;
using Extractor.Parsing.Readers.Doc;
using Extractor.Tests.Support;
using static Extractor.Tests.Support.Spec;
using Sprm = Extractor.Tests.Support.WordBinary.Sprm;

namespace Extractor.Tests.Specs;

/// <summary>Reading Word 97-2003 documents (.doc, .wps): the compound file, pieces, fields, tables, list numbers, damage.</summary>
public sealed class DocReaderSpec
{
    private static Notice Read(byte[] doc) => Parser.Parse(doc, InputFormat.Auto, "notice.doc");

    private static NoticeFormatException Fails(byte[] doc) => Assert.Throws<NoticeFormatException>(() => Read(doc))!;

    private static WordBinary Notice() => new WordBinary().P("关于巡察整改情况的通报").P("一、问题甲").P("整改情况：已完成。");

    [Test]
    public void Paragraph_marks_end_paragraphs_and_locations_give_the_paragraph_index()
    {
        var notice = Read(Notice().Build());
        Assert.That(Items(notice), Is.EqualTo("#1 一、 问题甲 | 整改情况 | done | 0"));
        Assert.That(notice.Items[0].Rectification!.Location.Paragraph, Is.EqualTo(2));
        Assert.That(notice.Source.Format, Is.EqualTo("doc"));
    }

    [Test]
    public void The_text_is_read_through_the_piece_table_from_compressed_and_16_bit_pieces_in_any_order()
    {
        // Up to "整改情况：" in UTF-16, then "Plan A " compressed, then the rest in UTF-16; the pieces lie in the stream in reverse.
        var doc = new WordBinary().P("一、问题甲").P("整改情况：Plan A \u201Cok\u201D，已完成。");
        doc.Pieces.AddRange([(0, false), (11, true), (18, false)]);
        Assert.That(Read(doc.Build()).Items.Single().Rectification!.Text, Is.EqualTo("Plan A “ok”，已完成。"));
    }

    [Test]
    public void Compressed_pieces_read_bytes_0x80_to_0x9F_as_Windows_1252()
    {
        var doc = new WordBinary().P("一、问题甲").P("整改情况：").P("\u0093ok\u0094\u0097\u0085");
        doc.Pieces.AddRange([(0, false), (12, true)]);
        Assert.That(Read(doc.Build()).Items.Single().Rectification!.Text, Is.EqualTo("“ok”—…"));
    }

    [Test]
    public void Field_codes_are_skipped_and_their_results_kept_nested_fields_too()
    {
        var field = "\u0013 DATE \\@ \"yyyy年M月d日\" \u00142023年5月6日\u0015";
        var nested = "\u0013 IF \u0013 PAGE \u00141\u0015 = 1 \"甲\" \u0014已\u0015";
        var doc = new WordBinary().P("一、问题甲").P($"整改情况：{field}{nested}完成。\u0013 SEQ 无结果 \u0015");
        Assert.That(Read(doc.Build()).Items.Single().Rectification!.Text, Is.EqualTo("2023年5月6日已完成。"));
    }

    [Test]
    public void A_line_break_starts_a_new_block_and_control_characters_are_dropped()
    {
        var doc = new WordBinary().P("一、\u000B组织纪律方面").P("（一）问题甲\u0001\u0008").P("整改情况：已\u001F完成。");
        var notice = Read(doc.Build());
        Assert.That(Outline(notice), Is.EqualTo(Lines("一、 组织纪律方面", "  （一） 问题甲")));
        Assert.That(notice.Items.Single().Rectification!.Text, Is.EqualTo("已完成。"));
    }

    [Test]
    public void A_page_break_inside_a_paragraph_starts_a_block_of_it_and_a_section_break_ends_it()
    {
        var doc = new WordBinary()
            .P("问题甲，\u000C详见附件。", Sprm.List(1, 0)).P("整改情况：已完成。\u000C").P("问题乙", Sprm.List(1, 0)).P("整改情况：已完成。")
            .List((0x25, "\u0000、", 1)).Instance();
        var notice = Read(doc.Build());
        Assert.That(notice.Items.Select(i => string.Join("", i.Path) + i.Problem.Text), Is.EqualTo(new[] { "一、问题甲，\n详见附件。", "二、问题乙" }));
    }

    [Test]
    public void Tracked_deletions_are_dropped()
    {
        var doc = new WordBinary().P("一、问题甲").P("整改情况：删除的措施，已完成。").Delete(11, 6);
        Assert.That(Read(doc.Build()).Items.Single().Rectification!.Text, Is.EqualTo("已完成。"));
    }

    [Test]
    public void Cells_and_rows_become_a_table_and_a_table_form_notice_gives_an_item_per_row()
    {
        short[] four = [0, 1000, 4000, 7000, 9000];
        var doc = new WordBinary().P("关于巡察整改情况的通报")
            .P("序号\u0007", Sprm.InTable).P("反馈问题\u0007", Sprm.InTable).P("整改措施\u0007", Sprm.InTable).P("责任单位\u0007", Sprm.InTable)
            .P("\u0007", [.. Sprm.RowEnd, .. Sprm.Row(four), .. Sprm.HeaderRow])
            .P("一、政治建设方面\u0007", Sprm.InTable).P("\u0007", [.. Sprm.RowEnd, .. Sprm.Row([0, 9000])])
            .P("1\u0007", Sprm.InTable).P("问题甲。\u0007", Sprm.InTable).P("1.制定计划；2.开展学习。\u0007", Sprm.InTable).P("县委办\u0007", Sprm.InTable)
            .P("\u0007", [.. Sprm.RowEnd, .. Sprm.Row(four, [0, 0, 0, 0x60])])
            .P("2\u0007", Sprm.InTable).P("问题乙。\u0007", Sprm.InTable).P("已整改到位。\u0007", Sprm.InTable).P("\u0007", Sprm.InTable)
            .P("\u0007", [.. Sprm.RowEnd, .. Sprm.Row(four, [0, 0, 0, 0x20])]);
        var notice = Read(doc.Build());
        Assert.That(Outline(notice), Is.EqualTo("一、 政治建设方面"));
        Assert.That(Items(notice), Is.EqualTo(Lines("#1 一、 问题甲 | 整改措施 | unknown | 2", "#2 一、 问题乙 | 整改措施 | done | 0")));
        Assert.That(notice.Items[1].Fields.Select(f => (f.Name, f.Value)), Is.EqualTo(new[] { ("序号", "2"), ("责任单位", "县委办") }));
    }

    [Test]
    public void A_horizontally_merged_cell_spans_the_columns_of_the_cells_merged_into_it()
    {
        var doc = new WordBinary().P("关于巡察整改情况的通报")
            .P("反馈问题\u0007", Sprm.InTable).P("整改措施\u0007", Sprm.InTable).P("\u0007", [.. Sprm.RowEnd, .. Sprm.Row([0, 4000, 8000])])
            .P("一、政治建设方面\u0007", Sprm.InTable).P("\u0007", Sprm.InTable).P("\u0007", [.. Sprm.RowEnd, .. Sprm.Row([0, 4000, 8000], [1, 2])])
            .P("问题甲。\u0007", Sprm.InTable).P("已完成。\u0007", Sprm.InTable).P("\u0007", [.. Sprm.RowEnd, .. Sprm.Row([0, 4000, 8000])]);
        var notice = Read(doc.Build());
        Assert.That(Items(notice), Is.EqualTo("#1 一、 问题甲 | 整改措施 | done | 0"));
    }

    [Test]
    public void List_numbers_render_as_Word_displays_them_and_deeper_levels_restart_under_each_parent()
    {
        var doc = new WordBinary()
            .P("组织纪律方面", Sprm.List(1, 0)).P("问题甲", Sprm.List(1, 1)).P("整改情况：已完成。").P("问题乙", Sprm.List(1, 1)).P("整改情况：已完成。")
            .P("群众纪律方面", Sprm.List(1, 0)).P("问题丙", Sprm.List(1, 1)).P("整改情况：已完成。")
            .List((0x25, "\u0000、", 1), (0x25, "（\u0001）", 1)).Instance();
        Assert.That(Outline(Read(doc.Build())), Is.EqualTo(Lines("一、 组织纪律方面", "  （一） 问题甲", "  （二） 问题乙", "二、 群众纪律方面", "  （一） 问题丙")));
    }

    [Test]
    public void A_list_instance_that_overrides_a_start_counts_on_its_own_and_others_share_the_list()
    {
        var doc = new WordBinary()
            .P("问题甲", Sprm.List(1, 0)).P("整改情况：已完成。").P("问题乙", Sprm.List(3, 0)).P("整改情况：已完成。")
            .P("问题戊", Sprm.List(2, 0)).P("整改情况：已完成。").P("问题己", Sprm.List(2, 0)).P("整改情况：已完成。")
            .List((0x00, "\u0000.", 1)).Instance().Instance((0, 5)).Instance();
        Assert.That(Read(doc.Build()).Items.Select(i => string.Join("", i.Path)), Is.EqualTo(new[] { "1.", "2.", "5.", "6." }));
    }

    [Test]
    public void Numbering_is_inherited_from_the_paragraph_style_and_its_base()
    {
        var doc = new WordBinary().Style([]).Style(Sprm.List(1, 1)).Style([], istdBase: 1)
            .P("问题甲", istd: 2).P("整改情况：已完成。").P("问题乙", istd: 2).P("整改情况：已完成。")
            .List((0x25, "\u0000、", 1), (0x25, "（\u0001）", 1)).Instance();
        Assert.That(Outline(Read(doc.Build())), Is.EqualTo(Lines("（一） 问题甲", "（二） 问题乙")));
    }

    [Test]
    public void Bullets_are_not_heading_numbers()
    {
        var doc = new WordBinary().P("一、问题甲").P("整改情况：已完成。").P("列表项", Sprm.List(1, 0)).List((0x17, "\uF0B7", 1)).Instance();
        Assert.That(Read(doc.Build()).Items.Single().Rectification!.Text, Is.EqualTo(Lines("已完成。", "列表项")));
    }

    [Test]
    public void LibreOffice_list_restarts_read_as_LibreOffice_shows_them()
    {
        // LibreOffice exports a DOCX list instance that restarts a level as a list of its own: after （五） the
        // paragraphs of the split list start again, as LibreOffice itself displays this .doc.
        var notice = Parser.ParseFile(Repo.Sample("formats/seed-000-autonumber-word97.doc"));
        var paths = notice.Items.Select(i => string.Join("", i.Path) + i.Problem.Title[..4]).ToList();
        Assert.That(paths, Has.Count.EqualTo(30));
        Assert.That(paths, Does.Contain("三、（五）项目建设").And.Contain("三、（一）部分项目").And.Contain("三、（一）乡村特色").And.Contain("三、（三）1.推进力度"));
        Assert.That(paths, Does.Not.Contain("三、（六）部分项目"));
    }

    [Test]
    public void An_encrypted_document_needs_a_password()
    {
        Assert.That(Fails(new WordBinary { Encrypted = true }.P("一、问题甲").Build()).Kind, Is.EqualTo(NoticeErrorKind.Encrypted));
        var libreOffice = File.ReadAllBytes(Path.Combine(Repo.Root, "tests", "Extractor.Tests", "Corpus", "doc", "encrypted.doc"));
        Assert.That(Fails(libreOffice).Message, Is.EqualTo("the Word document is encrypted and needs a password"));
    }

    [Test]
    public void A_sector_chain_that_loops_is_a_damaged_file()
    {
        var doc = Notice().Build(layout => layout.Fat[layout.Starts["WordDocument"] + 2] = layout.Starts["WordDocument"]);
        var e = Fails(doc);
        Assert.That((e.Kind, e.Message), Is.EqualTo((NoticeErrorKind.Corrupt, "the OLE compound file (a legacy Office document) is damaged: the sector chain of its WordDocument loops")));
    }

    [Test]
    public void A_chain_that_leaves_the_file_or_a_stream_larger_than_the_file_is_a_damaged_file()
    {
        Assert.That(Fails(Notice().Build(layout => layout.Fat[layout.Starts["WordDocument"]] = 0x00FFFFFF)).Message, Does.Contain("leaves the file"));
        Assert.That(Fails(Notice().Build(layout => Cfb.Size(layout.Directory, 1, 0xFFFFFFF0))).Message, Does.Contain("more than the whole file"));
    }

    [Test]
    public void A_directory_tree_that_loops_is_a_damaged_file() =>
        Assert.That(Fails(Notice().Build(layout => Cfb.Link(layout.Directory, 2, Cfb.NoStream, 1, Cfb.NoStream))).Message, Does.Contain("directory tree loops"));

    [Test]
    public void Storages_nested_past_the_depth_limit_are_over_a_limit()
    {
        var streams = Enumerable.Range(0, 6).Select(i => ($"S{i}", new byte[] { 1 })).ToArray();
        var doc = Notice().Build(layout =>
        {
            for (var i = 3; i <= 8; i++)
            {
                Cfb.Storage(layout.Directory, i);
                Cfb.Link(layout.Directory, i, Cfb.NoStream, Cfb.NoStream, i < 8 ? (uint)(i + 1) : Cfb.NoStream);
            }
        }, streams);
        var parser = new NoticeParser(new ParserOptions { Limits = new ParserLimits { MaxDepth = 4 } });
        Assert.That(Assert.Throws<NoticeFormatException>(() => parser.Parse(doc))!.Kind, Is.EqualTo(NoticeErrorKind.LimitExceeded));
        Assert.That(Read(doc).Items, Has.Count.EqualTo(1));
    }

    [Test]
    public void A_text_length_past_the_stream_or_the_limit_is_refused_before_it_is_allocated()
    {
        Assert.That(Fails(new WordBinary { CcpText = 100_000_000 }.P("一、问题甲").Build()).Kind, Is.EqualTo(NoticeErrorKind.Corrupt));
        var parser = new NoticeParser(new ParserOptions { Limits = new ParserLimits { MaxDecompressedBytes = 16 } });
        Assert.That(Assert.Throws<NoticeFormatException>(() => parser.Parse(Notice().Build()))!.Kind, Is.EqualTo(NoticeErrorKind.LimitExceeded));
    }

    [Test]
    public void Other_OLE_files_are_not_claimed_and_are_named_for_what_they_are()
    {
        var workbook = Cfb.Build([("Workbook", new byte[5000])]);
        Assert.That(new DocReader().Recognize(workbook, "a.doc"), Is.EqualTo(FormatConfidence.None));
        Assert.That(Parser.DetectFormat(workbook, "a.doc"), Is.EqualTo(InputFormat.Xls));
        var e = Fails(Cfb.Build([("PowerPoint Document", new byte[10])]));
        Assert.That((e.Kind, e.Message), Is.EqualTo((NoticeErrorKind.UnsupportedFormat, "this is a PowerPoint 97-2003 presentation, not a notice document")));
        Assert.That(Fails(Cfb.Build([("EncryptionInfo", new byte[10]), ("EncryptedPackage", new byte[10])])).Kind, Is.EqualTo(NoticeErrorKind.Encrypted));
        Assert.That(new DocReader().Recognize(Notice().Build(), null), Is.EqualTo(FormatConfidence.Certain));
    }
}
