using System.Text.Json;
using System.Text.Json.Serialization;

namespace Extractor.Cli.Evaluation;

/// <summary>
/// The gold of one real notice, written by reading it (see <c>tests/real-notices/README.md</c>): what a careful reader
/// finds there, with quotes of the first words of each heading, problem and rectification.
/// </summary>
/// <remarks>Lists a file leaves out are empty (a positional record: the JSON source generator would set absent init-only properties to null).</remarks>
internal sealed record Gold(
    string Url = "",
    string Genre = "other",
    string IssuerKind = "other",
    bool Excerpt = false,
    string? Title = null,
    string? Issuer = null,
    string? Date = null,
    IReadOnlyList<GoldHeading>? Headings = null,
    IReadOnlyList<GoldPair>? Pairs = null,
    IReadOnlyList<GoldStat>? Stats = null,
    IReadOnlyList<string>? Notes = null)
{
    public IReadOnlyList<GoldHeading> Headings { get; init; } = Headings ?? [];
    public IReadOnlyList<GoldPair> Pairs { get; init; } = Pairs ?? [];
    public IReadOnlyList<GoldStat> Stats { get; init; } = Stats ?? [];
    public IReadOnlyList<string> Notes { get; init; } = Notes ?? [];

    /// <summary>Reads a gold file.</summary>
    /// <exception cref="InvalidDataException">The file is not a gold file; the message names it and what is wrong.</exception>
    public static Gold Read(string path)
    {
        try
        {
            return JsonSerializer.Deserialize(File.ReadAllBytes(path), GoldJsonContext.Default.Gold)
                ?? throw new InvalidDataException($"{path}: the gold is null");
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{path}: not a gold file{(e.Path is { Length: > 1 } p ? " at " + p : "")}: {e.Message.Split(". ")[0]}", e);
        }
    }
}

/// <summary>A numbered heading: its marker as written, its nesting level (1 = outermost) and the first words after the marker.</summary>
internal sealed record GoldHeading(string Marker, int Level, string Text);

/// <summary>A problem and its rectification: the first words of each, and the rectification's label (null when unlabelled).</summary>
internal sealed record GoldPair(string Problem, string? Label, string Rectification);

/// <summary>A figure the notice states about itself.</summary>
internal sealed record GoldStat(string Name, decimal Value);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    ReadCommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true)]
[JsonSerializable(typeof(Gold))]
internal sealed partial class GoldJsonContext : JsonSerializerContext;
