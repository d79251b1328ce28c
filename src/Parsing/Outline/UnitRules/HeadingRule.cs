namespace Extractor.Parsing.Outline.UnitRules;

/// <summary>A paragraph that opens with a heading marker opens a section (closing the open item).</summary>
/// <example><code>
/// 一、政治建设方面       ← a section
/// （一）理论学习不深入   ← a section below it
/// </code></example>
internal sealed class HeadingRule : OutlineRule
{
    public override bool TryOpen(OutlineProcessor processor, Unit unit)
    {
        if (unit.Kind != UnitKind.Heading) return false;
        processor.OpenSection(unit);
        return true;
    }
}
