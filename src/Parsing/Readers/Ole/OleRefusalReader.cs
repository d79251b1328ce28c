namespace Extractor.Parsing.Readers.Ole;

/// <summary>
/// Every OLE compound file that no other reader claims: it is refused with a message that names what its directory
/// shows it to be (a PowerPoint 97-2003 presentation, a password-protected Office document, an embedded equation), so
/// that it is not read as text. It answers <see cref="FormatConfidence.Likely"/>, so that a reader of a format inside
/// OLE (<see cref="Doc.DocReader"/> for a <c>WordDocument</c> stream, <see cref="Spreadsheet.XlsReader"/> for a
/// <c>Workbook</c>) answers <see cref="FormatConfidence.Certain"/> and wins wherever it stands in the list.
/// </summary>
internal sealed class OleRefusalReader : INoticeReader
{
    public InputFormat Format { get; } = new("ole");

    public FormatConfidence Recognize(ReadOnlySpan<byte> content, string? fileName) =>
        CompoundFile.HasMagic(content) ? FormatConfidence.Likely : FormatConfidence.None;

    public ExtractedDocument Read(Stream content, ReaderContext context)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(context);
        var file = CompoundFile.Open(NoticeReaders.Bytes(content), context.Limits);
        if (file.Stream("EncryptedPackage") is not null)
            throw new NoticeFormatException(NoticeErrorKind.Encrypted, "this is a password-protected Office document (an encrypted .docx or .xlsx): it needs a password");
        throw new NoticeFormatException(NoticeErrorKind.UnsupportedFormat, $"this is {What(file)}");
    }

    private static string What(CompoundFile file) =>
        file.Stream("WordDocument") is not null ? "a Word 97-2003 document, and no registered reader reads it"
        : file.Stream("Workbook") is not null || file.Stream("Book") is not null ? "an Excel 97-2003 workbook (.xls), and no registered reader reads it"
        : file.Stream("PowerPoint Document") is not null ? "a PowerPoint 97-2003 presentation, not a notice document"
        : file.Stream("Equation Native") is not null ? "an embedded equation, not a document"
        : $"an OLE compound file ({string.Join(", ", file.Entries.Where(e => e.Depth == 1).Take(5).Select(e => e.Name))}) of no format this version reads";
}
