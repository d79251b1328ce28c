using Extractor.Parsing;
using static Extractor.Tests.Support.Spec;

namespace Extractor.Tests.Specs;

/// <summary>The notice's metadata.</summary>
public sealed class MetadataSpec
{
    private const string Body = "一、问题甲\n整改情况：已完成。";

    [Test]
    public void Issuer_and_title_come_from_the_first_lines()
    {
        var notice = Parse(Lines("中共洛阳市城乡一体化示范区工委", "", "关于巡察整改情况向社会公开的通报", "", "现将整改情况予以公布。", Body));
        Assert.That(notice.Issuer, Is.EqualTo("中共洛阳市城乡一体化示范区工委"));
        Assert.That(notice.Title, Is.EqualTo("关于巡察整改情况向社会公开的通报"));
        Assert.That(notice.Preamble, Is.EqualTo("现将整改情况予以公布。"));
        Assert.That(notice.Provenance.Title!.Line, Is.EqualTo(3));
    }

    [Test]
    public void A_title_split_over_two_lines_is_joined()
    {
        var notice = Parse(Lines("关于县委第二轮巡察", "集中整改进展情况的通报", Body));
        Assert.That(notice.Title, Is.EqualTo("关于县委第二轮巡察集中整改进展情况的通报"));
        Assert.That(notice.Provenance.Title!.EndLine, Is.EqualTo(2));
    }

    [Test]
    public void A_tag_before_the_title_and_a_date_after_it_are_taken_off()
    {
        var notice = Parse(Lines("【巡察整改】中共示例县委关于巡察整改进展情况的通报（2023年9月18日）", Body));
        Assert.That(notice.Title, Is.EqualTo("中共示例县委关于巡察整改进展情况的通报"));
        Assert.That(notice.Issuer, Is.EqualTo("中共示例县委"));
        Assert.That(notice.Date, Is.EqualTo(new DateOnly(2023, 9, 18)));
    }

    [Test]
    public void Issuer_and_date_come_from_the_signature()
    {
        var notice = Parse(Lines("关于巡察整改情况的通报", Body, "", "       　　中共襄城县委", "       　　2020年1月7日"));
        Assert.That(notice.Issuer, Is.EqualTo("中共襄城县委"));
        Assert.That(notice.Date, Is.EqualTo(new DateOnly(2020, 1, 7)));
        Assert.That(notice.Items.Single().Rectification!.Text, Is.EqualTo("已完成。"), "the signature is not rectification text");
    }

    [Test]
    public void A_date_in_Chinese_numerals_is_read()
    {
        var notice = Parse(Lines(Body, "二〇二三年十二月五日"));
        Assert.That(notice.Date, Is.EqualTo(new DateOnly(2023, 12, 5)));
    }

    [Test]
    public void The_inspection_is_read_from_the_preamble_with_the_year_carried()
    {
        var notice = Parse(Lines(
            "根据市委统一部署，2022年8月5日—9月20日，市委第五巡察组对伊滨区乡村振兴工作开展专项巡察。2023年2月6日，市委第五巡察组反馈了问题清单。",
            Body));
        Assert.That(notice.Inspection, Is.EqualTo(new Inspection
        {
            Inspector = "市委第五巡察组",
            Target = "伊滨区乡村振兴工作",
            Kind = "专项",
            Start = new DateOnly(2022, 8, 5),
            End = new DateOnly(2022, 9, 20),
            FeedbackDate = new DateOnly(2023, 2, 6),
        }));
    }

    [Test]
    public void A_feedback_date_without_a_year_takes_the_year_of_the_inspection()
    {
        var notice = Parse(Lines("2022年9月5日至10月30日，区委第三巡察组对示例镇党委进行了巡察，并于12月2日反馈了巡察意见。", Body));
        Assert.That(notice.Inspection.FeedbackDate, Is.EqualTo(new DateOnly(2022, 12, 2)));
    }

    [Test]
    public void A_period_across_the_new_year_ends_in_the_next_year()
    {
        var notice = Parse(Lines("2022年12月5日至1月20日，市委第一巡察组对示例县进行了巡察。", Body));
        Assert.That(notice.Inspection.End, Is.EqualTo(new DateOnly(2023, 1, 20)));
    }

    [Test]
    public void A_notice_dated_before_its_own_inspection_gets_a_warning()
    {
        var notice = Parse(Lines("2020年10月9日至10月23日，市委第二巡察组对襄城县进行了巡察。", Body, "中共襄城县委", "2020年1月7日"));
        Assert.That(Warnings(notice), Is.EqualTo("date-inconsistent@5"));
    }

    [Test]
    public void Contacts_are_read_from_the_closing()
    {
        var notice = Parse(Lines(Body, "欢迎广大干部群众进行监督。联系方式：电话0374-3866207；邮政信箱：襄城县脱贫攻坚领导小组办公室；电子信箱xcxfpbzhg@163.com。"));
        Assert.That(notice.Contacts.Phones, Is.EqualTo(new[] { "0374-3866207" }));
        Assert.That(notice.Contacts.Emails, Is.EqualTo(new[] { "xcxfpbzhg@163.com" }));
        Assert.That(notice.Contacts.Postal, Is.EqualTo(new[] { "襄城县脱贫攻坚领导小组办公室" }));
        Assert.That(notice.Closing, Does.StartWith("欢迎广大干部群众"));
    }

    [Test]
    public void Closing_text_after_the_last_rectification_is_not_rectification()
    {
        var notice = Parse(Lines(Body, "当前，我区的整改落实工作虽然取得了一些成果，但仍需长抓不懈。"));
        Assert.That(notice.Items.Single().Rectification!.Text, Is.EqualTo("已完成。"));
        Assert.That(notice.Closing, Does.StartWith("当前，"));
    }

    [Test]
    public void A_next_steps_section_keeps_its_text_and_only_the_contact_paragraph_closes()
    {
        var notice = Parse(Lines(Body, "二、下一步工作打算", "下一步，将持续巩固整改成果。", "欢迎广大干部群众进行监督。"));
        Assert.That(notice.Sections[1].Body!.Text, Is.EqualTo("下一步，将持续巩固整改成果。"));
        Assert.That(notice.Closing, Is.EqualTo("欢迎广大干部群众进行监督。"));
    }

    [Test]
    public void Stated_figures_are_extracted_with_their_sentence()
    {
        var notice = Parse(Lines(
            "一、总体情况",
            "对反馈的45个具体问题，已整改完成38个，阶段性完成7个，整改完成率84.4%。共问责处理32人，追回资金1560.5万元。",
            "二、问题甲", "整改情况：已完成。"));
        Assert.That(notice.Stats.Select(s => (s.Name, s.Value, s.Unit)), Is.EqualTo(new[]
        {
            ("problemsFound", 45m, "个"),
            ("completed", 38m, "个"),
            ("ongoing", 7m, "个"),
            ("completionRate", 84.4m, "%"),
            ("accountable", 32m, "人"),
            ("fundsRecovered", 1560.5m, "万元"),
        }));
        Assert.That(notice.Stats[0].Text, Is.EqualTo("对反馈的45个具体问题，已整改完成38个，阶段性完成7个，整改完成率84.4%。"));
    }

    [Test]
    public void Figures_inside_a_rectification_are_not_notice_statistics()
    {
        var notice = Parse(Lines("一、问题甲", "整改情况：共问责处理3人，已完成。"));
        Assert.That(notice.Stats, Is.Empty);
    }
}
