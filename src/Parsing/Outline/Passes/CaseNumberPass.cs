using Extractor.Parsing.Rules;

namespace Extractor.Parsing.Outline.Passes;

/// <summary>
/// A complaint ledger's problem field may open with the case's number before the complaint itself, each under a label of
/// its own (<c>投诉问题 | 受理编号:X3YN202405220059 投诉人反映:…</c>). Where an item's problem (not a heading) opens so
/// (rule <c>problemCaseNumber</c>), the number is a field of the item, the label after it is kept as a label, and the
/// problem starts after them.
/// </summary>
internal sealed class CaseNumberPass : IOutlinePass
{
    public void Run(OutlineProcessor processor)
    {
        var rules = processor.Rules;
        foreach (var item in processor.Items)
        {
            if (item is not { Problem: [var first, ..] } || item.OwnsSection && item.Section.Content == first) continue;
            var text = first.MatchText;
            var m = BoundedMatches.Line(rules.ProblemCaseNumber, text.Length > BoundedMatches.MaxLine ? text[..BoundedMatches.MaxLine] : text);
            if (!m.Success || m.Groups["name"] is not { Success: true } name || m.Groups["value"] is not { Success: true } value
                || m.Index != 0 || m.Length >= text.Length) continue;
            var numberEnd = value.Index + value.Length;
            var field = new LabelMatch(LabelKind.Field, first.Text.Substring(name.Index, name.Length), 0, value.Index);
            item.Lines.Insert(0, new LabelledParagraph(field, first.Slice(0, numberEnd)));
            if (m.Length > numberEnd && first.Slice(numberEnd, m.Length) is { Text.Length: > 0 } label) processor.Labels.Add(label);
            item.Problem[0] = first.Slice(m.Length, text.Length);
        }
    }
}
