using System.Runtime.CompilerServices;
using Extractor.Parsing.Normalization;
using Extractor.Parsing.Rules;
using Extractor.Parsing.Text;

namespace Extractor.Parsing.Outline;

/// <summary>
/// A copy whose line breaks were lost on the way (a document-sharing site's text, a scraped page) runs headings into
/// one long paragraph. Two kinds of evidence show it, and the paragraph is split with a
/// <see cref="WarningCodes.ConverterDamage"/> warning:
/// <list type="bullet">
/// <item>the breaks were kept as spaces: heading markers of one style numbered in sequence, each after a sentence or
/// clause end and a space (<c>…存在以下问题: 1、教室光线不够充足; 2、体育场地正在建设中。 针对以上问题，…</c>) — the
/// paragraph is split before each such marker and after each sentence end followed by a space;</item>
/// <item>the breaks were dropped: two or more markers in sequence right after a full stop, the first continuing the
/// numbering of the headings before the paragraph (<c>（九）…</c> then <c>…已拨付到位。（十）关于…问题。…（十一）关于…</c>)
/// — the paragraph is split before each of them;</item>
/// <item>a title runs straight into the first heading (<c>…整改进展清单一、关于“…</c>): the paragraph is split after the
/// title.</item>
/// </list>
/// Ordinary paragraphs — no space after their punctuation, and a <c>（一）</c> or <c>（二）</c> that continues no
/// heading — are left alone, as are paragraphs shorter than <see cref="MinLength"/>.
/// </summary>
internal static class RunTogetherLines
{
    /// <summary>Shorter paragraphs are left whole: a line with two run-in numbers is more likely a list than lost breaks.</summary>
    private const int MinLength = 200;

    /// <summary>
    /// What may end the text before a lost break that a marker follows: a statement's end or a colon. Before a lost
    /// break without a marker a statement ends (<see cref="Sentences.IsStatementEnd"/>); before a marker run in with
    /// no space a sentence (<see cref="Sentences.IsFullStop"/>).
    /// </summary>
    private static readonly CharSet BeforeMarkerSet = new(Sentences.StatementEnds + "：:");

    public static IReadOnlyList<Paragraph> Split(IReadOnlyList<Paragraph> paragraphs, CompiledRules rules, List<OutlineWarning> warnings)
    {
        List<Paragraph>? result = null;
        // The last number of each style that opened a paragraph: what a heading run into the text would continue.
        var last = new Dictionary<CompiledMarker, int>();
        for (var k = 0; k < paragraphs.Count; k++)
        {
            Checkpoint.Tick();
            var p = paragraphs[k];
            var headings = 0;
            // A table's cell is the table's to read (a cell of numbered measures is one cell, not headings).
            var cuts = p.Text.Length >= MinLength && p.Block.Table is null
                ? SpacedCuts(p, rules, out headings) ?? RunInCuts(p, rules, last, out headings) ?? TitleCut(p, rules, out headings)
                : null;
            if (cuts is null)
            {
                result?.Add(p);
                Note(p, rules, last);
                continue;
            }
            result ??= [.. paragraphs.Take(k)];
            var from = 0;
            foreach (var at in cuts.Append(p.Text.Length))
            {
                var piece = p.Slice(from, at);
                result.Add(piece);
                Note(piece, rules, last);
                from = at;
            }
            warnings.Add(new OutlineWarning(WarningCodes.ConverterDamage,
                $"a paragraph of {p.Text.Length} characters holds {headings} heading{(headings == 1 ? "" : "s")} run into its text: its line breaks were lost, and the structure was recovered by splitting it before each",
                p));
        }
        return result ?? paragraphs;
    }

    private static void Note(Paragraph p, CompiledRules rules, Dictionary<CompiledMarker, int> last)
    {
        if (MarkerRecognizer.Recognize(p.Text, rules) is { } marker) last[marker.Style] = marker.Number;
    }

    /// <summary>Cuts where the breaks were kept as spaces, or null when the paragraph shows none.</summary>
    // Hot from a process's first parse: compiled optimized at once rather than tiered up (README, Speed).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static List<int>? SpacedCuts(Paragraph p, CompiledRules rules, out int headings)
    {
        headings = 0;
        var text = p.MatchText;
        var markers = new List<(int At, MarkerMatch Marker)>();
        var sentences = new List<int>();
        for (var i = 1; i < text.Length; i++)
        {
            // A space, or one normalization dropped between ideographs (the source has characters there).
            if (CharClass.IsSpace(text[i]) || !(CharClass.IsSpace(text[i - 1]) || p.SourceOffset(i) > p.SourceEnd(i))) continue;
            var j = i - 1;
            while (j > 0 && CharClass.IsSpace(text[j])) j--;
            if (BeforeMarkerSet.Contains(text[j]) && MarkerRecognizer.MayOpen(text[i], rules) && MarkerRecognizer.RecognizeAt(text, i, rules) is { } marker)
                markers.Add((i, marker));
            else if (Sentences.IsStatementEnd(text[j])) sentences.Add(i);
        }
        // Lost breaks show as markers of one style numbered in sequence (n, then n + 1).
        var numbers = markers.Select(m => (m.Marker.Style, m.Marker.Number)).ToHashSet();
        var sequenced = markers.Count(m => numbers.Contains((m.Marker.Style, m.Marker.Number - 1)) || numbers.Contains((m.Marker.Style, m.Marker.Number + 1)));
        if (sequenced < 2) return null;
        headings = markers.Count;
        return [.. markers.Select(m => m.At).Concat(sentences).Order()];
    }

    /// <summary>Cuts before markers run in after a full stop that continue the headings before the paragraph, or null.</summary>
    // Hot from a process's first parse: compiled optimized at once rather than tiered up (README, Speed).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static List<int>? RunInCuts(Paragraph p, CompiledRules rules, Dictionary<CompiledMarker, int> last, out int headings)
    {
        headings = 0;
        var text = p.MatchText;
        var cuts = new List<int>();
        // The paragraph's own heading comes before what is run into it.
        var own = MarkerRecognizer.Recognize(p.Text, rules);
        (CompiledMarker Style, int Number)? expected = null;
        for (var i = 1; i < text.Length; i++)
        {
            if (!Sentences.IsFullStop(text[i - 1]) || !MarkerRecognizer.MayOpen(text[i], rules) || MarkerRecognizer.RecognizeAt(text, i, rules) is not { } marker) continue;
            if (expected is null)
            {
                var before = own is not null && own.Style == marker.Style ? own.Number : last.GetValueOrDefault(marker.Style, -1);
                if (marker.Number != before + 1) continue;
            }
            else if (marker.Style != expected.Value.Style || marker.Number != expected.Value.Number)
            {
                continue;
            }
            cuts.Add(i);
            expected = (marker.Style, marker.Number + 1);
        }
        if (cuts.Count < 2) return null;
        headings = cuts.Count;
        return cuts;
    }

    /// <summary>How far into a paragraph a title run into its first heading may reach.</summary>
    private const int MaxTitle = 140;

    /// <summary>
    /// The cut after a title that the first heading runs into (<c>…反馈意见湖北省整改进展清单一、关于“…</c>): the text
    /// before a marker numbered 1 is a whole title by the rules' title pattern. Null when there is none.
    /// </summary>
    // Hot from a process's first parse: compiled optimized at once rather than tiered up (README, Speed).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static List<int>? TitleCut(Paragraph p, CompiledRules rules, out int headings)
    {
        headings = 0;
        var text = p.MatchText;
        for (var i = 4; i < Math.Min(text.Length, MaxTitle); i++)
        {
            // Only where a marker can open: every paragraph of any length passes through here.
            if (!MarkerRecognizer.MayOpen(text[i], rules)) continue;
            if (MarkerRecognizer.RecognizeAt(text, i, rules) is not { Number: 1 } || !BoundedMatches.IsLine(rules.Metadata.Title, text[..i])) continue;
            headings = 1;
            return [i];
        }
        return null;
    }
}
