namespace Extractor.Parsing.Outline.UnitRules;

/// <summary>
/// Below a field or problem label that stands alone on its line, the lines that follow are its value — plain text, or
/// a numbered list that starts at 1 — not sections: <c>目标任务</c>, then <c>（一）完成清理工作</c>, is one field. The
/// value ends at the first line that is neither (a label, a heading that does not continue the list, a table).
/// </summary>
/// <example><code>
/// 整改问题：
/// （一）唐河有浮萍及垃圾。    ← the problem, not a section
/// 责任单位：
/// 宿马园区管委会              ← the field's value
/// </code></example>
internal sealed class LabelValueRule : OutlineRule
{
    public override bool TryContinue(OutlineProcessor processor, Unit unit, OutlineItem item) => Take(processor, unit);

    public override bool TryOpen(OutlineProcessor processor, Unit unit) => Take(processor, unit);

    private static bool Take(OutlineProcessor processor, Unit unit)
    {
        if (processor.Value is not { } value) return false;
        if (value.Take(unit)) return true;
        processor.Value = null;
        return false;
    }
}
