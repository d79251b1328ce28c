using System.Text.Json.Serialization;

namespace Extractor.Parsing;

/// <summary>
/// Where a value came from: the line (and page, paragraph or element path where the format has them) and the
/// character range <c>[Start, End)</c> in the extracted text (for a text file, its decoded characters).
/// </summary>
public sealed record SourceLocation
{
    /// <summary>1-based line where the value starts: the line of the extracted text, or for a PDF the line on its page.</summary>
    public required int Line { get; init; }

    /// <summary>1-based line where the value ends, when it spans several lines.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? EndLine { get; init; }

    /// <summary>1-based PDF page.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? Page { get; init; }

    /// <summary>1-based PDF page where the value ends, when it is not <see cref="Page"/>.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? EndPage { get; init; }

    /// <summary>0-based DOCX body paragraph index.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? Paragraph { get; init; }

    /// <summary>HTML element path (<c>body/div[2]/p[5]</c>).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Path { get; init; }

    /// <summary>0-based offset of the first character in the extracted text.</summary>
    public required int Start { get; init; }

    /// <summary>0-based offset just past the last character.</summary>
    public required int End { get; init; }
}
