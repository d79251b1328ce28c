using Extractor.Cli;
using Extractor.Tests.Support;
using NJsonSchema;

namespace Extractor.Tests;

/// <summary>The JSON Schema printed by <c>extractor schema</c> describes every sample's expected output.</summary>
public sealed class SchemaTests
{
    private static readonly Lazy<JsonSchema> Schema = new(() =>
    {
        var stdout = new StringWriter();
        Assert.That(Program.Run(["schema"], stdout, new StringWriter()), Is.Zero);
        return JsonSchema.FromJsonAsync(stdout.ToString()).GetAwaiter().GetResult();
    });

    public static IEnumerable<TestCaseData> Expectations() =>
        Directory.EnumerateFiles(Repo.Samples, "*.expected.json", SearchOption.AllDirectories).Order(StringComparer.Ordinal)
            .Select(f => new TestCaseData(f).SetName("Schema_" + Path.GetRelativePath(Repo.Samples, f).Replace('/', '_').Replace('.', '_').Replace('-', '_')));

    [TestCaseSource(nameof(Expectations))]
    public void Every_expected_sample_output_conforms_to_the_schema(string path)
    {
        var errors = Schema.Value.Validate(File.ReadAllText(path));
        Assert.That(errors.Select(e => $"{e.Path}: {e.Kind}"), Is.Empty);
    }

    [Test]
    public void The_schema_rejects_what_is_not_a_notice()
    {
        Assert.That(Schema.Value.Validate("""{ "title": 3, "items": "none" }"""), Is.Not.Empty);
    }
}
