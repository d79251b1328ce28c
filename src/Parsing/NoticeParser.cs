using Extractor.Parsing.Readers;
using Extractor.Parsing.Text;
using Extractor.Parsing.Readers.PlainText;
using Extractor.Parsing.Rules;

namespace Extractor.Parsing;

/// <summary>
/// Parses inspection-rectification notices. Reads TXT (any common Chinese encoding), HTML, DOCX, Word 97-2003 (.doc, .wps), PDF and OFD,
/// scanned PDF pages and images by OCR, and any format
/// a reader added in <see cref="ParserOptions.Readers"/> reads; builds the section tree; pairs each problem with its
/// rectification; extracts the metadata; reports irregularities as warnings. An instance is immutable and thread-safe:
/// create one and share it (a rule set is compiled once, however many parsers use it).
/// </summary>
/// <example>
/// <code>
/// var parser = new NoticeParser();
/// Notice notice = parser.ParseFile("通报.docx");
/// foreach (var item in notice.Items)
///     Console.WriteLine($"{item.Problem.Title}: {item.Rectification?.Status}");
/// File.WriteAllText("通报.json", NoticeJson.Serialize(notice));
/// </code>
/// </example>
public sealed class NoticeParser
{
    private readonly RuleTiers _rules;

    /// <summary>Creates a parser.</summary>
    /// <exception cref="RuleSetException">The options' rule set is invalid.</exception>
    public NoticeParser(ParserOptions? options = null)
    {
        Options = options ?? new ParserOptions();
        _rules = CompiledRules.TiersOf(Options.Rules ?? RuleSet.Default);
        if (Options.Readers is null || Options.Readers.Count == 0 || Options.Readers.Any(r => r is null))
            throw new ArgumentException("the options name no readers (or a null one)", nameof(options));
    }

    /// <summary>The options this parser was created with.</summary>
    public ParserOptions Options { get; }

    /// <summary>Parses notice text already in memory.</summary>
    /// <param name="text">The text.</param>
    /// <param name="sourcePath">A name to record as <see cref="NoticeSource.Path"/>.</param>
    /// <exception cref="NoticeFormatException">The text is empty.</exception>
    public Notice ParseText(string text, string? sourcePath = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (string.IsNullOrWhiteSpace(text))
            throw new NoticeFormatException(NoticeErrorKind.Empty, "the text is empty") { SourcePath = sourcePath };
        return Run(PlainTextReader.Read(text, null), sourcePath, default);
    }

    /// <summary>
    /// The format of content, from the content itself (magic numbers, markup, a container's directory) and, to break
    /// ties, the file name: what <see cref="InputFormat.Auto"/> resolves to. The registered readers are asked
    /// (<see cref="NoticeReaders.Detect"/>); a format the library only recognises to refuse (<c>rtf</c>, <c>image</c>)
    /// is returned too, and parsing it fails with advice.
    /// </summary>
    /// <param name="content">The whole content (its first bytes tell most formats, but not those inside a container).</param>
    /// <param name="fileName">The file's name, a hint for content that is not certain.</param>
    /// <exception cref="NoticeFormatException">No registered reader recognises the content.</exception>
    public InputFormat DetectFormat(ReadOnlySpan<byte> content, string? fileName = null) => Detect(content, fileName).Format;

    private INoticeReader Detect(ReadOnlySpan<byte> content, string? fileName) =>
        NoticeReaders.Detect(Options.Readers, content, fileName)
        ?? throw new NoticeFormatException(NoticeErrorKind.UnsupportedFormat, "no reader recognises this content") { SourcePath = fileName };

    /// <summary>
    /// Reads a file the way <see cref="ParseFile"/> does, for a caller that looks at the content itself before parsing
    /// it (<see cref="DetectFormat"/>, to choose where to parse it): a regular file under <see cref="ParserLimits.MaxInputBytes"/>.
    /// </summary>
    /// <exception cref="NoticeFormatException">The file cannot be read (no such file, a directory, a pipe or a device, permission denied) or is over the size limit.</exception>
    public byte[] ReadFile(string path)
    {
        using var stream = InputBytes.Open(path, Options.Limits);
        return InputBytes.Read(stream, Options.Limits, path);
    }

    /// <summary>
    /// Reads a stream to its end the way <see cref="Parse(Stream, InputFormat, string?, CancellationToken)"/> does, for a
    /// caller that looks at the content before parsing it (standard input, a pipe): no more than
    /// <see cref="ParserLimits.MaxInputBytes"/> bytes are read, whatever the stream claims.
    /// </summary>
    /// <exception cref="NoticeFormatException">The stream cannot be read or holds more than the size limit.</exception>
    public byte[] ReadStream(Stream stream, string? sourcePath = null) => InputBytes.Read(stream, Options.Limits, sourcePath);

    /// <summary>What <paramref name="path"/> names, links followed: <see cref="ReadFile"/> and <see cref="ParseFile"/> read regular files only.</summary>
    public static FileEntryKind KindOf(string path) => FileEntries.Of(path);

    /// <summary>Parses a file, detecting its format from the content unless <paramref name="format"/> names it.</summary>
    /// <exception cref="NoticeFormatException">The file cannot be read or parsed; the message says why.</exception>
    public Notice ParseFile(string path, InputFormat format = default, CancellationToken cancellation = default) =>
        Parse(ReadFile(path), format, path, cancellation);

    /// <summary>Parses a file asynchronously.</summary>
    /// <exception cref="NoticeFormatException">The file cannot be read or parsed.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellation"/> was cancelled.</exception>
    public async Task<Notice> ParseFileAsync(string path, InputFormat format = default, CancellationToken cancellation = default)
    {
        byte[] bytes;
        await using (var stream = InputBytes.Open(path, Options.Limits))
            bytes = await InputBytes.ReadAsync(stream, Options.Limits, path, cancellation).ConfigureAwait(false);
        return Parse(bytes, format, path, cancellation);
    }

    /// <summary>Parses the content of <paramref name="stream"/> (read to its end; not closed).</summary>
    /// <param name="stream">The input.</param>
    /// <param name="format">The format, or <see cref="InputFormat.Auto"/> to detect it.</param>
    /// <param name="sourcePath">A name to record as <see cref="NoticeSource.Path"/> (its extension also hints the format).</param>
    /// <param name="cancellation">Cancels parsing.</param>
    /// <exception cref="NoticeFormatException">The content cannot be read or parsed.</exception>
    public Notice Parse(Stream stream, InputFormat format = default, string? sourcePath = null, CancellationToken cancellation = default) =>
        Parse(InputBytes.Read(stream, Options.Limits, sourcePath), format, sourcePath, cancellation);

    /// <summary>Parses the content of <paramref name="stream"/> asynchronously (read to its end; not closed).</summary>
    /// <exception cref="NoticeFormatException">The content cannot be read or parsed.</exception>
    public async Task<Notice> ParseAsync(Stream stream, InputFormat format = default, string? sourcePath = null, CancellationToken cancellation = default) =>
        Parse(await InputBytes.ReadAsync(stream, Options.Limits, sourcePath, cancellation).ConfigureAwait(false), format, sourcePath, cancellation);

    /// <summary>Parses bytes.</summary>
    /// <exception cref="NoticeFormatException">The content cannot be parsed.</exception>
    public Notice Parse(byte[] content, InputFormat format = default, string? sourcePath = null, CancellationToken cancellation = default) =>
        ParseWithDocument(content, format, sourcePath, cancellation).Notice;

    /// <summary>
    /// Parses bytes and returns the notice with the document its reader extracted: the text that every
    /// <see cref="SourceLocation.Start"/> and <see cref="SourceLocation.End"/> of the notice index, and its blocks with
    /// their pages, paragraphs and element paths. For a program that shows a notice beside its source (highlighting
    /// each value in place) or works on the text itself; the notice is the one <see cref="Parse(byte[], InputFormat, string?, CancellationToken)"/> returns.
    /// </summary>
    /// <exception cref="NoticeFormatException">The content cannot be parsed.</exception>
    public ParsedNotice ParseWithDocument(byte[] content, InputFormat format = default, string? sourcePath = null, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        using var checkpoint = Checkpoint.Enter(cancellation);
        try
        {
            var document = Read(content, format, sourcePath, cancellation);
            cancellation.ThrowIfCancellationRequested();
            return new ParsedNotice(Run(document, sourcePath, cancellation), document);
        }
        catch (NoticeFormatException e)
        {
            throw e.WithPath(sourcePath);
        }
        catch (System.Text.RegularExpressions.RegexMatchTimeoutException e)
        {
            // No default rule comes near its time-out (each call sees a bounded window of text); a pattern of a rules
            // file that backtracks without end can. The text is not at fault, but this parser cannot read it.
            throw new NoticeFormatException(NoticeErrorKind.LimitExceeded,
                $"a rule pattern took longer than {e.MatchTimeout.TotalSeconds:0.#} s on this text: check the patterns of the rules file", e) { SourcePath = sourcePath };
        }
    }

    /// <summary>The reader stage alone: the extracted text and its blocks.</summary>
    /// <exception cref="ArgumentException">No registered reader reads <paramref name="format"/>.</exception>
    internal ExtractedDocument Read(byte[] content, InputFormat format, string? sourcePath, CancellationToken cancellation = default)
    {
        if (content.Length == 0) throw new NoticeFormatException(NoticeErrorKind.Empty, "the file is empty");
        if (content.Length > Options.Limits.MaxInputBytes) throw TooLarge(sourcePath);
        var reader = format.IsAuto
            ? Detect(content, sourcePath)
            : NoticeReaders.Find(Options.Readers, format)
              ?? throw new ArgumentException($"no registered reader reads the format '{format}'", nameof(format));
        var context = new ReaderContext
        {
            SourcePath = sourcePath,
            Encoding = Options.Encoding,
            Limits = Options.Limits,
            Ocr = Options.Ocr ?? Readers.Ocr.OcrOptions.Default,
            Rules = Options.Rules ?? RuleSet.Default,
            Cancellation = cancellation,
        };
        ExtractedDocument document;
        using (var stream = new MemoryStream(content, 0, content.Length, writable: false, publiclyVisible: true))
            document = reader.Read(stream, context);
        document.Validate(reader.Format.Name);
        if (document.Blocks.Count == 0)
            throw new NoticeFormatException(NoticeErrorKind.Empty, document.Format == InputFormat.Text ? "the file holds only whitespace" : "the document holds no text");
        return document;
    }

    /// <summary>The text pipeline with the rules' current tier; its time counts towards compiling the rules' patterns.</summary>
    private Notice Run(ExtractedDocument document, string? sourcePath, CancellationToken cancellation)
    {
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        var notice = NoticePipeline.Run(document, sourcePath, _rules.Current, cancellation);
        _rules.Spent(System.Diagnostics.Stopwatch.GetElapsedTime(started));
        return notice;
    }

    private NoticeFormatException TooLarge(string? path) => InputBytes.TooLarge(Options.Limits, path);
}
