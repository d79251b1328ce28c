using Extractor.Parsing.Readers.Ocr;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Tokens;

namespace Extractor.Parsing.Readers.Pdf;

/// <summary>
/// Recognises PDF pages by OCR, several at once (<see cref="OcrOptions.Parallelism"/>): a page that is one embedded
/// image covering it (the common scan) is recognised from that image as it is stored — a JPEG as it is, other
/// encodings as PNG — and any other page is rendered with <c>pdftoppm</c> first. A black-and-white scan is rendered
/// in greyscale at two thirds of its resolution: Tesseract's models read the smoothed glyphs much better than 1-bit
/// ones (on the 300-dpi samples, a fifth of the characters wrong as 1-bit, a few percent smoothed). The document is read by one page at a
/// time (PdfPig's document is not thread-safe); recognising and rendering run in parallel.
/// </summary>
internal sealed class PdfPageOcr(byte[] pdf, PdfDocument document, OcrOptions options, IOcrLineBuilder lineBuilder, CancellationToken cancellation) : IDisposable
{
    private string? _file;
    private string? _pdfHash;

    /// <summary>The lines and the source of each page in <paramref name="numbers"/>, in that order.</summary>
    public (IReadOnlyList<PdfLine> Lines, PageSource Source)[] Recognize(IReadOnlyList<int> numbers)
    {
        var results = new (IReadOnlyList<PdfLine>, PageSource)[numbers.Count];
        try
        {
            Parallel.For(0, numbers.Count, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, options.Parallelism), CancellationToken = cancellation },
                i => results[i] = RecognizePage(numbers[i]));
        }
        catch (AggregateException e) when (e.InnerExceptions.FirstOrDefault(x => x is NoticeFormatException or OperationCanceledException) is { } first)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(first).Throw();
        }
        return results;
    }

    private (IReadOnlyList<PdfLine>, PageSource) RecognizePage(int number)
    {
        var source = Source(number);
        var dpi = Math.Clamp(source.RenderDpi ?? options.RenderDpi, 50, 1200);
        var scale = source.Image is null ? 72.0 / dpi : source.Scale;
        // A page to render is cached by what it is rendered from (its stored image, or the PDF and the page) and the
        // resolution, so that a page read again is neither recognised nor rendered again.
        var hash = source.Image is not null ? OcrEngine.Hash(source.Image) : $"{source.Stored ?? PdfHash()}-p{number}-r{dpi}";
        var result = OcrEngine.Recognize(hash, () => source.Image ?? Render(number, dpi), options, scale, cancellation);
        var page = result.Pages.Count > 0 ? result.Pages[0] : new OcrPage(1, 0, 0, [], scale);
        var lines = lineBuilder.Lines(page, number, options.UncertainWord);
        return (lines, new PageSource { Page = number, Method = PageMethods.Ocr, Engine = result.Engine, Language = result.Language, Confidence = page.MeanConfidence });
    }

    /// <summary>What a page is recognised from.</summary>
    /// <param name="Image">The page's one image as stored, when it is recognised from that; null when the page is rendered.</param>
    /// <param name="Scale">The stored image's points per pixel.</param>
    /// <param name="RenderDpi">The resolution to render at, when not the default (a black-and-white scan).</param>
    /// <param name="Stored">The hash of the stored image a rendered page shows, when it is one image.</param>
    private sealed record PageImage(byte[]? Image, double Scale, int? RenderDpi = null, string? Stored = null);

    /// <summary>
    /// The page's one image as stored, with its points per pixel, when the page is one upright image covering it;
    /// else the page is rendered: a black-and-white image at two thirds of its resolution, anything else at the default.
    /// </summary>
    private PageImage Source(int number)
    {
        lock (document)
        {
            var page = document.GetPage(number);
            if (page.Rotation.Value != 0 || page.NumberOfImages != 1) return new PageImage(null, 0);
            var image = page.GetImages().Single();
            var bounds = image.BoundingBox;
            if (image.IsImageMask || image.WidthInSamples < 1 || bounds.Width * bounds.Height < 0.8 * page.Width * page.Height) return new PageImage(null, 0);
            var scale = bounds.Width / image.WidthInSamples;
            if (image.BitsPerComponent == 1)
                return new PageImage(null, 0, (int)Math.Round(72 / scale * 2 / 3), OcrEngine.Hash(image.RawMemory.ToArray()));
            if (IsJpeg(image)) return new PageImage(image.RawMemory.ToArray(), scale);
            return image.TryGetPng(out var png) ? new PageImage(png, scale) : new PageImage(null, 0);
        }
    }

    private string PdfHash()
    {
        lock (this) return _pdfHash ??= OcrEngine.Hash(pdf);
    }

    private static bool IsJpeg(IPdfImage image)
    {
        if (!image.ImageDictionary.TryGet(NameToken.Filter, out var filter)) return false;
        if (filter is ArrayToken { Length: 1 } array) filter = array[0];
        return filter is NameToken { Data: "DCTDecode" } && image.ColorSpaceDetails?.Type is not UglyToad.PdfPig.Graphics.Colors.ColorSpace.DeviceCMYK;
    }

    /// <summary>The page rendered in greyscale at <paramref name="resolution"/> dots per inch.</summary>
    private byte[] Render(int number, int resolution)
    {
        lock (this) _file ??= WriteTemporary();
        var root = Path.Combine(Path.GetTempPath(), $"extractor-page-{Guid.NewGuid():N}");
        var dpi = resolution.ToString(System.Globalization.CultureInfo.InvariantCulture);
        try
        {
            ExternalProcess.Result? result;
            using (OcrSlots.Acquire(options, cancellation))
                result = ExternalProcess.Run(options.Renderer, ["-r", dpi, "-f", $"{number}", "-l", $"{number}", "-gray", "-png", "-singlefile", _file, root], cancellation);
            if (result is null)
                throw new NoticeFormatException(NoticeErrorKind.NeedsOcr,
                    $"page {number} needs OCR and must be rendered first, which needs poppler's pdftoppm ('{options.Renderer}'), not installed: install Debian's poppler-utils");
            if (result.ExitCode != 0 || !File.Exists(root + ".png"))
                throw new NoticeFormatException(NoticeErrorKind.Corrupt, $"page {number} could not be rendered for OCR: {result.Errors.Trim().Split('\n')[^1]}");
            return File.ReadAllBytes(root + ".png");
        }
        finally
        {
            OcrEngine.TryDelete(root + ".png");
        }
    }

    private string WriteTemporary()
    {
        var path = Path.Combine(Path.GetTempPath(), $"extractor-{Guid.NewGuid():N}.pdf");
        File.WriteAllBytes(path, pdf);
        return path;
    }

    public void Dispose()
    {
        if (_file is not null) OcrEngine.TryDelete(_file);
    }
}
