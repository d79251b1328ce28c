using System.Runtime.CompilerServices;

namespace Extractor.Parsing.Text;

/// <summary>
/// Where sentences end, defined once for every stage. A sentence ends at a full stop (<c>。！？!?</c>); a clause at a
/// semicolon (<c>；;</c>), which ends a sentence for the purposes that split text into statements (statistics, a
/// label after a statement). Brackets and quotes hold their full stops: <c>关于“…。”问题</c> is one sentence.
/// </summary>
internal static class Sentences
{
    /// <summary>Characters that end a sentence.</summary>
    public const string FullStops = "。！？!?";

    /// <summary>Characters that end a clause.</summary>
    public const string ClauseStops = "；;";

    /// <summary>Characters that end a statement: a sentence or a clause.</summary>
    public const string StatementEnds = FullStops + ClauseStops;

    /// <summary>Punctuation a sentence or phrase may end with, dropped when it is used as a title.</summary>
    private static readonly char[] Trailing = [.. StatementEnds + "，,：:.． "];

    private static readonly char[] StatementEndChars = [.. StatementEnds];

    /// <summary>Whether <paramref name="c"/> ends a clause inside a sentence or the sentence itself (a comma too).</summary>
    public static bool IsClauseBreak(char c) => c is '，' or ',' || IsStatementEnd(c);

    /// <summary>Whether <paramref name="c"/> ends a statement (a sentence or a clause).</summary>
    public static bool IsStatementEnd(char c) => StatementEndSet.Contains(c);

    /// <summary>Whether <paramref name="c"/> ends a sentence.</summary>
    public static bool IsFullStop(char c) => FullStopSet.Contains(c);

    private static readonly CharSet StatementEndSet = new(StatementEnds);
    private static readonly CharSet FullStopSet = new(FullStops);

    /// <summary>
    /// The end (exclusive) of the first sentence of <paramref name="text"/>: after its first full stop outside brackets
    /// and quotes (<c>“…”</c>, <c>《…》</c>, <c>（…）</c>), or the whole text.
    /// </summary>
    // Hot from a process's first parse: compiled optimized at once rather than tiered up (README, Speed).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static int FirstEnd(string text)
    {
        var quote = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c is '“' or '《' or '（' or '(') quote++;
            else if (c is '”' or '》' or '）' or ')') quote = Math.Max(0, quote - 1);
            else if (quote == 0 && IsFullStop(c)) return i + 1;
        }
        return text.Length;
    }

    /// <summary>The first sentence of <paramref name="text"/> without its closing punctuation.</summary>
    public static string First(string text) => text[..FirstEnd(text)].TrimEnd(Trailing);

    /// <summary><paramref name="text"/> without the statement ends it closes with.</summary>
    public static string TrimEnd(string text) => text.TrimEnd(StatementEndChars);

    /// <summary>The statements of <paramref name="text"/> as ranges, each ending after its terminator.</summary>
    public static IEnumerable<(int Start, int End)> Statements(string text)
    {
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (!IsStatementEnd(text[i])) continue;
            yield return (start, i + 1);
            start = i + 1;
            while (start < text.Length && text[start] == ' ') start++;
            i = start - 1;
        }
        if (start < text.Length) yield return (start, text.Length);
    }
}
