using Extractor.Parsing.Normalization;
using Extractor.Parsing.Rules;

namespace Extractor.Parsing.Outline;

/// <summary>
/// The value of a label that stood alone on its line: the lines below it, plain or a numbered list (<c>（一）…</c>
/// <c>（二）…</c>, <c>1.…</c>), go where the label wants them until a line that is neither.
/// </summary>
/// <param name="add">Where a line of the value goes (a field's value, the problem's text).</param>
internal sealed class LabelValue(Action<Paragraph> add)
{
    private CompiledMarker? _style;
    private int _number;

    /// <summary>Takes a plain line, or a numbered line that starts or continues the value's list; false for anything else.</summary>
    public bool Take(Unit unit)
    {
        switch (unit.Kind)
        {
            case UnitKind.Plain:
                add(unit.Paragraph);
                return true;
            case UnitKind.Heading when !unit.HasProblemLabel
                                      && (_style is null ? unit.Marker!.Number == 1 : unit.Marker!.Style == _style && unit.Marker.Number == _number + 1):
                (_style, _number) = (unit.Marker.Style, unit.Marker.Number);
                add(unit.Paragraph);
                return true;
            default:
                return false;
        }
    }
}
