using System.Text.RegularExpressions;
using Extractor.Parsing.Text;
using Extractor.Parsing.Normalization;
using Extractor.Parsing.Rules;
using Extractor.Parsing.Tables;

namespace Extractor.Parsing.Outline;

/// <summary>
/// Turns normalized paragraphs into the outline's units, and says what each opens with:
/// <list type="bullet">
/// <item>a paragraph the reader joined across a page break is split where what follows opens a heading or label;</item>
/// <item>a paragraph that lost its line breaks (a whole notice on one line) is split at its run-in headings (<see cref="RunTogetherLines"/>);</item>
/// <item>a marker alone on its line is one heading with the line after it;</item>
/// <item>a rectification label after a sentence (<c>…不到位。整改情况：…</c>) starts a unit of its own;</item>
/// <item>a table whose header names columns is one unit, at the place of its first cell, with its layout when it is a
/// table-form notice; a table that only lays text out reads as the paragraphs it holds (<see cref="TableFlow"/>);</item>
/// <item>the numbered fields of a template are labels, not headings (<see cref="NumberedLabels"/>).</item>
/// </list>
/// </summary>
internal static class Segmenter
{
    public static List<Unit> Segment(IReadOnlyList<Paragraph> input, CompiledRules rules, IReadOnlyList<ExtractedTable> tables, List<OutlineWarning> warnings)
    {
        var entries = TableFlow.Expand(RunTogetherLines.Split(SplitAtSoftBreaks(input, rules), rules, warnings), rules, tables);
        var units = new List<Unit>(entries.Count);
        for (var i = 0; i < entries.Count; i++)
        {
            Checkpoint.Tick();
            if (entries[i].Table is { } table)
            {
                units.Add(table);
                continue;
            }
            var p = entries[i].Paragraph!;
            var marker = MarkerRecognizer.Recognize(p.Text, rules);
            // A marker alone on its line (PDF, or a heading typed over two lines) is one heading with the next line.
            var joined = false;
            if (marker is not null && marker.ContentStart == p.Text.Length && i + 1 < entries.Count && entries[i + 1].Paragraph is { } next)
            {
                if (MarkerRecognizer.Recognize(next.Text, rules) is null && rules.Labels.MatchAt(next.MatchText) is null)
                {
                    p = Normalizer.Join(p, next);
                    joined = true;
                    i++;
                }
            }
            var cut = rules.Labels.FindInlineRectification(p.MatchText);
            if (cut > 0)
            {
                units.Add(Classify(p.Slice(0, cut), rules));
                units.Add(Classify(p.Slice(cut, p.Text.Length), rules));
            }
            else
            {
                // The marker found above still holds unless the paragraph was joined with the next.
                units.Add(Classify(p, rules, joined ? MarkerRecognizer.Recognize(p.Text, rules) : marker));
            }
        }
        NumberedLabels.Reclassify(units, rules);
        return units;
    }

    /// <summary>
    /// Splits paragraphs where the reader joined lines on no evidence (across a PDF page break) and what follows opens
    /// a heading or a problem or rectification label: a heading at the foot of a page is not the start of the next one.
    /// </summary>
    private static IReadOnlyList<Paragraph> SplitAtSoftBreaks(IReadOnlyList<Paragraph> paragraphs, CompiledRules rules)
    {
        if (!paragraphs.Any(p => p.SoftBreaks.Count > 0)) return paragraphs;
        var result = new List<Paragraph>(paragraphs.Count + 4);
        foreach (var p in paragraphs)
        {
            var from = 0;
            foreach (var at in p.SoftBreaks)
            {
                var rest = p.MatchText[at..];
                var opens = MarkerRecognizer.Recognize(rest, rules) is not null
                    || rules.Labels.MatchAt(rest) is { Kind: LabelKind.Rectification or LabelKind.Problem };
                if (!opens || at <= from) continue;
                result.Add(p.Slice(from, at));
                from = at;
            }
            result.Add(from == 0 ? p : p.Slice(from, p.Text.Length));
        }
        return result;
    }

    /// <summary>What <paramref name="p"/> opens with.</summary>
    public static Unit Classify(Paragraph p, CompiledRules rules) => Classify(p, rules, MarkerRecognizer.Recognize(p.Text, rules));

    private static Unit Classify(Paragraph p, CompiledRules rules, MarkerMatch? found)
    {
        var text = p.MatchText;
        if (found is { } marker)
        {
            var start = marker.ContentStart;
            var problemLabel = false;
            // A problem label with text after it (1.问题描述：…) is the problem's label; alone (一、巡察反馈问题) it names the part.
            if (rules.Labels.MatchAt(text, start, p.Text) is { Kind: LabelKind.Problem } label && label.ContentStart < text.Length)
            {
                start = label.ContentStart;
                problemLabel = true;
            }
            else if (PrefixLength(rules.SecondaryMarker, text, start) is var secondary and > 0)
            {
                start += secondary;
                problemLabel = true;
                while (start < text.Length && text[start] == ' ') start++;
            }
            var content = start < text.Length ? p.Slice(start, text.Length) : null;
            return new Unit(p, UnitKind.Heading, marker, Content: content, HasProblemLabel: problemLabel || marker.Style.NamesProblem);
        }
        if (rules.Labels.MatchAt(text, 0, p.Text) is { } l)
            return new Unit(p, UnitKind.Label, Label: l, Content: LabelContent(p, l.ContentStart));
        if (PrefixLength(rules.SecondaryMarker, text, 0) is var n and > 0)
        {
            var label = new LabelMatch(LabelKind.Problem, p.Text[..n].TrimEnd('：', ':', '.', '．', '、', ' '), 0, n);
            return new Unit(p, UnitKind.Label, Label: label, Content: LabelContent(p, n));
        }
        return new Unit(p, UnitKind.Plain, Content: p);
    }

    private static Paragraph? LabelContent(Paragraph p, int start) => start < p.Text.Length ? p.Slice(start, p.Text.Length) : null;

    /// <summary>Length of the match of <paramref name="pattern"/> at <paramref name="start"/>, or 0.</summary>
    internal static int PrefixLength(Regex pattern, string text, int start)
    {
        foreach (var m in pattern.EnumerateMatches(text.AsSpan(start)))
            return m.Index == 0 ? m.Length : 0;
        return 0;
    }
}
