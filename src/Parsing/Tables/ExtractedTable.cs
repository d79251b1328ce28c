namespace Extractor.Parsing.Tables;

/// <summary>
/// A table of a document as a grid: merged cells are spread over every position they cover (the same
/// <see cref="TableCell"/> instance appears in each), so every row has the same number of columns.
/// </summary>
/// <param name="Rows">The rows; a position no cell covers is null.</param>
public sealed record ExtractedTable(IReadOnlyList<IReadOnlyList<TableCell?>> Rows);

/// <summary>A cell: the blocks (paragraphs) it holds, by index in the document's blocks, and whether the document marks it as a header cell.</summary>
/// <param name="Blocks">Indexes in <see cref="Readers.ExtractedDocument.Blocks"/>.</param>
/// <param name="Header">The document marks the cell as a header (<c>&lt;th&gt;</c>, a repeated Word header row).</param>
public sealed record TableCell(IReadOnlyList<int> Blocks, bool Header);
