using Extractor.Parsing;
using Extractor.Parsing.Rules;
using Extractor.Tests.Support;

namespace Extractor.Tests;

/// <summary>Golden files: every sample must give exactly its <c>NAME.expected.json</c>.</summary>
public sealed class SampleCorpusTests
{
    public static IEnumerable<TestCaseData> Samples()
    {
        foreach (var expected in Directory.EnumerateFiles(Repo.Samples, "*.expected.json", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var stem = expected[..^".expected.json".Length];
            var sample = Directory.EnumerateFiles(Path.GetDirectoryName(stem)!, Path.GetFileName(stem) + ".*")
                .Single(f => f != expected && !f.EndsWith(".rules.json", StringComparison.Ordinal));
            var relative = Path.GetRelativePath(Repo.Samples, sample).Replace(Path.DirectorySeparatorChar, '/');
            yield return new TestCaseData(sample, expected, relative).SetName("Sample_" + relative.Replace('/', '_').Replace('.', '_').Replace('-', '_'));
        }
    }

    [TestCaseSource(nameof(Samples))]
    public void Sample_gives_its_expected_json(string sample, string expected, string relative)
    {
        var rules = Path.ChangeExtension(expected[..^".expected.json".Length] + ".x", ".rules.json");
        var parser = File.Exists(rules) ? new NoticeParser(new ParserOptions { Rules = RuleSetLoader.Load(File.ReadAllText(rules)) }) : Spec.Parser;
        var actual = NoticeJson.Serialize(parser.Parse(File.ReadAllBytes(sample), InputFormat.Auto, relative));
        Assert.That(actual, Is.EqualTo(File.ReadAllText(expected)));
    }

    [Test]
    public void The_corpus_has_both_seeds_and_every_irregularity()
    {
        var names = Samples().Select(s => (string)s.Arguments[2]!).ToList();
        Assert.That(names, Is.SupersetOf(new[]
        {
            "seed-000.txt", "seed-002.txt", "problem-in-heading.txt", "skipped-number.txt", "repeated-number.txt",
            "unlabelled-rectification.txt", "label-variants.txt", "deep-levels.txt", "starts-at-paren.txt", "gbk-encoded.txt",
        }));
    }

    [Test]
    public void Sample_seeds_are_unchanged_copies()
    {
        Assert.That(File.ReadAllBytes(Repo.Sample("seed-000.txt")), Is.EqualTo(File.ReadAllBytes(Repo.Seed000)));
        Assert.That(File.ReadAllBytes(Repo.Sample("seed-002.txt")), Is.EqualTo(File.ReadAllBytes(Repo.Seed002)));
    }
}
