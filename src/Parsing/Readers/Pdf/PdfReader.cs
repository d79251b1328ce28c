using Extractor.Parsing.Readers.Ocr;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Exceptions;

namespace Extractor.Parsing.Readers.Pdf;

/// <summary>
/// Reads a PDF's text layer (PdfPig) in separate layout steps, each behind an interface so that one can be replaced
/// (PdfPig's word extractors and page segmenters are the model): lines rebuilt from letters
/// (<see cref="IPdfLineBuilder"/>); running headers, footers and page numbers removed (<see cref="IPdfRunningLineFilter"/>);
/// look-alike code points of the text layer repaired; paragraphs rebuilt from indents, short last lines, vertical gaps
/// and size changes, across page breaks (<see cref="IPdfParagraphBuilder"/>). Ruled tables are found beside the lines
/// (<see cref="IPdfTableDetector"/>): their letters are read cell by cell, a table continued on the next page is one
/// table, and each stands among the paragraphs where it is on its page. Pages without a text layer are read by OCR
/// (<see cref="ReaderContext.Ocr"/>), their words made into lines by <see cref="IOcrLineBuilder"/> and then taken through
/// the same steps. Location: page and line on the page.
/// </summary>
public sealed class PdfReader : INoticeReader
{
    private readonly IPdfLineBuilder _lines;
    private readonly IPdfRunningLineFilter _runningLines;
    private readonly IPdfParagraphBuilder _paragraphs;
    private readonly IPdfTableDetector _tables;
    private readonly IOcrLineBuilder _ocrLines;

    /// <summary>A PDF reader with the built-in steps, tuned by <paramref name="layout"/>, and any step replaced.</summary>
    /// <param name="layout">Thresholds of the built-in steps; null for <see cref="PdfLayoutOptions.Default"/>.</param>
    /// <param name="lines">Letters to lines; null for <see cref="LetterLineBuilder"/>.</param>
    /// <param name="runningLines">Running-line removal; null for <see cref="RunningLineFilter"/>.</param>
    /// <param name="paragraphs">Lines to paragraphs; null for <see cref="LineParagraphBuilder"/>.</param>
    /// <param name="tables">Ruled tables; null for <see cref="RulingTableDetector"/>.</param>
    /// <param name="ocrLines">OCR words to lines, for pages without a text layer; null for <see cref="OcrLineBuilder"/>.</param>
    public PdfReader(PdfLayoutOptions? layout = null, IPdfLineBuilder? lines = null, IPdfRunningLineFilter? runningLines = null,
        IPdfParagraphBuilder? paragraphs = null, IPdfTableDetector? tables = null, IOcrLineBuilder? ocrLines = null)
    {
        _tables = tables ?? new RulingTableDetector(layout);
        _lines = lines ?? new LetterLineBuilder(layout);
        _runningLines = runningLines ?? new RunningLineFilter(layout);
        _paragraphs = paragraphs ?? new LineParagraphBuilder(layout);
        _ocrLines = ocrLines ?? new OcrLineBuilder(layout);
    }

    /// <inheritdoc/>
    public InputFormat Format => InputFormat.Pdf;

    /// <summary>Certain when <c>%PDF-</c> opens the content (after a little white space).</summary>
    public FormatConfidence Recognize(ReadOnlySpan<byte> content, string? fileName)
    {
        var i = 0;
        while (i < content.Length && i < 16 && content[i] is (byte)' ' or (byte)'\r' or (byte)'\n' or (byte)'\t' or 0) i++;
        return content[i..].StartsWith("%PDF-"u8) ? FormatConfidence.Certain : FormatConfidence.None;
    }

    /// <inheritdoc/>
    public ExtractedDocument Read(Stream content, ReaderContext context)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(context);
        var limits = context.Limits;
        var cancellation = context.Cancellation;
        var bytes = NoticeReaders.Bytes(content);
        var document = Open(bytes);
        using (document)
        {
            int pageCount;
            try
            {
                pageCount = document.NumberOfPages;
            }
            catch (Exception e) when (e is not (OperationCanceledException or OutOfMemoryException))
            {
                throw new NoticeFormatException(NoticeErrorKind.Corrupt, $"the PDF's page tree is damaged: {FirstLine(e.Message)}", e);
            }
            if (pageCount > limits.MaxPages)
                throw new NoticeFormatException(NoticeErrorKind.LimitExceeded, $"the PDF has {pageCount} pages, more than the {limits.MaxPages}-page limit");

            var ocr = context.Ocr;
            var warnings = new List<Warning>();
            var pages = new List<IReadOnlyList<PdfLine>>();
            var allLines = new List<IReadOnlyList<PdfLine>>();
            var tables = new List<PdfTable>();
            var sources = new List<PageSource>();
            var toRecognize = new List<int>();
            for (var number = 1; number <= pageCount; number++)
            {
                cancellation.ThrowIfCancellationRequested();
                Page page;
                try
                {
                    page = document.GetPage(number);
                }
                catch (Exception e) when (e is not (OperationCanceledException or OutOfMemoryException))
                {
                    warnings.Add(new Warning { Code = WarningCodes.ContentSkipped, Message = $"page {number} could not be read: {FirstLine(e.Message)}" });
                    pages.Add([]);
                    allLines.Add([]);
                    sources.Add(new PageSource { Page = number, Method = PageMethods.Skipped });
                    continue;
                }
                var lines = ocr.Mode == OcrMode.Always ? [] : _lines.Lines(page);
                var image = lines.Count == 0 && page.NumberOfImages > 0;
                if (ocr.Mode == OcrMode.Always || (image && ocr.Mode == OcrMode.Auto)) toRecognize.Add(number);
                var found = lines.Count == 0 ? [] : Tables(page, number, warnings);
                tables.AddRange(found);
                allLines.Add(lines);
                pages.Add(PdfTableFlow.Outside(lines, found));
                sources.Add(new PageSource { Page = number, Method = image && ocr.Mode == OcrMode.Never ? PageMethods.Skipped : PageMethods.TextLayer });
            }
            if (toRecognize.Count > 0)
            {
                using var recognizer = new PdfPageOcr(bytes, document, ocr, _ocrLines, cancellation);
                var recognized = recognizer.Recognize(toRecognize);
                for (var i = 0; i < toRecognize.Count; i++)
                {
                    pages[toRecognize[i] - 1] = recognized[i].Lines;
                    allLines[toRecognize[i] - 1] = recognized[i].Lines;
                    sources[toRecognize[i] - 1] = recognized[i].Source;
                }
            }
            var skipped = sources.Where(s => s.Method == PageMethods.Skipped && pages[s.Page - 1].Count == 0).Select(s => s.Page).ToList();
            if (pages.All(p => p.Count == 0))
                throw skipped.Count > 0 && ocr.Mode == OcrMode.Never
                    ? new NoticeFormatException(NoticeErrorKind.NeedsOcr, "the PDF has no text layer (its pages are images): it needs OCR")
                    : new NoticeFormatException(NoticeErrorKind.Empty, toRecognize.Count > 0 ? "the PDF holds no text, and OCR found none in its images" : "the PDF holds no text");
            if (ocr.Mode == OcrMode.Never)
                foreach (var number in skipped)
                    warnings.Add(new Warning { Code = WarningCodes.ContentSkipped, Message = $"page {number} is an image without a text layer: it needs OCR" });

            string? title = null;
            try { title = document.Information?.Title; } catch (Exception e) when (e is not OperationCanceledException) { }
            return PagedDocument.Build(pages, _runningLines, _paragraphs, context, warnings, InputFormat.Pdf, sources,
                string.IsNullOrWhiteSpace(title) ? null : title.Trim(), tables, allLines);
        }
    }

    /// <summary>The page's ruled tables; a page whose drawing cannot be read has none, with a warning.</summary>
    private IReadOnlyList<PdfTable> Tables(Page page, int number, List<Warning> warnings)
    {
        try
        {
            return _tables.Tables(page);
        }
        catch (Exception e) when (e is not (OperationCanceledException or OutOfMemoryException or NoticeFormatException))
        {
            warnings.Add(new Warning { Code = WarningCodes.ContentSkipped, Message = $"the drawing of page {number} could not be read for tables: {FirstLine(e.Message)}" });
            return [];
        }
    }

    private static string FirstLine(string message) => message.Split('\n')[0].Trim();

    /// <summary>
    /// Opens the document strictly, and leniently only when strict parsing cannot open it at all (a damaged
    /// cross-reference table, which is what lenient parsing recovers). PdfPig's lenient repairs can recurse without
    /// end on some damaged files (a stack overflow .NET cannot catch; fuzzing found one), so a document that opens
    /// strictly is never re-read leniently: a damaged page is reported instead.
    /// </summary>
    private static PdfDocument Open(byte[] bytes)
    {
        try
        {
            return PdfDocument.Open(bytes, new ParsingOptions { UseLenientParsing = false, SkipMissingFonts = true, FilterProvider = GuardedFilterProvider.Instance });
        }
        catch (PdfDocumentEncryptedException e)
        {
            throw new NoticeFormatException(NoticeErrorKind.Encrypted, "the PDF is encrypted and needs a password", e);
        }
        catch (Exception strict) when (strict is not (OperationCanceledException or OutOfMemoryException))
        {
            try
            {
                return PdfDocument.Open(bytes, new ParsingOptions { UseLenientParsing = true, SkipMissingFonts = true, FilterProvider = GuardedFilterProvider.Instance });
            }
            catch (PdfDocumentEncryptedException e)
            {
                throw new NoticeFormatException(NoticeErrorKind.Encrypted, "the PDF is encrypted and needs a password", e);
            }
            catch (Exception e) when (e is not (OperationCanceledException or OutOfMemoryException))
            {
                throw new NoticeFormatException(NoticeErrorKind.Corrupt, $"the PDF is damaged: {FirstLine(e.Message)}", e);
            }
        }
    }
}
