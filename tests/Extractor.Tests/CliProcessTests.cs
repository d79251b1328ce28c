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
        var result = CliProcess.Run(null, null, "parse", input, "-o", Path_("out"), "--isolate", "all", "-j", "1", "-q");
        Assert.That(result.Code, Is.Zero, result.Stderr);
        for (var i = 0; i < names.Length; i++)
        {
            var notice = NoticeJson.Deserialize(File.ReadAllText(Path_("out", names[i] + ".json")));
            Assert.That((notice.Source.Path, notice.Items.Single().Problem.Title), Is.EqualTo((Path.Combine(input, names[i]), $"问题{i}")));
        }
    }

    [Test]
    public void Standard_input_is_read_whole_and_sniffed_from_memory()
    {
        // A pipe cannot be read twice: a format sniff that consumed its head once lost the first 1 KiB of a text.
        var text = File.ReadAllBytes(Repo.Seed002);
        var expected = NoticeJson.Deserialize(CliProcess.Run(null, null, "parse", Repo.Seed002).Out);
        var piped = CliProcess.Run(text, null, "parse", "-");
        Assert.That(piped.Code, Is.Zero, piped.Stderr);
        var notice = NoticeJson.Deserialize(piped.Out);
        Assert.That((notice.Source.Path, notice.Title, notice.Items.Count), Is.EqualTo(("-", expected.Title, expected.Items.Count)));
    }

    [Test]
    public void A_pdf_on_standard_input_is_parsed_in_a_worker_from_the_bytes_read()
    {
        var pdf = Repo.Sample("formats/seed-002-libreoffice-print.pdf");
        var piped = CliProcess.Run(File.ReadAllBytes(pdf), null, "parse", "-", "-o", "-", "-f", "jsonl", "--isolate", "pdf");
        Assert.That(piped.Code, Is.Zero, piped.Stderr);
        var fromFile = NoticeJson.Deserialize(CliProcess.Run(null, null, "parse", pdf).Out);
        var fromPipe = NoticeJson.Deserialize(piped.Out);
        Assert.That(piped.Out.TrimEnd('\n'), Does.Not.Contain("\n"), "one line of JSON Lines");
        Assert.That(NoticeJson.Serialize(fromPipe), Is.EqualTo(NoticeJson.Serialize(fromFile with { Source = fromFile.Source with { Path = "-" } })));
    }

    [Test]
    public void Dash_as_the_output_writes_to_standard_output_and_no_file_named_dash()
    {
        var result = CliProcess.Run(null, _dir, "parse", Repo.Seed002, Repo.Seed000, "-o", "-", "-f", "csv", "-q");
        Assert.That(result.Code, Is.Zero, result.Stderr);
        Assert.That(result.Out, Does.StartWith("file,title,issuer"));
        Assert.That(File.Exists(Path_("-")), Is.False);
    }

    [Test]
    public void Standard_input_over_the_size_limit_is_refused_after_reading_no_more_than_the_limit()
    {
        var big = new byte[3 << 20];
        big.AsSpan().Fill((byte)'a');
        var result = CliProcess.Run(big, null, "parse", "-", "--max-size", "1");
        Assert.That(result.Code, Is.EqualTo(1));
        Assert.That(result.Stderr, Does.Contain("-: the input is larger than the 1 MiB limit"));
    }
}
