using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Extractor.Parsing.Rules;

/// <summary>
/// Reads rule sets from JSON. A rules file has the shape of <see cref="RuleSet"/> with every part optional, and is
/// merged into the defaults as JSON before the result is read once: a list adds its entries to the default list of the
/// same name (entries already there are not repeated; a marker style or tag of the same name replaces the default one in
/// its place), a pattern or any other value replaces the default. A file with <c>"replace": true</c> at the top
/// replaces the defaults wholesale instead: what it leaves out is empty.
/// </summary>
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

    private static readonly Lazy<RuleSet> DefaultSet = new(() =>
        DefaultRuleSet.For(DefaultBytes.Value)
        ?? JsonSerializer.Deserialize(DefaultBytes.Value, RulesJsonContext.Default.RuleSet)
        ?? throw new InvalidOperationException("the default rule set is empty"));

    /// <summary>Lists whose entries are rules with a name: an entry of a rules file replaces the default entry of the same name.</summary>
    private static readonly Dictionary<string, string> KeyedLists = new(StringComparer.Ordinal)
    {
        ["markers"] = "style",
        ["tags"] = "name",
    };

    /// <summary>The default rule set as shipped (UTF-8 JSON).</summary>
    public static ReadOnlySpan<byte> DefaultJson => DefaultBytes.Value;

    /// <summary>The default rule set (immutable, so one instance serves every caller).</summary>
    public static RuleSet LoadDefault() => DefaultSet.Value;

    /// <summary>Reads a rules file and applies it to the default set (see the class summary for how).</summary>
    /// <param name="json">The rules file.</param>
    /// <param name="sourceName">The file's name, for error messages.</param>
    /// <exception cref="RuleSetException">The JSON is malformed or a rule is invalid; the message names the field.</exception>
    public static RuleSet Load(string json, string? sourceName = null)
    {
        ArgumentNullException.ThrowIfNull(json);
        var name = sourceName ?? "rules";
        JsonObject file;
        try
        {
            file = JsonNode.Parse(json, documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true }) as JsonObject
                ?? throw new RuleSetException($"{name}: a rules file is a JSON object ({{ … }})");
        }
        catch (JsonException e)
        {
            throw new RuleSetException($"{name}: not valid JSON (line {e.LineNumber + 1}): {FirstSentence(e.Message)}", e);
        }
        var replace = false;
        if (file["replace"] is { } flag)
        {
            if (flag.GetValueKind() is not (JsonValueKind.True or JsonValueKind.False))
                throw new RuleSetException($"{name}: replace: must be true or false");
            replace = flag.GetValue<bool>();
            file.Remove("replace");
        }
        var merged = replace ? new JsonObject() : (JsonObject)JsonNode.Parse(DefaultBytes.Value)!;
        var origins = new Dictionary<string, Dictionary<int, int>>(StringComparer.Ordinal);
        Merge(merged, file, "", origins);
        RuleSet rules;
        try
        {
            rules = merged.Deserialize(RulesJsonContext.Default.RuleSet) ?? throw new RuleSetException($"{name}: the rules file is empty");
        }
        catch (JsonException e)
        {
            var where = e.Path is { Length: > 1 } path ? path.TrimStart('$', '.') : "the top";
            throw new RuleSetException($"{name}: {InFile(where, origins)}: {Mismatch(merged, where)}", e);
        }
        try
        {
            CompiledRules.For(rules); // validates every pattern, naming the field; the compiled set is kept for the parser
        }
        catch (RuleSetException e)
        {
            throw new RuleSetException($"{name}: {InFile(e.Message, origins)}", e);
        }
        return rules;
    }

    /// <summary>
    /// <paramref name="path"/> (or a message opening with one) with a list index counted in the rules file rather than in
    /// the merged set: the file's first marker is <c>markers[0]</c> whatever number of default markers precede it.
    /// </summary>
    private static string InFile(string path, Dictionary<string, Dictionary<int, int>> origins)
    {
        var bracket = path.IndexOf('[', StringComparison.Ordinal);
        var close = bracket < 0 ? -1 : path.IndexOf(']', bracket);
        if (close < 0 || path.AsSpan(0, bracket).ContainsAny(" :") || !origins.TryGetValue(path[..bracket], out var indexes)
            || !int.TryParse(path.AsSpan(bracket + 1, close - bracket - 1), System.Globalization.CultureInfo.InvariantCulture, out var merged))
            return path;
        return indexes.TryGetValue(merged, out var own)
            ? $"{path[..bracket]}[{own}]{path[(close + 1)..]}"
            : path;
    }

    /// <summary>
    /// What is wrong with the value at <paramref name="path"/> (<c>markers[5].maxNumber</c>), in a user's words: what the
    /// field takes and what the file gives (<c>expected a whole number, found the string "ten"</c>), no .NET type names.
    /// </summary>
    private static string Mismatch(JsonObject merged, string path)
    {
        Type? type = typeof(RuleSet);
        JsonNode? node = merged;
        foreach (var part in path.Split('.'))
        {
            var bracket = part.IndexOf('[', StringComparison.Ordinal);
            var key = bracket < 0 ? part : part[..bracket];
            node = node is JsonObject o ? o[key] : null;
            type = type?.GetProperties().FirstOrDefault(p => string.Equals(p.Name, key, StringComparison.OrdinalIgnoreCase))?.PropertyType;
            if (bracket >= 0 && int.TryParse(part[(bracket + 1)..^1], System.Globalization.CultureInfo.InvariantCulture, out var index))
            {
                node = node is JsonArray a && index < a.Count ? a[index] : null;
                type = ElementType(type);
            }
        }
        var text = node?.ToJsonString(Readable) is { } json && json.Length > 60 ? json[..57] + "…" : node?.ToJsonString(Readable);
        var found = node?.GetValueKind() switch
        {
            JsonValueKind.String => $"the string {text}",
            JsonValueKind.Number => $"the number {text}",
            JsonValueKind.True or JsonValueKind.False => text,
            JsonValueKind.Array => "a list",
            JsonValueKind.Object => "an object",
            JsonValueKind.Null => "null",
            _ => "something else",
        };
        return $"expected {Describe(type)}, found {found}";
    }

    private static readonly JsonSerializerOptions Readable = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static Type? ElementType(Type? type) =>
        type is null ? null
        : type.IsArray ? type.GetElementType()
        : type.IsGenericType && type.GetGenericArguments() is [var element] ? element
        : null;

    private static string Describe(Type? type) => type switch
    {
        null => "another kind of value",
        _ when type == typeof(string) => "a string",
        _ when type == typeof(int) || type == typeof(long) => "a whole number",
        _ when type == typeof(double) => "a number",
        _ when type == typeof(bool) => "true or false",
        _ when ElementType(type) == typeof(string) => "a list of strings",
        _ when ElementType(type) is not null => "a list of objects",
        _ when Nullable.GetUnderlyingType(type) is { } inner => Describe(inner) + " or null",
        _ => "an object",
    };

    /// <summary>Merges <paramref name="file"/> into <paramref name="target"/>: objects member by member, lists by adding, anything else by replacing.</summary>
    private static void Merge(JsonObject target, JsonObject file, string path, Dictionary<string, Dictionary<int, int>> origins)
    {
        foreach (var (key, value) in file.ToList())
        {
            file.Remove(key);
            var field = path.Length == 0 ? key : path + "." + key;
            switch (target[key], value)
            {
                case (JsonObject into, JsonObject from):
                    Merge(into, from, field, origins);
                    break;
                case (JsonArray into, JsonArray from):
                    origins[field] = Append(into, from, KeyedLists.GetValueOrDefault(field));
                    break;
                default:
                    if (value is JsonArray list) origins[field] = Enumerable.Range(0, list.Count).ToDictionary(i => i);
                    target[key] = value;
                    break;
            }
        }
    }

    /// <summary>Adds <paramref name="extra"/>'s entries to <paramref name="target"/>; returns where each landed (merged index → the file's index).</summary>
    private static Dictionary<int, int> Append(JsonArray target, JsonArray extra, string? key)
    {
        var landed = new Dictionary<int, int>();
        var entries = extra.ToList();
        for (var own = 0; own < entries.Count; own++)
        {
            var entry = entries[own];
            extra.Remove(entry);
            var name = key is not null && entry is JsonObject o && o[key] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;
            var same = -1;
            for (var i = 0; i < target.Count && same < 0; i++)
                if (name is not null ? target[i] is JsonObject t && t[key!] is JsonValue tv && tv.TryGetValue<string>(out var ts) && ts == name
                    : JsonNode.DeepEquals(target[i], entry))
                    same = i;
            if (same < 0)
            {
                target.Add(entry);
                landed[target.Count - 1] = own;
            }
            else if (name is not null)
            {
                target[same] = entry;
                landed[same] = own;
            }
        }
        return landed;
    }

    private static string FirstSentence(string message)
    {
        var dot = message.IndexOf(". ", StringComparison.Ordinal);
        return dot > 0 ? message[..dot] : message;
    }

    /// <summary>Writes <paramref name="rules"/> as indented JSON (Chinese as is), the shape a rules file has.</summary>
    public static string ToJson(RuleSet rules) => JsonSerializer.Serialize(rules, Printing.GetTypeInfo(typeof(RuleSet)));

    private static readonly JsonSerializerOptions Printing = new(RulesJsonContext.Default.Options)
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        TypeInfoResolver = RulesJsonContext.Default,
    };
}

/// <summary>A rules file that cannot be used; the message names the file and the field.</summary>
public sealed class RuleSetException(string message, Exception? inner = null) : Exception(message, inner);

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    WriteIndented = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    ReadCommentHandling = JsonCommentHandling.Skip,
    AllowTrailingCommas = true,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow)]
[JsonSerializable(typeof(RuleSet))]
internal sealed partial class RulesJsonContext : JsonSerializerContext;
