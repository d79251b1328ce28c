using Extractor.Cli;
using Extractor.Tests.Support;

namespace Extractor.Tests;

/// <summary>The command line: outputs, errors and exit codes.</summary>
public sealed class CliTests
{
    private string _dir = "";

    [SetUp]
    public void CreateFolder() => _dir = Directory.CreateTempSubdirectory("extractor-cli-").FullName;

    [TearDown]
    public void RemoveFolder() => Directory.Delete(_dir, recursive: true);

    private static (int Code, string Out, string Err) Run(params string[] args)
    {
        var stdout = new StringWriter { NewLine = "\n" };
        var stderr = new StringWriter { NewLine = "\n" };
        var code = Program.Run(args, stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }

    private string Write(string name, string text)
    {
        var path = Path.Combine(_dir, name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return path;
    }

    [Test]
    public void One_file_without_output_prints_its_json()
    {
        var (code, stdout, stderr) = Run("parse", Repo.Seed002);
        Assert.That(code, Is.Zero, stderr);
        Assert.That(Parsing.NoticeJson.Deserialize(stdout).Items, Has.Count.EqualTo(4));
    }

    [Test]
    public void A_folder_is_written_to_an_output_folder_that_mirrors_it()
    {
        var input = Path.Combine(_dir, "in");
        Write("in/a.txt", "一、问题甲\n整改情况：已完成。");
        Write("in/sub/b.txt", "一、问题乙\n整改情况：已完成。");
        var output = Path.Combine(_dir, "out");
        var (code, _, stderr) = Run("parse", input, "-o", output);
        Assert.That(code, Is.Zero, stderr);
        Assert.That(File.Exists(Path.Combine(output, "a.txt.json")), Is.True);
        Assert.That(File.Exists(Path.Combine(output, "sub", "b.txt.json")), Is.True);
    }

    [Test]
    public void Existing_outputs_are_not_replaced_without_force()
    {
        var input = Write("a.txt", "一、问题甲\n整改情况：已完成。");
        var output = Write("a.json", "keep me");
        var (code, _, stderr) = Run("parse", input, "-o", output);
        Assert.That(code, Is.EqualTo(1));
        Assert.That(stderr, Does.Contain("--force"));
        Assert.That(File.ReadAllText(output), Is.EqualTo("keep me"));
        Assert.That(Run("parse", input, "-o", output, "--force").Code, Is.Zero);
        Assert.That(File.ReadAllText(output), Does.StartWith("{"));
    }

    [Test]
    public void An_input_is_never_overwritten()
    {
        var input = Write("a.txt", "一、问题甲\n整改情况：已完成。");
        var (code, _, stderr) = Run("parse", input, "-o", input, "--force");
        Assert.That(code, Is.EqualTo(2));
        Assert.That(stderr, Does.Contain("one of the inputs"));
        Assert.That(File.ReadAllText(input), Does.StartWith("一、"));
    }

    [Test]
    public void A_bad_file_is_one_line_naming_it_and_the_batch_goes_on()
    {
        Write("in/good.txt", "一、问题甲\n整改情况：已完成。");
        Write("in/empty.txt", "");
        File.WriteAllBytes(Path.Combine(_dir, "in", "binary.txt"), [0, 1, 2, 3, 0xFF, 0xFE, 0]);
        var (code, stdout, stderr) = Run("parse", Path.Combine(_dir, "in"), "--format", "jsonl", "--quiet");
        Assert.That(code, Is.EqualTo(1));
        var errors = stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.That(errors, Has.Length.EqualTo(2));
        Assert.That(errors, Has.Some.Contains("binary.txt").And.Contains("binary data"));
        Assert.That(errors, Has.Some.Contains("empty.txt").And.Contains("empty"));
        Assert.That(stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries), Has.Length.EqualTo(1));
    }

    [Test]
    public void Text_without_structure_parses_with_a_warning_and_exit_zero()
    {
        var input = Write("news.txt", "示例县召开巡察工作会议。会议强调要扎实做好巡察工作。");
        var (code, stdout, _) = Run("parse", input);
        Assert.That(code, Is.Zero);
        Assert.That(stdout, Does.Contain("\"no-structure\""));
    }

    [Test]
    public void Several_files_to_stdout_as_json_is_a_usage_error()
    {
        Write("in/a.txt", "一、问题甲\n整改情况：已完成。");
        Write("in/b.txt", "一、问题乙\n整改情况：已完成。");
        var (code, _, stderr) = Run("parse", Path.Combine(_dir, "in"));
        Assert.That(code, Is.EqualTo(2));
        Assert.That(stderr, Does.Contain("-o DIR"));
    }

    [TestCase("parse", "--format", "yaml", "x.txt", TestName = "Usage_unknown_format")]
    [TestCase("parse", TestName = "Usage_no_paths")]
    [TestCase("frobnicate", TestName = "Usage_unknown_command")]
    [TestCase("parse", "--encoding", "no-such-encoding", "x.txt", TestName = "Usage_unknown_encoding")]
    public void Bad_usage_exits_with_2(params string[] args) => Assert.That(Run(args).Code, Is.EqualTo(2));

    [Test]
    public void A_missing_path_is_reported_and_exits_with_1()
    {
        var (code, _, stderr) = Run("parse", Path.Combine(_dir, "nope.txt"));
        Assert.That(code, Is.EqualTo(1));
        Assert.That(stderr, Does.Contain("nope.txt: no such file"));
    }

    [Test]
    public void Validate_passes_on_the_sample_corpus()
    {
        var (code, stdout, _) = Run("validate", Repo.Samples);
        Assert.That(code, Is.Zero, stdout);
        Assert.That(stdout, Does.Contain(" 0 failed"));
    }

    [Test]
    public void Validate_prints_the_json_paths_that_differ()
    {
        Write("s/a.txt", "一、问题甲\n整改情况：已完成。");
        var (_, json, _) = Run("parse", Path.Combine(_dir, "s", "a.txt"));
        Write("s/a.expected.json", json.Replace("问题甲", "问题乙", StringComparison.Ordinal));
        var (code, stdout, _) = Run("validate", Path.Combine(_dir, "s"));
        Assert.That(code, Is.EqualTo(1));
        Assert.That(stdout, Does.Contain("$.items[0].problem.title: expected \"问题乙\", got \"问题甲\""));
    }

    [Test]
    public void Help_teaches_with_examples()
    {
        var (code, stdout, _) = Run("--help");
        Assert.That(code, Is.Zero);
        Assert.That(stdout, Does.Contain("extractor parse notices/ -o out/"));
        Assert.That(Run("parse", "--help").Out, Does.Contain("--format"));
    }

    [TestCase("--bogus", TestName = "An_unknown_option_is_a_usage_error")]
    [TestCase("--version", TestName = "A_root_option_after_a_command_is_a_usage_error")]
    [TestCase("-x", TestName = "An_unknown_short_option_is_a_usage_error")]
    public void Unknown_options_are_usage_errors_and_nothing_is_parsed(string option)
    {
        var (code, stdout, stderr) = Run("parse", option, Repo.Seed002);
        Assert.That(code, Is.EqualTo(2));
        Assert.That(stdout, Is.Empty);
        Assert.That(stderr, Does.StartWith($"extractor: unknown option '{option}'"));
    }

    [Test]
    public void Double_dash_ends_the_options_for_names_that_start_with_a_dash()
    {
        var input = Write("-notice.txt", "一、问题甲\n整改情况：已完成。");
        Directory.SetCurrentDirectory(_dir);
        try
        {
            var (code, stdout, stderr) = Run("parse", "-f", "jsonl", "--", "-notice.txt");
            Assert.That(code, Is.Zero, stderr);
            Assert.That(Parsing.NoticeJson.Deserialize(stdout).Source.Path, Is.EqualTo("-notice.txt"));
        }
        finally
        {
            Directory.SetCurrentDirectory(Path.GetTempPath());
        }
        Assert.That(File.Exists(input), Is.True);
    }

    [TestCase("--format", "JSONL", TestName = "Choices_are_case_insensitive_format")]
    [TestCase("--isolate", "None", TestName = "Choices_are_case_insensitive_isolate")]
    public void Choices_are_case_insensitive(string option, string value)
    {
        var (code, stdout, stderr) = option == "--format" ? Run("parse", option, value, Repo.Seed002) : Run("parse", option, value, Repo.Seed002, "-f", "jsonl");
        Assert.That(code, Is.Zero, stderr);
        Assert.That(stdout.TrimEnd('\n'), Does.Not.Contain("\n"), "one JSON line");
    }
}
