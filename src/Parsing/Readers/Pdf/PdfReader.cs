using System.Text;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Exceptions;

namespace Extractor.Parsing.Readers.Pdf;

/// <summary>
/// Reads a PDF's text layer (PdfPig) in separate layout steps, each behind an interface so that one can be replaced
/// (PdfPig's word extractors and page segmenters are the model): lines rebuilt from letters
/// (<see cref="IPdfLineBuilder"/>); running headers, footers and page numbers removed (<see cref="IPdfRunningLineFilter"/>);
/// look-alike code points of the text layer repaired; paragraphs rebuilt from indents, short last lines, vertical gaps
/// and size changes, across page breaks (<see cref="IPdfParagraphBuilder"/>). Location: page and line on the page.
/// </summary>
public sealed class PdfReader : INoticeReader
{
    private readonly IPdfLineBuilder _lines;
    private readonly IPdfRunningLineFilter _runningLines;
    private readonly IPdfParagraphBuilder _paragraphs;

    /// <summary>A PDF reader with the built-in steps, tuned by <paramref name="layout"/>, and any step replaced.</summary>
    /// <param name="layout">Thresholds of the built-in steps; null for <see cref="PdfLayoutOptions.Default"/>.</param>
    /// <param name="lines">Letters to lines; null for <see cref="LetterLineBuilder"/>.</param>
    /// <param name="runningLines">Running-line removal; null for <see cref="RunningLineFilter"/>.</param>
    /// <param name="paragraphs">Lines to paragraphs; null for <see cref="LineParagraphBuilder"/>.</param>
    public PdfReader(PdfLayoutOptions? layout = null, IPdfLineBuilder? lines = null, IPdfRunningLineFilter? runningLines = null,
        IPdfParagraphBuilder? paragraphs = null)
    {
        _lines = lines ?? new LetterLineBuilder(layout);
        _runningLines = runningLines ?? new RunningLineFilter(layout);
        _paragraphs = paragraphs ?? new LineParagraphBuilder(layout);
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
        var document = Open(NoticeReaders.Bytes(content));
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

            var warnings = new List<Warning>();
            var pages = new List<IReadOnlyList<PdfLine>>();
            var imageOnly = new List<int>();
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
                    continue;
                }
                var lines = _lines.Lines(page);
                if (lines.Count == 0 && page.NumberOfImages > 0) imageOnly.Add(number);
                pages.Add(lines);
            }
            if (pages.All(p => p.Count == 0))
                throw imageOnly.Count > 0
                    ? new NoticeFormatException(NoticeErrorKind.NeedsOcr, "the PDF has no text layer (its pages are images): it needs OCR")
                    : new NoticeFormatException(NoticeErrorKind.Empty, "the PDF holds no text");
            foreach (var number in imageOnly)
                warnings.Add(new Warning { Code = WarningCodes.ContentSkipped, Message = $"page {number} is an image without a text layer: it needs OCR" });

            var kept = TextLayerRepair.Repair(_runningLines.Filter(pages, context.CompiledRules.PageNumber), warnings);
            var builder = new ExtractedDocumentBuilder();
            AddParagraphs(builder, _paragraphs.Paragraphs(kept));
            string? title = null;
            try { title = document.Information?.Title; } catch (Exception e) when (e is not OperationCanceledException) { }
            return builder.Build(InputFormat.Pdf, null, warnings, string.IsNullOrWhiteSpace(title) ? null : title.Trim());
        }
    }

    /// <summary>Adds each paragraph as a block located by its lines' pages and lines.</summary>
    internal static void AddParagraphs(ExtractedDocumentBuilder builder, IReadOnlyList<IReadOnlyList<PdfLine>> paragraphs)
    {
        foreach (var paragraph in paragraphs)
        {
            if (paragraph.Count == 0) continue;
            // Lines joined across a page break are joined on no evidence (the gap above is unknown): soft breaks.
            var text = new StringBuilder(paragraph[0].Text);
            List<int>? soft = null;
            for (var i = 1; i < paragraph.Count; i++)
            {
                if (paragraph[i].Page != paragraph[i - 1].Page) (soft ??= []).Add(text.Length);
                text.Append('\n').Append(paragraph[i].Text);
            }
            builder.Add(text.ToString(), page: paragraph[0].Page, lines: [.. paragraph.Select(l => new PageLine(l.Page, l.PageLine))], softBreaks: soft);
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
            return PdfDocument.Open(bytes, new ParsingOptions { UseLenientParsing = false, SkipMissingFonts = true });
        }
        catch (PdfDocumentEncryptedException e)
        {
            throw new NoticeFormatException(NoticeErrorKind.Encrypted, "the PDF is encrypted and needs a password", e);
        }
        catch (Exception strict) when (strict is not (OperationCanceledException or OutOfMemoryException))
        {
            try
            {
                return PdfDocument.Open(bytes, new ParsingOptions { UseLenientParsing = true, SkipMissingFonts = true });
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
