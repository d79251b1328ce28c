namespace Extractor.Parsing;

/// <summary>
/// A format notices are read from, by name (<c>pdf</c>, <c>docx</c>…): the name a reader gives its format
/// (<see cref="Readers.INoticeReader.Format"/>) and that <see cref="NoticeSource.Format"/> records. The set is open:
/// a reader added in <see cref="ParserOptions.Readers"/> brings its own. <see cref="Auto"/> (the default value) asks the
/// parser to detect the format from the content.
/// </summary>
public readonly record struct InputFormat
{
    private readonly string? _name;

    /// <summary>A format named <paramref name="name"/> (lower-case letters, digits and hyphens: <c>rtf</c>, <c>mhtml</c>).</summary>
    /// <exception cref="ArgumentException">The name is empty or not in lower case.</exception>
    public InputFormat(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        if (!name.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-'))
            throw new ArgumentException($"a format name is lower-case letters, digits and hyphens, not '{name}'", nameof(name));
        _name = name;
    }

    /// <summary>The format's name; <c>auto</c> for <see cref="Auto"/>.</summary>
    public string Name => _name ?? "auto";

    /// <summary>True for <see cref="Auto"/>.</summary>
    public bool IsAuto => _name is null;

    /// <summary>Detect the format from the content (and the file name as a hint).</summary>
    public static InputFormat Auto => default;

    /// <summary>Plain text in any common Chinese encoding.</summary>
    public static InputFormat Text { get; } = new("text");

    /// <summary>An HTML page.</summary>
    public static InputFormat Html { get; } = new("html");

    /// <summary>A Word document (Office Open XML).</summary>
    public static InputFormat Docx { get; } = new("docx");

    /// <summary>A Word 97-2003 binary document (<c>.doc</c>, and WPS Office's <c>.wps</c>).</summary>
    public static InputFormat Doc { get; } = new("doc");

    /// <summary>An OFD document (GB/T 33190, the national format for electronic official documents).</summary>
    public static InputFormat Ofd { get; } = new("ofd");

    /// <summary>An Excel workbook (Office Open XML).</summary>
    public static InputFormat Xlsx { get; } = new("xlsx");

    /// <summary>An Excel 97-2003 workbook (BIFF in an OLE compound file; also WPS's <c>.et</c>).</summary>
    public static InputFormat Xls { get; } = new("xls");

    /// <summary>A web archive (MHTML: a page saved by a browser as one MIME file).</summary>
    public static InputFormat Mhtml { get; } = new("mhtml");

    /// <summary>A Word 2003 XML document (WordprocessingML 2003, <c>w:wordDocument</c>).</summary>
    public static InputFormat WordXml { get; } = new("word-xml");

    /// <summary>A PDF with a text layer.</summary>
    public static InputFormat Pdf { get; } = new("pdf");

    /// <inheritdoc/>
    public override string ToString() => Name;
}
