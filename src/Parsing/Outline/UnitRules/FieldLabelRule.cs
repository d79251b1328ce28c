using Extractor.Parsing.Rules;

namespace Extractor.Parsing.Outline.UnitRules;

/// <summary>
/// A status or field label (<c>整改状态：</c>, <c>责任单位：</c>, <c>整改时限：</c>) is a field of the open item; with
/// no item open, of the next item opened in the same section (else it is section text). A label alone on its line
/// takes the lines below it as its value (<see cref="LabelValueRule"/>).
/// </summary>
internal sealed class FieldLabelRule : OutlineRule
{
    public override bool TryContinue(OutlineProcessor processor, Unit unit, OutlineItem item)
    {
        if (!IsField(unit)) return false;
        item.Lines.Add(Open(processor, unit));
        return true;
    }

    public override bool TryOpen(OutlineProcessor processor, Unit unit)
    {
        if (!IsField(unit)) return false;
        processor.Top.PendingLabelled.Add(Open(processor, unit));
        return true;
    }

    private static LabelledParagraph Open(OutlineProcessor processor, Unit unit)
    {
        var line = new LabelledParagraph(unit.Label!.Value, unit.Paragraph);
        processor.Value = unit.Content is null ? new LabelValue(line.More.Add) : null;
        return line;
    }

    private static bool IsField(Unit unit) => unit is { Kind: UnitKind.Label, Label.Kind: LabelKind.Status or LabelKind.Field };
}
