using System.Text.Json;
using System.Text.Json.Serialization;

namespace Extractor.Parsing.Rules;

/// <summary>Reads rule sets from JSON.</summary>
public static class RuleSetLoader
{
    private static readonly Lazy<byte[]> DefaultBytes = new(() =>
    {
        using var stream = typeof(RuleSetLoader).Assembly.GetManifestResourceStream("Extractor.Parsing.default-rules.json")
            ?? throw new InvalidOperationException("the default rule set is missing from the assembly");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    });

    /// <summary>The default rule set as shipped (UTF-8 JSON).</summary>
    public static ReadOnlySpan<byte> DefaultJson => DefaultBytes.Value;

    /// <summary>A fresh copy of the default rule set.</summary>
    public static RuleSet LoadDefault() =>
        JsonSerializer.Deserialize(DefaultBytes.Value, RulesJsonContext.Default.RuleSet)!;

    /// <summary>
    /// Reads a rules file and applies it to the default set. Every list in the file is added to the default list
    /// of the same name (duplicates dropped); every pattern replaces the default pattern. A file with
    /// <c>"replace": true</c> at the top replaces the defaults wholesale instead: lists it leaves out are empty.
    /// </summary>
    /// <exception cref="RuleSetException">The JSON is malformed or a rule is invalid; the message names the field.</exception>
    public static RuleSet Load(string json, string? sourceName = null)
    {
        RuleSetFile? file;
        try
        {
            file = JsonSerializer.Deserialize(json, RulesJsonContext.Default.RuleSetFile);
        }
        catch (JsonException e)
        {
            var where = e.Path is { Length: > 1 } path ? $" at {path.TrimStart('$', '.')}" : "";
            throw new RuleSetException($"{sourceName ?? "rules"}: not a valid rules file{where} (line {e.LineNumber + 1}): {FirstSentence(e.Message)}", e);
        }
        if (file is null) throw new RuleSetException($"{sourceName ?? "rules"}: the rules file is empty");
        var rules = file.Replace ? new RuleSet() : LoadDefault();
        Merge(rules, file);
        CompiledRules.Compile(rules); // validates every pattern, naming the field
        return rules;
    }

    private static string FirstSentence(string message)
    {
        var dot = message.IndexOf(". ", StringComparison.Ordinal);
        return dot > 0 ? message[..dot] : message;
    }

    private static void Merge(RuleSet target, RuleSetFile file)
    {
        if (file.Markers is { } markers)
            foreach (var marker in markers)
            {
                target.Markers.RemoveAll(m => m.Style == marker.Style);
                target.Markers.Add(marker);
            }
        if (file.Labels is { } labels)
        {
            Add(target.Labels.Rectification, labels.Rectification);
            Add(target.Labels.Problem, labels.Problem);
            Add(target.Labels.Status, labels.Status);
            Add(target.Labels.Fields, labels.Fields);
            Add(target.Labels.Separators, labels.Separators);
            Add(target.Labels.FollowUp, labels.FollowUp);
            target.Labels.BareLabelFollower = labels.BareLabelFollower ?? target.Labels.BareLabelFollower;
        }
        if (file.TableColumns is { } columns)
        {
            Add(target.TableColumns.Problem, columns.Problem);
            Add(target.TableColumns.Rectification, columns.Rectification);
            Add(target.TableColumns.Status, columns.Status);
            Add(target.TableColumns.Index, columns.Index);
            Add(target.TableColumns.Category, columns.Category);
        }
        target.SecondaryMarker = file.SecondaryMarker ?? target.SecondaryMarker;
        target.MeasureOrdinal = file.MeasureOrdinal ?? target.MeasureOrdinal;
        if (file.Status is { } status)
        {
            Add(target.Status.Done, status.Done);
            Add(target.Status.Ongoing, status.Ongoing);
            Add(target.Status.Ignore, status.Ignore);
            Add(target.Status.DoneValues, status.DoneValues);
            Add(target.Status.OngoingValues, status.OngoingValues);
        }
        Add(target.ProblemPhrases, file.ProblemPhrases);
        Add(target.ProblemCues, file.ProblemCues);
        if (file.Closing is { } closing)
        {
            Add(target.Closing.Starts, closing.Starts);
            Add(target.Closing.Contains, closing.Contains);
        }
        if (file.Metadata is { } m)
        {
            var t = target.Metadata;
            t.IssuerLine = m.IssuerLine ?? t.IssuerLine;
            t.IssuerInTitle = m.IssuerInTitle ?? t.IssuerInTitle;
            t.Title = m.Title ?? t.Title;
            t.TitleStart = m.TitleStart ?? t.TitleStart;
            t.TitleTag = m.TitleTag ?? t.TitleTag;
            t.TitleDate = m.TitleDate ?? t.TitleDate;
            t.DateLine = m.DateLine ?? t.DateLine;
            t.Inspector = m.Inspector ?? t.Inspector;
            t.Target = m.Target ?? t.Target;
            t.Kind = m.Kind ?? t.Kind;
            t.Period = m.Period ?? t.Period;
            t.Feedback = m.Feedback ?? t.Feedback;
            t.Phone = m.Phone ?? t.Phone;
            t.Email = m.Email ?? t.Email;
            t.Postal = m.Postal ?? t.Postal;
        }
        if (file.Stats is { } stats) target.Stats.AddRange(stats);
        if (file.Tags is { } tags)
            foreach (var tag in tags)
            {
                target.Tags.RemoveAll(t => t.Name == tag.Name);
                target.Tags.Add(tag);
            }
    }

    private static void Add(List<string> target, List<string>? extra)
    {
        if (extra is null) return;
        foreach (var item in extra)
            if (!target.Contains(item)) target.Add(item);
    }

    /// <summary>Writes <paramref name="rules"/> as indented JSON.</summary>
    public static string ToJson(RuleSet rules) => JsonSerializer.Serialize(rules, RulesJsonContext.Default.RuleSet);
}

/// <summary>The shape of a rules file: like <see cref="RuleSet"/>, with every part optional.</summary>
internal sealed class RuleSetFile
{
    public bool Replace { get; set; }
    public List<MarkerRule>? Markers { get; set; }
    public LabelRulesFile? Labels { get; set; }
    public TableColumnRulesFile? TableColumns { get; set; }
    public string? SecondaryMarker { get; set; }
    public string? MeasureOrdinal { get; set; }
    public StatusRulesFile? Status { get; set; }
    public List<string>? ProblemPhrases { get; set; }
    public List<string>? ProblemCues { get; set; }
    public ClosingRulesFile? Closing { get; set; }
    public MetadataRulesFile? Metadata { get; set; }
    public List<StatRule>? Stats { get; set; }
    public List<TagRule>? Tags { get; set; }
}

internal sealed class LabelRulesFile
{
    public List<string>? Rectification { get; set; }
    public List<string>? Problem { get; set; }
    public List<string>? Status { get; set; }
    public List<string>? Fields { get; set; }
    public List<string>? Separators { get; set; }
    public List<string>? FollowUp { get; set; }
    public string? BareLabelFollower { get; set; }
}

internal sealed class TableColumnRulesFile
{
    public List<string>? Problem { get; set; }
    public List<string>? Rectification { get; set; }
    public List<string>? Status { get; set; }
    public List<string>? Index { get; set; }
    public List<string>? Category { get; set; }
}

internal sealed class StatusRulesFile
{
    public List<string>? Done { get; set; }
    public List<string>? Ongoing { get; set; }
    public List<string>? Ignore { get; set; }
    public List<string>? DoneValues { get; set; }
    public List<string>? OngoingValues { get; set; }
}

internal sealed class ClosingRulesFile
{
    public List<string>? Starts { get; set; }
    public List<string>? Contains { get; set; }
}

internal sealed class MetadataRulesFile
{
    public string? IssuerLine { get; set; }
    public string? IssuerInTitle { get; set; }
    public string? Title { get; set; }
    public string? TitleStart { get; set; }
    public string? TitleTag { get; set; }
    public string? TitleDate { get; set; }
    public string? DateLine { get; set; }
    public string? Inspector { get; set; }
    public string? Target { get; set; }
    public string? Kind { get; set; }
    public string? Period { get; set; }
    public string? Feedback { get; set; }
    public string? Phone { get; set; }
    public string? Email { get; set; }
    public string? Postal { get; set; }
}

/// <summary>A rules file that cannot be used; the message names the file and the field.</summary>
public sealed class RuleSetException(string message, Exception? inner = null) : Exception(message, inner);

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    WriteIndented = true,
    ReadCommentHandling = JsonCommentHandling.Skip,
    AllowTrailingCommas = true,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow)]
[JsonSerializable(typeof(RuleSet))]
[JsonSerializable(typeof(RuleSetFile))]
internal sealed partial class RulesJsonContext : JsonSerializerContext;
