using System.IO.Compression;

namespace Extractor.Parsing.Readers;

/// <summary>
/// Every ZIP package that no other reader claims (a reader of a package format answers
/// <see cref="FormatConfidence.Certain"/> for the parts it reads: DOCX, OFD): refused with a message that names what its
/// parts show it to be, so that it is not read as text. It answers <see cref="FormatConfidence.Likely"/>, so that such
/// a reader wins wherever it stands in the list. A package too damaged to list is a damaged file.
/// </summary>
internal sealed class ZipRefusalReader : INoticeReader
{
    public InputFormat Format { get; } = new("zip");

    public FormatConfidence Recognize(ReadOnlySpan<byte> content, string? fileName) =>
        ZipDirectory.IsZip(content) ? FormatConfidence.Likely : FormatConfidence.None;

    public ExtractedDocument Read(Stream content, ReaderContext context)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(context);
        List<string> names;
        try
        {
            using var zip = new ZipArchive(new MemoryStream(NoticeReaders.Bytes(content), writable: false), ZipArchiveMode.Read);
            names = [.. zip.Entries.Select(e => e.FullName)];
        }
        catch (InvalidDataException e)
        {
            throw new NoticeFormatException(NoticeErrorKind.Corrupt, "the file starts like a ZIP package but is damaged or truncated", e);
        }
        throw new NoticeFormatException(NoticeErrorKind.UnsupportedFormat, $"this is {What(names)}, which is not a format notices are read from");
    }

    /// <summary>What a package is, by its parts.</summary>
    internal static string What(IReadOnlyCollection<string> names)
    {
        bool Has(string name) => ZipDirectory.Has(names, name);
        return Has("xl/workbook.xml") ? "an Excel workbook"
            : Has("ppt/presentation.xml") ? "a PowerPoint presentation"
            : Has("mimetype") && Has("content.xml") ? "an OpenDocument file (save it as .docx)"
            : "a ZIP archive";
    }
}
