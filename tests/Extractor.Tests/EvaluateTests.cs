using Extractor.Cli;
using Extractor.Cli.Evaluation;

namespace Extractor.Tests;

/// <summary>The evaluation of the parser on real notices: how pairs, headings and metadata are scored against gold.</summary>
public sealed class EvaluateTests
{
    private string _dir = "";

    [SetUp]
    public void CreateFolder() => _dir = Directory.CreateTempSubdirectory("extractor-evaluate-").FullName;

    [TearDown]
    public void RemoveFolder() => Directory.Delete(_dir, recursive: true);

    private const string Notice = "关于巡察整改情况的通报\n中共示例县委\n一、问题甲不到位\n整改情况：已召开会议。\n二、问题乙\n整改措施：修订制度。\n";

    private const string Gold = """
        { "url": "http://example.gov.cn/1.html", "genre": "xuncha", "issuerKind": "county-party-committee", "excerpt": false,
          "title": "关于巡察整改情况的通报", "issuer": "中共示例县委", "date": "2024-01-10",
          "headings": [ { "marker": "一、", "level": 1, "text": "问题甲" }, { "marker": "二、", "level": 1, "text": "问题乙" } ],
          "pairs": [ { "problem": "问题甲", "label": "整改情况", "rectification": "已召开" }, { "problem": "问题乙", "label": "整改情况", "rectification": "修订" },
                     { "problem": "问题丙", "label": null, "rectification": "不存在" } ],
          "stats": [], "notes": [] }
        """;

    private (int Code, string Out, string Err) Run(string? minimums = null)
    {
        var stdout = new StringWriter { NewLine = "\n" };
        var stderr = new StringWriter { NewLine = "\n" };
        string[] args = minimums is null ? ["evaluate", _dir, "-v"] : ["evaluate", _dir, "--minimums", minimums];
        return (Program.Run(args, stdout, stderr), stdout.ToString(), stderr.ToString());
    }

    [Test]
    public void Pairs_headings_and_metadata_are_scored_against_the_gold()
    {
        File.WriteAllText(Path.Combine(_dir, "r001.txt"), Notice);
        File.WriteAllText(Path.Combine(_dir, "r001.gold.json"), Gold);
        var evaluation = Evaluator.Run(_dir, new Parsing.NoticeParser());
        var score = evaluation.Cases.Single();
        Assert.That((score.MatchedPairs, score.GoldPairs, score.FoundPairs, score.LabelsRight), Is.EqualTo((2, 3, 2, 1)), "the second pair's label is 整改措施");
        Assert.That((score.MatchedHeadings, score.GoldHeadings), Is.EqualTo((2, 2)));
        Assert.That((score.Title, score.Issuer, score.Date), Is.EqualTo((ValueResult.Right, ValueResult.Right, ValueResult.Missing)));
        Assert.That(evaluation.Total.PairPrecision, Is.EqualTo(1.0));
        Assert.That(evaluation.Total.PairRecall, Is.EqualTo(2.0 / 3).Within(1e-9));
        Assert.That(score.Misses, Has.Some.StartsWith("pair not found: 问题丙"));
    }

    [Test]
    public void A_problem_that_starts_elsewhere_is_not_a_match()
    {
        // The parser's problem must start with the gold's quote: a problem that swallowed the paragraph before it is wrong.
        File.WriteAllText(Path.Combine(_dir, "r001.txt"), "一、问题甲\n补充说明。\n整改情况：已召开会议。\n");
        File.WriteAllText(Path.Combine(_dir, "r001.gold.json"), """
            { "genre": "xuncha", "headings": [], "pairs": [ { "problem": "补充说明", "label": "整改情况", "rectification": "已召开" } ] }
            """);
        Assert.That(Evaluator.Run(_dir, new Parsing.NoticeParser()).Cases.Single().MatchedPairs, Is.Zero);
    }

    [Test]
    public void The_command_prints_the_figures_and_fails_below_the_minimums()
    {
        File.WriteAllText(Path.Combine(_dir, "r001.txt"), Notice);
        File.WriteAllText(Path.Combine(_dir, "r001.gold.json"), Gold);
        var (code, stdout, _) = Run();
        Assert.That(code, Is.Zero);
        Assert.That(stdout, Does.Contain("pair not found: 问题丙").And.Contain("total"));
        var minimums = Path.Combine(_dir, "minimums.json");
        File.WriteAllText(minimums, """{ "pairPrecision": 1.0, "pairRecall": 0.9 }""");
        (code, stdout, _) = Run(minimums);
        Assert.That(code, Is.EqualTo(1));
        Assert.That(stdout, Does.Contain("BELOW pairRecall: 0.667 < 0.900").And.Not.Contain("BELOW pairPrecision"));
        File.WriteAllText(minimums, """{ "pairs": 1.0 }""");
        Assert.That(Run(minimums).Code, Is.EqualTo(2), "an unknown figure is a usage error");
    }

    [Test]
    public void The_real_notice_corpus_scores_at_least_its_minimums()
    {
        // CI's guard against regressions: the figures reached on the corpus are the floor (tests/real-notices/minimums.json).
        var corpus = Path.Combine(Support.Repo.Root, "tests", "real-notices");
        var minimums = System.Text.Json.JsonSerializer.Deserialize<Dictionary<string, double>>(File.ReadAllText(Path.Combine(corpus, "minimums.json")))!;
        var evaluation = Evaluator.Run(corpus, new Parsing.NoticeParser());
        Assert.That(evaluation.Cases, Has.Count.GreaterThanOrEqualTo(100));
        var figures = evaluation.Total.Figures();
        var below = minimums.Where(m => figures[m.Key] + 1e-9 < m.Value).Select(m => $"{m.Key}: {figures[m.Key]:0.000} < {m.Value:0.000}").ToList();
        Assert.That(below, Is.Empty, "the parser scores below the corpus minimums; run 'extractor evaluate tests/real-notices -v' to see what it misses");
    }
}

