using Extractor.Parsing;
using static Extractor.Tests.Support.Docx;
using static Extractor.Tests.Support.Spec;

namespace Extractor.Tests.Specs;

/// <summary>
/// Word documents laid out with text boxes and tables: text in a text box is read where the box is anchored, once;
/// a table that only lays text out reads as flowing text, and a table is data only when its header names columns.
/// samples/formats holds the same layouts as LibreOffice writes them (textbox, one-cell, marker-column).
/// </summary>
public sealed class DocxLayoutSpec
{
    private static Notice Read(byte[] docx) => Parser.Parse(docx, InputFormat.Docx);

    private const string Namespaces =
        "xmlns:mc=\"http://schemas.openxmlformats.org/markup-compatibility/2006\" xmlns:wps=\"http://schemas.microsoft.com/office/word/2010/wordprocessingShape\" "
        + "xmlns:v=\"urn:schemas-microsoft-com:vml\" xmlns:wp=\"http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing\" "
        + "xmlns:a=\"http://schemas.openxmlformats.org/drawingml/2006/main\"";

    /// <summary>A paragraph anchoring a shape as Word writes it: the DrawingML text box as the choice, a VML copy as the fallback.</summary>
    private static string TextBox(params string[] paragraphs)
    {
        var content = $"<w:txbxContent>{string.Concat(paragraphs.Select(p => P(p)))}</w:txbxContent>";
        return $"<w:p><w:r><mc:AlternateContent {Namespaces}><mc:Choice Requires=\"wps\"><w:drawing><wp:anchor><a:graphic><a:graphicData>"
            + $"<wps:wsp><wps:txbx>{content}</wps:txbx></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice>"
            + $"<mc:Fallback><w:pict><v:rect><v:textbox>{content}</v:textbox></v:rect></w:pict></mc:Fallback></mc:AlternateContent></w:r></w:p>";
    }

    private static string Cell(string content, string props = "") => $"<w:tc>{(props.Length > 0 ? $"<w:tcPr>{props}</w:tcPr>" : "")}{content}</w:tc>";

    private static string Table(params string[][] rows) =>
        "<w:tbl>" + string.Concat(rows.Select(r => "<w:tr>" + string.Concat(r.Select(c => Cell(P(c)))) + "</w:tr>")) + "</w:tbl>";

    [Test]
    public void Text_in_a_text_box_is_read_once_where_it_is_anchored()
    {
        var notice = Read(Build(P("中共示例县委") + P("关于巡察整改情况的通报") + TextBox("一、问题甲", "整改情况：已完成。", "二、问题乙", "整改情况：正在推进。")));
        Assert.That(Items(notice), Is.EqualTo(Lines("#1 一、 问题甲 | 整改情况 | done | 0", "#2 二、 问题乙 | 整改情况 | ongoing | 0")));
        Assert.That(notice.Title, Is.EqualTo("关于巡察整改情况的通报"));
    }

    [Test]
    public void A_VML_text_box_without_a_DrawingML_choice_is_read()
    {
        var box = $"<w:p><w:r><w:pict {Namespaces}><v:shape><v:textbox><w:txbxContent>{P("一、问题甲")}{P("整改情况：已完成。")}</w:txbxContent></v:textbox></v:shape></w:pict></w:r></w:p>";
        Assert.That(Items(Read(Build(P("关于巡察整改情况的通报") + box))), Is.EqualTo("#1 一、 问题甲 | 整改情况 | done | 0"));
    }

    [Test]
    public void Text_boxes_follow_the_text_of_their_anchor_paragraph_in_order()
    {
        var notice = Read(Build(P("关于巡察整改情况的通报") + TextBox("一、问题甲", "整改情况：已完成。") + P("二、问题乙") + P("整改情况：已完成。")));
        Assert.That(Outline(notice), Is.EqualTo(Lines("一、 问题甲", "二、 问题乙")));
    }

    [Test]
    public void A_notice_in_one_table_cell_reads_as_its_paragraphs()
    {
        var cell = Cell(P("一、问题甲") + P("整改情况：已完成。") + P("二、问题乙") + P("整改情况：正在推进。"));
        var notice = Read(Build(P("关于巡察整改情况的通报") + $"<w:tbl><w:tr>{cell}</w:tr></w:tbl>"));
        Assert.That(Items(notice), Is.EqualTo(Lines("#1 一、 问题甲 | 整改情况 | done | 0", "#2 二、 问题乙 | 整改情况 | ongoing | 0")));
    }

    [Test]
    public void A_table_of_a_paragraph_per_row_reads_as_text()
    {
        var notice = Read(Build(P("关于巡察整改情况的通报") + Table(["一、问题甲"], ["整改情况：已完成。"], ["二、问题乙"], ["整改情况：已完成。"])));
        Assert.That(notice.Items, Has.Count.EqualTo(2));
    }

    [Test]
    public void Markers_in_a_column_of_their_own_are_joined_to_their_text()
    {
        var notice = Read(Build(P("关于巡察整改情况的通报")
            + Table(["一、", "组织纪律方面"], ["（一）", "问题甲"], ["", "整改情况：已完成。"], ["（二）", "问题乙"], ["", "整改情况：已完成。"])));
        Assert.That(Outline(notice), Is.EqualTo(Lines("一、 组织纪律方面", "  （一） 问题甲", "  （二） 问题乙")));
    }

    [Test]
    public void A_table_whose_header_names_columns_is_data()
    {
        // Not a ledger (no problem column), so its rows are text under the heading — not headings of their own.
        var notice = Read(Build(P("一、问题甲") + P("整改情况：清退资金如下。") + Table(["序号", "责任单位", "完成时限"], ["一、", "县财政局", "2023年6月"])));
        Assert.That(notice.Items.Single().Rectification!.Text, Is.EqualTo(Lines("清退资金如下。", "序号 责任单位 完成时限", "一、 县财政局 2023年6月")));
    }
}
