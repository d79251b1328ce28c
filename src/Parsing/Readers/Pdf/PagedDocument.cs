using System.Text;

namespace Extractor.Parsing.Readers.Pdf;

/// <summary>
/// Steps 2 and 3 of PDF layout and what follows, shared by every paged reader (text-layer pages, OCR'd pages, image
/// files): running lines and page-edge furniture removed, look-alikes of the text layer repaired, paragraphs built across
/// page breaks with the rules' cues (markers and labels open one), ruled tables put among them in reading order, each
/// block located by page and line; and the reader's warnings about how the pages were read.
/// </summary>
internal static class PagedDocument
{
    /// <param name="pages">Each page's lines outside its tables.</param>
    /// <param name="runningLines">The running-line step.</param>
    /// <param name="paragraphs">The paragraph step.</param>
    /// <param name="context">The read's rules, limits and OCR options.</param>
    /// <param name="warnings">The reader's warnings so far; this step's are added.</param>
    /// <param name="format">The format the document is read as.</param>
    /// <param name="sources">How each page's text was obtained.</param>
    /// <param name="title">The container's title, if any.</param>
    /// <param name="tables">The pages' ruled tables, in page order; null for none.</param>
    /// <param name="allLines">Each page's lines, those inside tables too (what a table cell's line number counts); null when no page has a table.</param>
    public static ExtractedDocument Build(IReadOnlyList<IReadOnlyList<PdfLine>> pages, IPdfRunningLineFilter runningLines, IPdfParagraphBuilder paragraphs,
        ReaderContext context, List<Warning> warnings, InputFormat format, IReadOnlyList<PageSource> sources, string? title = null,
        IReadOnlyList<PdfTable>? tables = null, IReadOnlyList<IReadOnlyList<PdfLine>>? allLines = null)
    {
        var kept = TextLayerRepair.Repair(runningLines.Filter(pages, context.CompiledRules.EdgeLine), warnings);
        var builder = new ExtractedDocumentBuilder();
        PdfTableFlow.Add(builder, paragraphs.Paragraphs(kept, PdfLineCues.From(context.CompiledRules)), PdfTableFlow.Join(tables ?? [], kept), allLines ?? pages);
        AddOcrWarnings(sources, context.Ocr, warnings);
        return builder.Build(format, null, warnings, title) with { Pages = sources };
    }

    /// <summary>
    /// Adds each paragraph as a block located by its lines' pages and lines, with the offsets of the characters OCR was
    /// unsure of. Lines joined across a page break are joined on no evidence (the gap above is unknown): soft breaks.
    /// </summary>
    internal static void AddParagraphs(ExtractedDocumentBuilder builder, IReadOnlyList<IReadOnlyList<PdfLine>> paragraphs)
    {
        foreach (var paragraph in paragraphs)
        {
            if (paragraph.Count == 0) continue;
            var text = new StringBuilder();
            List<int>? soft = null;
            List<int>? uncertain = null;
            for (var i = 0; i < paragraph.Count; i++)
            {
                if (i > 0)
                {
                    if (paragraph[i].Page != paragraph[i - 1].Page) (soft ??= []).Add(text.Length);
                    text.Append('\n');
                }
                if (paragraph[i].Uncertain is { } offsets) (uncertain ??= []).AddRange(offsets.Select(o => o + text.Length));
                text.Append(paragraph[i].Text);
            }
            builder.Add(text.ToString(), page: paragraph[0].Page, lines: [.. paragraph.Select(l => new PageLine(l.Page, l.PageLine))], softBreaks: soft,
                uncertain: uncertain);
        }
    }

    /// <summary>Pages read with low confidence, and a PDF read in two ways.</summary>
    private static void AddOcrWarnings(IReadOnlyList<PageSource> sources, Ocr.OcrOptions options, List<Warning> warnings)
    {
        foreach (var page in sources)
            if (page.Method == PageMethods.Ocr && page.Confidence is { } confidence && confidence < options.LowConfidence)
                warnings.Add(new Warning
                {
                    Code = WarningCodes.OcrLowConfidence,
                    Message = $"page {page.Page} was read by OCR with a mean word confidence of {confidence:0.#} (below {options.LowConfidence:0.#}): its text may be wrong",
                });
        var ocr = sources.Where(p => p.Method == PageMethods.Ocr).Select(p => p.Page).ToList();
        var layer = sources.Where(p => p.Method == PageMethods.TextLayer).Select(p => p.Page).ToList();
        if (ocr.Count > 0 && layer.Count > 0)
            warnings.Add(new Warning
            {
                Code = WarningCodes.OcrMixedPages,
                Message = $"the PDF mixes text and scanned pages: {Pages(layer)} read from the text layer, {Pages(ocr)} by OCR",
            });
    }

    /// <summary>Page numbers as ranges: <c>pages 1–4, 7</c>.</summary>
    internal static string Pages(IReadOnlyList<int> pages)
    {
        var parts = new List<string>();
        for (var i = 0; i < pages.Count;)
        {
            var j = i;
            while (j + 1 < pages.Count && pages[j + 1] == pages[j] + 1) j++;
            parts.Add(j == i ? $"{pages[i]}" : $"{pages[i]}–{pages[j]}");
            i = j + 1;
        }
        return (pages.Count == 1 ? "page " : "pages ") + string.Join(", ", parts);
    }
}
