using Extractor.Parsing.Rules;

namespace Extractor.Parsing.Outline.UnitRules;

/// <summary>
/// A marker that names a problem (<c>问题2：</c>) is a heading of its own level — under a category heading
/// (<c>一、党的政治建设方面</c>), its numbering running on across categories. But where the notice writes such markers after
/// a heading's marker (<c>1.问题1：</c>), one standing alone is that level's next heading left unnumbered: it opens a problem
/// as a problem label does, and the heading's number is inferred.
/// </summary>
/// <example><code>
/// 1.问题1：个别问题线索处置不及时。
/// 整改情况：…
/// 问题2：审查调查安全工作存在隐患。  ← the problem of an inferred 2.
/// </code></example>
internal sealed class ProblemNumberRule : OutlineRule
{
    private static readonly ProblemLabelRule ProblemLabel = new();

    public override bool TryOpen(OutlineProcessor processor, Unit unit)
    {
        if (unit is not { Kind: UnitKind.Heading, Marker: { Style.NamesProblem: true } marker } || !AfterHeadingMarkers(processor)) return false;
        var text = unit.Paragraph.Text;
        var label = new LabelMatch(LabelKind.Problem, text[..marker.ContentStart].TrimEnd('：', ':', '.', '．', '、', ' '), 0, marker.ContentStart);
        return ProblemLabel.TryOpen(processor, unit with { Kind = UnitKind.Label, Marker = null, Label = label, HasProblemLabel = false });
    }

    /// <summary>
    /// An open heading carries a problem-naming marker after its own marker (<c>1.问题1：</c>). An inferred section's
    /// heading is an unnumbered paragraph (its marker is its numbered sibling's): it carries no marker of its own.
    /// </summary>
    private static bool AfterHeadingMarkers(OutlineProcessor processor)
    {
        for (var s = processor.Top; s is not null; s = s.Parent)
            if (s is { Inferred: false, Marker: { } m, Heading: { } h } && !m.Style.NamesProblem && Segmenter.PrefixLength(processor.Rules.SecondaryMarker, h.MatchText, m.ContentStart) > 0)
                return true;
        return false;
    }
}
