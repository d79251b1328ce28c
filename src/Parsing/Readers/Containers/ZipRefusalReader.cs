namespace Extractor.Parsing.Readers.Containers;

/// <summary>
/// A ZIP package that no reader before it claimed (not Word, not Excel): refused with a message naming what its
/// directory shows it to be — an OFD document, an OpenDocument file, a PowerPoint presentation, an Excel binary
/// workbook, or a plain archive — so that it is neither read as text nor reported as a damaged Word file.
/// </summary>
internal sealed class ZipRefusalReader : INoticeReader
{
    public InputFormat Format { get; } = new("zip");

    /// <summary>
    /// Likely for any ZIP package, so that a reader of a package format (DOCX, XLSX, OFD), which answers Certain for
    /// the parts it reads, wins wherever it stands in the list.
    /// </summary>
    public FormatConfidence Recognize(ReadOnlySpan<byte> content, string? fileName) =>
        ZipDirectory.IsZip(content) ? FormatConfidence.Likely : FormatConfidence.None;

    public ExtractedDocument Read(Stream content, ReaderContext context)
    {
        ArgumentNullException.ThrowIfNull(content);
        var names = ZipDirectory.Names(NoticeReaders.Bytes(content));
        if (names.Count == 0)
            throw new NoticeFormatException(NoticeErrorKind.Corrupt, "the file starts like a ZIP package but is damaged or truncated");
        throw new NoticeFormatException(NoticeErrorKind.UnsupportedFormat, $"this is {What(names)}");
    }

    /// <summary>What a package is, by its parts.</summary>
    internal static string What(IReadOnlyList<string> names) =>
        ZipDirectory.Contains(names, "OFD.xml") ? "an OFD document (GB/T 33190), and no registered reader reads it"
        : ZipDirectory.Contains(names, "xl/workbook.bin") ? "an Excel binary workbook (.xlsb), which this version cannot read; save it as .xlsx"
        : ZipDirectory.Contains(names, "ppt/presentation.xml") ? "a PowerPoint presentation, not a notice document"
        : ZipDirectory.Contains(names, "mimetype") && ZipDirectory.Contains(names, "content.xml") ? "an OpenDocument file (.odt/.ods), which this version cannot read; save it as .docx or .xlsx"
        : ZipDirectory.Contains(names, "META-INF/container.xml") ? "an EPUB book, which this version cannot read"
        : "a ZIP archive, not a document: unpack it and parse the files inside";
}
