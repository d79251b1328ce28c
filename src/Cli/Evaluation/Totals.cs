using System.Globalization;
using System.Text.Json.Serialization;

namespace Extractor.Cli.Evaluation;

/// <summary>Scores summed over cases (all, or one genre), and the figures derived from them.</summary>
internal sealed record Totals(string Name)
{
    public int Cases { get; private set; }
    public int Errors { get; private set; }
    public int GoldPairs { get; private set; }
    public int FoundPairs { get; private set; }
    public int MatchedPairs { get; private set; }
    public int LabelsRight { get; private set; }
    public int GoldHeadings { get; private set; }
    public int FoundHeadings { get; private set; }
    public int MatchedHeadings { get; private set; }
    public int LevelsRight { get; private set; }
    public Tally Title { get; } = new();
    public Tally Issuer { get; } = new();
    public Tally Date { get; } = new();
    public int GoldStats { get; private set; }
    public int MatchedStats { get; private set; }

    public double PairPrecision => Ratio(MatchedPairs, FoundPairs);
    public double PairRecall => Ratio(MatchedPairs, GoldPairs);
    public double PairF1 => PairPrecision + PairRecall == 0 ? 0 : 2 * PairPrecision * PairRecall / (PairPrecision + PairRecall);
    public double HeadingRecall => Ratio(MatchedHeadings, GoldHeadings);
    public double HeadingPrecision => Ratio(MatchedHeadings, FoundHeadings);
    public double StatRecall => Ratio(MatchedStats, GoldStats);

    public void Add(CaseScore score)
    {
        Cases++;
        if (score.Error is not null) Errors++;
        GoldPairs += score.GoldPairs;
        FoundPairs += score.FoundPairs;
        MatchedPairs += score.MatchedPairs;
        LabelsRight += score.LabelsRight;
        GoldHeadings += score.GoldHeadings;
        FoundHeadings += score.FoundHeadings;
        MatchedHeadings += score.MatchedHeadings;
        LevelsRight += score.LevelsRight;
        Title.Add(score.Title);
        Issuer.Add(score.Issuer);
        Date.Add(score.Date);
        GoldStats += score.GoldStats;
        MatchedStats += score.MatchedStats;
    }

    /// <summary>A ratio that is 1 when there was nothing to find (no gold, nothing found: nothing wrong).</summary>
    internal static double Ratio(int part, int whole) => whole == 0 ? 1 : (double)part / whole;

    /// <summary>The figures the minimums file names, by name.</summary>
    public IReadOnlyDictionary<string, double> Figures() => new Dictionary<string, double>(StringComparer.Ordinal)
    {
        ["pairPrecision"] = PairPrecision,
        ["pairRecall"] = PairRecall,
        ["pairF1"] = PairF1,
        ["headingRecall"] = HeadingRecall,
        ["title"] = Title.Accuracy,
        ["issuer"] = Issuer.Accuracy,
        ["date"] = Date.Accuracy,
        ["stats"] = StatRecall,
    };

    public static string Percent(double value) => value.ToString("0.000", CultureInfo.InvariantCulture);
}

/// <summary>How a metadata value fared over the cases.</summary>
internal sealed class Tally
{
    public int Right { get; private set; }
    public int Wrong { get; private set; }
    public int Missing { get; private set; }
    public int Spurious { get; private set; }

    /// <summary>Right on the cases that state a value.</summary>
    [JsonIgnore]
    public double Accuracy => Totals.Ratio(Right, Right + Wrong + Missing);

    public void Add(ValueResult result)
    {
        switch (result)
        {
            case ValueResult.Right: Right++; break;
            case ValueResult.Wrong: Wrong++; break;
            case ValueResult.Missing: Missing++; break;
            case ValueResult.Spurious: Spurious++; break;
        }
    }

    public override string ToString() =>
        $"{Totals.Percent(Accuracy)} ({Right}/{Right + Wrong + Missing}{(Spurious > 0 ? $", {Spurious} spurious" : "")})";
}
