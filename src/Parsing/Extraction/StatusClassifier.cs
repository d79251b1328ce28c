using System.Runtime.CompilerServices;
using Extractor.Parsing.Normalization;
using Extractor.Parsing.Rules;
using Extractor.Parsing.Text;

namespace Extractor.Parsing.Extraction;

/// <summary>
/// Classifies a rectification's status from rule words: a status line (<c>整改状态：完成</c>) decides first; otherwise
/// any ongoing word (<c>正在</c>, <c>尚未</c>…) makes it ongoing, else any done word (<c>已整改到位</c>…) done, else unknown.
/// Phrases in the ignore list (<c>尚未发现</c>) are not cues.
/// </summary>
internal static class StatusClassifier
{
    public static (RectificationStatus Status, TextSpan? Cue) Classify(
        IReadOnlyList<Paragraph> statusValues, IReadOnlyList<Paragraph> text, CompiledRules rules, LocationResolver locations)
    {
        foreach (var value in statusValues)
        {
            var v = value.MatchText.TrimEnd('。', '.', ' ');
            if (rules.OngoingValues.Contains(v)) return (RectificationStatus.Ongoing, Span(value, 0, value.Text.Length, locations));
            if (rules.DoneValues.Contains(v)) return (RectificationStatus.Done, Span(value, 0, value.Text.Length, locations));
            if (Find(value, rules.Ongoing, rules) is { } ongoing) return (RectificationStatus.Ongoing, Span(value, ongoing.Index, ongoing.End, locations));
            if (Find(value, rules.Done, rules) is { } done) return (RectificationStatus.Done, Span(value, done.Index, done.End, locations));
        }
        foreach (var p in text)
            if (Find(p, rules.Ongoing, rules) is { } ongoing)
                return (RectificationStatus.Ongoing, Span(p, ongoing.Index, ongoing.End, locations));
        foreach (var p in text)
            if (Find(p, rules.Done, rules) is { } done)
                return (RectificationStatus.Done, Span(p, done.Index, done.End, locations));
        return (RectificationStatus.Unknown, null);
    }

    private static TextSpan Span(Paragraph p, int start, int end, LocationResolver locations) =>
        new() { Text = p.Text[start..end], Location = locations.Of(p, start, end) };

    /// <summary>The earliest occurrence of any word that is not part of an ignored phrase.</summary>
    // Hot from a process's first parse: compiled optimized at once rather than tiered up (README, Speed).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static (int Index, int End)? Find(Paragraph p, string[] words, CompiledRules rules)
    {
        var text = p.MatchText;
        (int Index, int End)? best = null;
        foreach (var word in words)
        {
            var at = text.IndexOf(word, StringComparison.Ordinal);
            while (at >= 0 && Ignored(text, at, word.Length, rules.StatusIgnore))
                at = text.IndexOf(word, at + 1, StringComparison.Ordinal);
            if (at >= 0 && (best is null || at < best.Value.Index)) best = (at, at + word.Length);
        }
        return best;
    }

    private static bool Ignored(string text, int at, int length, string[] ignore)
    {
        foreach (var phrase in ignore)
        {
            var from = Math.Max(0, at - phrase.Length + 1);
            var i = text.IndexOf(phrase, from, Math.Min(text.Length - from, at + length + phrase.Length - from), StringComparison.Ordinal);
            if (i >= 0 && i <= at && i + phrase.Length >= at + length) return true;
        }
        return false;
    }
}
