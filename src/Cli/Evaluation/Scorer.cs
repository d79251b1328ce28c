using Extractor.Parsing;

namespace Extractor.Cli.Evaluation;

/// <summary>How a metadata value compares with the gold.</summary>
internal enum ValueResult
{
    /// <summary>Neither the gold nor the parser states one.</summary>
    NotStated,

    /// <summary>The parser's value is the gold's.</summary>
    Right,

    /// <summary>The parser's value differs from the gold's.</summary>
    Wrong,

    /// <summary>The gold has a value, the parser none.</summary>
    Missing,

    /// <summary>The parser has a value where the notice states none (a site name taken for a title).</summary>
    Spurious,
}

/// <summary>One case's scores against its gold, with what was missed.</summary>
internal sealed record CaseScore(string Id, string Genre)
{
    public int GoldPairs { get; init; }
    public int FoundPairs { get; init; }
    public int MatchedPairs { get; init; }
    public int LabelsRight { get; init; }
    public int GoldHeadings { get; init; }
    public int FoundHeadings { get; init; }
    public int MatchedHeadings { get; init; }
    public int LevelsRight { get; init; }
    public ValueResult Title { get; init; }
    public ValueResult Issuer { get; init; }
    public ValueResult Date { get; init; }
    public int GoldStats { get; init; }
    public int MatchedStats { get; init; }

    /// <summary>What the parser missed or got wrong, one line each.</summary>
    public IReadOnlyList<string> Misses { get; init; } = [];

    /// <summary>The file could not be parsed: why.</summary>
    public string? Error { get; init; }
}

/// <summary>
/// Scores a parsed notice against its gold. A gold pair is found when an item's problem text starts with the gold's
/// problem quote and its rectification text with the gold's rectification quote (white space aside), each item serving
/// one pair; a gold heading is found when a section's heading paragraph starts with its marker and holds its text quote
/// right after it (a secondary marker or problem label may come between).
/// </summary>
internal static partial class Scorer
{
    public static CaseScore Score(string id, Gold gold, Notice notice, string text)
    {
        var misses = new List<string>();

        var items = notice.Items.Where(i => i.Rectification is not null).ToList();
        var used = new bool[items.Count];
        int matched = 0, labels = 0;
        foreach (var pair in gold.Pairs)
        {
            var problem = Quote(pair.Problem);
            var rectification = Quote(pair.Rectification);
            var k = Enumerable.Range(0, items.Count).FirstOrDefault(k => !used[k]
                && Quote(items[k].Problem.Text).StartsWith(problem, StringComparison.Ordinal)
                && Quote(items[k].Rectification!.Text).StartsWith(rectification, StringComparison.Ordinal), -1);
            if (k < 0)
            {
                misses.Add($"pair not found: {pair.Problem} → {pair.Label ?? "(no label)"}：{pair.Rectification}");
                continue;
            }
            used[k] = true;
            matched++;
            if (items[k].Rectification!.Label == pair.Label) labels++;
            else misses.Add($"label: {pair.Problem} → expected {pair.Label ?? "none"}, got {items[k].Rectification!.Label ?? "none"}");
        }

        for (var k = 0; k < items.Count; k++)
            if (!used[k])
                misses.Add($"pair not in the gold: {Cut(items[k].Problem.Text)} → {items[k].Rectification!.Label ?? "(no label)"}：{Cut(items[k].Rectification!.Text)}");

        var sections = Flatten(notice.Sections).ToList();
        var taken = new bool[sections.Count];
        int headings = 0, levels = 0;
        foreach (var heading in gold.Headings)
        {
            var k = Enumerable.Range(0, sections.Count).FirstOrDefault(k => !taken[k] && Holds(sections[k].Section, heading, text), -1);
            if (k < 0)
            {
                misses.Add($"heading not found: {heading.Marker}{heading.Text}");
                continue;
            }
            taken[k] = true;
            headings++;
            if (sections[k].Level == heading.Level) levels++;
            else misses.Add($"level: {heading.Marker}{heading.Text} → expected {heading.Level}, got {sections[k].Level}");
        }

        var stats = gold.Stats.Count(g => notice.Stats.Any(s => s.Name == g.Name && s.Value == g.Value));
        foreach (var g in gold.Stats.Where(g => !notice.Stats.Any(s => s.Name == g.Name && s.Value == g.Value)))
            misses.Add($"stat not found: {g.Name} {g.Value}");

        var title = Compare(gold.Title, notice.Title, "title", misses);
        var issuer = Compare(gold.Issuer, notice.Issuer, "issuer", misses);
        var date = Compare(gold.Date, notice.Date?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), "date", misses);
        return new CaseScore(id, gold.Genre)
        {
            GoldPairs = gold.Pairs.Count,
            FoundPairs = items.Count,
            MatchedPairs = matched,
            LabelsRight = labels,
            GoldHeadings = gold.Headings.Count,
            FoundHeadings = sections.Count,
            MatchedHeadings = headings,
            LevelsRight = levels,
            Title = title,
            Issuer = issuer,
            Date = date,
            GoldStats = gold.Stats.Count,
            MatchedStats = stats,
            Misses = misses,
        };
    }

    private static string Cut(string text) => text.Length <= 20 ? text.Replace("\n", " ") : text[..20].Replace("\n", " ") + "…";

    private static bool Holds(Section section, GoldHeading heading, string text)
    {
        var location = section.HeadingLocation;
        if (location.Start < 0 || location.End > text.Length) return false;
        var paragraph = Norm(text[location.Start..location.End]);
        var marker = Norm(heading.Marker);
        if (!paragraph.StartsWith(marker, StringComparison.Ordinal)) return false;
        var at = paragraph.IndexOf(Norm(heading.Text), marker.Length, StringComparison.Ordinal);
        return at >= marker.Length && at <= marker.Length + 8;
    }

    private static ValueResult Compare(string? gold, string? found, string what, List<string> misses)
    {
        var result = (gold, found) switch
        {
            (null, null) => ValueResult.NotStated,
            (null, _) => ValueResult.Spurious,
            (_, null) => ValueResult.Missing,
            _ => Norm(gold) == Norm(found) ? ValueResult.Right : ValueResult.Wrong,
        };
        if (result is not (ValueResult.Right or ValueResult.NotStated))
            misses.Add($"{what}: expected {gold ?? "none"}, got {found ?? "none"}");
        return result;
    }

    private static IEnumerable<(Section Section, int Level)> Flatten(IReadOnlyList<Section> sections)
    {
        var stack = new Stack<(Section, int)>(sections.Reverse().Select(s => (s, 1)));
        while (stack.Count > 0)
        {
            var (section, level) = stack.Pop();
            yield return (section, level);
            for (var i = section.Sections.Count - 1; i >= 0; i--) stack.Push((section.Sections[i], level + 1));
        }
    }

    /// <summary>The text as a quote is compared: <see cref="Norm"/>, without a list marker at its start (<c>（一）</c>, <c>1.</c>, <c>①</c>).</summary>
    internal static string Quote(string s)
    {
        var text = Norm(s);
        var m = LeadingMarker().Match(text);
        return m.Success && m.Length < text.Length ? text[m.Length..] : text;
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"^(?:[（(][一二三四五六七八九十0-9０-９]{1,3}[）)][、.．]?|[0-9０-９]{1,3}[.．、](?!(?![0-9０-９]{4}年|[0-9０-９]{1,2}月)[0-9０-９])|[①-⑳]|[一二三四五六七八九十]{1,3}[、.．])")]
    private static partial System.Text.RegularExpressions.Regex LeadingMarker();

    /// <summary>The text without white space or invisible characters: quotes are compared by their visible characters.</summary>
    internal static string Norm(string s) =>
        PinyinGloss().Replace(string.Concat(s.Where(c => !char.IsWhiteSpace(c) && c is not ('\u200B' or '\u200C' or '\u200D' or '\uFEFF' or '\u00AD'))), "");

    /// <summary>A converter's pinyin gloss after an ideograph (<c>關(guān)</c>): the parser drops them, so the gold's quotes are read without them.</summary>
    [System.Text.RegularExpressions.GeneratedRegex(@"(?<=\p{IsCJKUnifiedIdeographs})\((?=[a-zü]*[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ])[a-züāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ]{1,6}\)")]
    private static partial System.Text.RegularExpressions.Regex PinyinGloss();
}
