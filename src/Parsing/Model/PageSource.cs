using System.Text.Json.Serialization;

namespace Extractor.Parsing;

/// <summary>How the text of one page of a paged input (a PDF, an image file) was obtained.</summary>
public sealed record PageSource
{
    /// <summary>The 1-based page (for a multi-page TIFF, the image's page).</summary>
    public required int Page { get; init; }

    /// <summary><c>text-layer</c> (the PDF's own text), <c>ocr</c> (recognised from the page's image) or <c>skipped</c> (an image page left unread, OCR being off).</summary>
    public required string Method { get; init; }

    /// <summary>The OCR engine and its version (<c>tesseract 5.3.0</c>); only for OCR.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Engine { get; init; }

    /// <summary>The OCR language (<c>chi_sim</c>); only for OCR.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Language { get; init; }

    /// <summary>The mean confidence of the page's words, 0–100, as the engine reports it; only for OCR.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public double? Confidence { get; init; }
}

/// <summary>The values of <see cref="PageSource.Method"/>.</summary>
public static class PageMethods
{
    /// <summary>The page's text came from the PDF's text layer.</summary>
    public const string TextLayer = "text-layer";

    /// <summary>The page's text was recognised from its image.</summary>
    public const string Ocr = "ocr";

    /// <summary>The page is an image that was not read (OCR off).</summary>
    public const string Skipped = "skipped";
}
