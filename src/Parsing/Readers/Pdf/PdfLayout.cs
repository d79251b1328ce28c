using System.Text.RegularExpressions;
using UglyToad.PdfPig.Content;

namespace Extractor.Parsing.Readers.Pdf;

/// <summary>A line of text on a PDF page, as the line builder made it from the page's letters.</summary>
/// <param name="Page">1-based page.</param>
/// <param name="PageLine">1-based line on the page, counting lines later removed as headers or footers.</param>
/// <param name="Text">The text, one space where letters leave a gap.</param>
/// <param name="Left">Left edge of the first letter.</param>
/// <param name="Right">Right edge of the last letter.</param>
/// <param name="Baseline">Baseline height on the page.</param>
/// <param name="Size">Median letter size.</param>
/// <param name="FirstWord">Width of the line's first unbreakable run (<c>〔2020〕18</c>, or one ideograph): the line
/// before may end short of the margin by that much without ending its paragraph.</param>
public sealed record PdfLine(int Page, int PageLine, string Text, double Left, double Right, double Baseline, double Size, double FirstWord)
{
    /// <summary>Offsets in <see cref="Text"/> of characters read with low confidence (OCR); null when there are none.</summary>
    public IReadOnlyList<int>? Uncertain { get; init; }

    /// <summary>The column of a page laid out in columns the line stands in, 1 for the leftmost; 0 for a line across the
    /// page's whole width (every line of a page in one column). Margins are measured per column.</summary>
    public int Column { get; init; }
}

/// <summary>Step 1 of PDF layout: the lines of a page in reading order (top to bottom, column by column), from its letters.</summary>
public interface IPdfLineBuilder
{
    /// <summary>The page's lines in reading order.</summary>
    IReadOnlyList<PdfLine> Lines(Page page);
}

/// <summary>
/// Step 1 of PDF layout for a page without a text layer (or an image file): its lines, top to bottom, from the words
/// OCR recognised, measured as <see cref="IPdfLineBuilder"/> measures letters so that steps 2 and 3 treat both alike.
/// </summary>
public interface IOcrLineBuilder
{
    /// <summary>The page's lines in reading order.</summary>
    /// <param name="page">The recognised page.</param>
    /// <param name="pageNumber">The 1-based page the lines are on.</param>
    /// <param name="uncertainBelow">Words whose confidence is below this are uncertain (<see cref="PdfLine.Uncertain"/>).</param>
    IReadOnlyList<PdfLine> Lines(Ocr.OcrPage page, int pageNumber, double uncertainBelow);
}

/// <summary>Step 2 of PDF layout: drops running headers, footers and page numbers.</summary>
public interface IPdfRunningLineFilter
{
    /// <summary>The pages without their running lines.</summary>
    /// <param name="pages">Each page's lines.</param>
    /// <param name="edgeLine">What a line that is furniture wherever it stands at a page's edge looks like: a page number
    /// or a browser's print header or footer (<see cref="Rules.ChromeRules.PageNumber"/>, <see cref="Rules.ChromeRules.PrintEdge"/>).</param>
    IReadOnlyList<IReadOnlyList<PdfLine>> Filter(IReadOnlyList<IReadOnlyList<PdfLine>> pages, Regex edgeLine);
}

/// <summary>Step 3 of PDF layout: joins lines into paragraphs, across page breaks.</summary>
public interface IPdfParagraphBuilder
{
    /// <summary>The paragraphs, each its lines in order.</summary>
    IReadOnlyList<IReadOnlyList<PdfLine>> Paragraphs(IReadOnlyList<IReadOnlyList<PdfLine>> pages);

    /// <summary>The paragraphs, each its lines in order, with what the rule set says of lines that start one.</summary>
    /// <param name="pages">Each page's lines.</param>
    /// <param name="cues">Lines that open with a heading marker or a label (the readers pass the rule set's).</param>
    IReadOnlyList<IReadOnlyList<PdfLine>> Paragraphs(IReadOnlyList<IReadOnlyList<PdfLine>> pages, PdfLineCues cues) => Paragraphs(pages);
}

/// <summary>
/// The thresholds of the built-in PDF layout steps. Distances are in multiples of the letter size (or of the usual line
/// spacing), so they hold at any font size.
/// </summary>
public sealed record PdfLayoutOptions
{
    /// <summary>The defaults, tuned on LibreOffice, Word and Chromium output.</summary>
    public static PdfLayoutOptions Default { get; } = new();

    /// <summary>Letters whose baselines differ by at most this (× the larger letter size) are on one line.</summary>
    public double SameLine { get; init; } = 0.45;

    /// <summary>A gap next to a CJK letter wider than this (× size) is a space (narrower ones are CJK–Latin autospacing).</summary>
    public double CjkSpace { get; init; } = 0.9;

    /// <summary>A gap between Latin letters wider than this (× size) is a space.</summary>
    public double LatinSpace { get; init; } = 0.25;

    /// <summary>How many lines at the top and at the bottom of a page may be running headers, footers or page numbers.</summary>
    public int RunningLineBand { get; init; } = 2;

    /// <summary>The left margin is the left edge this percentage of lines lies left of (indented and centred lines lie right of it).</summary>
    public int LeftMarginPercentile { get; init; } = 5;

    /// <summary>The right margin is the right edge all but this percentage of lines reach (lines with hanging punctuation go past it).</summary>
    public int RightMarginPercentile { get; init; } = 10;

    /// <summary>A line indented from the left margin by more than this (× size) starts a paragraph.</summary>
    public double Indent { get; init; } = 0.9;

    /// <summary>A line whose size differs from the line before by more than this (× size) starts a paragraph.</summary>
    public double SizeChange { get; init; } = 0.15;

    /// <summary>A line that ends short of the right margin by more than this (× size), and by more than the next line's first word needs, ends its paragraph.</summary>
    public double ShortLine { get; init; } = 2;

    /// <summary>A gap above a line wider than this (× the usual line spacing) plus <see cref="ParagraphGapSize"/> starts a paragraph.</summary>
    public double ParagraphGap { get; init; } = 1.15;

    /// <summary>See <see cref="ParagraphGap"/> (× size).</summary>
    public double ParagraphGapSize { get; init; } = 0.1;

    /// <summary>Whether a page laid out in columns is read column by column (false: every page line by line across).</summary>
    public bool Columns { get; init; } = true;

    /// <summary>A gutter between columns is at least this wide (× size).</summary>
    public double ColumnGutter { get; init; } = 0.8;

    /// <summary>At least this share of a page's lines lie beside a gutter, not across it.</summary>
    public double ColumnHeight { get; init; } = 0.6;

    /// <summary>Each column holds at least this share of a page's lines.</summary>
    public double ColumnLines { get; init; } = 0.25;

    /// <summary>The narrowest column is at least this share of the widest (columns of a layout are alike; a table's are not).</summary>
    public double ColumnBalance { get; init; } = 0.8;

    /// <summary>Lines beside a gutter are read column by column in runs of at least this many (fewer, a header or footer, are read across).</summary>
    public int ColumnRunLines { get; init; } = 3;

    /// <summary>A vertical gap wider than this (× size) between lines beside a gutter ends their run.</summary>
    public double ColumnRunGap { get; init; } = 3;
}
