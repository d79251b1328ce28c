using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace Extractor.Parsing;

/// <summary>
/// Reads and writes <see cref="Notice"/> JSON: camelCase, indented by two spaces, <c>\n</c> line ends, Chinese
/// written as is (not <c>\uXXXX</c>). The same notice always gives byte-identical output.
/// </summary>
public static class NoticeJson
{
    private static readonly JsonSerializerOptions Indented = Create(indented: true);
    private static readonly JsonSerializerOptions Compact = Create(indented: false);

    private static JsonSerializerOptions Create(bool indented)
    {
        var options = new JsonSerializerOptions(NoticeJsonContext.Default.Options)
        {
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
            WriteIndented = indented,
            NewLine = "\n",
            TypeInfoResolver = NoticeJsonContext.Default,
        };
        options.MakeReadOnly();
        return options;
    }

    private static JsonTypeInfo<Notice> TypeInfo(bool indented) =>
        (JsonTypeInfo<Notice>)(indented ? Indented : Compact).GetTypeInfo(typeof(Notice));

    /// <summary>The options used for notices (read-only), for callers who serialize notices inside their own documents.</summary>
    public static JsonSerializerOptions Options => Indented;

    private static readonly Lazy<string> SchemaText = new(() =>
    {
        var schema = System.Text.Json.Schema.JsonSchemaExporter.GetJsonSchemaAsNode(Indented, typeof(Notice),
            new System.Text.Json.Schema.JsonSchemaExporterOptions
            {
                TreatNullObliviousAsNonNullable = true,
                // A property written only when it has a value (JsonIgnore WhenWritingNull/Default) is marked, so that
                // RequireAll leaves it out of its object's required list.
                TransformSchemaNode = (context, node) =>
                {
                    if (node is System.Text.Json.Nodes.JsonObject property && context.PropertyInfo?.AttributeProvider is { } attributes
                        && attributes.GetCustomAttributes(typeof(JsonIgnoreAttribute), true).OfType<JsonIgnoreAttribute>()
                            .Any(a => a.Condition is JsonIgnoreCondition.WhenWritingNull or JsonIgnoreCondition.WhenWritingDefault))
                        property[OptionalMark] = true;
                    return node;
                },
            });
        var root = new System.Text.Json.Nodes.JsonObject
        {
            ["$schema"] = "https://json-schema.org/draft/2020-12/schema",
            ["title"] = "Extractor notice",
            ["description"] = "One inspection-rectification notice parsed by Extractor.",
        };
        foreach (var (key, value) in schema.AsObject().ToList())
        {
            schema.AsObject().Remove(key);
            root[key] = value;
        }
        RequireAll(root);
        return root.ToJsonString(Indented) + "\n";
    });

    /// <summary>
    /// Every property of a notice's JSON is always written (null when there is no value), except those written only when
    /// they have one (a PDF's <c>source.pages</c>, a location's page): each object of the schema
    /// that does not list its required properties gets them all — the top level, the inspection, contacts, source and
    /// provenance — so that a document missing one does not pass. Walks the schema without recursion.
    /// </summary>
    private const string OptionalMark = "x-extractor-optional";

    private static void RequireAll(System.Text.Json.Nodes.JsonObject schema)
    {
        var stack = new Stack<System.Text.Json.Nodes.JsonNode?>([schema]);
        while (stack.Count > 0)
        {
            switch (stack.Pop())
            {
                case System.Text.Json.Nodes.JsonObject node:
                    if (node["properties"] is System.Text.Json.Nodes.JsonObject properties && node["required"] is null)
                        node["required"] = new System.Text.Json.Nodes.JsonArray([.. properties
                            .Where(p => p.Value is not System.Text.Json.Nodes.JsonObject o || !o.ContainsKey(OptionalMark))
                            .Select(p => (System.Text.Json.Nodes.JsonNode?)p.Key)]);
                    node.Remove(OptionalMark);
                    foreach (var (_, child) in node) stack.Push(child);
                    break;
                case System.Text.Json.Nodes.JsonArray array:
                    foreach (var child in array) stack.Push(child);
                    break;
            }
        }
    }

    /// <summary>The JSON Schema (draft 2020-12) of the notice JSON, generated from the model types.</summary>
    public static string Schema => SchemaText.Value;

    /// <summary>The notice as indented JSON, ending with a line feed.</summary>
    public static string Serialize(Notice notice) => Write(notice, indented: true) + "\n";

    /// <summary>The notice as JSON on a single line (for JSON Lines), without a line feed.</summary>
    public static string SerializeLine(Notice notice) => Write(notice, indented: false);

    // Writing goes through the source generator's serialization code (NoticeWriteContext), which writes each property
    // straight to the writer: the metadata path would first build a description of every property of every type —
    // some 450 generic methods the runtime compiles before a process writes its first notice. That code runs only for
    // options without an encoder, so the encoder (Chinese as is) and the layout are the writer's.
    private static readonly JsonWriterOptions IndentedWriter = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, Indented = true, IndentSize = 2, NewLine = "\n",
    };

    private static readonly JsonWriterOptions CompactWriter = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static string Write(Notice notice, bool indented)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>(16 * 1024);
        using (var writer = new Utf8JsonWriter(buffer, indented ? IndentedWriter : CompactWriter))
            JsonSerializer.Serialize(writer, notice, NoticeWriteContext.Default.Notice);
        return System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary>Writes the notice as indented UTF-8 JSON (no BOM), ending with a line feed.</summary>
    public static async Task WriteAsync(Stream stream, Notice notice, CancellationToken cancellation = default)
    {
        await JsonSerializer.SerializeAsync(stream, notice, TypeInfo(true), cancellation).ConfigureAwait(false);
        stream.WriteByte((byte)'\n');
    }

    /// <summary>Reads a notice written by <see cref="Serialize"/>.</summary>
    /// <exception cref="JsonException">The JSON does not describe a notice.</exception>
    public static Notice Deserialize(string json) =>
        JsonSerializer.Deserialize(json, TypeInfo(true)) ?? throw new JsonException("the JSON is null, not a notice");

    /// <summary>Reads a notice written by <see cref="Serialize"/>.</summary>
    public static Notice Deserialize(ReadOnlySpan<byte> utf8Json) =>
        JsonSerializer.Deserialize(utf8Json, TypeInfo(true)) ?? throw new JsonException("the JSON is null, not a notice");
}

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    WriteIndented = true,
    IndentSize = 2)]
[JsonSerializable(typeof(Notice))]
internal sealed partial class NoticeJsonContext : JsonSerializerContext;

/// <summary>The notice's serialization code only (no metadata), for <see cref="NoticeJson"/>'s writing.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, GenerationMode = JsonSourceGenerationMode.Serialization)]
[JsonSerializable(typeof(Notice))]
internal sealed partial class NoticeWriteContext : JsonSerializerContext;
