namespace Extractor.Parsing.Readers.Ole;

/// <summary>
/// An OLE compound file that no reader before it claimed: refused with a message naming what its root storage shows it
/// to be (a Word 97-2003 document, a PowerPoint presentation, a password-protected Office file), so that it is not
/// read as text.
/// </summary>
internal sealed class OleRefusalReader : INoticeReader
{
    public InputFormat Format { get; } = new("ole");

    public FormatConfidence Recognize(ReadOnlySpan<byte> content, string? fileName) =>
        CompoundFileDirectory.IsCompoundFile(content) ? FormatConfidence.Certain : FormatConfidence.None;

    public ExtractedDocument Read(Stream content, ReaderContext context)
    {
        ArgumentNullException.ThrowIfNull(content);
        var entries = CompoundFileDirectory.RootEntries(NoticeReaders.Bytes(content))
            ?? throw new NoticeFormatException(NoticeErrorKind.Corrupt, "the file starts like an OLE compound file (a legacy Office file) but its directory is damaged or truncated");
        if (CompoundFileDirectory.HasStream(entries, "EncryptedPackage"))
            throw new NoticeFormatException(NoticeErrorKind.Encrypted, "this is a password-protected Office document: it needs its password to be read");
        throw new NoticeFormatException(NoticeErrorKind.UnsupportedFormat, $"this is {What(entries)}");
    }

    private static string What(IReadOnlyList<OleEntry> entries) =>
        CompoundFileDirectory.HasStream(entries, "WordDocument") ? "a Word 97-2003 document (.doc/.wps), which this version cannot read; save it as .docx"
        : CompoundFileDirectory.HasStream(entries, "PowerPoint Document") ? "a PowerPoint 97-2003 presentation, not a notice document"
        : CompoundFileDirectory.HasStream(entries, "Equation Native") ? "an embedded equation, not a document"
        : $"an OLE compound file ({string.Join(", ", entries.Take(5).Select(e => e.Name))}) of no format this version reads";
}
