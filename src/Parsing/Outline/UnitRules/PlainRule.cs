namespace Extractor.Parsing.Outline.UnitRules;

/// <summary>
/// Running text adds to the problem of the open item, or to its rectification once that has started — unless a new
/// rectification label follows it, when it is the problem of an item of its own (a section of its own, numbered by
/// inference, among numbered siblings). With no item open it waits under the current heading: a later label makes it a
/// problem, or it stays the section's own text.
/// </summary>
internal sealed class PlainRule : OutlineRule
{
    public override bool TryContinue(OutlineProcessor processor, Unit unit, OutlineItem item)
    {
        if (unit.Kind != UnitKind.Plain) return false;
        if (!item.InRectification)
        {
            item.Problem.Add(unit.Paragraph);
            return true;
        }
        if (processor.NextOpensRectification(item)) return false;
        item.Rectification.Add(new RectificationPart(unit.Paragraph));
        return true;
    }

    public override bool TryOpen(OutlineProcessor processor, Unit unit)
    {
        if (unit.Kind != UnitKind.Plain) return false;
        if (processor.Item is not null)
        {
            // The open item's rectification is followed by a new label: this paragraph is the next problem.
            processor.CloseItem();
            processor.OpenUnnumbered(unit.Paragraph, unit.Paragraph);
            return true;
        }
        processor.Top.Pending.Add(unit.Paragraph);
        return true;
    }
}
