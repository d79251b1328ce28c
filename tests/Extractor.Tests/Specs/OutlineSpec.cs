using Extractor.Tests.Support;
using static Extractor.Tests.Support.Spec;

namespace Extractor.Tests.Specs;

/// <summary>Heading recognition and the section tree.</summary>
public sealed class OutlineSpec
{
    [Test]
    public void Markers_of_every_style_are_recognised_and_nest_in_order_of_appearance()
    {
        var notice = Parse(Lines(
            "一、第一部分",
            "（一）第一类问题",
            "1.问题甲",
            "（1）细项一",
            "整改情况：已完成。",
            "（2）细项二",
            "整改情况：已完成。",
            "2、问题乙",
            "①细项三",
            "整改情况：已完成。"));
        Assert.That(Outline(notice), Is.EqualTo(Lines(
            "一、 第一部分",
            "  （一） 第一类问题",
            "    1. 问题甲",
            "      （1） 细项一",
            "      （2） 细项二",
            "    2、 问题乙",
            "      ① 细项三")));
        Assert.That(notice.Warnings, Is.Empty);
    }

    [Test]
    public void Half_width_parentheses_and_full_width_dots_are_markers()
    {
        var notice = Parse(Lines("(一)问题甲", "整改情况:已完成。", "(二)问题乙", "1．细项", "整改情况:已完成。", "(1)再细", "整改情况：已完成。"));
        Assert.That(Outline(notice), Is.EqualTo(Lines("(一) 问题甲", "(二) 问题乙", "  1． 细项", "    (1) 再细")));
    }

    [TestCase("十一、", 11, TestName = "Numerals_eleven")]
    [TestCase("二十三、", 23, TestName = "Numerals_twenty_three")]
    [TestCase("九十九、", 99, TestName = "Numerals_ninety_nine")]
    [TestCase("（十二）", 12, TestName = "Numerals_paren_twelve")]
    [TestCase("12.", 12, TestName = "Numerals_arabic_twelve")]
    [TestCase("⑮", 15, TestName = "Numerals_circled_fifteen")]
    public void Numerals_up_to_ninety_nine_are_read(string marker, int number)
    {
        var notice = Parse(Lines(marker + "问题", "整改情况：已完成。"));
        Assert.That(notice.Sections.Single().Number, Is.EqualTo(number));
    }

    [Test]
    public void A_notice_may_start_at_the_second_level_style()
    {
        var notice = Parse(Lines("（一）问题甲", "1.细项", "整改情况：已完成。", "（二）问题乙", "整改情况：正在推进。"));
        Assert.That(Outline(notice), Is.EqualTo(Lines("（一） 问题甲", "  1. 细项", "（二） 问题乙")));
        Assert.That(notice.Sections.Select(s => s.Depth), Is.EqualTo(new[] { 1, 1 }));
    }

    [Test]
    public void A_notice_may_start_at_the_fourth_level_style()
    {
        var notice = Parse(Lines("（1）问题甲", "整改情况：已完成。", "（2）问题乙", "①细项", "整改情况：已完成。"));
        Assert.That(Outline(notice), Is.EqualTo(Lines("（1） 问题甲", "（2） 问题乙", "  ① 细项")));
        Assert.That(notice.Warnings, Is.Empty);
    }

    [Test]
    public void A_skipped_level_does_not_push_a_later_higher_style_below_it()
    {
        // 1. straight under 一、, then （一） under 二、: （一） still ranks above 1.
        var notice = Parse(Lines(
            "一、方面甲", "1.问题甲", "整改情况：已完成。",
            "二、方面乙", "（一）类别", "1.问题乙", "整改情况：已完成。"));
        Assert.That(Outline(notice), Is.EqualTo(Lines(
            "一、 方面甲", "  1. 问题甲", "二、 方面乙", "  （一） 类别", "    1. 问题乙")));
    }

    [Test]
    public void Numbering_restarting_under_each_parent_is_not_a_repeat()
    {
        var notice = Parse(Lines("一、甲", "1.问题", "整改情况：已完成。", "二、乙", "1.问题", "整改情况：已完成。"));
        Assert.That(notice.Warnings, Is.Empty);
    }

    [Test]
    public void A_gap_in_the_numbering_is_a_warning_at_the_heading()
    {
        var notice = Parse(Lines("一、问题甲", "整改情况：已完成。", "三、问题丙", "整改情况：已完成。"));
        Assert.That(Warnings(notice), Is.EqualTo("numbering-gap@3"));
        Assert.That(notice.Warnings[0].Message, Does.Contain("二、 missing"));
        Assert.That(notice.Warnings[0].Location!.End - notice.Warnings[0].Location!.Start, Is.EqualTo(2), "the warning points at the marker");
    }

    [Test]
    public void A_repeated_number_is_a_warning()
    {
        var notice = Parse(Lines("1.问题甲", "整改情况：已完成。", "1.问题乙", "整改情况：已完成。"));
        Assert.That(Warnings(notice), Is.EqualTo("numbering-repeat@3"));
    }

    [TestCase("4、5次会议研究部署", TestName = "False_marker_number_followed_by_number")]
    [TestCase("1.5亿元资金已拨付", TestName = "False_marker_decimal")]
    [TestCase("2023.5月开展检查", TestName = "False_marker_year")]
    [TestCase("一、二级医院全部覆盖", TestName = "False_marker_chinese_series")]
    public void A_number_that_opens_running_text_is_not_a_heading(string paragraph)
    {
        var notice = Parse(Lines("一、问题甲", "整改情况：已完成。", paragraph));
        Assert.That(Outline(notice), Is.EqualTo("一、 问题甲"));
        Assert.That(notice.Items.Single().Rectification!.Text, Does.EndWith(paragraph));
    }

    [Test]
    public void A_marker_inside_a_paragraph_is_not_a_heading()
    {
        var notice = Parse(Lines("一、问题甲", "整改情况：召开会议，一、二两个支部参加；（一）号文件已印发。"));
        Assert.That(notice.Sections, Has.Count.EqualTo(1));
    }

    [Test]
    public void A_marker_alone_on_its_line_is_one_heading_with_the_next_line()
    {
        var notice = Parse(Lines("一、", "组织纪律方面", "（一）问题甲", "整改情况：已完成。"));
        Assert.That(Outline(notice), Is.EqualTo(Lines("一、 组织纪律方面", "  （一） 问题甲")));
        Assert.That(notice.Sections[0].HeadingLocation.EndLine, Is.EqualTo(2));
    }

    [Test]
    public void Unnumbered_problems_between_numbered_siblings_get_inferred_markers()
    {
        var notice = Parse(Lines(
            "（一）问题甲。",
            "整改情况：已完成。",
            "问题乙没有编号。",
            "整改情况：已完成。",
            "（三）问题丙。",
            "整改情况：已完成。"));
        Assert.That(Outline(notice), Is.EqualTo(Lines("（一） 问题甲", "（二）* 问题乙没有编号", "（三） 问题丙")));
        Assert.That(Warnings(notice), Is.EqualTo("inferred-heading@3"));
    }

    [Test]
    public void An_unnumbered_problem_at_the_end_of_a_level_continues_its_numbering()
    {
        var notice = Parse(Lines("一、问题甲", "整改落实情况：已完成。", "针对问题乙的问题", "整改落实情况：已完成。"));
        Assert.That(Outline(notice), Is.EqualTo(Lines("一、 问题甲", "二、* 针对问题乙的问题")));
    }

    [Test]
    public void A_paragraph_before_a_continuing_label_is_rectification_text_not_a_problem()
    {
        var notice = Parse(Lines("一、问题甲", "整改措施：召开会议。", "同时加强督导。", "整改成效：已完成。"));
        Assert.That(notice.Items, Has.Count.EqualTo(1));
        Assert.That(notice.Items[0].Rectification!.Text, Is.EqualTo(Lines("召开会议。", "同时加强督导。", "整改成效：已完成。")));
    }

    [Test]
    public void Narrative_sections_hold_no_items_and_keep_their_text()
    {
        var notice = Parse(Lines(
            "一、组织整改落实情况",
            "县委高度重视，成立领导小组，召开专题会议。",
            "二、反馈问题整改情况",
            "（一）问题甲",
            "整改情况：已完成。"));
        Assert.That(notice.Items, Has.Count.EqualTo(1));
        Assert.That(notice.Sections[0].Body!.Text, Is.EqualTo("县委高度重视，成立领导小组，召开专题会议。"));
        Assert.That(notice.Items[0].Path, Is.EqualTo(new[] { "二、", "（一）" }));
    }

    [Test]
    public void Text_without_headings_or_labels_has_no_structure()
    {
        var notice = Parse(Lines("示例县召开巡察工作会议", "会议强调要扎实做好巡察各项工作。"));
        Assert.That(notice.Items, Is.Empty);
        Assert.That(Warnings(notice), Is.EqualTo("no-structure@-"));
        Assert.That(notice.Preamble, Is.EqualTo(Lines("示例县召开巡察工作会议", "会议强调要扎实做好巡察各项工作。")));
    }
}
