namespace Extractor.Parsing.Readers.Ocr;

/// <summary>A word as the OCR engine recognised it, with its box in the page image's pixels (y grows downwards).</summary>
/// <param name="Text">The word.</param>
/// <param name="Left">Left edge.</param>
/// <param name="Top">Top edge.</param>
/// <param name="Width">Width.</param>
/// <param name="Height">Height.</param>
/// <param name="Confidence">The engine's confidence, 0–100.</param>
/// <param name="Line">The engine's line: words with the same key were put on one line (block, paragraph and line numbers).</param>
public sealed record OcrWord(string Text, double Left, double Top, double Width, double Height, double Confidence, (int Block, int Paragraph, int Line) Line)
{
    /// <summary>Right edge.</summary>
    public double Right => Left + Width;

    /// <summary>Bottom edge.</summary>
    public double Bottom => Top + Height;
}

/// <summary>One page as the OCR engine read it.</summary>
/// <param name="Number">The 1-based page.</param>
/// <param name="Width">The image's width in pixels.</param>
/// <param name="Height">The image's height in pixels.</param>
/// <param name="Words">The words, in the engine's order.</param>
/// <param name="Scale">Points per pixel (72 / the image's resolution), so that OCR lines measure like text-layer lines.</param>
public sealed record OcrPage(int Number, double Width, double Height, IReadOnlyList<OcrWord> Words, double Scale = 1)
{
    /// <summary>The mean confidence of the page's words (0–100); null when it has none.</summary>
    public double? MeanConfidence => Words.Count == 0 ? null : Math.Round(Words.Average(w => w.Confidence), 1);
}
