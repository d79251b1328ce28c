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

    /// <summary>0-based DOCX paragraph index.</summary>
    public int? Paragraph { get; init; }

    /// <summary>HTML element path.</summary>
    public string? Path { get; init; }

    /// <summary>The block is a table cell of <see cref="ExtractedDocument.Tables"/>, not running text.</summary>
    public int? Table { get; init; }

    /// <summary>Offset just past the last character.</summary>
    public int End => Start + Length;
}

/// <summary>A table of the document, as rows of cells that point at blocks.</summary>
/// <param name="Rows">Rows of block indexes (-1 for an empty cell), after merged cells have been spread.</param>
internal sealed record ExtractedTable(IReadOnlyList<IReadOnlyList<int>> Rows);
