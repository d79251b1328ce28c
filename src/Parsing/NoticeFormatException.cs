namespace Extractor.Parsing;

/// <summary>Why a file could not be parsed.</summary>
public enum NoticeErrorKind
{
    /// <summary>The file is empty or holds only whitespace.</summary>
    Empty,

    /// <summary>The file holds binary data that is not text in any supported format.</summary>
    NotText,

    /// <summary>The text's encoding could not be determined.</summary>
    UnknownEncoding,

    /// <summary>The file claims a format (by its content) but is damaged.</summary>
    Corrupt,

    /// <summary>The file is encrypted and needs a password.</summary>
    Encrypted,

    /// <summary>The input is a scan or an image and needs OCR, which is off (<see cref="Readers.Ocr.OcrMode.Never"/>) or not installed.</summary>
    NeedsOcr,

    /// <summary>The file is over a configured limit (size, pages, nesting, decompressed size).</summary>
    LimitExceeded,

    /// <summary>Parsing took longer than the configured time limit.</summary>
    TimedOut,

    /// <summary>The file could not be read from disk.</summary>
    Unreadable,

    /// <summary>The format is not supported.</summary>
    UnsupportedFormat,
}

/// <summary>
/// The one exception the library throws for input it cannot parse. <see cref="Exception.Message"/> is a short
/// reason fit to show a user; <see cref="SourcePath"/> names the file when there is one.
/// </summary>
public sealed class NoticeFormatException : Exception
{
    /// <summary>Creates the exception.</summary>
    public NoticeFormatException(NoticeErrorKind kind, string message, Exception? inner = null)
        : base(message, inner) => Kind = kind;

    /// <summary>Why parsing failed.</summary>
    public NoticeErrorKind Kind { get; }

    /// <summary>The file, when the input was a file.</summary>
    public string? SourcePath { get; init; }

    /// <summary>A copy naming <paramref name="path"/>.</summary>
    internal NoticeFormatException WithPath(string? path) =>
        path is null || SourcePath is not null ? this : new NoticeFormatException(Kind, Message, InnerException) { SourcePath = path };
}
