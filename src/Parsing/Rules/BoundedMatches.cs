using System.Text.RegularExpressions;
using Extractor.Parsing.Text;

namespace Extractor.Parsing.Rules;

/// <summary>
/// Runs rule patterns so that no single regular-expression call sees more than a few thousand characters, whatever the
/// length of the text: a pattern that scans prose (a measure ordinal, a statistic, a contact, the inspection's details)
/// is run window by window over a long paragraph, and a pattern that describes a whole line (a title, an issuer, a
/// problem phrase) is not run on a line far longer than any such line. Matching then costs time linear in the text's
/// length, one call never comes near a pattern's time-out, and the matches are those of a single call over the whole
/// text for every pattern whose match is shorter than <see cref="Overlap"/> and looks back no further than
/// <see cref="Context"/> (all the default rules' scanning patterns).
/// </summary>
internal static class BoundedMatches
{
    /// <summary>Characters of text a window starts matches in.</summary>
    public const int Window = 4096;

    /// <summary>Characters past a window a match started in it may run on to.</summary>
    public const int Overlap = 512;

    /// <summary>Characters before a window a lookbehind may look at.</summary>
    public const int Context = 64;

    /// <summary>The longest line a line-level pattern is run on: no title, issuer, date or heading line is longer.</summary>
    public const int MaxLine = 2000;

    /// <summary>A match, and the offset of the window it was found in (add it to the match's and its groups' indexes).</summary>
    public readonly record struct Found(Match Match, int Offset)
    {
        public int Index => Offset + Match.Index;

        public int End => Offset + Match.Index + Match.Length;

        public string Value => Match.Value;

        public Group Group(string name) => Match.Groups[name];

        /// <summary>Where group <paramref name="name"/> starts in the text.</summary>
        public int IndexOf(string name) => Offset + Match.Groups[name].Index;
    }

    /// <summary>Every match of <paramref name="pattern"/> in <paramref name="text"/>, in order, as one scan would find them.</summary>
    public static IEnumerable<Found> All(Regex pattern, string text)
    {
        if (text.Length <= Window + Overlap)
        {
            for (var m = pattern.Match(text); m.Success; m = m.NextMatch()) yield return new Found(m, 0);
            yield break;
        }
        var position = 0;
        while (position <= text.Length)
        {
            Checkpoint.Tick();
            var from = Math.Max(0, position - Context);
            var to = Math.Min(text.Length, position + Window + Overlap);
            var last = to == text.Length;
            var limit = last ? int.MaxValue : position + Window;
            var window = text.Substring(from, to - from);
            var next = limit;
            for (var m = pattern.Match(window, position - from); m.Success && from + m.Index < limit; m = m.NextMatch())
            {
                yield return new Found(m, from);
                next = Math.Max(next, from + m.Index + Math.Max(m.Length, 1));
            }
            if (last) yield break;
            position = next;
        }
    }

    /// <summary>The first match of <paramref name="pattern"/> in <paramref name="text"/>, or null.</summary>
    public static Found? First(Regex pattern, string text)
    {
        foreach (var found in All(pattern, text)) return found;
        return null;
    }

    /// <summary>Whether <paramref name="pattern"/> matches the start of <paramref name="text"/>, looking at its first <see cref="Overlap"/> characters.</summary>
    public static bool AtStart(Regex pattern, string text)
    {
        var head = text.Length <= Overlap ? text : text[..Overlap];
        foreach (var m in pattern.EnumerateMatches(head))
            return m.Index == 0;
        return false;
    }

    /// <summary>Whether the line-level <paramref name="pattern"/> matches <paramref name="line"/>; a line longer than <see cref="MaxLine"/> is no such line.</summary>
    public static bool IsLine(Regex pattern, string line) => line.Length <= MaxLine && pattern.IsMatch(line);

    /// <summary>The match of the line-level <paramref name="pattern"/> in <paramref name="line"/>, or a failed match for a line longer than <see cref="MaxLine"/>.</summary>
    public static Match Line(Regex pattern, string line) => line.Length <= MaxLine ? pattern.Match(line) : Match.Empty;
}
