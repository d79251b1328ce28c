namespace Extractor.Parsing.Text;

/// <summary>Small text helpers shared by the stages: snippets for messages, quotes, numbers and dates.</summary>
internal static class TextTools
{
    /// <summary>The first <paramref name="length"/> characters and "…" when there are more; never cuts a surrogate pair.</summary>
    public static string Snippet(string text, int length = 16) => text.Length <= length ? text : Cut(text, length) + "…";

    /// <summary>At most <paramref name="length"/> UTF-16 units of <paramref name="text"/>, without splitting a surrogate pair.</summary>
    public static string Cut(string text, int length)
    {
        if (text.Length <= length) return text;
        if (length > 0 && char.IsHighSurrogate(text[length - 1])) length--;
        return text[..length];
    }

    /// <summary>Strips quotes that enclose the whole of <paramref name="text"/>.</summary>
    public static string Unquote(string text) =>
        text.Length > 2 && ((text[0] == '“' && text[^1] == '”') || (text[0] == '"' && text[^1] == '"') || (text[0] == '「' && text[^1] == '」'))
        && text.IndexOfAny(['“', '”', '"', '「', '」'], 1, text.Length - 2) < 0
            ? text[1..^1]
            : text;

    /// <summary>Parses a number written in Arabic (ASCII or full-width, with a decimal point) or Chinese numerals.</summary>
    public static decimal? ParseNumber(string s)
    {
        if (s.Length == 0) return null;
        if (CharClass.IsDigit(s[0]))
        {
            var ascii = new string([.. s.Select(c => c >= '０' && c <= '９' ? (char)(c - '０' + '0') : c == '．' ? '.' : c)]);
            return decimal.TryParse(ascii, System.Globalization.NumberStyles.AllowDecimalPoint, System.Globalization.CultureInfo.InvariantCulture, out var d)
                ? d : null;
        }
        var n = ChineseNumerals.Parse(s);
        return n >= 0 ? n : null;
    }

    /// <summary>A date from year, month and day groups in Arabic or Chinese numerals; null when impossible.</summary>
    public static DateOnly? Date(string year, string month, string day)
    {
        var y = ChineseNumerals.ParseAny(year);
        var m = ChineseNumerals.ParseAny(month);
        var d = ChineseNumerals.ParseAny(day);
        return Date(y, m, d);
    }

    /// <summary>A date from numbers; null when impossible.</summary>
    public static DateOnly? Date(int y, int m, int d) =>
        y is >= 1900 and <= 2200 && m is >= 1 and <= 12 && d >= 1 && d <= DateTime.DaysInMonth(y, m) ? new DateOnly(y, m, d) : null;
}
