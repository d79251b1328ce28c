using Extractor.Cli.Dedup;
using Extractor.Tests.Support;

namespace Extractor.Tests;

/// <summary>
/// The same notice published on several sites: a batch flags a file whose words are the same as, or nearly the same as,
/// an earlier file's, and keeps only fingerprints to do so.
/// </summary>
public sealed class DedupTests
{
    private static readonly string Seed = File.ReadAllText(Repo.Seed002);

    private static TextFingerprint Print(string text) => TextFingerprint.Of(text)!;

    [Test]
    public void Layout_spacing_punctuation_and_full_width_forms_do_not_count()
    {
        Assert.That(TextFingerprint.Normalize("一、问题 ＡＢ１２：\n  整改（已完成）。"), Is.EqualTo("一问题ab12整改已完成"));
        Assert.That(Print(Seed).Similarity(Print(Seed.Replace("\n", "\n\n").Replace("，", ",").Replace("。", "."))), Is.EqualTo(1));
    }

    [Test]
    public void A_copy_with_a_few_changes_is_nearly_the_same_and_another_notice_is_not()
    {
        var copy = "来源：某政府网站 发布时间：2021-01-08\n" + Seed.Replace("襄城县", "襄城縣", StringComparison.Ordinal)[..^200];
        var similarity = Print(Seed).Similarity(Print(copy));
        Assert.That(similarity, Is.GreaterThanOrEqualTo(DuplicateFinder.Threshold).And.LessThan(1));
        var other = File.ReadAllText(Repo.Seed000);
        Assert.That(Print(Seed).Similarity(Print(other)), Is.LessThan(0.2));
        // Two notices of one template (same headings and labels, other problems) are not copies.
        var template = "一、政治建设方面\n（一）{0}\n整改情况：{1}，已完成整改。\n二、作风建设方面\n（一）{2}\n整改情况：{3}，正在推进。\n";
        var a = string.Format(template, "理论学习中心组学习不规范", "制定年度学习计划并开展集中学习", "公务用车管理不严格", "建立车辆使用登记台账");
        var b = string.Format(template, "意识形态责任制落实不到位", "召开专题会议研究意识形态工作", "会议费报销手续不全", "补齐审批单据并退回资金");
        Assert.That(Print(a).Similarity(Print(b)), Is.LessThan(DuplicateFinder.Threshold));
    }

    [Test]
    public void A_copy_points_at_the_earliest_original_and_copies_are_not_originals()
    {
        var finder = new DuplicateFinder();
        Assert.That(finder.Check(Print(Seed), "a.txt", "1"), Is.Null);
        Assert.That(finder.Check(Print(File.ReadAllText(Repo.Seed000)), "b.txt", "2"), Is.Null);
        Assert.That(finder.Check(Print(Seed), "c.html", "3"), Is.EqualTo(new DuplicateOf("a.txt", "1", 1)));
        var near = finder.Check(Print("转载\n" + Seed[..^100]), "d.pdf", "4");
        Assert.That(near?.File, Is.EqualTo("a.txt"));
        Assert.That(finder.Originals, Is.EqualTo(2));
        Assert.That(finder.Check(Print("短"), "e.txt", "5"), Is.Null, "a text shorter than a shingle is compared whole");
        Assert.That(finder.Check(Print("短"), "f.txt", "6")?.File, Is.EqualTo("e.txt"));
    }

    [Test]
    public void A_file_loaded_by_an_earlier_run_is_not_a_copy_of_itself()
    {
        var finder = new DuplicateFinder();
        finder.Add(Print(Seed), "old/a.txt", "h1", earlierRun: true);
        Assert.That(finder.Check(Print(Seed), "new/a.txt", "h1"), Is.Null, "the same bytes: the database skips it");
        Assert.That(finder.Check(Print(Seed), "mirror.html", "h2")?.File, Is.EqualTo("old/a.txt"));
    }

    [Test]
    public void Fingerprints_survive_the_trip_from_a_worker_and_into_a_database()
    {
        var print = Print(Seed);
        var back = TextFingerprint.FromBytes(print.ToBytes())!;
        Assert.That((back.Exact, back.Length, back.Signature), Is.EqualTo((print.Exact, print.Length, print.Signature)));
        Assert.That(TextFingerprint.FromBytes([1, 2, 3]), Is.Null);
    }

    [Test]
    public void Fifty_thousand_notices_cost_little_memory_and_time()
    {
        // Distinct notices' fingerprints, as a large batch would give (random signatures: every one an original).
        var random = new Random(50_000);
        var prints = Enumerable.Range(0, 50_000).Select(i =>
        {
            var bytes = new byte[12 + TextFingerprint.Hashes * 4];
            random.NextBytes(bytes);
            BitConverter.TryWriteBytes(bytes.AsSpan(8), 5000);
            return TextFingerprint.FromBytes(bytes)!;
        }).ToList();
        var before = GC.GetTotalMemory(forceFullCollection: true);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var finder = new DuplicateFinder();
        for (var i = 0; i < prints.Count; i++)
        {
            // What a batch keeps of a notice: its fingerprint, its file's name and content hash.
            var name = $"notices/2023/{i:D6}.html";
            var hash = Convert.ToHexStringLower(BitConverter.GetBytes((long)i)).PadLeft(64, '0');
            Assert.That(finder.Check(prints[i], name, hash), Is.Null);
        }
        var elapsed = clock.Elapsed;
        var after = GC.GetTotalMemory(forceFullCollection: true);
        GC.KeepAlive(finder);
        var perNotice = (after - before) / prints.Count;
        var fingerprint = 12 + TextFingerprint.Hashes * 4;
        TestContext.Out.WriteLine($"50,000 distinct notices: {(after - before) / 1e6:0.0} MB of index, names and hashes ({perNotice} bytes each, "
            + $"besides the {fingerprint}-byte fingerprint); {elapsed.TotalSeconds:0.00} s");
        Assert.That(perNotice, Is.LessThan(1_200));
        Assert.That(elapsed, Is.LessThan(TimeSpan.FromSeconds(10)));
    }

    [Test]
    public void A_batch_names_the_file_each_copy_copies()
    {
        var dir = Directory.CreateTempSubdirectory("extractor-dedup-").FullName;
        try
        {
            File.Copy(Repo.Seed002, Path.Combine(dir, "a.txt"));
            File.Copy(Repo.Sample("formats/seed-002-cms-br.html"), Path.Combine(dir, "b-mirror.html"));
            File.Copy(Repo.Seed000, Path.Combine(dir, "c.txt"));
            var csv = Path.Combine(dir, "out", "items.csv");
            var (code, _, stderr) = CliRun.Run("parse", dir, "-o", csv);
            Assert.That(code, Is.Zero, stderr);
            Assert.That(stderr, Does.Contain("1 copies of an earlier file"));
            var rows = File.ReadAllLines(csv).Skip(1).Select(l => l.Split(',')).ToList();
            Assert.That(rows.Where(r => r[0].EndsWith("b-mirror.html", StringComparison.Ordinal)).Select(r => r[^1]).Distinct(), Is.EqualTo(new[] { dir + "/a.txt" }));
            Assert.That(rows.Where(r => !r[0].EndsWith("b-mirror.html", StringComparison.Ordinal)).Select(r => r[^1]).Distinct(), Is.EqualTo(new[] { "" }));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
