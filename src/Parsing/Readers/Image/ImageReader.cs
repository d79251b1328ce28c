using Extractor.Parsing.Readers.Ocr;
using Extractor.Parsing.Readers.Pdf;

namespace Extractor.Parsing.Readers.Image;

/// <summary>
/// Reads an image file — PNG, JPEG, GIF, TIFF with one page or several — by OCR (<see cref="ReaderContext.Ocr"/>):
/// the words of each page made into lines by <see cref="IOcrLineBuilder"/>, then the PDF reader's running-line and
/// paragraph steps, so that a photographed or scanned page reads like a page of a PDF. Location: page and line on it.
/// With OCR off it is an error saying the image needs OCR.
/// </summary>
public sealed class ImageReader : INoticeReader
{
    private static readonly byte[][] Magics =
        [[0x89, 0x50, 0x4E, 0x47], [0xFF, 0xD8, 0xFF], "GIF8"u8.ToArray(), "II*\0"u8.ToArray(), "MM\0*"u8.ToArray()];

    private readonly IOcrLineBuilder _lines;
    private readonly IPdfRunningLineFilter _runningLines;
    private readonly IPdfParagraphBuilder _paragraphs;

    /// <summary>An image reader with the PDF reader's built-in layout steps, tuned by <paramref name="layout"/>, and any step replaced.</summary>
    public ImageReader(PdfLayoutOptions? layout = null, IOcrLineBuilder? lines = null, IPdfRunningLineFilter? runningLines = null,
        IPdfParagraphBuilder? paragraphs = null)
    {
        _lines = lines ?? new OcrLineBuilder(layout);
        _runningLines = runningLines ?? new RunningLineFilter(layout);
        _paragraphs = paragraphs ?? new LineParagraphBuilder(layout);
    }

    /// <inheritdoc/>
    public InputFormat Format => InputFormat.Image;

    /// <summary>Certain when the content opens with the magic number of PNG, JPEG, GIF or TIFF.</summary>
    public FormatConfidence Recognize(ReadOnlySpan<byte> content, string? fileName)
    {
        foreach (var magic in Magics)
            if (content.StartsWith(magic)) return FormatConfidence.Certain;
        return FormatConfidence.None;
    }

    /// <inheritdoc/>
    public ExtractedDocument Read(Stream content, ReaderContext context)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(context);
        var ocr = context.Ocr;
        if (ocr.Mode == OcrMode.Never)
            throw new NoticeFormatException(NoticeErrorKind.NeedsOcr, "this is an image, not a document: it needs OCR");
        var bytes = NoticeReaders.Bytes(content);
        if (TiffPages.Count(bytes, context.Limits.MaxPages + 1) is var count and > 0 && count > context.Limits.MaxPages)
            throw new NoticeFormatException(NoticeErrorKind.LimitExceeded, $"the TIFF has more than {context.Limits.MaxPages} pages, the page limit");
        var result = OcrEngine.Recognize(bytes, ocr, 1, context.Cancellation);
        if (result.Pages.Count > context.Limits.MaxPages)
            throw new NoticeFormatException(NoticeErrorKind.LimitExceeded, $"the image has {result.Pages.Count} pages, more than the {context.Limits.MaxPages}-page limit");
        var pages = new List<IReadOnlyList<PdfLine>>();
        var sources = new List<PageSource>();
        foreach (var page in result.Pages)
        {
            var number = pages.Count + 1;
            pages.Add(_lines.Lines(page, number, ocr.UncertainWord));
            sources.Add(new PageSource { Page = number, Method = PageMethods.Ocr, Engine = result.Engine, Language = result.Language, Confidence = page.MeanConfidence });
        }
        if (pages.All(p => p.Count == 0))
            throw new NoticeFormatException(NoticeErrorKind.Empty, "OCR found no text in the image");
        return PagedDocument.Build(pages, _runningLines, _paragraphs, context, [], InputFormat.Image, sources);
    }
}
