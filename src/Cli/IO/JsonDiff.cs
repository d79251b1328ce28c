using System.Text.Json;
using System.Text.Json.Nodes;

namespace Extractor.Cli.IO;

/// <summary>Compares two JSON documents value by value and describes each difference by its JSON path.</summary>
internal static class JsonDiff
{
    public static List<string> Compare(string expected, string actual)
    {
        var differences = new List<string>();
        JsonNode? e, a;
        try
        {
            e = JsonNode.Parse(expected);
        }
        catch (JsonException ex)
        {
            differences.Add($"the expected file is not valid JSON: {ex.Message}");
            return differences;
        }
        a = JsonNode.Parse(actual);
        Compare("$", e, a, differences);
        return differences;
    }

    private static void Compare(string path, JsonNode? expected, JsonNode? actual, List<string> differences)
    {
        switch (expected, actual)
        {
            case (null, null):
                return;
            case (JsonObject eo, JsonObject ao):
                foreach (var (key, value) in eo)
                {
                    if (!ao.ContainsKey(key)) differences.Add($"{path}.{key}: missing (expected {Show(value)})");
                    else Compare($"{path}.{key}", value, ao[key], differences);
                }
                foreach (var (key, value) in ao)
                    if (!eo.ContainsKey(key)) differences.Add($"{path}.{key}: unexpected {Show(value)}");
                return;
            case (JsonArray ea, JsonArray aa):
                if (ea.Count != aa.Count) differences.Add($"{path}: expected {ea.Count} elements, got {aa.Count}");
                for (var i = 0; i < Math.Min(ea.Count, aa.Count); i++) Compare($"{path}[{i}]", ea[i], aa[i], differences);
                return;
            default:
                if (!JsonNode.DeepEquals(expected, actual)) differences.Add($"{path}: expected {Show(expected)}, got {Show(actual)}");
                return;
        }
    }

    private static string Show(JsonNode? node)
    {
        if (node is null) return "null";
        var text = node.ToJsonString(new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        return text.Length <= 80 ? text : Export.XlsxWorkbook.Cut(text, 77) + "…";
    }
}
