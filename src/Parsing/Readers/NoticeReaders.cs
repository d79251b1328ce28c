using Extractor.Parsing.Readers.Containers;
using Extractor.Parsing.Readers.Doc;
using Extractor.Parsing.Readers.Docx;
using Extractor.Parsing.Readers.Html;
using Extractor.Parsing.Readers.Mhtml;
using Extractor.Parsing.Readers.Ofd;
using Extractor.Parsing.Readers.Pdf;
using Extractor.Parsing.Readers.Ole;
using Extractor.Parsing.Readers.PlainText;
using Extractor.Parsing.Readers.Spreadsheet;
using Extractor.Parsing.Readers.WordXml;

namespace Extractor.Parsing.Readers;

/// <summary>The built-in readers, and format detection over a list of readers.</summary>
public static class NoticeReaders
{
    /// <summary>
    /// The built-in readers in the order they are asked: PDF, Word (DOCX, and Word 97-2003 .doc/.wps), OFD, Excel (XLSX,
    /// XLS), the containers the library recognises only to refuse them saying what they are (other ZIP packages and OLE
    /// compound files), Word 2003 XML, web archives (MHTML), RTF and images (refused), HTML, and plain text as the fallback.
    /// </summary>
    public static IReadOnlyList<INoticeReader> Default { get; } =
    [
        new PdfReader(),
        new DocxReader(),
        new DocReader(),
        new OfdReader(),
        new XlsxReader(),
        new XlsReader(),
        new ZipRefusalReader(),
        new OleRefusalReader(),
        new WordXmlReader(),
        new MhtmlReader(),
        new RefusedFormatReader(new InputFormat("rtf"), NoticeErrorKind.UnsupportedFormat,
            "this is an RTF document; save it as .docx and parse that", ["{\\rtf"u8.ToArray()]),
        new RefusedFormatReader(new InputFormat("image"), NoticeErrorKind.NeedsOcr,
            "this is an image, not a document: it needs OCR",
            [[0x89, 0x50, 0x4E, 0x47], [0xFF, 0xD8, 0xFF], "GIF8"u8.ToArray(), "II*\0"u8.ToArray(), "MM\0*"u8.ToArray()]),
        new HtmlReader(),
        new PlainTextReader(),
    ];

    /// <summary>
    /// The reader for <paramref name="content"/>: the one that recognises it most surely, the earlier in
    /// <paramref name="readers"/> on a tie; null when none recognises it at all.
    /// </summary>
    public static INoticeReader? Detect(IReadOnlyList<INoticeReader> readers, ReadOnlySpan<byte> content, string? fileName)
    {
        ArgumentNullException.ThrowIfNull(readers);
        INoticeReader? best = null;
        var bestConfidence = FormatConfidence.None;
        foreach (var reader in readers)
        {
            var confidence = reader.Recognize(content, fileName);
            if (confidence <= bestConfidence) continue;
            best = reader;
            bestConfidence = confidence;
            if (confidence == FormatConfidence.Certain) break;
        }
        return best;
    }

    /// <summary>The registered reader of <paramref name="format"/>, or null.</summary>
    internal static INoticeReader? Find(IReadOnlyList<INoticeReader> readers, InputFormat format)
    {
        foreach (var reader in readers)
            if (reader.Format == format) return reader;
        return null;
    }

    /// <summary>
    /// The content as one array: the stream's own buffer when it is a memory stream that exposes it whole (what the
    /// parser passes), else a copy.
    /// </summary>
    internal static byte[] Bytes(Stream content)
    {
        if (content is MemoryStream memory && memory.TryGetBuffer(out var buffer) && buffer.Offset == 0
            && buffer.Count == buffer.Array!.Length && content.Position == 0)
            return buffer.Array;
        using var copy = new MemoryStream();
        content.CopyTo(copy);
        return copy.ToArray();
    }
}

/// <summary>
/// A format the library recognises only to refuse it with a message that says what to do (an RTF document, an
/// image that needs OCR), so that such a file is not read as text.
/// </summary>
internal sealed class RefusedFormatReader(InputFormat format, NoticeErrorKind kind, string message, IReadOnlyList<byte[]> magics) : INoticeReader
{
    public InputFormat Format => format;

    public FormatConfidence Recognize(ReadOnlySpan<byte> content, string? fileName)
    {
        foreach (var magic in magics)
            if (content.StartsWith(magic)) return FormatConfidence.Certain;
        return FormatConfidence.None;
    }

    public ExtractedDocument Read(Stream content, ReaderContext context) => throw new NoticeFormatException(kind, message);
}
