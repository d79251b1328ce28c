using System.Globalization;
using Extractor.Parsing.Text;

namespace Extractor.Parsing.Readers;

/// <summary>
/// A level of a Word list definition (a <c>numbering.xml</c> <c>lvl</c>, a binary document's <c>LVL</c>): its start
/// value, number format (an <c>ST_NumberFormat</c> name such as <c>chineseCounting</c>), level text with <c>%1</c>…<c>%9</c>
/// standing for the levels' numbers, whether it shows higher levels in decimal (legal numbering), and after which levels
/// it restarts (null: after any higher level; 0: never; n: after levels 0 to n − 1).
/// </summary>
internal sealed record ListLevel(int Start, string Format, string Text, bool IsLegal, int? Restart);

/// <summary>
/// The counters of Word's automatic numbering and the numbers they render, shared by the DOCX and the Word 97-2003
/// readers: one set of nine counters per list (the caller's key says which paragraphs share one), a level's counter
/// starting at its start value, deeper levels restarting as their <see cref="ListLevel.Restart"/> says.
/// </summary>
internal sealed class ListCounters
{
    /// <summary>Word lists have nine levels.</summary>
    public const int Levels = 9;

    private readonly Dictionary<string, int[]> _counters = new(StringComparer.Ordinal);

    /// <summary>
    /// Advances the counter of <paramref name="level"/> in the list <paramref name="key"/> and returns the number as
    /// displayed; "" for a level whose format is <c>none</c>; null for a bullet or a level that is not defined.
    /// </summary>
    /// <param name="key">Which list: paragraphs with the same key count together.</param>
    /// <param name="level">The 0-based level.</param>
    /// <param name="levelAt">The list's definition of each level.</param>
    /// <param name="startOverrides">Start values the list instance overrides, by level.</param>
    public string? Next(string key, int level, Func<int, ListLevel?> levelAt, IReadOnlyDictionary<int, int> startOverrides)
    {
        if (level is < 0 or >= Levels || levelAt(level) is not { } current) return null;
        if (current.Format == "bullet") return null;

        if (!_counters.TryGetValue(key, out var counters))
        {
            counters = new int[Levels];
            Array.Fill(counters, int.MinValue);
            foreach (var (i, start) in startOverrides)
                if (i is >= 0 and < Levels) counters[i] = start - 1;
            _counters[key] = counters;
        }
        counters[level] = counters[level] == int.MinValue ? current.Start : counters[level] + 1;
        for (var deeper = level + 1; deeper < Levels; deeper++)
        {
            var restart = levelAt(deeper)?.Restart;
            if (restart is null || (restart > 0 && level < restart)) counters[deeper] = startOverrides.TryGetValue(deeper, out var s) ? s - 1 : int.MinValue;
        }
        if (current.Format == "none") return "";

        var text = new System.Text.StringBuilder();
        var template = current.Text;
        for (var i = 0; i < template.Length; i++)
        {
            if (template[i] == '%' && i + 1 < template.Length && template[i + 1] is >= '1' and <= '9')
            {
                var k = template[i + 1] - '1';
                var at = levelAt(k);
                var value = counters[k] == int.MinValue ? at?.Start ?? 1 : counters[k];
                text.Append(Format(value, current.IsLegal && k < level ? "decimal" : at?.Format ?? "decimal"));
                i++;
            }
            else
            {
                text.Append(template[i]);
            }
        }
        return text.ToString();
    }

    /// <summary>The <c>ST_NumberFormat</c> name of an <c>MSONFC</c> code (MS-DOC 2.2.1.3), as the binary format and Word 2003 XML's <c>nfc</c> write it.</summary>
    public static string FormatOfNfc(int? nfc) => nfc switch
    {
        0x00 => "decimal", 0x01 => "upperRoman", 0x02 => "lowerRoman", 0x03 => "upperLetter", 0x04 => "lowerLetter",
        0x0A => "ideographDigital", 0x0B => "japaneseCounting", 0x0E => "decimalFullWidth", 0x10 => "japaneseLegal",
        0x11 => "japaneseDigitalTenThousand", 0x12 => "decimalEnclosedCircle", 0x13 => "decimalFullWidth2", 0x16 => "decimalZero",
        0x17 => "bullet", 0x1A => "decimalEnclosedFullstop", 0x1B => "decimalEnclosedParen", 0x1C => "decimalEnclosedCircleChinese",
        0x1D => "ideographEnclosedCircle", 0x1E => "ideographTraditional", 0x1F => "ideographZodiac", 0x20 => "ideographZodiacTraditional",
        0x21 => "taiwaneseCounting", 0x22 => "ideographLegalTraditional", 0x23 => "taiwaneseCountingThousand", 0x24 => "taiwaneseDigital",
        0x25 => "chineseCounting", 0x26 => "chineseLegalSimplified", 0x27 => "chineseCountingThousand", 0xFF => "none",
        _ => "decimal",
    };

    /// <summary>A number in a Word <c>numFmt</c>.</summary>
    public static string Format(int value, string format)
    {
        var invariant = CultureInfo.InvariantCulture;
        return format switch
        {
            "chineseCounting" or "chineseCountingThousand" or "japaneseCounting" or "taiwaneseCounting" or "ideographDigital"
                or "taiwaneseCountingThousand" or "japaneseDigitalTenThousand" => ChineseNumerals.Format(value),
            "chineseLegalSimplified" => Legal(value),
            "ideographTraditional" => value is >= 1 and <= 10 ? "甲乙丙丁戊己庚辛壬癸"[value - 1].ToString() : value.ToString(invariant),
            "ideographZodiac" => value is >= 1 and <= 12 ? "子丑寅卯辰巳午未申酉戌亥"[value - 1].ToString() : value.ToString(invariant),
            "decimalEnclosedCircle" or "decimalEnclosedCircleChinese" or "decimalEnclosedFullstop" => ChineseNumerals.FormatCircled(value),
            "decimalEnclosedParen" => $"({value.ToString(invariant)})",
            "decimalFullWidth" or "decimalFullWidth2" => string.Concat(value.ToString(invariant).Select(c => (char)(c - '0' + '０'))),
            "decimalZero" => value.ToString("00", invariant),
            "upperRoman" => Roman(value),
            "lowerRoman" => Roman(value).ToLowerInvariant(),
            "upperLetter" => Letter(value, 'A'),
            "lowerLetter" => Letter(value, 'a'),
            _ => value.ToString(invariant),
        };
    }

    private static string Legal(int value)
    {
        const string digits = "零壹贰叁肆伍陆柒捌玖";
        if (value is < 1 or > 99) return value.ToString(CultureInfo.InvariantCulture);
        if (value < 10) return digits[value].ToString();
        return digits[value / 10] + "拾" + (value % 10 == 0 ? "" : digits[value % 10].ToString());
    }

    private static string Roman(int value)
    {
        if (value is < 1 or > 3999) return value.ToString(CultureInfo.InvariantCulture);
        (int, string)[] table = [(1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")];
        var sb = new System.Text.StringBuilder();
        foreach (var (n, s) in table)
            while (value >= n) { sb.Append(s); value -= n; }
        return sb.ToString();
    }

    /// <summary>
    /// Word's letters: a…z, then aa…zz, and so on. Past 26 × 10 (a letter ten times over) the number is written in
    /// digits: a document whose list starts at 2147483000 would otherwise render an 82-million-letter number.
    /// </summary>
    private static string Letter(int value, char a) =>
        value is < 1 or > MaxLetterValue ? value.ToString(CultureInfo.InvariantCulture) : new string((char)(a + (value - 1) % 26), (value - 1) / 26 + 1);

    private const int MaxLetterValue = 26 * 10;
}
