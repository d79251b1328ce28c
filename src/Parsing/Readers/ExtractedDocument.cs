using Extractor.Parsing.Tables;

namespace Extractor.Parsing.Readers;

/// <summary>
/// What a reader hands to the rest of the pipeline: the text it extracted and the blocks (paragraphs) that text is
/// made of, each with where it came from, the tables among them, and what the reader noticed on the way. Blocks are in
/// reading order, never overlap, and lie inside <see cref="Text"/>; <see cref="ExtractedDocumentBuilder"/> builds a
/// document that keeps these rules.
/// </summary>
/// <param name="Text">The extracted text. For a text file, its decoded characters; for other formats, the blocks joined by line feeds.</param>
/// <param name="Blocks">The blocks in reading order.</param>
/// <param name="Format">The format the text came from (recorded as <see cref="NoticeSource.Format"/>).</param>
/// <param name="Encoding">The character encoding, for formats that have one.</param>
/// <param name="Warnings">What the reader noticed (skipped pages, guessed encodings).</param>
public sealed record ExtractedDocument(
    string Text,
    IReadOnlyList<TextBlock> Blocks,
    InputFormat Format,
    string? Encoding,
    IReadOnlyList<Warning> Warnings)
{
    /// <summary>A title the container supplied outside the body (HTML <c>&lt;title&gt;</c>, DOCX core properties, PDF Info).</summary>
    public string? ContainerTitle { get; init; }

    /// <summary>The document's tables, as grids of cells; <see cref="TextBlock.Table"/> says which blocks are their cells.</summary>
    public IReadOnlyList<ExtractedTable> Tables { get; init; } = [];

    /// <summary>For paged formats, how each page's text was obtained (recorded as <see cref="NoticeSource.Pages"/>); null for others.</summary>
    public IReadOnlyList<PageSource>? Pages { get; init; }

    /// <summary>Checks the rules every document keeps (a reader from outside the library may break them).</summary>
    /// <exception cref="InvalidOperationException">A block lies outside the text, overlaps the one before, or names a table that is not there.</exception>
    internal void Validate(string reader)
    {
        var end = 0;
        for (var i = 0; i < Blocks.Count; i++)
        {
            var b = Blocks[i];
            if (b.Start < end || b.Length < 0 || b.End > Text.Length || b.Line < 1)
                throw new InvalidOperationException($"the {reader} reader returned block {i} [{b.Start}, {b.End}) line {b.Line}, "
                    + $"which is not inside the text ({Text.Length} characters) after the block before it");
            if (b.Table is { } t && (t < 0 || t >= Tables.Count))
                throw new InvalidOperationException($"the {reader} reader returned block {i} in table {t}, but the document has {Tables.Count} tables");
            end = b.End;
        }
    }
}

/// <summary>One block of text: a paragraph, a line or a table cell, and where it is in the source.</summary>
/// <param name="Start">Offset of the first character in <see cref="ExtractedDocument.Text"/>.</param>
/// <param name="Length">Number of characters.</param>
/// <param name="Line">1-based line of <see cref="Start"/> in the extracted text.</param>
public readonly record struct TextBlock(int Start, int Length, int Line)
{
    /// <summary>1-based page (PDF).</summary>
    public int? Page { get; init; }

    /// <summary>For each line of the block (PDF), its 1-based page and line on that page.</summary>
    public IReadOnlyList<PageLine>? Lines { get; init; }

    /// <summary>
    /// Offsets (from <see cref="Start"/>) of line breaks where the reader joined lines without evidence either way
    /// (across a page break): a later stage may split the block there if what follows opens a heading or label.
    /// </summary>
    public IReadOnlyList<int>? SoftBreaks { get; init; }

    /// <summary>0-based paragraph index (DOCX).</summary>
    public int? Paragraph { get; init; }

    /// <summary>Element path (HTML: <c>body/div[2]/p[5]</c>).</summary>
    public string? Path { get; init; }

    /// <summary>The index in <see cref="ExtractedDocument.Tables"/> of the table whose cell this block is; null for running text.</summary>
    public int? Table { get; init; }

    /// <summary>
    /// Offsets (from <see cref="Start"/>) of characters the reader is unsure of: OCR read their words with low
    /// confidence. A heading marker among them does not open a section unless its number continues the numbering.
    /// </summary>
    public IReadOnlyList<int>? Uncertain { get; init; }

    /// <summary>Offset just past the last character.</summary>
    public int End => Start + Length;
}

/// <summary>A line of a page: 1-based page and 1-based line on it.</summary>
/// <param name="Page">The page.</param>
/// <param name="Line">The line on the page.</param>
public readonly record struct PageLine(int Page, int Line);
