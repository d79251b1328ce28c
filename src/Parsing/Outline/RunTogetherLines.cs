using Extractor.Parsing.Normalization;
using Extractor.Parsing.Rules;
using Extractor.Parsing.Text;

namespace Extractor.Parsing.Outline;

/// <summary>
/// A copy whose line breaks were lost on the way (a document-sharing site's text, a whole notice on one line) keeps
/// them as spaces: <c>…存在以下问题: 1、教室光线不够充足; 2、体育场地正在建设中。 针对以上问题，…</c>. A long paragraph
/// holding heading markers of one style in sequence, each after a sentence or clause end and a space, has lost its line
/// breaks: it is split before each such marker and after each sentence end followed by a space, with a
/// <see cref="WarningCodes.ConverterDamage"/> warning. Ordinary paragraphs, which have no space after their
/// punctuation, are left alone.
/// </summary>
internal static class RunTogetherLines
{
    /// <summary>Shorter paragraphs are left whole: a line with two run-in numbers is more likely a list than lost breaks.</summary>
    private const int MinLength = 200;

    /// <summary>What may end the text before a lost break that a marker follows.</summary>
    private const string BeforeMarker = "。；;：:！!？?";

    /// <summary>What ends a sentence before a lost break without a marker.</summary>
    private const string BeforeText = "。；;！!？?";

    public static IReadOnlyList<Paragraph> Split(IReadOnlyList<Paragraph> paragraphs, CompiledRules rules, List<OutlineWarning> warnings)
    {
        List<Paragraph>? result = null;
        for (var k = 0; k < paragraphs.Count; k++)
        {
            var p = paragraphs[k];
            var headings = 0;
            var cuts = p.Text.Length >= MinLength ? Cuts(p, rules, out headings) : null;
            if (cuts is null)
            {
                result?.Add(p);
                continue;
            }
            result ??= [.. paragraphs.Take(k)];
            var from = 0;
            foreach (var at in cuts)
            {
                result.Add(p.Slice(from, at));
                from = at;
            }
            result.Add(p.Slice(from, p.Text.Length));
            warnings.Add(new OutlineWarning(WarningCodes.ConverterDamage,
                $"a paragraph of {p.Text.Length} characters holds {headings} headings run together: its line breaks were lost, and it was split before each heading and after each sentence followed by a space",
                p));
        }
        return result ?? paragraphs;
    }

    /// <summary>Where to cut <paramref name="p"/>, or null when it shows no lost line breaks.</summary>
    private static List<int>? Cuts(Paragraph p, CompiledRules rules, out int headings)
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
            if (BeforeMarker.Contains(text[j]) && MarkerRecognizer.Recognize(text[i..], rules) is { } marker) markers.Add((i, marker));
            else if (BeforeText.Contains(text[j])) sentences.Add(i);
        }
        // Lost breaks show as markers of one style numbered in sequence (n, then n + 1).
        var sequenced = markers.Where(m => markers.Any(o => o.Marker.Style == m.Marker.Style && Math.Abs(o.Marker.Number - m.Marker.Number) == 1)).ToList();
        if (sequenced.Count < 2) return null;
        headings = markers.Count;
        return [.. markers.Select(m => m.At).Concat(sentences).Order()];
    }
}
