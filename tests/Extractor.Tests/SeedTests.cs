using Extractor.Parsing;
using Extractor.Tests.Support;

namespace Extractor.Tests;

/// <summary>The two notices the project was created from must always parse completely.</summary>
public sealed class SeedTests
{
    private static int Count(IReadOnlyList<Section> sections) => sections.Sum(s => 1 + Count(s.Sections));

    private static IEnumerable<Section> All(IReadOnlyList<Section> sections) => sections.SelectMany(s => All(s.Sections).Prepend(s));

    [Test]
    public void Seed_000_has_30_items_and_39_sections_of_which_4_inferred()
    {
        var notice = Spec.Parser.ParseFile(Repo.Seed000);
        Assert.That(notice.Items, Has.Count.EqualTo(30));
        Assert.That(Count(notice.Sections), Is.EqualTo(39));
        var inferred = All(notice.Sections).Where(s => s.Inferred).Select(s => (s.Marker, s.Location.Line)).ToList();
        Assert.That(inferred, Is.EqualTo(new[] { ("（二）", 43), ("（三）", 47), ("（四）", 86), ("（七）", 96) }));
        Assert.That(notice.Items.All(i => i.Rectification is { Label: "整改情况" }), Is.True);
    }

    [Test]
    public void Seed_000_warns_of_the_4_gaps_and_the_repeated_san_shi()
    {
        var notice = Spec.Parser.ParseFile(Repo.Seed000);
        Assert.That(Spec.Warnings(notice), Is.EqualTo(Spec.Lines(
            "inferred-heading@43", "inferred-heading@47", "inferred-heading@86", "inferred-heading@96", "measure-repeat@132")));
        var repeat = notice.Warnings[^1];
        var source = File.ReadAllText(Repo.Seed000);
        Assert.That(source[repeat.Location!.Start..repeat.Location.End], Is.EqualTo("三是"), "the warning points at the ordinal");
        Assert.That(source[repeat.Location.Start..(repeat.Location.Start + 8)], Is.EqualTo("三是加强督促检查"), "the second 三是");
    }

    [Test]
    public void Seed_000_metadata()
    {
        var notice = Spec.Parser.ParseFile(Repo.Seed000);
        Assert.That(notice.Issuer, Is.EqualTo("中共洛阳市城乡一体化示范区工委"));
        Assert.That(notice.Title, Is.EqualTo("关于巡察整改情况向社会公开的通报"));
        Assert.That(notice.Inspection.Inspector, Is.EqualTo("市委第五巡察组"));
        Assert.That(notice.Inspection.Kind, Is.EqualTo("专项"));
        Assert.That((notice.Inspection.Start, notice.Inspection.End), Is.EqualTo((new DateOnly(2022, 8, 5), new DateOnly(2022, 9, 20))));
        Assert.That(notice.Inspection.FeedbackDate, Is.EqualTo(new DateOnly(2023, 2, 6)));
        Assert.That(notice.Closing, Does.StartWith("当前，我区的整改落实工作"));
    }

    [Test]
    public void Seed_000_last_item_of_each_unnumbered_run_keeps_its_own_text()
    {
        var notice = Spec.Parser.ParseFile(Repo.Seed000);
        var item = notice.Items.Single(i => i.Path.SequenceEqual(["二、", "（三）"]));
        Assert.That(item.Problem.Title, Is.EqualTo("民生实事敷衍应付"));
        Assert.That(item.Rectification!.Text, Does.StartWith("此问题已解决。"));
        Assert.That(item.Rectification.Status, Is.EqualTo(RectificationStatus.Done));
    }

    [Test]
    public void Seed_002_has_4_items_with_si_inferred()
    {
        var notice = Spec.Parser.ParseFile(Repo.Seed002);
        Assert.That(notice.Items, Has.Count.EqualTo(4));
        Assert.That(Spec.Outline(notice), Is.EqualTo(Spec.Lines(
            "一、 针对产业发展推进缓慢的问题",
            "二、 针对“志智双扶”效果不明显的问题",
            "三、 针对教育扶贫政策覆盖不够全面问题",
            "四、* 针对村级集体经济相对薄弱的问题")));
        Assert.That(notice.Items.Select(i => i.Problem.Title), Is.EqualTo(new[] { "产业发展推进缓慢", "“志智双扶”效果不明显", "教育扶贫政策覆盖不够全面", "村级集体经济相对薄弱" }));
    }

    [Test]
    public void Seed_002_issuer_date_and_the_date_warning()
    {
        var notice = Spec.Parser.ParseFile(Repo.Seed002);
        Assert.That(notice.Issuer, Is.EqualTo("中共襄城县委"));
        Assert.That(notice.Date, Is.EqualTo(new DateOnly(2020, 1, 7)));
        Assert.That(Spec.Warnings(notice), Is.EqualTo(Spec.Lines("inferred-heading@19", "date-inconsistent@27")));
        Assert.That(notice.Contacts.Phones, Is.EqualTo(new[] { "0374-3866207" }));
    }
}
