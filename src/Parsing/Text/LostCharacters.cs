namespace Extractor.Parsing.Text;

/// <summary>
/// Characters a converter could not encode and wrote as question marks (<c>宝鸡市自然资源和规?局</c>, <c>??????2025年</c>):
/// an ASCII <c>?</c> between two ideographs (Chinese text asks with <c>？</c>), or two or more question marks together
/// beside an ideograph. The text is kept as it is; the places are reported.
/// </summary>
internal static class LostCharacters
{
    /// <summary>Where question marks stand for lost characters in <paramref name="text"/>: each run's start and end.</summary>
    public static List<(int Start, int End)> Find(string text)
    {
        var runs = new List<(int Start, int End)>();
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] is not ('?' or '？')) continue;
            var end = i;
            while (end < text.Length && text[end] is '?' or '？') end++;
            var before = i > 0 && IsIdeograph(text[i - 1]);
            var after = end < text.Length && IsIdeograph(text[end]);
            if ((end - i == 1 && text[i] == '?' && before && after) || (end - i >= 2 && (before || after))) runs.Add((i, end));
            i = end - 1;
        }
        return runs;
    }

    private static bool IsIdeograph(char c) => (c >= '\u4E00' && c <= '\u9FFF') || (c >= '\u3400' && c <= '\u4DBF') || (c >= '\uF900' && c <= '\uFAFF');
}
