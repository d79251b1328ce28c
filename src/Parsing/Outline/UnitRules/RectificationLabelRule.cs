using Extractor.Parsing.Rules;

namespace Extractor.Parsing.Outline.UnitRules;

/// <summary>
/// A rectification label (<c>整改情况：</c>) opens the rectification of the open item, or adds to it (<c>整改成效：</c>
/// after <c>整改措施：</c>). With no item open it opens one: for the heading above it when that heading has no item and
/// no sections below it — unless that heading only names the rectification part (<c>二、整改措施及落实情况</c>) and the
/// section before it stated a problem under a problem label, which the label then answers — else for the paragraphs since
/// the last heading; a label that follows nothing is an orphan.
/// </summary>
internal sealed class RectificationLabelRule : OutlineRule
{
    public override bool TryContinue(OutlineProcessor processor, Unit unit, OutlineItem item)
    {
        if (unit is not { Kind: UnitKind.Label, Label: { Kind: LabelKind.Rectification } label }) return false;
        if (!item.InRectification) item.Label = label;
        item.Labels.Add(label.Label);
        item.Rectification.Add(new RectificationPart(unit.Paragraph, label));
        return true;
    }

    public override bool TryOpen(OutlineProcessor processor, Unit unit)
    {
        if (unit is not { Kind: UnitKind.Label, Label: { Kind: LabelKind.Rectification } label }) return false;
        var top = processor.Top;
        OutlineItem item;
        if (StatedBefore(processor, top) is { } stated)
        {
            item = processor.OpenItem(stated, owns: false);
            item.Anchor = stated.Pending[0];
            item.Problem.AddRange(stated.Pending);
            stated.Pending.Clear();
        }
        else if (top is { Heading: not null, Item: null, Children.Count: 0 })
        {
            item = processor.OpenItem(top, owns: true);
        }
        else if (top.Pending.Count > 0)
        {
            // Paragraphs under a category heading (or before any heading) that a label follows: the problem.
            item = processor.OpenItem(top, owns: false);
            item.Anchor = top.Pending[0];
            item.Problem.AddRange(top.Pending);
            top.Pending.Clear();
        }
        else
        {
            processor.Warnings.Add(new OutlineWarning(WarningCodes.OrphanRectification,
                $"the label “{label.Label}” follows no problem; its text is kept as section text", unit.Paragraph));
            top.Pending.Add(unit.Paragraph);
            return true;
        }
        item.Label = label;
        item.Labels.Add(label.Label);
        item.Rectification.Add(new RectificationPart(unit.Paragraph, label));
        return true;
    }

    /// <summary>
    /// The section before <paramref name="top"/> when <paramref name="top"/>'s heading only names the rectification part
    /// (<c>二、整改措施及落实情况</c>) and holds nothing yet, and that section stated a problem under a problem label but
    /// has no item: the label answers that problem. Null otherwise.
    /// </summary>
    private static OutlineSection? StatedBefore(OutlineProcessor processor, OutlineSection top)
    {
        if (top is not { Heading: not null, Item: null, Children.Count: 0, Pending.Count: 0, PendingLabelled.Count: 0, Content: { } content, Parent: { } parent }
            || !BoundedMatches.IsLine(processor.Rules.RectificationsPart, content.MatchText.TrimEnd())) return null;
        var at = parent.Children.IndexOf(top);
        return at > 0 && parent.Children[at - 1] is { Item: null, Children.Count: 0, ProblemStated: true, Pending.Count: > 0 } before ? before : null;
    }
}
