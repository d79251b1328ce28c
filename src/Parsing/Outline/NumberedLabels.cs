using Extractor.Parsing.Rules;
using Extractor.Parsing.Text;

namespace Extractor.Parsing.Outline;

/// <summary>
/// Field templates number their fields: <c>一、整改问题</c> <c>二、责任单位</c> <c>三、整改措施</c> … <c>六、整改完成情况</c>,
/// or under each problem <c>（一）问题基本情况：…</c> <c>（二）整改措施：…</c>. A marker style is a template's when the
/// paragraphs it numbers are labels — a problem label and a rectification (or status) label, or three labels of which
/// one is a rectification or status label — and no field holds labels of its own below it (a part
/// <c>一、巡察反馈问题</c> whose problems have their own <c>整改情况：</c> is a heading). Every paragraph of that style is
/// then a field: a known label as it is; any other short name (<c>验收单位</c>, <c>整改完成时间。2021年9月</c>) a field
/// of that name — or, before the first rectification field of a template that names no problem field, the problem
/// field (<c>一、第二轮省生态环境保护督察反馈问题</c>). A numbered problem such as <c>1.问题1：</c> stays a heading.
/// </summary>
internal static class NumberedLabels
{
    /// <summary>The longest name a field of a template may have that is not a known label.</summary>
    private const int MaxNameLength = 20;

    public static void Reclassify(List<Unit> units, CompiledRules rules)
    {
        var byStyle = new Dictionary<CompiledMarker, List<(int Index, LabelMatch? Label)>>();
        for (var i = 0; i < units.Count; i++)
        {
            if (units[i] is not { Kind: UnitKind.Heading, Marker: { } marker } unit) continue;
            var text = unit.Paragraph.MatchText;
            if (Segmenter.PrefixLength(rules.SecondaryMarker, text, marker.ContentStart) > 0) continue; // 1.问题1： numbers a problem
            if (!byStyle.TryGetValue(marker.Style, out var list)) byStyle[marker.Style] = list = [];
            var label = rules.Labels.MatchAt(text, marker.ContentStart, unit.Paragraph.Text)
                ?? rules.Labels.MatchPrefix(text, marker.ContentStart, unit.Paragraph.Text);
            // A heading that names the problem field (一、中央环境保护督察反馈意见整改任务) is the template's problem label.
            if (label is null && rules.ProblemFieldHeading.IsMatch(text.AsSpan(marker.ContentStart)))
                label = new LabelMatch(LabelKind.Problem, unit.Paragraph.Text[marker.ContentStart..].TrimEnd('：', ':'), marker.ContentStart, text.Length);
            list.Add((i, label));
        }
        foreach (var headings in byStyle.Values)
        {
            var labels = headings.Where(h => h.Label is not null).Select(h => h.Label!.Value).ToList();
            var problem = labels.Any(l => l.Kind == LabelKind.Problem);
            var rectification = labels.Any(l => l.Kind is LabelKind.Rectification or LabelKind.Status);
            if (!rectification || !(problem || labels.Count >= 3)) continue;
            if (headings.Any(h => HoldsLabels(units, h.Index))) continue;
            var named = headings.Select(h => h.Label ?? Named(units[h.Index])).ToList();
            // A template with no rectification field reports the work in its first status field (三、完成情况：…).
            if (!labels.Any(l => l.Kind == LabelKind.Rectification) && named.FindIndex(l => l?.Kind == LabelKind.Status) is var status and >= 0)
                named[status] = named[status]!.Value with { Kind = LabelKind.Rectification };
            var seenRectification = false;
            for (var k = 0; k < headings.Count; k++)
            {
                if (named[k] is not { } label)
                {
                    // A sentence numbered like the fields (四、验收意见已完成整改，同意销号。) is text of the field before it.
                    units[headings[k].Index] = units[headings[k].Index] with { Kind = UnitKind.Plain, Marker = null, Content = units[headings[k].Index].Paragraph };
                    continue;
                }
                if (label.Kind is LabelKind.Rectification or LabelKind.Status) seenRectification = true;
                else if (headings[k].Label is null && !problem && !seenRectification) label = label with { Kind = LabelKind.Problem };
                var p = units[headings[k].Index].Paragraph;
                units[headings[k].Index] = new Unit(p, UnitKind.Label, units[headings[k].Index].Marker, label,
                    label.ContentStart < p.Text.Length ? p.Slice(label.ContentStart, p.Text.Length) : null);
            }
        }
    }

    /// <summary>
    /// A heading that reads as a field's name: a short text without punctuation inside, alone or followed by its value
    /// after a colon or a full stop (<c>验收单位</c>, <c>整改完成时间。2021年9月</c>); null for a sentence.
    /// </summary>
    private static LabelMatch? Named(Unit heading)
    {
        var text = heading.Paragraph.Text;
        var start = heading.Marker!.ContentStart;
        var end = start;
        while (end < text.Length && end - start <= MaxNameLength && !IsNameEnd(text[end])) end++;
        if (end == start || end - start > MaxNameLength) return null;
        var name = text[start..end];
        if (name.Any(c => c is '，' or ',' or '、' or '（' or '(' or ' ')) return null;
        var content = end;
        if (content < text.Length) content++; // the colon or full stop
        while (content < text.Length && text[content] == ' ') content++;
        return new LabelMatch(LabelKind.Field, name, start, content);
    }

    private static bool IsNameEnd(char c) => c is '：' or ':' || Sentences.IsFullStop(c);

    /// <summary>Whether the lines below the numbered paragraph at <paramref name="index"/>, up to the next line of its style, hold a label of their own.</summary>
    private static bool HoldsLabels(List<Unit> units, int index)
    {
        var style = units[index].Marker!.Style;
        for (var i = index + 1; i < units.Count; i++)
        {
            var u = units[i];
            if (u.Marker?.Style == style) return false;
            if (u is { Kind: UnitKind.Label, Label.Kind: not LabelKind.Field } or { Kind: UnitKind.Heading, HasProblemLabel: true }) return true;
        }
        return false;
    }
}
