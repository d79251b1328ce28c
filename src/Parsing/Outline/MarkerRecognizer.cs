using System.Runtime.CompilerServices;
using Extractor.Parsing.Rules;
using Extractor.Parsing.Text;

namespace Extractor.Parsing.Outline;

/// <summary>A heading marker at the start of a paragraph.</summary>
/// <param name="Style">The marker style.</param>
/// <param name="Number">The number it stands for.</param>
/// <param name="Text">The marker as written (<c>（十二）</c>).</param>
/// <param name="Prefix">What precedes the numeral (<c>（</c>).</param>
/// <param name="Numeral">The numeral as written (<c>十二</c>, <c>３</c>).</param>
/// <param name="Suffix">What follows the numeral (<c>）</c>, <c>、</c>, <c>.</c>).</param>
/// <param name="ContentStart">Where the heading text starts (after the marker and any spaces).</param>
internal sealed record MarkerMatch(CompiledMarker Style, int Number, string Text, string Prefix, string Numeral, string Suffix, int ContentStart)
{
    /// <summary>The marker this style would write for <paramref name="number"/>, with the same brackets and digit width.</summary>
    public string Render(int number)
    {
        var numeral = Style.Numerals switch
        {
            NumeralKind.Chinese => ChineseNumerals.Format(number),
            NumeralKind.Circled => ChineseNumerals.FormatCircled(number),
            _ when Numeral.Length > 0 && Numeral[0] >= '０' => string.Concat(number.ToString(System.Globalization.CultureInfo.InvariantCulture).Select(c => (char)(c - '0' + '０'))),
            _ => number.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        return Prefix + numeral + Suffix;
    }
}

/// <summary>Recognises heading markers (<c>一、</c> <c>（一）</c> <c>1.</c> <c>（1）</c> <c>①</c> and custom styles) at the start of a paragraph.</summary>
internal static class MarkerRecognizer
{
    /// <summary>
    /// Whether a marker of some style may open with <paramref name="c"/>. The characters come from the styles' own
    /// patterns (any, when a pattern does not tell): ordinary text runs no pattern, and a caller looking for markers
    /// inside a paragraph need not cut out the text after a position that cannot open one.
    /// </summary>
    public static bool MayOpen(char c, CompiledRules rules) => rules.MarkerOpenings is not { } openings || openings.Contains(c);

    /// <summary>The marker that opens <paramref name="text"/>, or null.</summary>
    public static MarkerMatch? Recognize(string text, CompiledRules rules) => Recognize(text, 0, text.Length, rules);

    /// <summary>
    /// The marker that opens the text of <paramref name="text"/> from <paramref name="at"/> as far as a marker can reach
    /// (<see cref="BoundedMatches.Overlap"/> characters), or null: the same as on that piece cut out, without cutting it
    /// (looking for one at every position of a paragraph stays linear). <see cref="MarkerMatch.ContentStart"/> counts from
    /// <paramref name="at"/>.
    /// </summary>
    public static MarkerMatch? RecognizeAt(string text, int at, CompiledRules rules) =>
        Recognize(text, at, Math.Min(BoundedMatches.Overlap, text.Length - at), rules);

    // Hot from a process's first parse: compiled optimized at once rather than tiered up (README, Speed).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static MarkerMatch? Recognize(string text, int at, int length, CompiledRules rules)
    {
        if (length == 0) return null;
        var first = text[at];
        if (!MayOpen(first, rules)) return null;
        var styles = rules.Markers;
        for (var k = 0; k < styles.Count; k++) // by index: a foreach over the interface would allocate an enumerator per call
        {
            var style = styles[k];
            if (style.Openings is { } own && !own.Contains(first)) continue;
            // The piece as the whole input: ^ and $ anchor at its ends, and a lookbehind sees nothing before it.
            var m = style.Pattern.Match(text, at, length);
            if (!m.Success || m.Index != at || m.Length == 0) continue;
            var numeral = m.Groups["number"].Value;
            var number = style.Numerals switch
            {
                NumeralKind.Chinese => ChineseNumerals.Parse(numeral),
                NumeralKind.Circled => ChineseNumerals.ParseCircled(numeral),
                _ => ChineseNumerals.ParseArabic(numeral),
            };
            if (number < 1 || number > style.MaxNumber) continue;
            var content = m.Length;
            while (content < length && text[at + content] == ' ') content++;
            return new MarkerMatch(style, number, m.Value.TrimEnd(), m.Groups["prefix"].Value, numeral, m.Groups["suffix"].Value.TrimEnd(), content);
        }
        return null;
    }
}
