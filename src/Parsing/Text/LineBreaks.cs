using System.Buffers;

namespace Extractor.Parsing.Text;

/// <summary>
/// What ends a line, defined once for every stage that counts lines: CRLF, CR, LF, NEL (U+0085), LINE SEPARATOR
/// (U+2028) and PARAGRAPH SEPARATOR (U+2029), as Unicode's line-breaking rules have it.
/// </summary>
internal static class LineBreaks
{
    /// <summary>The characters that end a line.</summary>
    private const string Breaks = "\n\r\u0085\u2028\u2029";

    private static readonly SearchValues<char> BreakValues = SearchValues.Create(Breaks);

    /// <summary>Whether <paramref name="c"/> ends a line (CR may be the first half of CRLF).</summary>
    public static bool IsBreak(char c) => c is '\n' or '\r' or '\u0085' or '\u2028' or '\u2029';

    /// <summary>
    /// Where the next line break at or after <paramref name="from"/> is, or -1: a vectorized search, for the stages that
    /// walk a whole text line by line.
    /// </summary>
    public static int Next(string text, int from)
    {
        var i = text.AsSpan(from).IndexOfAny(BreakValues);
        return i < 0 ? -1 : from + i;
    }

    /// <summary>
    /// The length of the line break at <paramref name="i"/> of <paramref name="text"/>: 2 for CRLF, 1 for any other
    /// break, 0 when <paramref name="i"/> holds no break.
    /// </summary>
    public static int LengthAt(string text, int i) =>
        !IsBreak(text[i]) ? 0 : text[i] == '\r' && i + 1 < text.Length && text[i + 1] == '\n' ? 2 : 1;
}
