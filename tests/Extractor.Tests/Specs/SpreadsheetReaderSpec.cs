using Extractor.Parsing;
using Extractor.Tests.Support;
using static Extractor.Tests.Support.Spec;
using static Extractor.Tests.Support.Xlsx;

namespace Extractor.Tests.Specs;

/// <summary>
/// Reading Excel workbooks (整改台账 kept as spreadsheets): a block of rows of two or more cells is a table, read as
/// HTML and Word tables are; single cells above and below it are the notice's text; every cell is located by its
/// reference. The samples in samples/formats (made by LibreOffice) cover .xls; these build .xlsx in code.
/// </summary>
public sealed class SpreadsheetReaderSpec
{
    private static Notice Read(byte[] xlsx) => Parser.Parse(xlsx, InputFormat.Auto, "ledger.xlsx");

    private static readonly string?[] Header = ["序号", "反馈问题", "整改措施", "责任单位", "完成时限", "完成情况"];

    [Test]
    public void A_ledger_with_a_merged_title_row_gives_an_item_per_row_and_its_title()
    {
        var notice = Read(Build(new Sheet("台账",
        [
            Row("示例县委巡察反馈问题整改台账"),
            Header,
            Row("=1", "理论学习不深入。", "制定学习计划，已完成。", "县委办", "#2023-06-30", "已完成"),
            Row("=2", "意识形态责任制落实不到位。", "开展专题研究。", "县委宣传部", "#2023-09-30", "持续推进"),
        ], ["A1:F1"])));
        Assert.That(Items(notice), Is.EqualTo(Lines(
            "#1  理论学习不深入 | 整改措施 | done | 0",
            "#2  意识形态责任制落实不到位 | 整改措施 | ongoing | 0")));
        Assert.That(notice.Title, Is.EqualTo("示例县委巡察反馈问题整改台账"));
        Assert.That(notice.Items[0].Fields.Select(f => $"{f.Name}={f.Value}"), Is.EqualTo(new[] { "序号=1", "责任单位=县委办", "完成时限=2023年6月", "完成情况=已完成" }));
        Assert.That(notice.Items[1].Problem.Location!.Path, Is.EqualTo("台账!B4"));
        Assert.That(notice.Source.Format, Is.EqualTo("xlsx"));
    }

    [Test]
    public void A_title_row_inside_the_table_a_notes_row_and_an_empty_row_stand_above_the_header()
    {
        // The title and the notes row share the table's width (two cells each), so they are part of the table block.
        var notice = Read(Build(new Sheet("Sheet1",
        [
            Row("巡察反馈问题整改台账", null, null, null, null, "截至2023年10月"),
            Row("填报单位：示例县委", null, null, "填报日期：2023年10月9日"),
            Row(),
            Header,
            Row("=1", "理论学习不深入。", "制定学习计划，已完成。", "县委办", "2023年6月", "已完成"),
        ], ["A1:E1"])));
        Assert.That(Items(notice), Is.EqualTo("#1  理论学习不深入 | 整改措施 | done | 0"));
        Assert.That(notice.Title, Is.EqualTo("巡察反馈问题整改台账"));
    }

    [Test]
    public void Several_sheets_are_read_in_order_and_a_sheet_that_is_not_a_ledger_is_text()
    {
        var notice = Read(Build(
            new Sheet("说明", [Row("关于巡察整改情况的通报"), Row("现将整改情况以台账形式公布如下。")]),
            new Sheet("政治建设", [Row("一、政治建设方面"), Header, Row("=1", "理论学习不深入。", "已完成。", "县委办", "", "已完成")]),
            new Sheet("作风建设", [Row("二、作风建设方面"), Header, Row("=2", "会议过多。", "精简会议，正在推进。", "县委办", "", "推进中")]),
            new Sheet("统计", [Row("项目", "数量"), Row("反馈问题", "=2"), Row("已完成", "=1")])));
        Assert.That(Outline(notice), Is.EqualTo(Lines("一、 政治建设方面", "二、 作风建设方面")));
        Assert.That(Items(notice), Is.EqualTo(Lines("#1 一、 理论学习不深入 | 整改措施 | done | 0", "#2 二、 会议过多 | 整改措施 | ongoing | 0")));
        Assert.That(NoticeJson.Serialize(notice), Does.Contain("项目 数量"));
    }

    [Test]
    public void A_notice_typed_down_one_column_reads_as_text()
    {
        var notice = Read(Build(S("Sheet1",
            Row("关于巡察整改情况的通报"), Row("一、问题甲"), Row("整改情况：已完成。"), Row("二、问题乙"), Row("整改情况：正在推进。"))));
        Assert.That(Items(notice), Is.EqualTo(Lines("#1 一、 问题甲 | 整改情况 | done | 0", "#2 二、 问题乙 | 整改情况 | ongoing | 0")));
        Assert.That(notice.Items[1].Problem.Location!.Path, Is.EqualTo("Sheet1!A4"));
    }

    [Test]
    public void A_category_typed_in_the_first_column_without_merging_is_a_section()
    {
        var notice = Read(Build(S("Sheet1", Header, Row("一、政治建设方面"), Row("=1", "理论学习不深入。", "已完成。", "县委办", "", "已完成"),
            Row("二、作风建设方面"), Row("=2", "会议过多。", "正在推进。", "县委办", "", "推进中"))));
        Assert.That(Items(notice), Is.EqualTo(Lines("#1 一、 理论学习不深入 | 整改措施 | done | 0", "#2 二、 会议过多 | 整改措施 | ongoing | 0")));
    }

    [Test]
    public void Numbers_dates_and_percentages_read_as_the_sheet_shows_them()
    {
        var notice = Read(Build(S("Sheet1", Row("序号", "问题", "整改措施", "完成时限", "完成率"),
            Row("=3", "问题甲。", "已完成。", "#2023-06-30", "%0.85"))));
        Assert.That(notice.Items.Single().Fields.Select(f => f.Value), Is.EqualTo(new[] { "3", "2023年6月", "85%" }));
    }

    [Test]
    public void A_cell_of_several_lines_keeps_them()
    {
        var notice = Read(Build(S("Sheet1", Row("问题", "整改措施"), Row("问题甲。", "一是制定计划；\n二是开展学习，已完成。"))));
        Assert.That(notice.Items.Single().Rectification!.Text, Is.EqualTo("一是制定计划；\n二是开展学习，已完成。"));
    }

    [Test]
    public void A_hidden_sheet_is_skipped_with_a_warning()
    {
        var notice = Read(Build(S("Sheet1", Row("问题", "整改措施"), Row("问题甲。", "已完成。")),
            new Sheet("下拉列表", [Row("已完成"), Row("推进中")], Hidden: true)));
        Assert.That(notice.Items, Has.Count.EqualTo(1));
        Assert.That(notice.Warnings.Single(w => w.Code == WarningCodes.ContentSkipped).Message, Does.Contain("下拉列表"));
    }

    [Test]
    public void A_workbook_whose_cells_hold_more_text_than_the_limit_is_refused()
    {
        var parser = new NoticeParser(new ParserOptions { Limits = new ParserLimits { MaxDecompressedBytes = 64 * 1024 } });
        var big = Build(S("Sheet1", [.. Enumerable.Range(0, 100).Select(_ => Row("问题", new string('甲', 1000)))]));
        Assert.That(Assert.Throws<NoticeFormatException>(() => parser.Parse(big))!.Kind, Is.EqualTo(NoticeErrorKind.LimitExceeded));
    }

    [Test]
    public void A_damaged_Excel_97_2003_workbook_says_so()
    {
        var e = Assert.Throws<NoticeFormatException>(() => Parser.Parse(Cfb.Build("Workbook"), InputFormat.Auto, "ledger.xls"));
        Assert.That((e!.Kind, e.Message), Is.EqualTo((NoticeErrorKind.Corrupt, e.Message)));
        Assert.That(e.Message, Does.StartWith("the Excel 97-2003 workbook is damaged"));
    }

    [Test]
    public void A_sheet_of_an_Excel_97_2003_workbook_that_declares_more_rows_than_a_sheet_holds_is_skipped_with_a_warning()
    {
        // ExcelDataReader walks a .xls sheet's rows up to the count its DIMENSIONS record gives, whatever the sheet
        // holds, beyond the reach of cancellation: a count of two thousand million (as fuzzed files had) would take
        // minutes. A BIFF8 sheet holds 65,536 rows; a sheet that declares more is damaged, and the others are read.
        var xls = File.ReadAllBytes(Path.Combine(Repo.Root, "samples", "formats", "ledger-two-sheets-calc.xls"));
        var whole = Parser.Parse(xls, InputFormat.Auto, "ledger.xls");
        var dimensions = xls.AsSpan().IndexOf((byte[])[0x00, 0x02, 0x0E, 0x00]); // the first sheet's: type 0x0200, 14 bytes
        System.Buffers.Binary.BinaryPrimitives.WriteUInt32LittleEndian(xls.AsSpan(dimensions + 8), 2_000_000_000); // rwMac
        var notice = Parser.Parse(xls, InputFormat.Auto, "ledger.xls");
        Assert.That(notice.Warnings.Single(w => w.Code == WarningCodes.ContentSkipped).Message,
            Is.EqualTo("the sheet 一 declares 2,000,000,000 rows, more than a sheet of this format holds (65,536): it is damaged and was not read"));
        Assert.That(notice.Items.Select(i => i.Problem.Title),
            Is.EqualTo(whole.Items.Where(i => i.Problem.Location!.Path!.StartsWith("二!", StringComparison.Ordinal)).Select(i => i.Problem.Title)));
        Assert.That(notice.Items, Is.Not.Empty);
    }

    [Test]
    public void An_Excel_97_2003_workbook_whose_every_sheet_declares_too_many_rows_is_a_damaged_file()
    {
        var xls = File.ReadAllBytes(Path.Combine(Repo.Root, "samples", "formats", "ledger-two-sheets-calc.xls"));
        byte[] dimensions = [0x00, 0x02, 0x0E, 0x00]; // each sheet's DIMENSIONS record: type 0x0200, 14 bytes
        for (var from = 0; xls.AsSpan(from).IndexOf(dimensions) is var found and >= 0; from += found + dimensions.Length)
            System.Buffers.Binary.BinaryPrimitives.WriteUInt32LittleEndian(xls.AsSpan(from + found + 8), 2_000_000_000); // rwMac
        var e = Assert.Throws<NoticeFormatException>(() => Parser.Parse(xls, InputFormat.Auto, "ledger.xls"));
        Assert.That((e!.Kind, e.Message), Is.EqualTo((NoticeErrorKind.Corrupt,
            "the Excel 97-2003 workbook is damaged: the sheet 一 declares 2,000,000,000 rows, more than a sheet of this format holds (65,536)")));
    }

    [Test]
    public void A_truncated_workbook_is_a_damaged_file()
    {
        var xlsx = Build(S("Sheet1", Row("问题", "整改措施"), Row("问题甲。", "已完成。")));
        foreach (var fraction in new[] { 10, 50, 90 })
            Assert.That(Assert.Throws<NoticeFormatException>(() => Parser.Parse(xlsx[..(xlsx.Length * fraction / 100)], InputFormat.Xlsx))!.Kind,
                Is.EqualTo(NoticeErrorKind.Corrupt), $"{fraction}%");
    }

    [Test]
    public void External_entities_in_a_sheet_are_refused()
    {
        var xlsx = Build(S("Sheet1", Row("问题", "整改措施"), Row("问题甲。", "&xxe;")));
        using var stream = new MemoryStream();
        stream.Write(xlsx);
        using (var zip = new System.IO.Compression.ZipArchive(stream, System.IO.Compression.ZipArchiveMode.Update))
        {
            var entry = zip.GetEntry("xl/worksheets/sheet1.xml")!;
            string xml;
            using (var reader = new StreamReader(entry.Open())) xml = reader.ReadToEnd();
            entry.Delete();
            xml = xml.Replace("<?xml version=\"1.0\"?>", "<?xml version=\"1.0\"?><!DOCTYPE worksheet [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>", StringComparison.Ordinal)
                .Replace("&amp;xxe;", "&xxe;", StringComparison.Ordinal);
            using var writer = new StreamWriter(zip.CreateEntry("xl/worksheets/sheet1.xml").Open());
            writer.Write(xml);
        }
        var e = Assert.Throws<NoticeFormatException>(() => Parser.Parse(stream.ToArray(), InputFormat.Xlsx));
        Assert.That(e!.Kind, Is.EqualTo(NoticeErrorKind.Corrupt));
    }
}
