using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using Extractor.Parsing.Text;

namespace Extractor.Parsing.Rules;

/// <summary>What a label introduces.</summary>
internal enum LabelKind { Rectification, Problem, Status, Field }

/// <summary>A label found at <see cref="Start"/>; the labelled text starts at <see cref="ContentStart"/>.</summary>
/// <param name="Kind">What the label introduces.</param>
/// <param name="Label">The label as written, without brackets or separator.</param>
/// <param name="Start">Where the label (or its opening bracket) starts.</param>
/// <param name="ContentStart">Where the labelled text starts (after separator and spaces).</param>
internal readonly record struct LabelMatch(LabelKind Kind, string Label, int Start, int ContentStart);

/// <summary>Finds labels (<c>整改情况：</c>, <c>【整改措施】</c>, <c>问题2：</c>) at the start of a paragraph or after a sentence.</summary>
internal sealed class LabelMatcher
{
    // The labels by their first character, each group longest first: a position whose character opens no label is
    // passed over by one look-up rather than a comparison with each of the hundred-odd labels.
    private readonly ByFirstChar<Label> _labels;
    private readonly string[] _separators;
    private readonly Regex _bareFollower;
    // The rectification labels by their first character, for a label run in after a sentence.
    private readonly ByFirstChar<string> _inline;
    private readonly HashSet<string> _followUp;

    /// <summary>A label and what it introduces.</summary>
    private sealed record Label(string Text, LabelKind Kind);

    public LabelMatcher(LabelRules rules, Regex bareFollower)
    {
        var labels = new List<Label>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        void Add(IEnumerable<string> words, LabelKind kind)
        {
            foreach (var w in words)
                if (w.Length > 0 && seen.Add(w)) labels.Add(new Label(w, kind));
        }
        Add(rules.Rectification, LabelKind.Rectification);
        Add(rules.Status, LabelKind.Status);
        Add(rules.Problem, LabelKind.Problem);
        Add(rules.Fields, LabelKind.Field);
        _labels = new ByFirstChar<Label>(labels, l => l.Text);
        _separators = [.. rules.Separators.Where(s => s.Length > 0)];
        _bareFollower = bareFollower;
        _followUp = new HashSet<string>(rules.FollowUp, StringComparer.Ordinal);
        _inline = new ByFirstChar<string>(rules.Rectification.Distinct(StringComparer.Ordinal), l => l);
    }

    /// <summary>Whether <paramref name="label"/> continues a rectification rather than opening one (<c>整改成效</c>).</summary>
    public bool IsFollowUp(string label) => _followUp.Contains(label);

    /// <summary>The label at <paramref name="start"/> of <paramref name="text"/>, if any.</summary>
    /// <param name="text">The text to match (simplified, see <c>Paragraph.MatchText</c>).</param>
    /// <param name="start">Where the label would start.</param>
    /// <param name="written">The text as written, when it differs: the label is returned as written there.</param>
    // Hot from a process's first parse: compiled optimized at once rather than tiered up (README, Speed).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public LabelMatch? MatchAt(string text, int start = 0, string? written = null)
    {
        var i = start;
        // A row of a table flattened to text may open with its cell separator (| 整改措施：…).
        if (i < text.Length && text[i] is '|' or '｜' && i + 1 < text.Length)
        {
            i++;
            while (i < text.Length && text[i] == ' ') i++;
        }
        var bracket = i < text.Length && text[i] is '【' or '[' or '〔';
        if (bracket) i++;
        if (i >= text.Length || _labels.StartingWith(text[i]) is not { } candidates) return null;
        var span = text.AsSpan(i);
        foreach (var (label, kind) in candidates)
        {
            if (!span.StartsWith(label, StringComparison.Ordinal)) continue;
            var j = i + label.Length;
            // A field repeated for each measure is numbered (整改措施1：, 整改措施2：); a problem's number is a marker (问题2：).
            var numbered = kind == LabelKind.Problem || bracket ? 0 : NumberLength(text, j);
            if (numbered > 0 && SkipSeparator(text, j + numbered) > j + numbered) j += numbered;
            else numbered = 0;
            if (bracket)
            {
                if (j >= text.Length || text[j] is not ('】' or ']' or '〕')) continue;
                j++;
                j = SkipSeparator(text, j);
            }
            else if (j == text.Length || IsSentenceEndOnly(text, j))
            {
                j = text.Length;
            }
            else if (QualifierEnd(text, j) is var qualified and > 0)
            {
                // 整改措施（宇鸿）： the label names in brackets whom it applies to; a separator must follow.
                var after = SkipSeparator(text, qualified);
                if (after == qualified) continue;
                j = after;
            }
            else
            {
                var after = SkipSeparator(text, j);
                if (after == j && !_bareFollower.IsMatch(text.AsSpan(j))) continue;
                j = after;
            }
            while (j < text.Length && text[j] == ' ') j++;
            var length = label.Length + numbered;
            return new LabelMatch(kind, written is null || ReferenceEquals(written, text) ? text.Substring(i, length) : written.Substring(i, length), start, j);
        }
        return null;
    }

    /// <summary>
    /// The longest label <paramref name="text"/> opens with at <paramref name="start"/>, whatever follows it
    /// (<c>整改任务秸秆禁烧…</c>): for a numbered field of a template, where the field's name can run into its value.
    /// </summary>
    // Hot from a process's first parse: compiled optimized at once rather than tiered up (README, Speed).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public LabelMatch? MatchPrefix(string text, int start, string written)
    {
        if (start >= text.Length || _labels.StartingWith(text[start]) is not { } candidates) return null;
        foreach (var (label, kind) in candidates)
        {
            if (start + label.Length >= text.Length || !text.AsSpan(start).StartsWith(label, StringComparison.Ordinal)) continue;
            var content = SkipSeparator(text, start + label.Length);
            if (content == start + label.Length && content < text.Length && text[content] == '。') content++; // 整改完成时间。2021年9月
            while (content < text.Length && text[content] == ' ') content++;
            return new LabelMatch(kind, written.Substring(start, label.Length), start, content);
        }
        return null;
    }

    /// <summary>
    /// Where a rectification label starts inside <paramref name="text"/> after a sentence end (<c>…不到位。整改情况：…</c>),
    /// or -1: a statement ends before it (or a quotation closing on one: <c>…有所放松。”整改进展情况：</c>), one space may
    /// come between, and the label is followed by a separator — or it is in brackets (<c>。【整改措施】</c>), which need none.
    /// </summary>
    // Hot from a process's first parse: compiled optimized at once rather than tiered up (README, Speed).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public int FindInlineRectification(string text)
    {
        if (_inline.IsEmpty || _separators.Length == 0) return -1;
        for (var i = 1; i < text.Length; i++)
        {
            var before = text[i - 1];
            if (!Sentences.IsStatementEnd(before) && !(before is '”' or '」' or '』' && i >= 2 && Sentences.IsStatementEnd(text[i - 2]))) continue;
            var at = text[i] == ' ' ? i + 1 : i;
            if (InlineRectificationAt(text, at)) return at;
        }
        return -1;
    }

    /// <summary>Whether a rectification label, in brackets or followed by a separator, starts at <paramref name="at"/>.</summary>
    private bool InlineRectificationAt(string text, int at)
    {
        if (at >= text.Length) return false;
        var bracketed = text[at] is '【' or '[';
        var k = bracketed ? at + 1 : at;
        if (k >= text.Length || _inline.StartingWith(text[k]) is not { } labels) return false;
        foreach (var label in labels)
        {
            if (!text.AsSpan(k).StartsWith(label, StringComparison.Ordinal)) continue;
            var end = k + label.Length;
            if (bracketed ? end < text.Length && text[end] is '】' or ']' : SkipSeparator(text, end, spaces: false) > end) return true;
        }
        return false;
    }

    private int SkipSeparator(string text, int j, bool spaces = true)
    {
        if (spaces)
            while (j < text.Length && text[j] == ' ') j++;
        foreach (var s in _separators)
            if (string.CompareOrdinal(text, j, s, 0, s.Length) == 0) return j + s.Length;
        return j;
    }

    /// <summary>The length of a number of one or two digits at <paramref name="j"/>, or 0.</summary>
    private static int NumberLength(string text, int j)
    {
        var k = j;
        while (k < text.Length && k - j < 3 && (char.IsAsciiDigit(text[k]) || text[k] is >= '０' and <= '９')) k++;
        return k - j is > 0 and <= 2 ? k - j : 0;
    }

    /// <summary>The longest qualifier in brackets a label may carry before its separator (<c>整改措施（宇鸿公司）：</c>).</summary>
    private const int MaxQualifier = 12;

    /// <summary>
    /// Where a bracketed qualifier at <paramref name="j"/> ends (after its closing bracket), or 0 when there is none: a
    /// short run of text without punctuation in round brackets.
    /// </summary>
    private static int QualifierEnd(string text, int j)
    {
        if (j >= text.Length || text[j] is not ('（' or '(')) return 0;
        var close = text[j] == '（' ? '）' : ')';
        for (var k = j + 1; k < text.Length && k <= j + 1 + MaxQualifier; k++)
        {
            if (text[k] == close) return k > j + 1 ? k + 1 : 0;
            if (Sentences.IsClauseBreak(text[k]) || text[k] is '（' or '(' or '）' or ')') return 0;
        }
        return 0;
    }

    /// <summary>Only a full stop follows the label (<c>整改情况。</c>): the label stands alone.</summary>
    private static bool IsSentenceEndOnly(string text, int j) =>
        j == text.Length - 1 && (Sentences.IsFullStop(text[j]) || text[j] == '.');
}
