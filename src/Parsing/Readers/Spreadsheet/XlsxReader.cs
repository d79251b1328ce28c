using Extractor.Parsing.Readers.Containers;

namespace Extractor.Parsing.Readers.Spreadsheet;

/// <summary>
/// Reads an Excel workbook (Office Open XML, <c>.xlsx</c>) through <see cref="WorkbookReader"/>: each visible sheet in
/// order, a block of rows holding two or more cells as a table (merged cells spread), single cells above and below it
/// as paragraphs. Location: the cell reference (<c>Sheet1!B3</c>) as the block's path.
/// </summary>
public sealed class XlsxReader : INoticeReader
{
    /// <inheritdoc/>
    public InputFormat Format => InputFormat.Xlsx;

    /// <summary>Certain for a ZIP package whose directory holds <c>xl/workbook.xml</c>.</summary>
    public FormatConfidence Recognize(ReadOnlySpan<byte> content, string? fileName) =>
        ZipDirectory.IsZip(content) && ZipDirectory.Contains(ZipDirectory.Names(content), "xl/workbook.xml") ? FormatConfidence.Certain : FormatConfidence.None;

    /// <inheritdoc/>
    public ExtractedDocument Read(Stream content, ReaderContext context)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(context);
        return WorkbookReader.Read(NoticeReaders.Bytes(content), openXml: true, Format, context);
    }
}
