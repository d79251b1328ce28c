using Extractor.Parsing.Readers.Ole;

namespace Extractor.Parsing.Readers.Spreadsheet;

/// <summary>
/// Reads an Excel 97-2003 workbook (<c>.xls</c>: BIFF in an OLE compound file; WPS's <c>.et</c> is the same) through
/// <see cref="WorkbookReader"/>, exactly as <see cref="XlsxReader"/> reads <c>.xlsx</c>. Location: the cell reference.
/// </summary>
public sealed class XlsReader : INoticeReader
{
    /// <inheritdoc/>
    public InputFormat Format => InputFormat.Xls;

    /// <summary>Certain for an OLE compound file whose root storage has a <c>Workbook</c> (BIFF8) or <c>Book</c> (BIFF5) stream.</summary>
    public FormatConfidence Recognize(ReadOnlySpan<byte> content, string? fileName)
    {
        var file = CompoundFile.TryOpen(content, new ParserLimits());
        return file?.Stream("Workbook") is not null || file?.Stream("Book") is not null ? FormatConfidence.Certain : FormatConfidence.None;
    }

    /// <inheritdoc/>
    public ExtractedDocument Read(Stream content, ReaderContext context)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(context);
        return WorkbookReader.Read(NoticeReaders.Bytes(content), openXml: false, Format, context);
    }
}
