using Extractor.Parsing;
using Extractor.Tests.Support;

namespace Extractor.Tests;

/// <summary>The real <c>extractor</c> process: names, pipes, signals and exit codes as a shell sees them.</summary>
public sealed class CliProcessTests
{
    private string _dir = "";

    [SetUp]
    public void CreateFolder() => _dir = Directory.CreateTempSubdirectory("extractor-process-").FullName;

    [TearDown]
    public void RemoveFolder() => Directory.Delete(_dir, recursive: true);

    private string Path_(params string[] parts) => Path.Combine([_dir, .. parts]);

    private static string Notice(int i) => $"一、问题{i}\n整改情况：已完成整改{i}。\n";

    [Test]
    public void Names_with_line_feeds_keep_their_own_results_through_the_workers()
    {
        // a⏎b.txt, c.txt, d.txt with -j 1: a line-per-path protocol once put c's result under d's name.
        var input = Path_("in");
        Directory.CreateDirectory(input);
        var names = new[] { "a\nb.txt", "c.txt", "d.txt", "e\r\n\"f\".txt" };
        for (var i = 0; i < names.Length; i++) File.WriteAllText(Path.Combine(input, names[i]), Notice(i));
        var result = CliProcess.Run("parse", input, "-o", Path_("out"), "--isolate", "all", "-j", "1", "-q");
        Assert.That(result.Code, Is.Zero, result.Stderr);
        for (var i = 0; i < names.Length; i++)
        {
            var notice = NoticeJson.Deserialize(File.ReadAllText(Path_("out", names[i] + ".json")));
            Assert.That((notice.Source.Path, notice.Items.Single().Problem.Title), Is.EqualTo((Path.Combine(input, names[i]), $"问题{i}")));
        }
    }
}
