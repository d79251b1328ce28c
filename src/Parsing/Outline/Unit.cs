using Extractor.Parsing.Normalization;
using Extractor.Parsing.Rules;
using Extractor.Parsing.Tables;

namespace Extractor.Parsing.Outline;

/// <summary>What a unit opens with.</summary>
internal enum UnitKind
{
    /// <summary>Running text.</summary>
    Plain,

    /// <summary>A heading marker (<c>一、</c>), perhaps with a problem label or secondary marker after it.</summary>
    Heading,

    /// <summary>A label (<c>整改情况：</c>, <c>问题2：</c>).</summary>
    Label,

    /// <summary>A table, with its cells' paragraphs.</summary>
    Table,
}

/// <summary>
/// One unit of the outline: a paragraph with what it opens with (marker, label), or a table with its cells'
/// paragraphs. The segmenter makes units; the outline's unit rules take them in turn.
/// </summary>
/// <param name="Paragraph">The paragraph (for a table, its first cell's).</param>
/// <param name="Kind">What it opens with.</param>
/// <param name="Marker">The heading marker.</param>
/// <param name="Label">The label.</param>
/// <param name="Content">The text after the marker (and problem label) or label; the whole paragraph for plain text; null when nothing follows.</param>
/// <param name="HasProblemLabel">A heading whose marker a problem label or secondary marker follows (<c>1.问题1：</c>).</param>
internal sealed record Unit(Paragraph Paragraph, UnitKind Kind, MarkerMatch? Marker = null, LabelMatch? Label = null, Paragraph? Content = null, bool HasProblemLabel = false)
{
    /// <summary>The table of a table unit.</summary>
    public ExtractedTable? Table { get; init; }

    /// <summary>The table's cells' paragraphs, by block index.</summary>
    public IReadOnlyDictionary<int, Paragraph>? Cells { get; init; }

    /// <summary>The table's layout when it is a table-form notice (整改台账); null for any other table.</summary>
    public TableLayout? Layout { get; init; }

    /// <summary>A cell's paragraphs joined by line feeds; null for an empty cell.</summary>
    public Paragraph? CellText(TableCell? cell) => TableLayout.CellText(cell, Cells!);
}
