namespace Extractor.Parsing.Outline.UnitRules;

/// <summary>
/// Inside a rectification, a numbered paragraph of a deeper or unseen style, or one that continues or restarts at 1
/// the item's own list (when the item owns a section not numbered 1), is a measure of the list under the label, not a
/// heading — unless it opens a problem (<c>1.问题1：</c>) or a rectification label follows it.
/// </summary>
/// <example><code>
/// （一）问题甲
/// 整改情况：
/// 1.召开专题会议。      ← a measure
/// 2.修订制度。          ← a measure
/// （二）问题乙          ← a heading
/// </code></example>
internal sealed class MeasureRule : OutlineRule
{
    public override bool TryContinue(OutlineProcessor processor, Unit unit, OutlineItem item)
    {
        if (unit.Kind != UnitKind.Heading || !item.InRectification || !IsMeasure(processor, unit, item)) return false;
        var marker = unit.Marker!;
        item.Rectification.Add(new RectificationPart(unit.Paragraph, Measure: marker));
        item.MeasureList = (marker.Style, marker.Number);
        return true;
    }

    public override bool TryOpen(OutlineProcessor processor, Unit unit) => false;

    private static bool IsMeasure(OutlineProcessor processor, Unit unit, OutlineItem item)
    {
        if (unit.HasProblemLabel || processor.NextOpensRectification(item)) return false;
        var style = unit.Marker!.Style;
        var styleRank = processor.RankOf(style, insert: false);
        if (styleRank < 0) return true;
        var itemRank = item.OwnsSection ? processor.RankOf(item.Section.Style, insert: false) : processor.RankOf(processor.Top.Style, insert: false);
        if (styleRank > itemRank) return true;
        if (styleRank < itemRank || !item.OwnsSection) return false;
        if (item.MeasureList.Style == style && unit.Marker.Number == item.MeasureList.Number + 1) return true;
        return unit.Marker.Number == 1 && item.Section.Number != 1;
    }
}
