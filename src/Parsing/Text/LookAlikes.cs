using System.Runtime.CompilerServices;

namespace Extractor.Parsing.Text;

/// <summary>Characters that look like others and stand for them, as PDF fonts and converters emit them.</summary>
internal static class LookAlikes
{
    /// <summary>
    /// The character as typed when a PDF font reported a look-alike: a CJK radical for its ideograph (⼯ for 工), a
    /// compatibility ideograph for the unified one it is canonically equivalent to, and the horizontal bar U+2015 for
    /// the em dash U+2014 (GB2312's A1AA maps to either, depending on the table).
    /// </summary>
    // Called for every character the normalizer keeps: inlined there (a method compiled optimized at once, README
    // Speed), which a call of its own would cost more than the look-up.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static char Canonical(char c) => c switch
    {
        '\u2015' => '\u2014',
        >= '\u2E80' and <= '\u2FDF' => CjkRadicals.ToIdeograph(c),
        >= '\uF900' and <= '\uFAFF' => HanVariants.Unified(c),
        _ => c,
    };
}
