using Extractor.Parsing.Normalization;
using Extractor.Parsing.Outline;
using Extractor.Parsing.Rules;
using Extractor.Parsing.Text;

namespace Extractor.Parsing.Extraction;

/// <summary>
/// Splits a rectification into measures: at each numbered paragraph of a list under the label (<c>1.…</c>), and
/// inside the other paragraphs at each ordinal (<c>一是…二是…</c>). A measure ends at the next ordinal or at the
/// end of its paragraph. Ordinals that repeat or skip a number are reported; a series may restart at 1.
/// </summary>
internal static class MeasureSplitter
{
    /// <summary>A paragraph of the rectification's text, and whether it opens with a numbered-list marker.</summary>
    public readonly record struct Part(Paragraph Content, MarkerMatch? Numbered, bool StartsSeries);

    public static List<Measure> Split(IReadOnlyList<Part> parts, CompiledRules rules, LocationResolver locations, List<Warning> warnings)
    {
        var measures = new List<Measure>();
        var previous = 0;
        string? previousMarker = null;
        foreach (var part in parts)
        {
            if (part.StartsSeries) { previous = 0; previousMarker = null; }
            var p = part.Content;
            if (part.Numbered is { } numbered)
            {
                // Content of a numbered part starts after the marker.
                Add(measures, numbered.Text, numbered.Number, p, 0, numbered.ContentStart, p.Text.Length, locations);
                Check(numbered.Text, numbered.Number, ref previous, ref previousMarker, p, 0, numbered.ContentStart, locations, warnings);
                continue;
            }
            var matches = new List<(int Index, int Length, int Number, string Text)>();
            foreach (var m in BoundedMatches.All(rules.MeasureOrdinal, p.MatchText))
            {
                var number = ChineseNumerals.ParseAny(m.Group("number").Value);
                if (number > 0) matches.Add((m.Index, m.End - m.Index, number, m.Value));
            }
            for (var k = 0; k < matches.Count; k++)
            {
                var (index, length, number, marker) = matches[k];
                var end = k + 1 < matches.Count ? matches[k + 1].Index : p.Text.Length;
                Add(measures, marker, number, p, index, index + length, end, locations);
                Check(marker, number, ref previous, ref previousMarker, p, index, index + length, locations, warnings);
            }
        }
        return measures;
    }

    private static void Add(List<Measure> measures, string marker, int number, Paragraph p, int start, int contentStart, int end, LocationResolver locations)
    {
        var text = p.Text[contentStart..end].Trim();
        while (end > start && p.Text[end - 1] == ' ') end--;
        measures.Add(new Measure { Marker = marker, Number = number, Text = text, Location = locations.Of(p, start, end) });
    }

    private static void Check(string marker, int number, ref int previous, ref string? previousMarker, Paragraph p, int start, int end,
        LocationResolver locations, List<Warning> warnings)
    {
        if (previous > 0 && number == previous)
            warnings.Add(new Warning { Code = WarningCodes.MeasureRepeat, Message = $"the measure ordinal “{marker}” repeats the one before it", Location = locations.Of(p, start, end) });
        else if (number > previous + 1)
            warnings.Add(new Warning
            {
                Code = WarningCodes.MeasureGap,
                Message = previousMarker is null ? $"the measures start at “{marker}”" : $"the measure ordinal “{marker}” follows “{previousMarker}”",
                Location = locations.Of(p, start, end),
            });
        else if (number < previous && number != 1)
            warnings.Add(new Warning { Code = WarningCodes.MeasureRepeat, Message = $"the measure ordinal “{marker}” goes back after “{previousMarker}”", Location = locations.Of(p, start, end) });
        previous = number;
        previousMarker = marker;
    }
}
