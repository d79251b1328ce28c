namespace Extractor.Parsing.Text;

/// <summary>
/// Pinyin glosses a character converter leaves after ideographs (<c>關(guān)</c>, <c>領(lǐng)導(dǎo)</c>): a bracketed
/// syllable of lower-case Latin letters with a tone mark, right after a Han character. They are damage, not text.
/// </summary>
internal static class PinyinGlosses
{
    /// <summary>The longest pinyin syllable (<c>zhuang</c>, <c>shuang</c>).</summary>
    private const int MaxSyllable = 6;

    /// <summary>The length of the gloss that starts at <paramref name="i"/> of <paramref name="text"/> (its brackets included), or 0.</summary>
    public static int LengthAt(string text, int i)
    {
        if (text[i] != '(') return 0;
        var toned = false;
        var k = i + 1;
        for (; k < text.Length && k - i - 1 <= MaxSyllable; k++)
        {
            var c = text[k];
            if (c == ')') break;
            if (IsTonedVowel(c)) toned = true;
            else if (c is not (>= 'a' and <= 'z' or 'ü')) return 0;
        }
        return k < text.Length && text[k] == ')' && k > i + 1 && toned ? k - i + 1 : 0;
    }

    private static bool IsTonedVowel(char c) => "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ".Contains(c, StringComparison.Ordinal);
}
