namespace Extractor.Parsing.Readers.Ole;

/// <summary>
/// Every OLE compound file that no other reader claims: it is refused with a message that names what its directory
/// shows it to be (an Excel 97-2003 workbook, a PowerPoint 97-2003 presentation, a password-protected Office document),
/// so that it is not read as text. It answers <see cref="FormatConfidence.Likely"/>, so that a reader that reads a
/// format inside OLE (Word's <c>WordDocument</c> stream: <see cref="Doc.DocReader"/>) and answers
/// <see cref="FormatConfidence.Certain"/> wins wherever it stands in the list.
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
        var what = file.Stream("Workbook") is not null || file.Stream("Book") is not null ? "an Excel 97-2003 workbook (.xls)"
            : file.Stream("PowerPoint Document") is not null ? "a PowerPoint 97-2003 presentation (.ppt)"
            : null;
        if (what is null && file.Stream("WordDocument") is not null)
            throw new NoticeFormatException(NoticeErrorKind.UnsupportedFormat, "this is a Word 97-2003 document, and no registered reader reads it");
        throw new NoticeFormatException(NoticeErrorKind.UnsupportedFormat,
            what is null ? "this is an OLE compound file that holds no Word document" : $"this is {what}, which is not a format notices are read from");
    }
}
