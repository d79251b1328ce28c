namespace Extractor.Parsing;

/// <summary>The codes of <see cref="Warning"/>. Codes are stable; messages may be reworded.</summary>
public static class WarningCodes
{
    /// <summary>A heading number skips one or more numbers (<c>（三）</c> then <c>（五）</c>).</summary>
    public const string NumberingGap = "numbering-gap";

    /// <summary>A heading number repeats its predecessor.</summary>
    public const string NumberingRepeat = "numbering-repeat";

    /// <summary>A problem had no heading number; one was inferred from its siblings.</summary>
    public const string InferredHeading = "inferred-heading";

    /// <summary>The <c>一是…二是…</c> ordinals of a rectification skip a number.</summary>
    public const string MeasureGap = "measure-gap";

    /// <summary>The <c>一是…二是…</c> ordinals of a rectification repeat a number.</summary>
    public const string MeasureRepeat = "measure-repeat";

    /// <summary>A rectification was recognised without a label such as <c>整改情况：</c>.</summary>
    public const string UnlabelledRectification = "unlabelled-rectification";

    /// <summary>Problems stated in one part of the notice were paired by order with rectifications reported in a later part (or could not be).</summary>
    public const string PairedByOrder = "paired-by-order";

    /// <summary>A problem has no rectification.</summary>
    public const string MissingRectification = "missing-rectification";

    /// <summary>A rectification label follows no problem.</summary>
    public const string OrphanRectification = "orphan-rectification";

    /// <summary>The notice's dates contradict each other (dated before its own inspection).</summary>
    public const string DateInconsistent = "date-inconsistent";

    /// <summary>The text has no headings, no labels and no ledger table: nothing was extracted.</summary>
    public const string NoStructure = "no-structure";

    /// <summary>The text has headings but no problem paired with a rectification: no items were extracted.</summary>
    public const string NoItems = "no-items";

    /// <summary>The encoding was guessed statistically and may be wrong.</summary>
    public const string EncodingGuessed = "encoding-guessed";

    /// <summary>The text had bytes that are not valid in its encoding (a cut-off character, a damaged byte, a word in another encoding): they read as U+FFFD; the warning says where the first is.</summary>
    public const string EncodingDamaged = "encoding-damaged";

    /// <summary>A PDF's text layer reported look-alike characters that were read as the document's own (戶 for 户).</summary>
    public const string TextLayerRepaired = "text-layer-repaired";

    /// <summary>A character converter damaged the text (pinyin glosses after ideographs: <c>關(guān)</c>), and the damage was undone.</summary>
    public const string ConverterDamage = "converter-damage";

    /// <summary>A reader dropped or could not read part of the input (a page without text, an unreadable table).</summary>
    public const string ContentSkipped = "content-skipped";

    /// <summary>A page was read by OCR with a mean word confidence below the threshold (<see cref="Readers.Ocr.OcrOptions.LowConfidence"/>): its text may be wrong.</summary>
    public const string OcrLowConfidence = "ocr-low-confidence";

    /// <summary>A PDF's pages were read in two ways: some from the text layer, some by OCR.</summary>
    public const string OcrMixedPages = "ocr-mixed-pages";

    /// <summary>A heading marker that OCR read with low confidence, and that nothing else confirms, was read as text, not as a heading.</summary>
    public const string OcrUncertainMarker = "ocr-uncertain-marker";
}
