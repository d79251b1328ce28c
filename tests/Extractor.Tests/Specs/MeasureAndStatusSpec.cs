using Extractor.Parsing;
using static Extractor.Tests.Support.Spec;

namespace Extractor.Tests.Specs;

/// <summary>Measures (一是…二是…) and the status of a rectification.</summary>
public sealed class MeasureAndStatusSpec
{
    private static Rectification Rectify(string text) => Parse(Lines("一、问题甲", "整改情况：" + text)).Items.Single().Rectification!;

    [Test]
    public void Ordinals_split_the_rectification_into_measures()
    {
        var r = Rectify("一是印发通知，明确要求；二是健全机制。三是加强督查。");
        Assert.That(r.Measures.Select(m => (m.Marker, m.Number, m.Text)), Is.EqualTo(new[]
        {
            ("一是", 1, "印发通知，明确要求；"),
            ("二是", 2, "健全机制。"),
            ("三是", 3, "加强督查。"),
        }));
    }

    [Test]
    public void Measures_continue_across_paragraphs_and_locate_their_ordinal()
    {
        var notice = Parse(Lines("一、问题甲", "整改情况：一是印发通知。", "二是健全机制。"));
        var m = notice.Items.Single().Rectification!.Measures;
        Assert.That(m.Select(x => x.Location.Line), Is.EqualTo(new[] { 2, 3 }));
        Assert.That(m[1].Location.End - m[1].Location.Start, Is.EqualTo("二是健全机制。".Length));
    }

    [Test]
    public void An_ordinal_inside_a_word_is_not_a_measure()
    {
        Assert.That(Rectify("统一是基础，唯一是目标。").Measures, Is.Empty);
    }

    [Test]
    public void A_repeated_ordinal_is_a_warning()
    {
        var notice = Parse(Lines("一、问题甲", "整改情况：一是甲。二是乙。三是丙。三是丁。四是戊。"));
        Assert.That(Warnings(notice), Is.EqualTo("measure-repeat@2"));
        Assert.That(notice.Items[0].Rectification!.Measures, Has.Count.EqualTo(5));
    }

    [Test]
    public void A_skipped_ordinal_is_a_warning()
    {
        var notice = Parse(Lines("一、问题甲", "整改情况：一是甲。三是丙。"));
        Assert.That(Warnings(notice), Is.EqualTo("measure-gap@2"));
    }

    [Test]
    public void Inline_numbered_measures_are_split_too()
    {
        var r = Rectify("1.开展排查；2.依法查处；3.建立机制。");
        Assert.That(r.Measures.Select(m => m.Text), Is.EqualTo(new[] { "开展排查；", "依法查处；", "建立机制。" }));
    }

    [TestCase("已整改到位。", RectificationStatus.Done, "已整改到位", TestName = "Status_done_zhenggai_daowei")]
    [TestCase("此问题已解决。", RectificationStatus.Done, "已解决", TestName = "Status_done_jiejue")]
    [TestCase("清理款项23笔，已全部清理完毕。", RectificationStatus.Done, "已全部", TestName = "Status_done_quanbu")]
    [TestCase("项目正在按节点推进。", RectificationStatus.Ongoing, "正在", TestName = "Status_ongoing_zhengzai")]
    [TestCase("已完成12项，其余持续推进。", RectificationStatus.Ongoing, "持续推进", TestName = "Status_ongoing_wins")]
    [TestCase("尚未全部完成。", RectificationStatus.Ongoing, "尚未", TestName = "Status_ongoing_shangwei")]
    [TestCase("经排查，尚未发现类似问题，已整改到位。", RectificationStatus.Done, "已整改到位", TestName = "Status_ignored_phrase")]
    [TestCase("印发通知，明确要求。", RectificationStatus.Unknown, null, TestName = "Status_unknown")]
    public void Status_is_read_from_rule_words(string text, RectificationStatus status, string? cue)
    {
        var r = Rectify(text);
        Assert.That(r.Status, Is.EqualTo(status));
        Assert.That(r.StatusCue?.Text, Is.EqualTo(cue));
    }
}
