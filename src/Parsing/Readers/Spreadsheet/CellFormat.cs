using System.Globalization;
using System.Text;

namespace Extractor.Parsing.Readers.Spreadsheet;

/// <summary>
/// A cell's value as the spreadsheet shows it: text as is, whole numbers without a decimal point, a number format's
/// decimals, thousands separators and percent sign, dates and times by the format's <c>yyyy m d h mm ss</c> codes and
/// its quoted literals (<c>yyyy"年"m"月"</c> → <c>2023年6月</c>), TRUE/FALSE.
/// </summary>
internal static class CellFormat
{
    public static string Format(object value, string? format) => value switch
    {
        string s => s,
        double d => Number(d, format),
        int or long or float or decimal => Number(Convert.ToDouble(value, CultureInfo.InvariantCulture), format),
        bool b => b ? "TRUE" : "FALSE",
        DateTime t => Date(t, format),
        TimeSpan span => span.ToString(span.Days > 0 ? @"d\.hh\:mm\:ss" : span.Seconds > 0 ? @"h\:mm\:ss" : @"h\:mm", CultureInfo.InvariantCulture),
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "",
    };

    private static string Number(double d, string? format)
    {
        var section = FirstSection(format);
        if (section is null || section.Equals("General", StringComparison.OrdinalIgnoreCase) || section == "@")
            return d == Math.Floor(d) && Math.Abs(d) < 1e15 ? ((long)d).ToString(CultureInfo.InvariantCulture) : d.ToString("G15", CultureInfo.InvariantCulture);
        var plain = Unquoted(section);
        var percent = plain.Contains('%');
        if (percent) d *= 100;
        var point = plain.IndexOf('.');
        var decimals = 0;
        if (point >= 0)
            while (point + 1 + decimals < plain.Length && plain[point + 1 + decimals] is '0' or '#') decimals++;
        var grouped = plain.Contains(',') && plain.IndexOf(',') < (point < 0 ? plain.Length : point);
        var text = d.ToString((grouped ? "N" : "F") + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
        return percent ? text + "%" : text;
    }

    /// <summary>A date by the format's codes; an unknown or general format gives the date as Chinese text is written.</summary>
    private static string Date(DateTime t, string? format)
    {
        var section = FirstSection(format);
        if (section is null || !section.Any(c => c is 'y' or 'Y' or 'm' or 'M' or 'd' or 'D' or 'h' or 'H'))
            return t.TimeOfDay == TimeSpan.Zero ? $"{t.Year}年{t.Month}月{t.Day}日" : t.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
        var result = new StringBuilder();
        var lastWasHour = false;
        for (var i = 0; i < section.Length; i++)
        {
            var c = section[i];
            if (c == '"')
            {
                var close = section.IndexOf('"', i + 1);
                if (close < 0) close = section.Length;
                result.Append(section, i + 1, close - i - 1);
                i = close;
                continue;
            }
            if (c == '\\' && i + 1 < section.Length) { result.Append(section[++i]); continue; }
            if (c == '[') { var close = section.IndexOf(']', i); i = close < 0 ? section.Length : close; continue; }
            if (c is '_' or '*') { i++; continue; }
            var lower = char.ToLowerInvariant(c);
            if (lower is not ('y' or 'm' or 'd' or 'h' or 's'))
            {
                result.Append(c);
                continue;
            }
            var run = 1;
            while (i + run < section.Length && char.ToLowerInvariant(section[i + run]) == lower) run++;
            i += run - 1;
            var minutes = lower == 'm' && (lastWasHour || NextCodeIsSeconds(section, i + 1));
            result.Append(lower switch
            {
                'y' => run <= 2 ? (t.Year % 100).ToString("00", CultureInfo.InvariantCulture) : t.Year.ToString(CultureInfo.InvariantCulture),
                'm' when minutes => t.Minute.ToString(run >= 2 ? "00" : "0", CultureInfo.InvariantCulture),
                'm' => run switch { 1 => t.Month.ToString(CultureInfo.InvariantCulture), 2 => t.Month.ToString("00", CultureInfo.InvariantCulture), _ => $"{t.Month}月" },
                'd' => run switch { 1 => t.Day.ToString(CultureInfo.InvariantCulture), 2 => t.Day.ToString("00", CultureInfo.InvariantCulture), _ => t.ToString("ddd", CultureInfo.GetCultureInfo("zh-CN")) },
                'h' => t.Hour.ToString(run >= 2 ? "00" : "0", CultureInfo.InvariantCulture),
                _ => t.Second.ToString(run >= 2 ? "00" : "0", CultureInfo.InvariantCulture),
            });
            lastWasHour = lower == 'h';
        }
        return result.ToString().Trim();
    }

    private static bool NextCodeIsSeconds(string section, int from)
    {
        for (var i = from; i < section.Length; i++)
        {
            var c = char.ToLowerInvariant(section[i]);
            if (c == 's') return true;
            if (c is 'y' or 'm' or 'd' or 'h') return false;
        }
        return false;
    }

    /// <summary>The first section of a format (<c>;</c> separates positive, negative, zero and text).</summary>
    private static string? FirstSection(string? format)
    {
        if (string.IsNullOrWhiteSpace(format)) return null;
        var inQuote = false;
        for (var i = 0; i < format.Length; i++)
        {
            if (format[i] == '"') inQuote = !inQuote;
            else if (format[i] == ';' && !inQuote) return format[..i];
        }
        return format;
    }

    private static string Unquoted(string section)
    {
        var result = new StringBuilder();
        var inQuote = false;
        foreach (var c in section)
        {
            if (c == '"') inQuote = !inQuote;
            else if (!inQuote) result.Append(c);
        }
        return result.ToString();
    }
}
