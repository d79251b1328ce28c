using Extractor.Parsing.Rules;

namespace Extractor.Parsing.Outline.UnitRules;

/// <summary>
/// A problem label (<c>反馈问题：</c>, <c>问题2：</c>) adds to the problem of an item whose rectification has not
/// started; under a heading that has no item yet, it states the heading's problem; anywhere else it opens an item of
/// its own (a section of its own, numbered by inference, among numbered siblings). A label alone on its line takes the
/// lines below it as the problem (<see cref="LabelValueRule"/>).
/// </summary>
internal sealed class ProblemLabelRule : OutlineRule
{
    public override bool TryContinue(OutlineProcessor processor, Unit unit, OutlineItem item)
    {
        if (unit is not { Kind: UnitKind.Label, Label: { Kind: LabelKind.Problem } label } || item.InRectification) return false;
        if (unit.Content is { } content) item.Problem.Add(content);
        processor.KeepLabel(unit, label);
        if (unit.Content is null) processor.Value = new LabelValue(item.Problem.Add);
        return true;
    }

    public override bool TryOpen(OutlineProcessor processor, Unit unit)
    {
        if (unit is not { Kind: UnitKind.Label, Label: { Kind: LabelKind.Problem } label }) return false;
        if (processor.Item is null && processor.Top is { Heading: not null, Item: null, Children.Count: 0 } top)
        {
            if (unit.Content is { } content) top.Pending.Add(content); // 问题表现：… under a heading that names the problem
            top.ProblemStated = true;
            processor.KeepLabel(unit, label);
            if (unit.Content is null) processor.Value = new LabelValue(top.Pending.Add);
            return true;
        }
        processor.CloseItem();
        if (!processor.OpenUnnumbered(unit.Paragraph, unit.Content)) processor.KeepLabel(unit, label);
        if (unit.Content is null) processor.Value = new LabelValue(processor.Item!.Problem.Add);
        return true;
    }
}
