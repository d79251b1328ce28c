using Extractor.Parsing.Rules;

namespace Extractor.Parsing.Outline;

/// <summary>
/// Field templates number their fields: <c>一、整改问题</c> <c>二、责任单位</c> <c>三、整改措施</c> … <c>六、整改完成情况</c>,
/// or under each problem <c>（一）问题基本情况：…</c> <c>（二）整改措施：…</c>. A numbered paragraph whose text is a label
/// is a field of the template, not a heading, when the document numbers both a problem label and a rectification (or
/// status) label with the same marker style, and no field holds labels of its own below it (a part
/// <c>一、巡察反馈问题</c> whose problems have their own <c>整改情况：</c> is a heading); a numbered problem such as
/// <c>1.问题1：</c> is still a heading.
/// </summary>
internal static class NumberedLabels
{
    public static void Reclassify(List<Unit> units, CompiledRules rules)
    {
        var byStyle = new Dictionary<CompiledMarker, List<(int Index, LabelMatch Label)>>();
        for (var i = 0; i < units.Count; i++)
        {
            if (units[i] is not { Kind: UnitKind.Heading, Marker: { } marker } unit) continue;
            var text = unit.Paragraph.Text;
            if (Segmenter.PrefixLength(rules.SecondaryMarker, text, marker.ContentStart) > 0) continue; // 1.问题1： numbers a problem
            if (rules.Labels.MatchAt(text, marker.ContentStart) is not { } label) continue;
            if (!byStyle.TryGetValue(marker.Style, out var list)) byStyle[marker.Style] = list = [];
            list.Add((i, label));
        }
        foreach (var candidates in byStyle.Values)
        {
            if (!candidates.Any(c => c.Label.Kind == LabelKind.Problem)
                || !candidates.Any(c => c.Label.Kind is LabelKind.Rectification or LabelKind.Status)
                || candidates.Any(c => HoldsLabels(units, c.Index))) continue;
            foreach (var (index, label) in candidates)
            {
                var unit = units[index];
                var p = unit.Paragraph;
                units[index] = new Unit(p, UnitKind.Label, unit.Marker, label, label.ContentStart < p.Text.Length ? p.Slice(label.ContentStart, p.Text.Length) : null);
            }
        }
    }

    /// <summary>Whether the lines below the numbered label at <paramref name="index"/>, up to the next line of its style, hold a label of their own.</summary>
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
