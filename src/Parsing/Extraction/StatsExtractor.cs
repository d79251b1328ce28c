using Extractor.Parsing.Normalization;
using Extractor.Parsing.Outline;
using Extractor.Parsing.Rules;
using Extractor.Parsing.Text;

namespace Extractor.Parsing.Extraction;

/// <summary>
/// Reads the figures a notice states about itself (<c>巡察反馈35个具体问题，整改完成28个</c>) from the text that
/// belongs to no item — preamble, narrative sections, closing — where such sentences are about the whole notice.
/// </summary>
internal static class StatsExtractor
{
    public static List<Statistic> Extract(IEnumerable<Paragraph> paragraphs, CompiledRules rules, LocationResolver locations)
    {
        var stats = new List<Statistic>();
        var seen = new HashSet<(string, int)>();
        foreach (var p in paragraphs)
            foreach (var (start, end) in Sentences.Statements(p.MatchText))
            {
                Checkpoint.Tick();
                var sentence = p.MatchText[start..end];
                foreach (var rule in rules.Stats)
                    foreach (var found in BoundedMatches.All(rule.Pattern, sentence))
                    {
                        var m = found.Match;
                        if (TextTools.ParseNumber(m.Groups["value"].Value) is not { } value) continue;
                        if (!seen.Add((rule.Name, start + found.IndexOf("value")))) continue;
                        stats.Add(new Statistic
                        {
                            Name = rule.Name,
                            Value = value,
                            Unit = m.Groups["unit"] is { Success: true } unit ? unit.Value : rule.Unit,
                            Text = p.Text[start..end],
                            Location = locations.Of(p, start, end),
                        });
                    }
            }
        return [.. stats.OrderBy(s => s.Location.Start)]; // stable: rule order within a sentence
    }

    /// <summary>The text of a notice that belongs to no item, in document order.</summary>
    public static IEnumerable<Paragraph> NoticeLevelText(OutlineDocument outline, IEnumerable<Paragraph> preamble) =>
        preamble.Concat(outline.SectionBodies()).Concat(outline.Closing);
}
