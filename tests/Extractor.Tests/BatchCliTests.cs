using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using Extractor.Cli;
using Extractor.Tests.Support;

namespace Extractor.Tests;

/// <summary>The analyst's batch: folders in, tables out, a clear account of what could not be read.</summary>
public sealed class BatchCliTests
{
    private string _dir = "";

    [SetUp]
    public void CreateFolder()
    {
        _dir = Directory.CreateTempSubdirectory("extractor-batch-").FullName;
        var input = Path.Combine(_dir, "in");
        foreach (var name in new[] { "seed-002.txt", "skipped-number.txt", "formats/table-form.html", "formats/seed-002-libreoffice.docx" })
        {
            var target = Path.Combine(input, name);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(Repo.Sample(name), target);
        }
        File.WriteAllBytes(Path.Combine(input, "formats", "broken.docx"), File.ReadAllBytes(Repo.Sample("formats/seed-002-libreoffice.docx"))[..2000]);
    }

    [TearDown]
    public void RemoveFolder() => Directory.Delete(_dir, recursive: true);

    private string In => Path.Combine(_dir, "in");

    private string Out(string name) => Path.Combine(_dir, "out", name);

    private static (int Code, string Out, string Err) Run(params string[] args)
    {
        var stdout = new StringWriter { NewLine = "\n" };
        var stderr = new StringWriter { NewLine = "\n" };
        return (Program.Run(args, stdout, stderr), stdout.ToString(), stderr.ToString());
    }

    [Test]
    public void Csv_has_one_row_per_item_with_the_notice_columns_in_UTF8_with_BOM()
    {
        var (code, _, stderr) = Run("parse", In, "-o", Out("items.csv"));
        Assert.That(code, Is.EqualTo(1), "the broken file fails the batch");
        var bytes = File.ReadAllBytes(Out("items.csv"));
        Assert.That(bytes[..3], Is.EqualTo(new byte[] { 0xEF, 0xBB, 0xBF }));
        var text = System.Text.Encoding.UTF8.GetString(bytes[3..]);
        Assert.That(text, Does.StartWith("file,title,issuer,date,inspector,index,path,section,problemTitle,problem,label,rectification,status,measures,tags,fields,page,line,duplicateOf\r\n"));
        Assert.That(text, Does.Contain("中共襄城县委"));
        Assert.That(File.ReadAllText(Out("items.csv.errors.csv")), Does.Contain("broken.docx"));
        Assert.That(stderr, Does.Contain("5 files").And.Contain("4 parsed").And.Contain("1 failed"));
    }

    [Test]
    public void Xlsx_is_a_valid_workbook_with_Notices_Items_and_Errors_sheets()
    {
        Assert.That(Run("parse", In, "-o", Out("all.xlsx")).Code, Is.EqualTo(1));
        using var workbook = SpreadsheetDocument.Open(Out("all.xlsx"), false);
        var errors = new OpenXmlValidator().Validate(workbook).Select(e => e.Description).ToList();
        Assert.That(errors, Is.Empty);
        var names = workbook.WorkbookPart!.Workbook.Sheets!.Elements<DocumentFormat.OpenXml.Spreadsheet.Sheet>().Select(s => s.Name!.Value).ToList();
        Assert.That(names, Is.EqualTo(new[] { "Notices", "Items", "Errors" }));
        var items = workbook.WorkbookPart.WorksheetParts.ElementAt(1).Worksheet;
        Assert.That(items.Descendants<DocumentFormat.OpenXml.Spreadsheet.Pane>().Single().State!.Value, Is.EqualTo(DocumentFormat.OpenXml.Spreadsheet.PaneStateValues.Frozen));
        Assert.That(items.Descendants<DocumentFormat.OpenXml.Spreadsheet.AutoFilter>().Single().Reference!.Value, Does.StartWith("A1:S"));
        Assert.That(items.Descendants<DocumentFormat.OpenXml.Spreadsheet.Row>().Count(), Is.EqualTo(1 + 4 + 3 + 4 + 4));
    }

    [Test]
    public void Output_order_is_the_input_order_whatever_the_parallelism()
    {
        Run("parse", In, "-o", Out("one.jsonl"), "--jobs", "1");
        Run("parse", In, "-o", Out("four.jsonl"), "--jobs", "4");
        Assert.That(File.ReadAllText(Out("four.jsonl")), Is.EqualTo(File.ReadAllText(Out("one.jsonl"))));
        var paths = File.ReadAllLines(Out("one.jsonl")).Select(l => Parsing.NoticeJson.Deserialize(l).Source.Path!).ToList();
        Assert.That(paths, Is.Ordered.Using((IComparer<string>)StringComparer.Ordinal));
    }

    [Test]
    public void Include_exclude_and_recursive_choose_the_files()
    {
        string[] Parsed(params string[] extra)
        {
            var (_, stdout, _) = Run(["parse", In, "--format", "jsonl", "--quiet", .. extra]);
            return [.. stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => Path.GetFileName(Parsing.NoticeJson.Deserialize(l).Source.Path!))];
        }
        Assert.That(Parsed("--include", "*.txt"), Is.EqualTo(new[] { "seed-002.txt", "skipped-number.txt" }));
        Assert.That(Parsed("--exclude", "formats/**"), Is.EqualTo(new[] { "seed-002.txt", "skipped-number.txt" }));
        Assert.That(Parsed("--recursive", "false"), Is.EqualTo(new[] { "seed-002.txt", "skipped-number.txt" }));
        Assert.That(Parsed("--include", "**/*.html"), Is.EqualTo(new[] { "table-form.html" }));
    }

    [Test]
    public void A_rerun_without_force_refuses_before_parsing_and_keeps_the_outputs()
    {
        Run("parse", In, "-o", Out("all.xlsx"));
        var before = File.ReadAllBytes(Out("all.xlsx"));
        var (code, _, stderr) = Run("parse", In, "-o", Out("all.xlsx"));
        Assert.That(code, Is.EqualTo(1));
        Assert.That(stderr.Trim(), Does.EndWith("all.xlsx exists; pass --force to replace it"));
        Assert.That(File.ReadAllBytes(Out("all.xlsx")), Is.EqualTo(before));
        Assert.That(Directory.GetFiles(Path.Combine(_dir, "out"), "*.tmp", SearchOption.AllDirectories), Is.Empty);
    }

    [Test]
    public void A_folder_of_json_refuses_when_any_output_exists()
    {
        Run("parse", In, "-o", Out("json"));
        var (code, _, stderr) = Run("parse", In, "-o", Out("json"));
        Assert.That(code, Is.EqualTo(1));
        Assert.That(stderr, Does.Contain("and 3 more output files exist; pass --force to replace them"));
    }

    [TestCase("json", TestName = "A_folder_of_one_notice_written_to_a_json_file_gets_its_errors_report_beside_it")]
    [TestCase("html", TestName = "A_folder_of_one_notice_written_to_a_review_page_gets_its_errors_report_beside_it")]
    public void A_folder_of_one_file_written_to_a_file_gets_its_errors_report_beside_it(string format)
    {
        var one = Path.Combine(_dir, "one");
        Directory.CreateDirectory(one);
        File.Copy(Repo.Seed002, Path.Combine(one, "a.txt"));
        var (code, _, stderr) = Run("parse", one, "-o", Out("one." + format));
        Assert.That(code, Is.Zero, stderr);
        Assert.That(File.Exists(Out("one." + format)) && File.Exists(Out($"one.{format}.errors.csv")), Is.True);
    }

    [Test]
    public void The_format_follows_the_output_extension()
    {
        Run("parse", In, "-o", Out("all.jsonl"));
        Assert.That(File.ReadAllLines(Out("all.jsonl")), Has.Length.EqualTo(4));
    }

    [Test]
    public void A_file_over_the_time_limit_is_reported_as_timed_out()
    {
        var (code, _, stderr) = Run("parse", Repo.Sample("formats/seed-000-chromium-print.pdf"), "--timeout", "0.001", "--quiet");
        Assert.That(code, Is.EqualTo(1));
        Assert.That(stderr, Does.Contain("seed-000-chromium-print.pdf: timed out after"));
    }

    [Test]
    public void Xlsx_needs_an_output_file() => Assert.That(Run("parse", In, "--format", "xlsx").Code, Is.EqualTo(2));

    [Test]
    public void Rules_prints_the_default_set_and_checks_a_file()
    {
        var (code, stdout, _) = Run("rules");
        Assert.That(code, Is.Zero);
        Assert.That(stdout, Does.Contain("\"整改落实情况\""));
        var file = Path.Combine(_dir, "bad.rules.json");
        File.WriteAllText(file, """{ "stats": [ { "name": "x", "pattern": "(" } ] }""");
        var (badCode, _, stderr) = Run("rules", file);
        Assert.That(badCode, Is.EqualTo(1));
        Assert.That(stderr, Does.Contain("stats[0].pattern: invalid pattern"));
        Assert.That(Run("parse", Repo.Seed002, "--rules", file).Code, Is.EqualTo(2));
    }

    [Test]
    public void Tags_from_a_rules_file_label_items()
    {
        var file = Path.Combine(_dir, "tags.rules.json");
        File.WriteAllText(file, """{ "tags": [ { "name": "群众纪律", "keywords": ["群众", "集资"] }, { "name": "产业", "keywords": ["产业"] } ] }""");
        var (_, stdout, _) = Run("parse", Repo.Seed002, "--rules", file);
        var notice = Parsing.NoticeJson.Deserialize(stdout);
        Assert.That(notice.Items.Select(i => string.Join(",", i.Tags)), Is.EqualTo(new[] { "产业", "", "", "" }));
    }

    [TestCase("all", TestName = "Worker_results_keep_their_names_isolated")]
    [TestCase("none", TestName = "Worker_results_keep_their_names_in_process")]
    public void Every_result_lands_under_its_own_name_whatever_the_names_hold(string isolate)
    {
        // A line feed in a name once desynchronised the workers' one-path-per-line protocol: d's result landed under c.
        var input = Path.Combine(_dir, "names");
        Directory.CreateDirectory(input);
        var names = new[] { "a\nb.txt", "c.txt", "d\t\"e.txt", "f.txt" };
        for (var i = 0; i < names.Length; i++)
            File.WriteAllText(Path.Combine(input, names[i]), $"一、问题{i}\n整改情况：已完成整改{i}。");
        var (code, _, stderr) = Run("parse", input, "-o", Out("names"), "--isolate", isolate, "-j", "1", "-q");
        Assert.That(code, Is.Zero, stderr);
        for (var i = 0; i < names.Length; i++)
        {
            var notice = Parsing.NoticeJson.Deserialize(File.ReadAllText(Out(Path.Combine("names", names[i] + ".json"))));
            Assert.That((notice.Source.Path, notice.Items.Single().Problem.Title), Is.EqualTo((Path.Combine(input, names[i]), $"问题{i}")));
        }
    }

    [Test]
    public void A_worker_writes_the_same_json_as_parsing_in_process()
    {
        var pdf = Path.Combine(In, "formats", "seed-002.pdf");
        File.Copy(Repo.Sample("formats/seed-002-libreoffice-print.pdf"), pdf);
        Assert.That(Run("parse", pdf, "-o", Out("worker.json"), "--isolate", "pdf").Code, Is.Zero);
        Assert.That(Run("parse", pdf, "-o", Out("here.json"), "--isolate", "none").Code, Is.Zero);
        Assert.That(File.ReadAllText(Out("worker.json")), Is.EqualTo(File.ReadAllText(Out("here.json"))));
        Assert.That(Run("parse", pdf, "-o", Out("worker.jsonl"), "--isolate", "pdf").Code, Is.Zero);
        Assert.That(File.ReadAllText(Out("worker.jsonl")), Is.EqualTo(Parsing.NoticeJson.SerializeLine(Parsing.NoticeJson.Deserialize(File.ReadAllText(Out("here.json")))) + "\n"));
    }

    [TestCase("none", TestName = "A_rule_pattern_that_backtracks_without_end_fails_its_file_only_in_process")]
    [TestCase("all", TestName = "A_rule_pattern_that_backtracks_without_end_fails_its_file_only_in_a_worker")]
    public void A_rule_pattern_that_backtracks_without_end_fails_its_file_only(string isolate)
    {
        // Once a regex time-out escaped the library: --timeout 0 crashed the batch, --isolate all said "internal error".
        var rules = Path.Combine(_dir, "slow.rules.json");
        File.WriteAllText(rules, """{ "stats": [ { "name": "x", "pattern": "(a+)+b" } ] }""");
        var input = Path.Combine(_dir, "slow");
        Directory.CreateDirectory(input);
        File.WriteAllText(Path.Combine(input, "a.txt"), "总体情况" + new string('a', 40) + "。\n一、问题\n整改情况：已完成。");
        File.Copy(Repo.Seed002, Path.Combine(input, "b.txt"));
        var (code, stdout, stderr) = Run("parse", input, "--rules", rules, "--timeout", "0", "--isolate", isolate, "-f", "jsonl", "-q");
        Assert.That(code, Is.EqualTo(1), stderr);
        Assert.That(stderr.Trim(), Does.EndWith("a.txt: a rule pattern took longer than 2 s on this text: check the patterns of the rules file"));
        Assert.That(stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries), Has.Length.EqualTo(1));
    }

    [Test]
    public void One_json_file_for_several_inputs_is_refused_and_no_folder_is_made()
    {
        var (code, _, stderr) = Run("parse", In, "-o", Out("one.json"));
        Assert.That(code, Is.EqualTo(2));
        Assert.That(stderr, Does.Contain("one.json names one file, but there are 5 inputs"));
        Assert.That(Directory.Exists(Out("one.json")) || File.Exists(Out("one.json")), Is.False);
    }

    [Test]
    public void Tables_of_different_formats_beside_each_other_have_errors_reports_of_their_own()
    {
        Assert.That(Run("parse", In, "-o", Out("out.csv")).Code, Is.EqualTo(1));
        var (code, _, stderr) = Run("parse", In, "-o", Out("out.jsonl"));
        Assert.That(code, Is.EqualTo(1), stderr);
        Assert.That(stderr, Does.Not.Contain("exists"));
        Assert.That(File.ReadAllText(Out("out.csv.errors.csv")), Does.Contain("broken.docx"));
        Assert.That(File.ReadAllText(Out("out.jsonl.errors.csv")), Does.Contain("broken.docx"));
    }

    [TestCase("x.yaml", TestName = "An_output_named_for_a_format_the_tool_does_not_write_is_refused_yaml")]
    [TestCase("x.txt", TestName = "An_output_named_for_a_format_the_tool_does_not_write_is_refused_txt")]
    public void An_output_named_for_a_format_the_tool_does_not_write_is_refused(string name)
    {
        var (code, _, stderr) = Run("parse", Repo.Seed002, "-o", Out(name));
        Assert.That(code, Is.EqualTo(2));
        Assert.That(stderr, Does.Contain($"this tool writes no {Path.GetExtension(name)} files"));
        Assert.That(File.Exists(Out(name)), Is.False);
        Assert.That(Run("parse", Repo.Seed002, "-o", Out(name), "-f", "json").Code, Is.Zero, "asked for by name, it is written");
    }

    [Test]
    public void A_notice_file_that_cannot_be_written_in_a_folder_output_fails_that_file_alone([Values(1, 2)] int jobs)
    {
        // Each notice's file in a folder output is written on the parsing thread, out of order; a failure must still be
        // that file's, reported in input order, with the other files written.
        var blocked = Out(Path.Combine("json", "seed-002.txt.json"));
        Directory.CreateDirectory(Path.Combine(blocked, "occupied")); // a folder where the notice's file should go
        var (code, _, stderr) = Run("parse", In, "-o", Out("json"), "--force", "-j", jobs.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.That(code, Is.EqualTo(1));
        Assert.That(stderr, Does.Contain("seed-002.txt"));
        var errors = File.ReadAllText(Out(Path.Combine("json", "errors.csv")));
        Assert.That(errors, Does.Contain("seed-002.txt").And.Contain("cannot write its output"));
        Assert.That(File.Exists(Out(Path.Combine("json", "skipped-number.txt.json"))), Is.True, "the other notices are written");
        Assert.That(Directory.Exists(Path.Combine(blocked, "occupied")), Is.True, "what was there is left alone");
        Assert.That(Directory.GetFiles(Out("json"), ".extractor.*", SearchOption.AllDirectories), Is.Empty, "no temporary file is left");
    }

    [Test]
    public void A_path_that_does_not_exist_is_in_the_errors_report_too()
    {
        var (code, _, _) = Run("parse", In, Path.Combine(_dir, "nowhere"), "-o", Out("json"));
        Assert.That(code, Is.EqualTo(1));
        Assert.That(File.ReadAllText(Out(Path.Combine("json", "errors.csv"))), Does.Contain("nowhere,no such file or folder"));
    }

    [Test]
    public void A_folder_of_one_file_written_to_a_new_name_without_extension_is_a_folder()
    {
        // parse FOLDER -o NEWDIR made NEWDIR a file when FOLDER held one file.
        var one = Path.Combine(_dir, "one");
        Directory.CreateDirectory(one);
        File.Copy(Repo.Seed002, Path.Combine(one, "a.txt"));
        var (code, _, stderr) = Run("parse", one, "-o", Out("newdir"), "-q");
        Assert.That(code, Is.Zero, stderr);
        Assert.That(File.Exists(Out(Path.Combine("newdir", "a.txt.json"))), Is.True);
    }

    [Test]
    public void Inputs_whose_outputs_would_collide_are_refused_before_parsing_even_with_force()
    {
        foreach (var folder in new[] { "a", "b", Path.Combine("c", "c.json") }) Directory.CreateDirectory(Path.Combine(_dir, folder));
        File.Copy(Repo.Seed002, Path.Combine(_dir, "a", "x.txt"));
        File.Copy(Repo.Seed002, Path.Combine(_dir, "b", "x.txt"));
        File.Copy(Repo.Seed002, Path.Combine(_dir, "c", "c"));
        File.Copy(Repo.Seed002, Path.Combine(_dir, "c", "c.json", "x.txt"));
        var (code, _, stderr) = Run("parse", Path.Combine(_dir, "a"), Path.Combine(_dir, "b"), "-o", Out("two"), "--force");
        Assert.That(code, Is.EqualTo(2));
        Assert.That(stderr, Does.Contain("a/x.txt and ").And.Contain("b/x.txt would both be written to"));
        Assert.That(Directory.Exists(Out("two")) && Directory.EnumerateFileSystemEntries(Out("two")).Any(), Is.False);
        (code, _, stderr) = Run("parse", Path.Combine(_dir, "c"), "-o", Out("nested"), "--force", "--include", "**");
        Assert.That(code, Is.EqualTo(2));
        Assert.That(stderr, Does.Contain("would both be written to").And.Contain("c.json"));
    }

    [Test]
    public void A_name_near_the_file_system_limit_is_written()
    {
        // The temporary file was named after the output, and names of 244–250 bytes failed.
        var input = Path.Combine(_dir, "long");
        Directory.CreateDirectory(input);
        var name = new string('a', 246) + ".txt"; // 250 bytes; its output, 255
        File.Copy(Repo.Seed002, Path.Combine(input, name));
        var (code, _, stderr) = Run("parse", input, "-o", Out("long"), "-q");
        Assert.That(code, Is.Zero, stderr);
        Assert.That(File.Exists(Out(Path.Combine("long", name + ".json"))), Is.True);
    }

    [Test]
    public void Control_characters_in_a_value_do_not_fail_a_workbook()
    {
        var input = Path.Combine(_dir, "control");
        Directory.CreateDirectory(input);
        File.WriteAllText(Path.Combine(input, "a.txt"), "一、问题\u0001甲\uFFFF\n整改情况：已完成\u0008整改。");
        File.Copy(Repo.Seed002, Path.Combine(input, "b.txt"));
        var (code, _, stderr) = Run("parse", input, "-o", Out("control.xlsx"), "-q");
        Assert.That(code, Is.Zero, stderr);
        using var workbook = SpreadsheetDocument.Open(Out("control.xlsx"), false);
        Assert.That(new OpenXmlValidator().Validate(workbook), Is.Empty);
        Assert.That(workbook.WorkbookPart!.WorksheetParts.SelectMany(w => w.Worksheet.Descendants<DocumentFormat.OpenXml.Spreadsheet.Text>())
            .Any(t => t.Text.Contains("问题\uFFFD甲", StringComparison.Ordinal) || t.Text.Contains("问题甲", StringComparison.Ordinal)), Is.True);
    }
}
