using Extractor.Parsing.Normalization;
using Extractor.Parsing.Outline;

namespace Extractor.Parsing.Tables;

/// <summary>
/// A table that is not a table-form notice (a list of funds, a schedule) is text where it stands, a paragraph per row
/// with its cells joined by spaces: part of the open item's problem or rectification, else text under the heading.
/// </summary>
internal sealed class TableTextRule : OutlineRule
{
    public override bool TryContinue(OutlineProcessor processor, Unit unit, OutlineItem item)
    {
        if (unit is not { Kind: UnitKind.Table, Layout: null }) return false;
        foreach (var text in Rows(unit))
        {
            if (item.InRectification) item.Rectification.Add(new RectificationPart(text));
            else item.Problem.Add(text);
        }
        return true;
    }

    public override bool TryOpen(OutlineProcessor processor, Unit unit)
    {
        if (unit is not { Kind: UnitKind.Table, Layout: null }) return false;
        processor.Top.Pending.AddRange(Rows(unit));
        return true;
    }

    private static IEnumerable<Paragraph> Rows(Unit unit)
    {
        foreach (var row in unit.Table!.Rows)
        {
            var parts = TableLayout.Distinct(row).Select(unit.CellText).OfType<Paragraph>().ToList();
            if (parts.Count > 0) yield return Normalizer.Join(parts, " ");
        }
    }
}
