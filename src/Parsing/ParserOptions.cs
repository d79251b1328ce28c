using System.Text;
using Extractor.Parsing.Readers;
using Extractor.Parsing.Readers.Ocr;
using Extractor.Parsing.Rules;

namespace Extractor.Parsing;

/// <summary>How <see cref="NoticeParser"/> reads and recognises notices.</summary>
public sealed record ParserOptions
{
    /// <summary>The rule set (markers, labels, status words, metadata patterns, tags); null for <see cref="RuleSet.Default"/>.</summary>
    public RuleSet? Rules { get; init; }

    /// <summary>The encoding of text input; null to detect it (BOM, strict UTF-8, GB18030, Big5, then a statistical guess).</summary>
    public Encoding? Encoding { get; init; }

    /// <summary>Limits that protect against hostile or broken input.</summary>
    public ParserLimits Limits { get; init; } = new();

    /// <summary>
    /// How scanned PDF pages and image files are read: OCR mode (<c>auto</c>: pages without a text layer), language,
    /// parallelism, cache. OCR needs Tesseract installed (Debian: <c>tesseract-ocr</c>, <c>tesseract-ocr-chi-sim</c>).
    /// </summary>
    public OcrOptions Ocr { get; init; } = OcrOptions.Default;

    /// <summary>
    /// The readers, in the order they are asked to recognise content (<see cref="NoticeReaders.Detect"/>): the most
    /// certain answer wins, the earlier reader on a tie. Default: <see cref="NoticeReaders.Default"/>. Put a reader of
    /// your own first to add a format or to read one of the built-in formats your way.
    /// </summary>
    public IReadOnlyList<INoticeReader> Readers { get; init; } = NoticeReaders.Default;
}

/// <summary>
/// Limits on what one input may cost. Input over a limit fails with <see cref="NoticeErrorKind.LimitExceeded"/>;
/// the defaults are far above any real notice.
/// </summary>
public sealed record ParserLimits
{
    /// <summary>Largest input file or stream, in bytes (default 64 MiB).</summary>
    public long MaxInputBytes { get; init; } = 64L * 1024 * 1024;

    /// <summary>Largest total decompressed size of the parts of a DOCX, XLSX or OFD package, and of a Word 97-2003 document's text (two bytes a character), in bytes (default 256 MiB); a workbook's cells may hold at most half as many characters.</summary>
    public long MaxDecompressedBytes { get; init; } = 256L * 1024 * 1024;

    /// <summary>Most PDF or OFD pages read (default 2,000).</summary>
    public int MaxPages { get; init; } = 2000;

    /// <summary>Deepest element nesting read from HTML, DOCX, Word 2003 XML and OFD, and of storages in an OLE compound file (default 256).</summary>
    public int MaxDepth { get; init; } = 256;

    /// <summary>
    /// Most elements of an HTML page (default 250,000; a notice's page has a few thousand). A page's tree costs about
    /// 2 KB of memory per element, so this bounds what a page of many tiny elements can take.
    /// </summary>
    public int MaxElements { get; init; } = 250_000;
}
