using System.IO.Compression;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using Extractor.Parsing.Readers.Containers;
using Extractor.Parsing.Tables;
using static Extractor.Parsing.Readers.Docx.DocxNumbering;

namespace Extractor.Parsing.Readers.Docx;

/// <summary>
/// Reads a Word document (DocumentFormat.OpenXml): body paragraphs and tables in document order, runs joined, tracked
/// insertions kept and deletions dropped, field codes skipped (their results kept), text boxes read where they are
/// anchored (<see cref="DocxTextBoxes"/>: the DrawingML choice, not its VML copy), headers, footers, comments and other
/// drawings ignored, and automatic numbering rendered as displayed (<see cref="DocxNumbering"/>). A line break inside a
/// paragraph starts a new block. Location: the 0-based index of the paragraph among all paragraphs of the body.
/// A ZIP package is taken for Word when its directory names Word's parts; one read as Word that holds no Word document
/// is refused saying what it is.
/// </summary>
public sealed class DocxReader : INoticeReader
{
    /// <inheritdoc/>
    public InputFormat Format => InputFormat.Docx;

    /// <summary>Certain for a ZIP package whose directory holds <c>word/document.xml</c> (or other parts under <c>word/</c>).</summary>
    public FormatConfidence Recognize(ReadOnlySpan<byte> content, string? fileName) =>
        ZipDirectory.IsZip(content) && IsWord(ZipDirectory.Names(content)) ? FormatConfidence.Certain : FormatConfidence.None;

    private static bool IsWord(IReadOnlyList<string> names) =>
        ZipDirectory.Contains(names, "word/document.xml") || ZipDirectory.AnyUnder(names, "word/");

    /// <inheritdoc/>
    public ExtractedDocument Read(Stream content, ReaderContext context)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(context);
        return Read(NoticeReaders.Bytes(content), context.Limits, context.Cancellation);
    }

    private static ExtractedDocument Read(byte[] bytes, ParserLimits limits, CancellationToken cancellation)
    {
        CheckPackage(bytes, limits);
        try
        {
            using var stream = new MemoryStream(bytes, writable: false);
            using var document = WordprocessingDocument.Open(stream, false, new OpenSettings
            {
                MaxCharactersInPart = Math.Max(1, limits.MaxDecompressedBytes / 2),
                AutoSave = false,
            });
            var main = document.MainDocumentPart ?? throw new NoticeFormatException(NoticeErrorKind.Corrupt, "the Word document has no main part");
            var body = main.Document?.Body ?? throw new NoticeFormatException(NoticeErrorKind.Corrupt, "the Word document has no body");
            var numbering = new DocxNumbering(main.NumberingDefinitionsPart?.Numbering, main.StyleDefinitionsPart?.Styles);
            var builder = new ExtractedDocumentBuilder();
            new WordBodyWalker(builder, numbering.Render, limits.MaxDepth, cancellation).Walk(body);
            var title = document.PackageProperties.Title;
            return builder.Build(InputFormat.Docx, null, [], string.IsNullOrWhiteSpace(title) ? null : title.Trim());
        }
        catch (Exception e) when (e is OpenXmlPackageException or InvalidDataException or System.Xml.XmlException or IOException
                                   or InvalidOperationException or FormatException or ArgumentException)
        {
            if (e.Message.Contains("MaxCharactersInPart", StringComparison.Ordinal))
                throw new NoticeFormatException(NoticeErrorKind.LimitExceeded, $"a part of the Word document decompresses past the {limits.MaxDecompressedBytes / (1024 * 1024)} MiB limit", e);
            throw new NoticeFormatException(NoticeErrorKind.Corrupt, $"the Word document is damaged: {ReaderErrors.Describe(e)}", e);
        }
    }

    /// <summary>Tells a Word document from other ZIP packages, and refuses packages whose declared size is over the limit.</summary>
    private static void CheckPackage(byte[] bytes, ParserLimits limits)
    {
        try
        {
            using var zip = new ZipArchive(new MemoryStream(bytes, writable: false), ZipArchiveMode.Read);
            long total = 0;
            var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            foreach (var entry in zip.Entries)
            {
                names.Add(entry.FullName);
                total += entry.Length;
                if (total > limits.MaxDecompressedBytes)
                    throw new NoticeFormatException(NoticeErrorKind.LimitExceeded,
                        $"the Word package decompresses past the {limits.MaxDecompressedBytes / (1024 * 1024)} MiB limit");
            }
            if (IsWord([.. names])) return;
            var what = names.Contains("xl/workbook.xml") ? "an Excel workbook, not a Word document" : ZipRefusalReader.What([.. names]);
            throw new NoticeFormatException(NoticeErrorKind.UnsupportedFormat, $"this is {what}");
        }
        catch (InvalidDataException e)
        {
            throw new NoticeFormatException(NoticeErrorKind.Corrupt, "the file starts like a ZIP (Word) package but is damaged or truncated", e);
        }
    }
}
