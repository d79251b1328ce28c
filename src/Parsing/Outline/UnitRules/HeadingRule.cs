namespace Extractor.Parsing.Outline.UnitRules;

/// <summary>
/// A paragraph that opens with a heading marker opens a section (closing the open item) — unless OCR read the marker
/// with low confidence and its number does not continue the numbering (the next number of its style, or the first
/// of a new one): a doubtful marker alone opens nothing, the paragraph is read as text, with a warning.
/// </summary>
/// <example><code>
/// 一、政治建设方面       ← a section
/// （一）理论学习不深入   ← a section below it
/// </code></example>
internal sealed class HeadingRule : OutlineRule
{
    public override bool TryOpen(OutlineProcessor processor, Unit unit)
    {
        if (unit.Kind != UnitKind.Heading) return false;
        var marker = unit.Marker!;
        if (unit.Paragraph.IsUncertain(0, marker.Text.Length) && !processor.Continues(marker))
        {
            processor.Warnings.Add(new OutlineWarning(WarningCodes.OcrUncertainMarker,
                $"“{marker.Text}” was read by OCR with low confidence and does not continue the numbering: read as text, not as a heading",
                unit.Paragraph, 0, marker.Text.Length));
            processor.Take(unit with { Kind = UnitKind.Plain, Marker = null, Content = unit.Paragraph, HasProblemLabel = false });
            return true;
        }
        processor.OpenSection(unit);
        return true;
    }
}
