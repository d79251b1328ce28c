using System.Security.Cryptography;

namespace Extractor.Parsing.Readers.Ocr;

/// <summary>What OCR made of one image: its pages and the engine that read them.</summary>
/// <param name="Pages">The pages (one, or several for a multi-page TIFF).</param>
/// <param name="Engine">The engine and its version.</param>
/// <param name="Language">The language it read.</param>
internal sealed record OcrResult(IReadOnlyList<OcrPage> Pages, string Engine, string Language);

/// <summary>
/// Recognises an image: from the cache when the same image (or what it is rendered from) was read before, else with Tesseract in a slot
/// (<see cref="OcrSlots"/>), the image written to a temporary file that is deleted afterwards.
/// </summary>
internal static class OcrEngine
{
    /// <summary>Recognises <paramref name="image"/>, cached by its hash.</summary>
    /// <exception cref="NoticeFormatException">OCR is not available or cannot read the image.</exception>
    public static OcrResult Recognize(byte[] image, OcrOptions options, double scale, CancellationToken cancellation) =>
        Recognize(Hash(image), () => image, options, scale, cancellation);

    /// <summary>
    /// Recognises the image <paramref name="image"/> makes, cached by <paramref name="hash"/> (what the image is made
    /// from): the image is made only when the cache does not have it.
    /// </summary>
    /// <exception cref="NoticeFormatException">OCR is not available or cannot read the image.</exception>
    public static OcrResult Recognize(string hash, Func<byte[]> image, OcrOptions options, double scale, CancellationToken cancellation)
    {
        var engine = Tesseract.Version(options, cancellation);
        var key = OcrCache.Key(hash, engine, options.Language);
        var tsv = OcrCache.Get(options.CacheDirectory, key);
        if (tsv is null)
        {
            var path = Path.Combine(Path.GetTempPath(), $"extractor-ocr-{Guid.NewGuid():N}.img");
            try
            {
                File.WriteAllBytes(path, image());
                using (OcrSlots.Acquire(options, cancellation))
                    tsv = Tesseract.Recognize(path, options, cancellation);
            }
            finally
            {
                TryDelete(path);
            }
            OcrCache.Put(options.CacheDirectory, key, tsv);
        }
        return new OcrResult(OcrTsv.Parse(tsv, scale), engine, options.Language);
    }

    /// <summary>The SHA-256 of <paramref name="bytes"/>, in lower-case hexadecimal.</summary>
    public static string Hash(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    internal static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // a temporary file left behind is no error
        }
    }
}
