using System.Diagnostics;
using System.Text.Json;
using Extractor.Cli;
using Extractor.Tests.Support;

namespace Extractor.Tests;

/// <summary>
/// The JSON Schema printed by <c>extractor schema</c> describes every sample's expected output, checked by a full
/// draft 2020-12 validator: Python's <c>jsonschema</c> (Debian's <c>python3-jsonschema</c>; <c>.ci/run</c> installs it
/// when missing), which passes the official JSON Schema test suite — no .NET validator served here implements 2020-12.
/// </summary>
public sealed class SchemaTests
{
    private const string Validator = """
        import json, sys
        from jsonschema import Draft202012Validator, FormatChecker
        schema = json.load(open(sys.argv[1], encoding="utf-8"))
        Draft202012Validator.check_schema(schema)
        validator = Draft202012Validator(schema, format_checker=FormatChecker())
        result = {}
        for path in sys.argv[2:]:
            document = json.load(open(path, encoding="utf-8"))
            result[path] = sorted("/".join(map(str, e.absolute_path)) + ": " + e.message[:200] for e in validator.iter_errors(document))
        print(json.dumps(result))
        """;

    private static readonly Lazy<string> SchemaFile = new(() =>
    {
        var stdout = new StringWriter();
        Assert.That(Program.Run(["schema"], stdout, new StringWriter()), Is.Zero);
        var path = Path.Combine(Directory.CreateTempSubdirectory("extractor-schema-").FullName, "notice.schema.json");
        File.WriteAllText(path, stdout.ToString());
        return path;
    });

    private static readonly Lazy<Dictionary<string, List<string>>> SampleErrors = new(() => Validate([.. Expectations().Select(c => (string)c.Arguments[0]!)]));

    /// <summary>The errors of each document against the schema, by path.</summary>
    private static Dictionary<string, List<string>> Validate(string[] paths)
    {
        var start = new ProcessStartInfo("python3") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { "-c", Validator, SchemaFile.Value }.Concat(paths)) start.ArgumentList.Add(arg);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        Assert.That(process.ExitCode, Is.Zero, "python3 with jsonschema (apt-get install python3-jsonschema): " + stderr.Result);
        return JsonSerializer.Deserialize<Dictionary<string, List<string>>>(stdout.Result)!;
    }

    public static IEnumerable<TestCaseData> Expectations() =>
        Directory.EnumerateFiles(Repo.Samples, "*.expected.json", SearchOption.AllDirectories).Order(StringComparer.Ordinal)
            .Select(f => new TestCaseData(f).SetName("Schema_" + Path.GetRelativePath(Repo.Samples, f).Replace('/', '_').Replace('.', '_').Replace('-', '_')));

    [TestCaseSource(nameof(Expectations))]
    public void Every_expected_sample_output_conforms_to_the_schema(string path) =>
        Assert.That(SampleErrors.Value[path], Is.Empty);

    [Test]
    public void The_schema_rejects_what_is_not_a_notice()
    {
        var dir = Path.GetDirectoryName(SchemaFile.Value)!;
        var wrongTypes = Path.Combine(dir, "wrong-types.json");
        File.WriteAllText(wrongTypes, """{ "title": 3, "items": "none" }""");
        var missing = Path.Combine(dir, "missing.json");
        var notice = JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(File.ReadAllText(Repo.Sample("seed-002.expected.json")))!;
        notice.Remove("warnings");
        File.WriteAllText(missing, JsonSerializer.Serialize(notice));
        var errors = Validate([wrongTypes, missing]);
        Assert.That(errors[wrongTypes], Is.Not.Empty);
        Assert.That(errors[missing], Has.Some.Contains("'warnings' is a required property"), "the top level has its required fields");
    }
}
