namespace Extractor.Parsing.Documents;

/// <summary>
/// What a reader hands to the rest of the pipeline: the text it extracted and the blocks (paragraphs) that text
/// is made of, each with where it came from. Blocks are ordered, never overlap, and lie inside <see cref="Text"/>.
/// </summary>
/// <param name="Text">The extracted text. For a text file, its decoded characters; for other formats, the blocks joined by line feeds.</param>
/// <param name="Blocks">The blocks in reading order.</param>
/// <param name="Format">The format the text came from.</param>
/// <param name="Encoding">The character encoding, for formats that have one.</param>
/// <param name="Warnings">What the reader noticed (skipped pages, guessed encodings).</param>
internal sealed record ExtractedDocument(
    string Text,
    IReadOnlyList<TextBlock> Blocks,
    InputFormat Format,
    string? Encoding,
    IReadOnlyList<Warning> Warnings)
{
    /// <summary>A title the container supplied outside the body (HTML <c>&lt;title&gt;</c>, DOCX core properties).</summary>
    public string? ContainerTitle { get; init; }

    /// <summary>Tables whose header row names problem/rectification columns (整改台账).</summary>
    public IReadOnlyList<ExtractedTable> Tables { get; init; } = [];
}

/// <summary>One block of text: a paragraph, a line or a table cell.</summary>
/// <param name="Start">Offset of the first character in <see cref="ExtractedDocument.Text"/>.</param>
/// <param name="Length">Number of characters.</param>
/// <param name="Line">1-based line of <see cref="Start"/> in the extracted text.</param>
internal readonly record struct TextBlock(int Start, int Length, int Line)
{
    /// <summary>1-based PDF page.</summary>
    public int? Page { get; init; }

    /// <summary>For each line of the block (PDF), its 1-based page and line on that page.</summary>
    public IReadOnlyList<PageLine>? Lines { get; init; }

    /// <summary>
    /// Offsets (from <see cref="Start"/>) of line breaks where the reader joined lines without evidence either way
    /// (across a page break): a later stage may split the block there if what follows opens a heading or label.
    /// </summary>
    public IReadOnlyList<int>? SoftBreaks { get; init; }

    /// <summary>0-based DOCX paragraph index.</summary>
    public int? Paragraph { get; init; }

    /// <summary>HTML element path.</summary>
    public string? Path { get; init; }

    /// <summary>The block is a table cell of <see cref="ExtractedDocument.Tables"/>, not running text.</summary>
    public int? Table { get; init; }

    /// <summary>Offset just past the last character.</summary>
    public int End => Start + Length;
}

/// <summary>
/// A table of the document as a grid: merged cells are spread over every position they cover (the same
/// <see cref="TableCell"/> instance appears in each), so every row has the same number of columns.
/// </summary>
/// <param name="Rows">The rows; a position no cell covers is null.</param>
internal sealed record ExtractedTable(IReadOnlyList<IReadOnlyList<TableCell?>> Rows);

/// <summary>A cell: the blocks (paragraphs) it holds, and whether the document marks it as a header cell.</summary>
internal sealed record TableCell(IReadOnlyList<int> Blocks, bool Header);

/// <summary>A line of a PDF page: 1-based page and 1-based line on it.</summary>
internal readonly record struct PageLine(int Page, int Line);
