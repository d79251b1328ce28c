using System.Text.RegularExpressions;
using Extractor.Parsing.Rules;
using Extractor.Tests.Support;

namespace Extractor.Tests;

/// <summary>Rule patterns run window by window over a long text find what one scan over the whole text finds.</summary>
public sealed class BoundedMatchesTests
{
    private static IEnumerable<(string Name, Regex Pattern)> ScanningPatterns()
    {
        var rules = CompiledRules.Default;
        var md = rules.Metadata;
        yield return ("measureOrdinal", rules.MeasureOrdinal);
        yield return ("inspector", md.Inspector);
        yield return ("target", md.Target);
        yield return ("kind", md.Kind);
        yield return ("period", md.Period);
        yield return ("feedback", md.Feedback);
        yield return ("phone", md.Phone);
        yield return ("email", md.Email);
        yield return ("postal", md.Postal);
        for (var i = 0; i < rules.Stats.Length; i++) yield return ($"stats[{i}]", rules.Stats[i].Pattern);
    }

    [Test]
    public void Windows_find_the_matches_one_scan_finds()
    {
        // Every sample notice on one line, several times over: matches fall across every window boundary.
        var samples = Directory.GetFiles(Repo.Samples, "*.txt").Order(StringComparer.Ordinal).Select(File.ReadAllText);
        var text = string.Concat(Enumerable.Repeat(string.Concat(samples).Replace("\n", " ", StringComparison.Ordinal), 3))
            + " 联系电话：0371-12345678，电子邮箱：jubao@example.gov.cn，邮政信箱：某县某路1号";
        Assert.That(text, Has.Length.GreaterThan(10 * BoundedMatches.Window));
        foreach (var (name, pattern) in ScanningPatterns())
        {
            var whole = pattern.Matches(text).Select(m => (m.Index, m.Value)).ToList();
            var windowed = BoundedMatches.All(pattern, text).Select(m => (m.Index, m.Value)).ToList();
            Assert.That(windowed, Is.EqualTo(whole), name);
            Assert.That(whole, Is.Not.Empty.Or.Property("Count").EqualTo(0), name);
        }
    }

    [Test]
    public void Group_positions_are_those_in_the_whole_text()
    {
        var text = new string('甲', 3 * BoundedMatches.Window) + "根据县委统一部署，县委第一巡察组对某镇开展了常规巡察";
        var found = BoundedMatches.First(CompiledRules.Default.Metadata.Inspector, text)!.Value;
        Assert.That(text.Substring(found.IndexOf("inspector"), found.Group("inspector").Length), Is.EqualTo("县委第一巡察组"));
    }

    [Test]
    public void A_line_pattern_is_not_run_on_a_line_longer_than_any_such_line()
    {
        var title = CompiledRules.Default.Metadata.Title;
        Assert.That(BoundedMatches.IsLine(title, "关于巡察整改情况的通报"), Is.True);
        Assert.That(BoundedMatches.IsLine(title, "关于" + new string('甲', BoundedMatches.MaxLine) + "的通报"), Is.False);
    }
}
