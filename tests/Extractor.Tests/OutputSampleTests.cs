using System.Diagnostics;
using Extractor.Tests.Support;

namespace Extractor.Tests;

/// <summary>
/// The committed output samples (<c>docs/outputs</c>, made by <c>tools/make-output-samples.sh</c>) are what the tool
/// writes now, byte for byte: the review pages, the index, the Chinese-headed CSV and the Parquet tables. After a
/// change to the parser or the outputs, run the script again and read the differences.
/// </summary>
[NonParallelizable]
public sealed class OutputSampleTests
{
    private string _stage = "";

    private static string Outputs => Path.Combine(Repo.Root, "docs", "outputs");

    [OneTimeSetUp]
    public void MakeThem()
    {
        // As the script does: the notices staged under notices/, the tool run there in its own process.
        _stage = Directory.CreateTempSubdirectory("extractor-output-samples-").FullName;
        var notices = Path.Combine(_stage, "notices");
        Directory.CreateDirectory(notices);
        foreach (var text in Directory.GetFiles(Repo.Samples, "*.txt")) File.Copy(text, Path.Combine(notices, Path.GetFileName(text)));
        foreach (var name in new[] { "seed-002-libreoffice-print.pdf", "table-form.html", "seed-000-cms-br.html" })
            File.Copy(Repo.Sample("formats/" + name), Path.Combine(notices, name));
        var rules = Path.Combine(Repo.Root, "tools", "sample-tags.rules.json");
        Run("C.UTF-8", "parse", "notices", "--rules", rules, "-f", "html", "-o", "review", "-q");
        Run("zh_CN.UTF-8", "parse", "notices/seed-000.txt", "--rules", rules, "-o", "seed-000.zh.html");
        Run("C.UTF-8", "parse", "notices", "--rules", rules, "--headers", "zh", "-o", "items.zh.csv", "-q");
        Run("C.UTF-8", "parse", "notices", "--rules", rules, "-f", "parquet", "-o", "tables", "-q");
    }

    [OneTimeTearDown]
    public void RemoveStage()
    {
        if (_stage.Length > 0) Directory.Delete(_stage, recursive: true);
    }

    private void Run(string locale, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = _stage, RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        start.ArgumentList.Add(typeof(Cli.Program).Assembly.Location);
        foreach (var arg in args) start.ArgumentList.Add(arg);
        start.Environment["LC_ALL"] = locale;
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        Assert.That(process.ExitCode, Is.Zero, $"extractor {string.Join(' ', args)}: {stderr.Result}");
    }

    public static IEnumerable<TestCaseData> Samples() =>
        Directory.EnumerateFiles(Outputs, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal)
            .Select(path => Path.GetRelativePath(Outputs, path).Replace(Path.DirectorySeparatorChar, '/'))
            .Select(relative => new TestCaseData(relative).SetName("Output_sample_" + relative.Replace('/', '_').Replace('.', '_').Replace('-', '_')));

    [TestCaseSource(nameof(Samples))]
    public void An_output_sample_is_what_the_tool_writes(string relative)
    {
        var made = Path.Combine(_stage, relative);
        Assert.That(File.Exists(made), Is.True, $"the tool no longer writes {relative}: run tools/make-output-samples.sh");
        Assert.That(File.ReadAllBytes(made), Is.EqualTo(File.ReadAllBytes(Path.Combine(Outputs, relative))),
            $"{relative} differs from what the tool writes: run tools/make-output-samples.sh and read the difference");
    }

    [Test]
    public void Every_output_the_tool_writes_has_its_sample()
    {
        var made = Directory.EnumerateFiles(_stage, "*", SearchOption.AllDirectories)
            .Select(p => Path.GetRelativePath(_stage, p).Replace(Path.DirectorySeparatorChar, '/'))
            .Where(p => !p.StartsWith("notices/", StringComparison.Ordinal) && p != "items.zh.csv.errors.csv");
        Assert.That(made.Where(p => !File.Exists(Path.Combine(Outputs, p))), Is.Empty);
    }
}
