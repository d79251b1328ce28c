namespace Extractor.Parsing.Text;

/// <summary>Chinese, Arabic (ASCII and full-width) and circled numerals.</summary>
internal static class ChineseNumerals
{
    private const string Digits = "〇一二三四五六七八九";

    /// <summary>The value of a Chinese digit, or -1. 零, ○ and Ｏ count as 〇; 两 as 二.</summary>
    public static int Digit(char c) => c switch
    {
        '〇' or '零' or '○' or 'Ｏ' or 'O' => 0,
        '两' => 2,
        _ => Digits.IndexOf(c) is var i and > 0 ? i : -1,
    };

    /// <summary>
    /// Parses a Chinese number up to 999 written the usual way (<c>十一</c>, <c>二十三</c>, <c>一百零五</c>), or
    /// digit by digit as years are (<c>二〇二三</c>). Returns -1 for anything else (<c>十十</c>).
    /// </summary>
    public static int Parse(ReadOnlySpan<char> s)
    {
        if (s.IsEmpty) return -1;
        if (s.Length >= 3 && s.IndexOfAny('十', '百') < 0)
        {
            var value = 0; // digit by digit: 二〇二三
            foreach (var c in s)
            {
                var d = Digit(c);
                if (d < 0) return -1;
                value = value * 10 + d;
            }
            return value;
        }
        int total = 0, pending = -1, i = 0;
        var lastUnit = 1000;
        for (; i < s.Length; i++)
        {
            var c = s[i];
            var unit = c switch { '十' => 10, '百' => 100, _ => 0 };
            if (unit > 0)
            {
                if (unit >= lastUnit) return -1;
                total += (pending < 0 ? 1 : pending) * unit;
                pending = -1;
                lastUnit = unit;
                continue;
            }
            var digit = Digit(c);
            if (digit < 0 || pending > 0) return -1; // 零 is a placeholder: 一百零五
            pending = digit;
        }
        if (pending > 0) total += pending;
        return total == 0 && pending != 0 ? -1 : total;
    }

    /// <summary>Parses Arabic digits, ASCII or full-width; -1 when there are none or the value exceeds int.</summary>
    public static int ParseArabic(ReadOnlySpan<char> s)
    {
        if (s.IsEmpty || s.Length > 9) return -1;
        var value = 0;
        foreach (var c in s)
        {
            if (!CharClass.IsDigit(c)) return -1;
            value = value * 10 + CharClass.DigitValue(c);
        }
        return value;
    }

    /// <summary>The value of a circled number (① is 1, up to ㉟ 35), or -1.</summary>
    public static int ParseCircled(ReadOnlySpan<char> s)
    {
        if (s.Length != 1) return -1;
        var c = s[0];
        if (c >= '①' && c <= '⑳') return c - '①' + 1;
        if (c >= '㉑' && c <= '㉟') return c - '㉑' + 21;
        return -1;
    }

    /// <summary>Parses Arabic or Chinese digits, whichever <paramref name="s"/> is.</summary>
    public static int ParseAny(ReadOnlySpan<char> s) =>
        s.Length > 0 && CharClass.IsDigit(s[0]) ? ParseArabic(s) : Parse(s);

    /// <summary>Writes <paramref name="n"/> (1–999) the usual Chinese way.</summary>
    public static string Format(int n)
    {
        if (n <= 0 || n > 999) return n.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var hundreds = n / 100;
        var tens = n / 10 % 10;
        var ones = n % 10;
        var s = new System.Text.StringBuilder();
        if (hundreds > 0) s.Append(Digits[hundreds]).Append('百');
        if (tens > 0) s.Append(tens == 1 && hundreds == 0 ? "" : Digits[tens].ToString()).Append('十');
        else if (hundreds > 0 && ones > 0) s.Append('零');
        if (ones > 0) s.Append(Digits[ones]);
        return s.ToString();
    }

    /// <summary>Writes <paramref name="n"/> as a circled number (1–35).</summary>
    public static string FormatCircled(int n) => n switch
    {
        >= 1 and <= 20 => ((char)('①' + n - 1)).ToString(),
        >= 21 and <= 35 => ((char)('㉑' + n - 21)).ToString(),
        _ => n.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };
}
