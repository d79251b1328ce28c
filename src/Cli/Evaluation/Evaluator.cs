using System.Text.Json.Serialization;
using Extractor.Parsing;

namespace Extractor.Cli.Evaluation;

/// <summary>An evaluation: each case's scores, the totals and the totals by genre.</summary>
internal sealed record Evaluation(IReadOnlyList<CaseScore> Cases, Totals Total, IReadOnlyList<Totals> ByGenre);

/// <summary>Runs the parser on every case of a corpus and scores it against the gold.</summary>
internal static class Evaluator
{
    private const string GoldSuffix = ".gold.json";

    public static Evaluation Run(string root, NoticeParser parser)
    {
        var cases = new List<CaseScore>();
        foreach (var goldPath in Directory.EnumerateFiles(root, "*" + GoldSuffix, SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var id = Path.GetFileName(goldPath)[..^GoldSuffix.Length];
            var notice = Directory.EnumerateFiles(Path.GetDirectoryName(goldPath)!, id + ".*")
                .Where(f => !f.EndsWith(".json", StringComparison.Ordinal)).Order(StringComparer.Ordinal).FirstOrDefault();
            if (notice is null) continue;
            var gold = Gold.Read(goldPath);
            try
            {
                var parsed = parser.ParseFile(notice);
                var text = Path.GetExtension(notice) == ".txt" ? File.ReadAllText(notice) : "";
                cases.Add(Scorer.Score(id, gold, parsed, text));
            }
            catch (NoticeFormatException e)
            {
                cases.Add(new CaseScore(id, gold.Genre) { GoldPairs = gold.Pairs.Count, GoldHeadings = gold.Headings.Count, Error = e.Message, Misses = [e.Message] });
            }
        }
        var total = new Totals("total");
        var byGenre = new SortedDictionary<string, Totals>(StringComparer.Ordinal);
        foreach (var score in cases)
        {
            total.Add(score);
            if (!byGenre.TryGetValue(score.Genre, out var genre)) byGenre[score.Genre] = genre = new Totals(score.Genre);
            genre.Add(score);
        }
        return new Evaluation(cases, total, [.. byGenre.Values]);
    }

    public static void Print(Evaluation evaluation, bool verbose, TextWriter output)
    {
        output.WriteLine($"{"case",-8} {"genre",-16} {"pairs",11} {"headings",9} {"title",-9} {"issuer",-9} {"date",-9}");
        foreach (var c in evaluation.Cases)
        {
            output.WriteLine($"{c.Id,-8} {c.Genre,-16} {$"{c.MatchedPairs}/{c.GoldPairs} ({c.FoundPairs})",11} {$"{c.MatchedHeadings}/{c.GoldHeadings}",9} "
                + $"{Word(c.Title),-9} {Word(c.Issuer),-9} {Word(c.Date),-9}{(c.Error is null ? "" : "  error: " + c.Error)}");
            if (verbose)
                foreach (var miss in c.Misses) output.WriteLine($"           {miss}");
        }
        output.WriteLine();
        output.WriteLine($"{"",-16} {"cases",5} {"pair P",7} {"pair R",7} {"pair F1",7} {"head R",7} {"title",-18} {"issuer",-18} {"date",-18}");
        foreach (var t in evaluation.ByGenre.Append(evaluation.Total))
            output.WriteLine($"{t.Name,-16} {t.Cases,5} {Totals.Percent(t.PairPrecision),7} {Totals.Percent(t.PairRecall),7} {Totals.Percent(t.PairF1),7} "
                + $"{Totals.Percent(t.HeadingRecall),7} {t.Title,-18} {t.Issuer,-18} {t.Date,-18}");
        var total = evaluation.Total;
        output.WriteLine($"{total.Cases} cases: pairs {total.MatchedPairs}/{total.GoldPairs} found ({total.FoundPairs} proposed), labels right {total.LabelsRight}, "
            + $"headings {total.MatchedHeadings}/{total.GoldHeadings} (levels right {total.LevelsRight}), stats {total.MatchedStats}/{total.GoldStats}");
    }

    private static string Word(ValueResult result) => result switch
    {
        ValueResult.Right => "ok",
        ValueResult.Wrong => "wrong",
        ValueResult.Missing => "missing",
        ValueResult.Spurious => "spurious",
        _ => "-",
    };
}

[JsonSourceGenerationOptions(WriteIndented = true)]
[JsonSerializable(typeof(Dictionary<string, double>))]
internal sealed partial class EvaluationJsonContext : JsonSerializerContext;
