using Extractor.Parsing.Documents;
using Extractor.Parsing.Extraction;
using Extractor.Parsing.Readers;
using Extractor.Parsing.Rules;

namespace Extractor.Parsing;

/// <summary>
/// Parses inspection-rectification notices. Reads TXT (any common Chinese encoding), HTML, DOCX and PDF; builds the
/// section tree; pairs each problem with its rectification; extracts the metadata; reports irregularities as warnings.
/// An instance is immutable and thread-safe: create one (rule compilation is done once) and share it.
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
    private readonly CompiledRules _rules;

    /// <summary>Creates a parser.</summary>
    /// <exception cref="RuleSetException">The options' rule set is invalid.</exception>
    public NoticeParser(ParserOptions? options = null)
    {
        Options = options ?? new ParserOptions();
        _rules = Options.Rules is null ? CompiledRules.Default : CompiledRules.Compile(Options.Rules);
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
        return NoticeAssembler.Assemble(PlainTextReader.Read(text, null), sourcePath, _rules);
    }

    /// <summary>
    /// The format of content, from its first bytes (magic numbers, markup) and, to break ties, the file name: what
    /// <see cref="InputFormat.Auto"/> resolves to.
    /// </summary>
    /// <exception cref="NoticeFormatException">The content is of a kind the library refuses (legacy Office, RTF, an image).</exception>
    public static InputFormat DetectFormat(ReadOnlySpan<byte> head, string? fileName = null) => FormatDetector.Detect(head, fileName);

    /// <summary>Parses a file, detecting its format from the content.</summary>
    /// <exception cref="NoticeFormatException">The file cannot be read or parsed; the message says why.</exception>
    public Notice ParseFile(string path, InputFormat format = InputFormat.Auto, CancellationToken cancellation = default) =>
        Parse(ReadFile(path), format, path, cancellation);

    /// <summary>Parses a file asynchronously.</summary>
    /// <exception cref="NoticeFormatException">The file cannot be read or parsed.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellation"/> was cancelled.</exception>
    public async Task<Notice> ParseFileAsync(string path, InputFormat format = InputFormat.Auto, CancellationToken cancellation = default)
    {
        var bytes = await ReadFileAsync(path, cancellation).ConfigureAwait(false);
        return Parse(bytes, format, path, cancellation);
    }

    /// <summary>Parses the content of <paramref name="stream"/> (read to its end; not closed).</summary>
    /// <param name="stream">The input.</param>
    /// <param name="format">The format, or <see cref="InputFormat.Auto"/> to detect it.</param>
    /// <param name="sourcePath">A name to record as <see cref="NoticeSource.Path"/> (its extension also hints the format).</param>
    /// <param name="cancellation">Cancels parsing.</param>
    /// <exception cref="NoticeFormatException">The content cannot be parsed.</exception>
    public Notice Parse(Stream stream, InputFormat format = InputFormat.Auto, string? sourcePath = null, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(stream);
        return Parse(ReadStream(stream, sourcePath), format, sourcePath, cancellation);
    }

    /// <summary>Parses the content of <paramref name="stream"/> asynchronously (read to its end; not closed).</summary>
    public async Task<Notice> ParseAsync(Stream stream, InputFormat format = InputFormat.Auto, string? sourcePath = null, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await stream.ReadAsync(chunk, cancellation).ConfigureAwait(false)) > 0)
        {
            if (buffer.Length + read > Options.Limits.MaxInputBytes) throw TooLarge(sourcePath);
            buffer.Write(chunk, 0, read);
        }
        return Parse(buffer.ToArray(), format, sourcePath, cancellation);
    }

    /// <summary>Parses bytes.</summary>
    /// <exception cref="NoticeFormatException">The content cannot be parsed.</exception>
    public Notice Parse(byte[] content, InputFormat format = InputFormat.Auto, string? sourcePath = null, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        try
        {
            var document = Read(content, format, sourcePath, cancellation);
            cancellation.ThrowIfCancellationRequested();
            return NoticeAssembler.Assemble(document, sourcePath, _rules, cancellation);
        }
        catch (NoticeFormatException e)
        {
            throw e.WithPath(sourcePath);
        }
    }

    /// <summary>The reader stage alone: the extracted text and its blocks.</summary>
    internal ExtractedDocument Read(byte[] content, InputFormat format, string? sourcePath, CancellationToken cancellation = default)
    {
        if (content.Length == 0) throw new NoticeFormatException(NoticeErrorKind.Empty, "the file is empty");
        if (content.Length > Options.Limits.MaxInputBytes) throw TooLarge(sourcePath);
        if (format == InputFormat.Auto) format = FormatDetector.Detect(content, sourcePath);
        var document = format switch
        {
            InputFormat.Text => PlainTextReader.Read(content, Options.Encoding),
            InputFormat.Html => HtmlReader.Read(content, Options.Encoding, Options.Limits, cancellation),
            InputFormat.Docx => DocxReader.Read(content, Options.Limits, cancellation),
            InputFormat.Pdf => PdfReader.Read(content, Options.Limits, cancellation),
            _ => throw new ArgumentOutOfRangeException(nameof(format), format, "not a format"),
        };
        if (document.Blocks.Count == 0)
            throw new NoticeFormatException(NoticeErrorKind.Empty, format == InputFormat.Text ? "the file holds only whitespace" : "the document holds no text");
        return document;
    }

    private NoticeFormatException TooLarge(string? path) =>
        new(NoticeErrorKind.LimitExceeded, $"the input is larger than the {Options.Limits.MaxInputBytes / (1024 * 1024)} MiB limit") { SourcePath = path };

    private byte[] ReadFile(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        try
        {
            var info = new FileInfo(path);
            if (Directory.Exists(path)) throw new NoticeFormatException(NoticeErrorKind.Unreadable, "it is a directory, not a file") { SourcePath = path };
            if (!info.Exists) throw new NoticeFormatException(NoticeErrorKind.Unreadable, "no such file") { SourcePath = path };
            if (info.Length > Options.Limits.MaxInputBytes) throw TooLarge(path);
            return File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or System.Security.SecurityException)
        {
            throw new NoticeFormatException(NoticeErrorKind.Unreadable, Reason(e), e) { SourcePath = path };
        }
    }

    private async Task<byte[]> ReadFileAsync(string path, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(path);
        try
        {
            if (Directory.Exists(path)) throw new NoticeFormatException(NoticeErrorKind.Unreadable, "it is a directory, not a file") { SourcePath = path };
            var info = new FileInfo(path);
            if (!info.Exists) throw new NoticeFormatException(NoticeErrorKind.Unreadable, "no such file") { SourcePath = path };
            if (info.Length > Options.Limits.MaxInputBytes) throw TooLarge(path);
            return await File.ReadAllBytesAsync(path, cancellation).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or System.Security.SecurityException)
        {
            throw new NoticeFormatException(NoticeErrorKind.Unreadable, Reason(e), e) { SourcePath = path };
        }
    }

    private byte[] ReadStream(Stream stream, string? sourcePath)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = stream.Read(chunk, 0, chunk.Length)) > 0)
        {
            if (buffer.Length + read > Options.Limits.MaxInputBytes) throw TooLarge(sourcePath);
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }

    private static string Reason(Exception e) => e switch
    {
        UnauthorizedAccessException => "permission denied",
        FileNotFoundException or DirectoryNotFoundException => "no such file",
        PathTooLongException => "the path is too long",
        _ => e.Message,
    };
}
