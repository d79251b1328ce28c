using System.Runtime.CompilerServices;

namespace Extractor.Parsing.Text;

/// <summary>Character classes the normalizer and the rules need.</summary>
internal static class CharClass
{
    /// <summary>Zero-width and format characters that carry nothing visible: removed by normalization.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsInvisible(char c) =>
        c is '\u200B' or '\u200C' or '\u200D' or '\u2060' or '\uFEFF' or '\u00AD' or '\u200E' or '\u200F' or '\u061C'
        || (c < ' ' && c is not ('\t' or '\n' or '\r')) || c == '\u007F';

    /// <summary>Any kind of space: ASCII, tab, NBSP, the ideographic (full-width) space, the typographic spaces.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsSpace(char c) =>
        c is ' ' or '\t' or '\u00A0' or '\u3000' or '\u202F' or '\u205F' or '\u1680' || (c >= '\u2000' && c <= '\u200A');

    /// <summary>Space or invisible.</summary>
    public static bool IsSpaceOrInvisible(char c) => IsSpace(c) || IsInvisible(c);

    /// <summary>
    /// Characters between which a space is an artefact of layout (PDF producers, justified HTML) rather than
    /// meaning: CJK ideographs, CJK and full-width punctuation, and the digits that sit next to them (<c>2022 年</c>).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsCjk(char c) =>
        (c >= '\u4E00' && c <= '\u9FFF') || (c >= '\u3400' && c <= '\u4DBF') || (c >= '\uF900' && c <= '\uFAFF')
        || (c >= '\u3000' && c <= '\u303F') || (c >= '\uFF00' && c <= '\uFFEF') || (c >= '\u2460' && c <= '\u24FF')
        || c is '“' or '”' or '‘' or '’' or '—' or '…' or '·' or '※' or '■' or '□' or '●' or '○';

    /// <summary>ASCII or full-width digit.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsDigit(char c) => (c >= '0' && c <= '9') || (c >= '０' && c <= '９');

    /// <summary>The value of an ASCII or full-width digit.</summary>
    public static int DigitValue(char c) => c >= '０' ? c - '０' : c - '0';
}
