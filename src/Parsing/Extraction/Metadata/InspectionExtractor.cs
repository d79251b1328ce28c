using System.Text.RegularExpressions;
using Extractor.Parsing.Normalization;
using Extractor.Parsing.Rules;
using Extractor.Parsing.Text;

namespace Extractor.Parsing.Extraction.Metadata;

/// <summary>
/// Reads what a notice says about the inspection it answers: the inspecting group, what was inspected and how, the
/// period and the feedback date — from the preamble, or failing that from section text.
/// </summary>
internal static partial class InspectionExtractor
{
    public static Inspection Extract(IEnumerable<Paragraph> paragraphs, CompiledRules rules, LocationResolver locations,
        out SourceLocation? inspectorLocation, out SourceLocation? periodLocation, out SourceLocation? feedbackLocation)
    {
        var md = rules.Metadata;
        string? inspector = null, target = null, kind = null;
        DateOnly? start = null, end = null, feedback = null;
        inspectorLocation = periodLocation = feedbackLocation = null;
        foreach (var p in paragraphs)
        {
            Checkpoint.Tick();
            var text = p.Text;
            if (inspector is null && BoundedMatches.First(md.Inspector, text) is { } i)
            {
                var g = i.Group("inspector");
                inspector = g.Value;
                inspectorLocation = locations.Of(p, i.IndexOf("inspector"), i.IndexOf("inspector") + g.Length);
            }
            if (target is null && BoundedMatches.First(md.Target, text) is { } t)
            {
                target = t.Group("target").Value;
                if (t.Group("kind") is { Success: true } k) kind ??= k.Value;
            }
            if (kind is null && BoundedMatches.First(md.Kind, text) is { } kindMatch)
                kind = kindMatch.Group("kind").Value;
            if (start is null && BoundedMatches.First(md.Period, text) is { } found)
            {
                var period = found.Match;
                var y1 = ChineseNumerals.ParseAny(period.Groups["y1"].Value);
                var m1 = ChineseNumerals.ParseAny(period.Groups["m1"].Value);
                var d1 = ChineseNumerals.ParseAny(period.Groups["d1"].Value);
                var y2 = period.Groups["y2"].Success ? ChineseNumerals.ParseAny(period.Groups["y2"].Value) : y1;
                var m2 = period.Groups["m2"].Success ? ChineseNumerals.ParseAny(period.Groups["m2"].Value) : m1;
                var d2 = ChineseNumerals.ParseAny(period.Groups["d2"].Value);
                start = TextTools.Date(y1, m1, d1);
                end = TextTools.Date(y2, m2, d2);
                if (start is not null && end is not null && end < start && !period.Groups["y2"].Success)
                    end = TextTools.Date(y2 + 1, m2, d2); // 2022年12月5日至1月20日
                if (start is not null) periodLocation = locations.Of(p, found.Index, found.End);
            }
            if (feedback is null)
                foreach (var candidate in BoundedMatches.All(md.Feedback, text))
                {
                    var f = candidate.Match;
                    var year = f.Groups["y"].Success ? ChineseNumerals.ParseAny(f.Groups["y"].Value)
                        : LastYearBefore(text, candidate.Index) ?? start?.Year ?? end?.Year;
                    if (year is not { } y) continue;
                    var m = ChineseNumerals.ParseAny(f.Groups["m"].Value);
                    var d = ChineseNumerals.ParseAny(f.Groups["d"].Value);
                    var date = TextTools.Date(y, m, d);
                    if (date is not null && !f.Groups["y"].Success && start is { } s && date < s) date = TextTools.Date(y + 1, m, d);
                    if (date is null) continue;
                    feedback = date;
                    feedbackLocation = locations.Of(p, candidate.Index, candidate.End);
                    break;
                }
        }
        return new Inspection { Inspector = inspector, Target = target, Kind = kind, Start = start, End = end, FeedbackDate = feedback };
    }

    private static readonly Regex YearPattern = new(@"([0-9０-９]{4})年", RegexOptions.CultureInvariant | RegexOptions.RightToLeft);

    /// <summary>The year written last before <paramref name="index"/>, looking back no further than the sentence or two a date refers to.</summary>
    private static int? LastYearBefore(string text, int index)
    {
        var from = Math.Max(0, index - 200);
        var m = YearPattern.Match(text, from, index - from);
        return m.Success && ChineseNumerals.ParseArabic(m.Groups[1].Value) is var year and >= 0 ? year : null;
    }

}
