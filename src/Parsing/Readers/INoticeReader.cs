using System.Text;
using Extractor.Parsing.Rules;

namespace Extractor.Parsing.Readers;

/// <summary>
/// A reader of one format: it says whether it recognises content, and reads content into an
/// <see cref="ExtractedDocument"/>. The parser keeps an ordered list of readers (<see cref="ParserOptions.Readers"/>):
/// to detect a format it asks each one, and the most certain answer wins, the earlier reader on a tie. A reader is
/// shared between threads and must keep no state between calls.
/// </summary>
/// <example>
/// A reader of a format of your own, tried before the built-in ones:
/// <code>
/// var parser = new NoticeParser(new ParserOptions { Readers = [new MyReader(), .. NoticeReaders.Default] });
/// </code>
/// </example>
public interface INoticeReader
{
    /// <summary>The format this reader reads.</summary>
    InputFormat Format { get; }

    /// <summary>
    /// How surely the content is of this reader's format. Look only at what tells: a magic number at the start, or for
    /// a container (ZIP, OLE compound file) the names in its directory — never parse the whole document here.
    /// </summary>
    /// <param name="content">The whole content.</param>
    /// <param name="fileName">The file's name, when there is one: a hint, never proof.</param>
    FormatConfidence Recognize(ReadOnlySpan<byte> content, string? fileName);

    /// <summary>Reads the content.</summary>
    /// <param name="content">The whole content: readable and seekable, at position 0. The reader does not close it.</param>
    /// <param name="context">Options, limits and cancellation for this read.</param>
    /// <exception cref="NoticeFormatException">The content cannot be read; the message says why, fit to show a user.</exception>
    ExtractedDocument Read(Stream content, ReaderContext context);
}

/// <summary>How surely content is of a reader's format; readers are compared by it.</summary>
public enum FormatConfidence
{
    /// <summary>Not this format.</summary>
    None = 0,

    /// <summary>The reader can read anything as a last resort (plain text).</summary>
    Fallback = 1,

    /// <summary>The file name says so and the content does not contradict it.</summary>
    Likely = 2,

    /// <summary>The content says so: a magic number, a markup declaration.</summary>
    Certain = 3,
}

/// <summary>What a reader needs to know besides the content.</summary>
public sealed record ReaderContext
{
    /// <summary>The path or name of the input, when there is one.</summary>
    public string? SourcePath { get; init; }

    /// <summary>An encoding the user named for text content; null to detect it.</summary>
    public Encoding? Encoding { get; init; }

    /// <summary>Limits that protect against hostile input: a reader honours those that apply to its format.</summary>
    public ParserLimits Limits { get; init; } = new();

    /// <summary>The rule set: readers take what they need from it (site chrome, page numbers).</summary>
    public RuleSet Rules { get; init; } = RuleSet.Default;

    /// <summary>How scanned pages and images are read (OCR); readers of paged formats honour it.</summary>
    public Ocr.OcrOptions Ocr { get; init; } = Readers.Ocr.OcrOptions.Default;

    /// <summary>Cancels the read; a long read checks it now and then.</summary>
    public CancellationToken Cancellation { get; init; }

    /// <summary>The compiled rule set.</summary>
    internal CompiledRules CompiledRules => CompiledRules.For(Rules);
}
