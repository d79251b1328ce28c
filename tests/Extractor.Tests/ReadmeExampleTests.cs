using Extractor.Parsing;
using Extractor.Tests.Support;

namespace Extractor.Tests;

/// <summary>The README's library example is this code: it compiles with the tests and runs here.</summary>
public sealed class ReadmeExampleTests
{
    private static void Example()
    {
        // README EXAMPLE BEGIN
        var parser = new NoticeParser();                       // immutable, thread-safe: create once, share
        Notice notice = parser.ParseFile("samples/seed-002.txt");

        Console.WriteLine($"{notice.Title} — {notice.Issuer}, {notice.Date}");
        foreach (var item in notice.Items)
            Console.WriteLine($"{string.Join("", item.Path)} {item.Problem.Title}: {item.Rectification?.Status}");
        foreach (var warning in notice.Warnings)
            Console.WriteLine($"line {warning.Location?.Line}: {warning.Code} {warning.Message}");

        File.WriteAllText("seed-002.json", NoticeJson.Serialize(notice));
        // README EXAMPLE END
    }

    [Test]
    public void The_readme_shows_exactly_this_example()
    {
        var readme = File.ReadAllText(Path.Combine(Repo.Root, "README.md"));
        var start = readme.IndexOf("```csharp\nusing Extractor.Parsing;\n\n", StringComparison.Ordinal);
        Assert.That(start, Is.GreaterThanOrEqualTo(0), "the README's library example starts with 'using Extractor.Parsing;'");
        var body = readme[(start + "```csharp\nusing Extractor.Parsing;\n\n".Length)..];
        body = body[..body.IndexOf("```", StringComparison.Ordinal)];

        var source = File.ReadAllText(Path.Combine(Repo.Root, "tests", "Extractor.Tests", "ReadmeExampleTests.cs"));
        var begin = source.IndexOf("// README EXAMPLE BEGIN\n", StringComparison.Ordinal) + "// README EXAMPLE BEGIN\n".Length;
        var end = source.IndexOf("        // README EXAMPLE END", StringComparison.Ordinal);
        var code = string.Join("\n", source[begin..end].Split('\n').Select(l => l.Length >= 8 ? l[8..] : l.TrimStart()));
        Assert.That(body.TrimEnd(), Is.EqualTo(code.TrimEnd()));
    }

    [Test]
    public void The_readme_example_runs()
    {
        var work = Directory.CreateTempSubdirectory("extractor-readme-").FullName;
        var cwd = Environment.CurrentDirectory;
        var stdout = Console.Out;
        try
        {
            Directory.CreateDirectory(Path.Combine(work, "samples"));
            File.Copy(Repo.Sample("seed-002.txt"), Path.Combine(work, "samples", "seed-002.txt"));
            Environment.CurrentDirectory = work;
            using var captured = new StringWriter();
            Console.SetOut(captured);
            Example();
            Assert.That(captured.ToString(), Does.Contain("四、 村级集体经济相对薄弱: Unknown"));
            Assert.That(NoticeJson.Deserialize(File.ReadAllText(Path.Combine(work, "seed-002.json"))).Items, Has.Count.EqualTo(4));
        }
        finally
        {
            Console.SetOut(stdout);
            Environment.CurrentDirectory = cwd;
            Directory.Delete(work, recursive: true);
        }
    }
}
