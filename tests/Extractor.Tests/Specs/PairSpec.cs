using Extractor.Parsing;
using static Extractor.Tests.Support.Spec;

namespace Extractor.Tests.Specs;

/// <summary>Pairing each problem with its rectification.</summary>
public sealed class PairSpec
{
    [Test]
    public void The_problem_is_the_heading_without_marker_plus_paragraphs_before_the_label()
    {
        var notice = Parse(Lines("1.制度落实不严。乡镇领导干部联系群众制度落实有差距。", "20户受访群众中有18户反映没见过分包领导。", "整改情况：一是印发通知；二是健全机制。"));
        var item = notice.Items.Single();
        Assert.That(item.Problem.Title, Is.EqualTo("制度落实不严"));
        Assert.That(item.Problem.Text, Is.EqualTo(Lines("制度落实不严。乡镇领导干部联系群众制度落实有差距。", "20户受访群众中有18户反映没见过分包领导。")));
        Assert.That(item.Rectification!.Label, Is.EqualTo("整改情况"));
        Assert.That(item.Rectification.Text, Is.EqualTo("一是印发通知；二是健全机制。"));
    }

    [TestCase("针对产业发展推进缓慢的问题", "产业发展推进缓慢", TestName = "Title_zhendui_de_wenti")]
    [TestCase("针对教育扶贫政策覆盖不够全面问题", "教育扶贫政策覆盖不够全面", TestName = "Title_zhendui_wenti")]
    [TestCase("关于“三重一大”问题的整改情况", "三重一大", TestName = "Title_guanyu_quoted")]
    [TestCase("关于“三重一大”决策执行不严问题的整改情况", "“三重一大”决策执行不严", TestName = "Title_guanyu_partly_quoted")]
    [TestCase("基层党组织不健全。村级队伍力量不足。", "基层党组织不健全", TestName = "Title_first_sentence")]
    [TestCase("“4+2”工作法执行不严格，损害群众利益。个别社区资产租赁未经程序。", "“4+2”工作法执行不严格，损害群众利益", TestName = "Title_first_sentence_with_comma")]
    public void The_problem_title_is_the_problem_phrase_or_the_first_sentence(string heading, string title)
    {
        var notice = Parse(Lines("一、" + heading, "整改情况：已完成。"));
        Assert.That(notice.Items.Single().Problem.Title, Is.EqualTo(title));
    }

    [TestCase("整改情况：", "整改情况", TestName = "Label_zhenggai_qingkuang")]
    [TestCase("整改落实情况：", "整改落实情况", TestName = "Label_luoshi_qingkuang")]
    [TestCase("整改措施：", "整改措施", TestName = "Label_cuoshi")]
    [TestCase("整改进展：", "整改进展", TestName = "Label_jinzhan")]
    [TestCase("整改进展情况：", "整改进展情况", TestName = "Label_jinzhan_qingkuang")]
    [TestCase("整改成效：", "整改成效", TestName = "Label_chengxiao")]
    [TestCase("整改结果：", "整改结果", TestName = "Label_jieguo")]
    [TestCase("整改完成情况：", "整改完成情况", TestName = "Label_wancheng_qingkuang")]
    [TestCase("整改落實情況：", "整改落實情況", TestName = "Label_traditional")]
    [TestCase("整改情况:", "整改情况", TestName = "Label_halfwidth_colon")]
    [TestCase("【整改情况】", "整改情况", TestName = "Label_bracketed")]
    [TestCase("整改情况　", "整改情况", TestName = "Label_fullwidth_space")]
    public void Every_label_variant_opens_a_rectification(string label, string name)
    {
        var notice = Parse(Lines("一、问题甲", label + "召开专题会议，已完成。"));
        var rectification = notice.Items.Single().Rectification!;
        Assert.That(rectification.Label, Is.EqualTo(name));
        Assert.That(rectification.Text, Is.EqualTo("召开专题会议，已完成。"));
    }

    [Test]
    public void A_label_alone_on_its_line_opens_the_rectification_that_follows()
    {
        var notice = Parse(Lines("一、问题甲", "整改结果", "完成资产清查。"));
        Assert.That(notice.Items.Single().Rectification!.Text, Is.EqualTo("完成资产清查。"));
    }

    [Test]
    public void A_label_without_separator_is_recognised_before_an_ordinal()
    {
        var notice = Parse(Lines("一、问题甲", "整改情况一是召开会议；二是印发文件。"));
        Assert.That(notice.Items.Single().Rectification!.Measures, Has.Count.EqualTo(2));
    }

    [Test]
    public void A_word_that_starts_like_a_label_is_not_one()
    {
        var notice = Parse(Lines("一、问题甲", "整改情况：召开会议。", "整改情况良好，群众满意。"));
        Assert.That(notice.Items.Single().Rectification!.Text, Does.EndWith("整改情况良好，群众满意。"));
    }

    [Test]
    public void A_label_after_a_sentence_inside_the_heading_paragraph_splits_it()
    {
        var notice = Parse("1.基层党组织不健全。村级队伍力量不足。整改情况：配齐班子，已完成。");
        var item = notice.Items.Single();
        Assert.That(item.Problem.Text, Is.EqualTo("基层党组织不健全。村级队伍力量不足。"));
        Assert.That(item.Rectification!.Text, Is.EqualTo("配齐班子，已完成。"));
    }

    [Test]
    public void A_category_heading_may_carry_its_own_problem_label()
    {
        var notice = Parse(Lines("（一）反馈问题：监督执纪问责不够精准", "1.问题1：个别问题线索处置不及时。", "整改情况：已全部办结。"));
        Assert.That(Outline(notice), Is.EqualTo(Lines("（一） 监督执纪问责不够精准", "  1. 个别问题线索处置不及时")));
        Assert.That(notice.Items.Single().Problem.Title, Is.EqualTo("个别问题线索处置不及时"));
    }

    [Test]
    public void A_second_marker_on_its_own_paragraph_is_an_unnumbered_sibling()
    {
        var notice = Parse(Lines("1.问题1：问题甲。", "整改情况：已完成。", "问题2：问题乙。", "整改情况：已完成。"));
        Assert.That(Outline(notice), Is.EqualTo(Lines("1. 问题甲", "2.* 问题乙")));
        Assert.That(notice.Items[1].Problem.Text, Is.EqualTo("问题乙。"));
    }

    [Test]
    public void A_status_line_between_problem_and_rectification_is_a_field_and_decides_the_status()
    {
        var notice = Parse(Lines("一、问题甲", "整改状态：完成", "整改措施：召开会议，正在推进后续工作。"));
        var item = notice.Items.Single();
        Assert.That(item.Rectification!.Status, Is.EqualTo(RectificationStatus.Done));
        Assert.That(item.Fields.Single().Name, Is.EqualTo("整改状态"));
        Assert.That(item.Fields.Single().Value, Is.EqualTo("完成"));
    }

    [Test]
    public void A_status_line_after_the_rectification_belongs_to_the_item()
    {
        var notice = Parse(Lines("一、问题甲", "整改情况：召开会议。", "完成情况：已完成", "二、问题乙", "整改情况：正在推进。"));
        Assert.That(Items(notice), Is.EqualTo(Lines("#1 一、 问题甲 | 整改情况 | done | 0", "#2 二、 问题乙 | 整改情况 | ongoing | 0")));
    }

    [Test]
    public void Field_style_notices_without_headings_give_one_item_per_problem_label()
    {
        var notice = Parse(Lines(
            "整改问题：建筑市场监管存在漏洞。",
            "整改目标：杜绝未批先建。",
            "整改措施：开展排查。",
            "责任单位：监管股",
            "整改完成情况：已完成整改。",
            "整改问题：住房保障资格审核不严。",
            "整改措施：开展复核。",
            "整改完成情况：正在建立动态管理机制。"));
        Assert.That(Items(notice), Is.EqualTo(Lines(
            "#1  建筑市场监管存在漏洞 | 整改措施 | done | 0",
            "#2  住房保障资格审核不严 | 整改措施 | ongoing | 0")));
        Assert.That(notice.Items[0].Fields.Select(f => f.Name), Is.EqualTo(new[] { "整改目标", "责任单位" }));
        Assert.That(notice.Items[0].Rectification!.Text, Is.EqualTo(Lines("开展排查。", "整改完成情况：已完成整改。")));
    }

    [Test]
    public void A_numbered_list_under_a_label_is_measures_not_sections()
    {
        var notice = Parse(Lines(
            "一、问题甲", "整改措施：", "1.开展检查；", "2.建立台账。",
            "二、问题乙", "整改措施：", "1.修订标准；", "2.组织培训；", "整改成效：已整改到位。"));
        Assert.That(Outline(notice), Is.EqualTo(Lines("一、 问题甲", "二、 问题乙")));
        Assert.That(notice.Items.Select(i => i.Rectification!.Measures.Count), Is.EqualTo(new[] { 2, 2 }));
        Assert.That(notice.Items[1].Rectification!.Measures[1].Text, Is.EqualTo("组织培训；"));
        Assert.That(notice.Warnings, Is.Empty);
    }

    [Test]
    public void A_list_restarting_the_items_own_numbering_under_the_label_is_measures()
    {
        var notice = Parse(Lines("2.问题乙", "整改措施：", "1.开展检查；", "2.建立台账。", "3.问题丙", "整改措施：已完成。"));
        Assert.That(Outline(notice), Is.EqualTo(Lines("2. 问题乙", "3. 问题丙")));
        Assert.That(notice.Items[0].Rectification!.Measures.Select(m => m.Marker), Is.EqualTo(new[] { "1.", "2." }));
    }

    [Test]
    public void An_unlabelled_rectification_in_the_heading_paragraph_follows_the_problem_phrase()
    {
        var notice = Parse(Lines("一、针对重点项目推进缓慢的问题。区委成立专班，已全部开工。", "二、针对问题乙的问题", "整改情况：已完成。"));
        var item = notice.Items[0];
        Assert.That(item.Problem.Text, Is.EqualTo("针对重点项目推进缓慢的问题。"));
        Assert.That(item.Rectification!.Label, Is.Null);
        Assert.That(item.Rectification.Text, Is.EqualTo("区委成立专班，已全部开工。"));
        Assert.That(Warnings(notice), Is.EqualTo("unlabelled-rectification@1"));
    }

    [Test]
    public void An_unlabelled_rectification_may_be_the_next_paragraph_opening_with_yi_shi()
    {
        var notice = Parse(Lines("一、基层减负不到位", "一是精简会议文件；二是规范督查检查。", "二、问题乙", "整改情况：已完成。"));
        Assert.That(Items(notice), Is.EqualTo(Lines("#1 一、 基层减负不到位 | - | unknown | 2", "#2 二、 问题乙 | 整改情况 | done | 0")));
    }

    [Test]
    public void A_heading_that_states_no_problem_and_has_no_label_is_not_an_item()
    {
        var notice = Parse(Lines("一、提高政治站位，加强组织领导", "一是成立领导小组；二是召开专题会议。", "二、问题乙", "整改情况：已完成。"));
        Assert.That(notice.Items, Has.Count.EqualTo(1));
        Assert.That(notice.Sections[0].Body!.Text, Does.StartWith("一是成立领导小组"));
    }

    [Test]
    public void A_label_that_follows_no_problem_is_reported_and_kept()
    {
        var notice = Parse(Lines("整改情况：召开会议。"));
        Assert.That(notice.Items, Is.Empty);
        Assert.That(notice.Warnings.Select(w => w.Code), Does.Contain(WarningCodes.OrphanRectification));
        Assert.That(notice.Preamble, Is.EqualTo("整改情况：召开会议。"));
    }

    [Test]
    public void A_problem_label_without_a_rectification_is_reported()
    {
        var notice = Parse(Lines("整改问题：建筑市场监管存在漏洞。"));
        Assert.That(notice.Items.Single().Rectification, Is.Null);
        Assert.That(Warnings(notice), Is.EqualTo("missing-rectification@1"));
    }
}
