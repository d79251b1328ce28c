namespace Extractor.Parsing;

/// <summary>The formats the library reads.</summary>
public enum InputFormat
{
    /// <summary>Detect from the content (and the file extension as a hint).</summary>
    Auto,

    /// <summary>Plain text in any common Chinese encoding.</summary>
    Text,

    /// <summary>An HTML page.</summary>
    Html,

    /// <summary>A Word document (Office Open XML).</summary>
    Docx,

    /// <summary>A PDF with a text layer.</summary>
    Pdf,
}
