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

    /// <summary>
    /// A batch that cannot finish: a folder of two notices and a damaged file, then standard input, which the test keeps
    /// open and never writes. Once the damaged file's error line is out, every file of the folder has been written, and
    /// the batch waits on standard input: the signal comes then.
    /// </summary>
    private (System.Diagnostics.Process Process, string Seen) StartStuckBatch(params string[] output)
    {
        var input = Path_("in");
        Directory.CreateDirectory(input);
        File.WriteAllText(Path.Combine(input, "a.txt"), Notice(1));
        File.WriteAllText(Path.Combine(input, "b.txt"), Notice(2));
        File.WriteAllBytes(Path.Combine(input, "z-broken.docx"), File.ReadAllBytes(Repo.Sample("formats/seed-002-libreoffice.docx"))[..2000]);
        var process = CliProcess.Start(_dir, ["parse", input, "-", .. output, "-j", "2"]);
        var seen = new System.Text.StringBuilder();
        while (process.StandardError.ReadLine() is { } line)
        {
            seen.AppendLine(line);
            if (line.Contains("z-broken.docx", StringComparison.Ordinal)) return (process, seen.ToString());
        }
        Assert.Fail("the batch ended before the damaged file was reported: " + seen);
        return default;
    }

    [TestCase("INT", 130, TestName = "Ctrl_C_writes_what_finished_the_errors_report_and_the_summary_and_exits_130")]
    [TestCase("TERM", 143, TestName = "SIGTERM_writes_what_finished_the_errors_report_and_the_summary_and_exits_143")]
    public void A_cancelled_batch_writes_what_finished(string signal, int code)
    {
        var (process, seen) = StartStuckBatch("-o", Path_("out"));
        using (process)
        {
            CliProcess.Signal(process.Id, signal);
            var result = CliProcess.Finish(process, keepInputOpen: true);
            var stderr = seen + result.Stderr;
            Assert.That(result.Code, Is.EqualTo(code), stderr);
            Assert.That(stderr, Does.Not.Contain("Exception").And.Not.Contain("   at "));
            Assert.That(stderr, Does.Contain("4 files").And.Contain("1 not parsed (cancelled)"));
            Assert.That(stderr, Does.Contain("cancelled: 1 of 4 files were not parsed"));
            Assert.That(File.Exists(Path_("out", "a.txt.json")) && File.Exists(Path_("out", "b.txt.json")), Is.True);
            Assert.That(File.ReadAllText(Path_("out", "errors.csv")), Does.Contain("z-broken.docx").And.Not.Contain("stdin"));
            Assert.That(Directory.GetFiles(_dir, "*.tmp", SearchOption.AllDirectories), Is.Empty, "no temporary file is left");
        }
    }

    [Test]
    public void A_cancelled_batch_commits_a_table_of_the_files_that_finished()
    {
        var (process, seen) = StartStuckBatch("-o", Path_("out", "all.jsonl"));
        using (process)
        {
            CliProcess.Signal(process.Id, "INT");
            var result = CliProcess.Finish(process, keepInputOpen: true);
            Assert.That(result.Code, Is.EqualTo(130), seen + result.Stderr);
            Assert.That(File.ReadAllLines(Path_("out", "all.jsonl")), Has.Length.EqualTo(2));
            Assert.That(File.ReadAllText(Path_("out", "all.jsonl.errors.csv")), Does.Contain("z-broken.docx"));
            Assert.That(Directory.GetFiles(_dir, "*.tmp", SearchOption.AllDirectories), Is.Empty);
        }
    }

    [Test]
    public void Temporary_files_of_a_killed_run_are_swept_by_the_next_run_into_the_same_folder()
    {
        var (process, _) = StartStuckBatch("-o", Path_("out", "all.xlsx"));
        using (process)
        {
            var left = Directory.GetFiles(Path_("out"), ".extractor.*.tmp");
            Assert.That(left, Is.Not.Empty, "the workbook's spools and nothing else are temporary while the batch runs");
            CliProcess.Signal(process.Id, "KILL");
            process.WaitForExit();
            Assert.That(left.Where(File.Exists), Is.Not.Empty, "a killed run cannot clean up");
        }
        var next = CliProcess.Run(null, _dir, "parse", Path_("in", "a.txt"), "-o", Path_("out", "a.json"));
        Assert.That(next.Code, Is.Zero, next.Stderr);
        Assert.That(Directory.GetFiles(Path_("out"), "*.tmp"), Is.Empty);
        Assert.That(Directory.GetFiles(Path.GetTempPath(), "*.tmp").Where(f => File.GetLastWriteTimeUtc(f) > DateTime.UtcNow.AddMinutes(-1))
            .Where(f => File.ReadAllText(f).Contains("z-broken", StringComparison.Ordinal)), Is.Empty, "no spool in the temporary folder");
    }

    [Test]
    public void An_argument_starting_with_at_is_a_file_never_a_response_file_of_options()
    {
        // `extractor parse *` in a folder holding @evil.txt, whose lines are options, once overwrote victim.txt.
        var input = Path_("in");
        Directory.CreateDirectory(input);
        File.WriteAllText(Path.Combine(input, "evil.txt"), "--output\nvictim.txt\n--force\n");
        File.WriteAllText(Path.Combine(input, "@evil.txt"), "--output\nvictim.txt\n--force\n");
        File.WriteAllText(Path.Combine(input, "victim.txt"), "keep me");
        File.WriteAllText(Path.Combine(input, "notice.txt"), Notice(1));
        var result = CliProcess.Run(null, input, "parse", "@evil.txt", "evil.txt", "notice.txt", "victim.txt", "-f", "jsonl", "-q");
        Assert.That(File.ReadAllText(Path.Combine(input, "victim.txt")), Is.EqualTo("keep me"));
        Assert.That(result.Stderr, Does.Not.Contain("Response file"));
        var paths = result.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => NoticeJson.Deserialize(l).Source.Path).ToList();
        Assert.That(paths, Is.EqualTo(new[] { "@evil.txt", "evil.txt", "notice.txt", "victim.txt" }));
    }

    [TestCase("file/sub", null, TestName = "An_output_folder_under_a_file_is_a_clear_error")]
    [TestCase("out", "file/e.csv", TestName = "An_errors_report_under_a_file_is_a_clear_error")]
    public void An_output_that_cannot_be_written_is_one_clear_line_and_exit_1(string output, string? errors)
    {
        File.WriteAllText(Path_("file"), "a file");
        Directory.CreateDirectory(Path_("in"));
        File.WriteAllText(Path_("in", "a.txt"), Notice(1));
        string[] args = ["parse", Path_("in"), "-o", Path_(output), .. errors is null ? Array.Empty<string>() : ["--errors", Path_(errors)]];
        var result = CliProcess.Run(null, _dir, args);
        Assert.That(result.Code, Is.EqualTo(1), result.Stderr);
        Assert.That(result.Stderr.Trim(), Is.EqualTo($"extractor: cannot write the output: {Path_(errors ?? output)}: {Path_("file")} is a file, not a folder"));
        Assert.That(Directory.GetFiles(_dir, "*", SearchOption.AllDirectories).Select(Path.GetFileName), Is.EquivalentTo(new[] { "file", "a.txt" }));
    }

    [Test]
    public void A_full_disk_leaves_no_partial_output_and_exits_1()
    {
        var tiny = Path_("tiny");
        Directory.CreateDirectory(tiny);
        if (!Mount(tiny))
        {
            // No tmpfs to fill here: a write that fails as a full disk does stands in for it.
            var target = Path.Combine(tiny, "all.jsonl");
            var e = Assert.Throws<IOException>(() => Cli.IO.AtomicFile.Write(target, false, _ => throw new IOException("No space left on device", 28)));
            Assert.That(e!.Message, Is.EqualTo(target + ": no space left on the device"));
            Assert.That(Directory.GetFiles(tiny), Is.Empty);
            return;
        }
        try
        {
            Directory.CreateDirectory(Path_("in"));
            for (var i = 0; i < 40; i++) File.Copy(Repo.Seed002, Path_("in", $"{i:00}.txt"));
            var result = CliProcess.Run(null, _dir, "parse", Path_("in"), "-o", Path.Combine(tiny, "all.jsonl"), "-q");
            Assert.That(result.Code, Is.EqualTo(1), result.Stderr);
            Assert.That(result.Stderr, Does.Contain("no space left on the device").And.Not.Contain("   at "));
            Assert.That(Directory.GetFiles(tiny), Is.Empty, "nothing partial is left");
        }
        finally
        {
            Umount(tiny);
        }
    }

    /// <summary>Mounts a 64 KiB tmpfs (as root, where the system allows it).</summary>
    private static bool Mount(string path)
    {
        if (!OperatingSystem.IsLinux() || Environment.UserName != "root") return false;
        using var mount = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo("mount", ["-t", "tmpfs", "-o", "size=64k", "tmpfs", path])
            { RedirectStandardError = true })!;
        mount.WaitForExit();
        return mount.ExitCode == 0;
    }

    private static void Umount(string path)
    {
        using var umount = System.Diagnostics.Process.Start("umount", [path]);
        umount.WaitForExit();
    }

    [TestCase("none", TestName = "A_name_of_backslashes_and_dots_is_read_as_itself_never_a_path_outside_the_input_in_process")]
    [TestCase("all", TestName = "A_name_of_backslashes_and_dots_is_read_as_itself_never_a_path_outside_the_input_in_a_worker")]
    public void A_name_of_backslashes_and_dots_is_read_as_itself(string isolate)
    {
        // y\..\..\..\etc\passwd inside the input folder once made the CLI read /etc/passwd: the display path (backslashes
        // turned into slashes) was what got opened, by the batch and by the worker.
        var input = Path_("in");
        Directory.CreateDirectory(input);
        const string name = @"y\..\..\..\etc\passwd";
        File.WriteAllText(Path.Combine(input, name), Notice(7));
        var result = CliProcess.Run(null, input, "parse", ".", "-o", Path_("out"), "--isolate", isolate, "-q");
        Assert.That(result.Code, Is.Zero, result.Stderr);
        var json = File.ReadAllText(Path_("out", name + ".json"));
        Assert.That(json, Does.Not.Contain("root:"));
        Assert.That(NoticeJson.Deserialize(json).Items.Single().Problem.Title, Is.EqualTo("问题7"));
    }

    private static void MakeFifo(string path)
    {
        using var mkfifo = System.Diagnostics.Process.Start("mkfifo", [path])!;
        mkfifo.WaitForExit();
        Assert.That(mkfifo.ExitCode, Is.Zero);
    }

    [Test]
    public void Pipes_and_devices_in_a_folder_are_refused_as_not_regular_files_and_never_read()
    {
        // mkfifo x.txt in the input hung the CLI for ever, even with --timeout 5; z.txt -> /dev/zero read 4 GB even with
        // --max-size 1. A page named .html is looked into (is it a review page?) only when it is a regular file.
        var input = Path_("in");
        Directory.CreateDirectory(input);
        File.WriteAllText(Path.Combine(input, "a.txt"), Notice(1));
        MakeFifo(Path.Combine(input, "fifo.txt"));
        MakeFifo(Path.Combine(input, "fifo.html"));
        File.CreateSymbolicLink(Path.Combine(input, "zero.txt"), "/dev/zero");
        var result = CliProcess.Run(null, _dir, "parse", input, "-o", Path_("out"), "--timeout", "0", "-q");
        Assert.That(result.Code, Is.EqualTo(1), result.Stderr);
        Assert.That(result.Stderr, Does.Contain("fifo.txt: it is a named pipe (FIFO), not a regular file")
            .And.Contain("fifo.html: it is a named pipe (FIFO), not a regular file")
            .And.Contain("zero.txt: it is a character device, not a regular file"));
        Assert.That(File.Exists(Path_("out", "a.txt.json")), Is.True);
        Assert.That(File.ReadAllText(Path_("out", "errors.csv")), Does.Contain("fifo.txt"));
    }

    [Test]
    public void A_device_named_on_the_command_line_is_read_no_further_than_the_size_limit()
    {
        var result = CliProcess.Run(null, _dir, "parse", "/dev/zero", "--max-size", "1");
        Assert.That(result.Code, Is.EqualTo(1));
        Assert.That(result.Stderr.Trim(), Is.EqualTo("extractor: /dev/zero: the input is larger than the 1 MiB limit"));
    }

    [Test]
    public void A_pipe_named_on_the_command_line_is_read_as_a_stream_and_its_wait_is_bounded_by_the_time_limit()
    {
        var fifo = Path_("never-written");
        MakeFifo(fifo);
        File.WriteAllText(Path_("a.txt"), Notice(1));
        var result = CliProcess.Run(null, _dir, "parse", Path_("a.txt"), fifo, "-f", "jsonl", "--timeout", "1", "-q");
        Assert.That(result.Code, Is.EqualTo(1), result.Stderr);
        Assert.That(result.Stderr, Does.Contain("never-written: timed out after 1 s"));
        Assert.That(result.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries), Has.Length.EqualTo(1));
    }

    [Test]
    public void Files_that_time_out_cost_only_themselves()
    {
        // 8 slow files with --timeout once kept their CPU after timing out, and 30 good files were reported "timed out".
        var input = Path_("in");
        Directory.CreateDirectory(input);
        var slow = string.Concat(Enumerable.Range(1, 80_000).Select(i => $"（{i % 99 + 1}）针对制度不健全的问题{i}\n整改情况：一是建立制度，已完成整改。\n"));
        for (var i = 0; i < 4; i++) File.WriteAllText(Path.Combine(input, $"slow-{i}.txt"), slow);
        for (var i = 0; i < 30; i++) File.WriteAllText(Path.Combine(input, $"z-good-{i:00}.txt"), Notice(i));
        var result = CliProcess.Run(null, _dir, "parse", input, "-o", Path_("out"), "--timeout", "1", "-j", "2", "-q");
        Assert.That(result.Code, Is.EqualTo(1));
        var lines = result.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.That(lines, Has.Length.EqualTo(4).And.All.Contain("slow-").And.All.Contain("timed out after 1 s"), result.Stderr);
        Assert.That(Directory.GetFiles(Path_("out"), "z-good-*.json"), Has.Length.EqualTo(30));
    }

    [Test]
    public void Names_that_are_not_UTF8_are_reported_never_skipped_in_silence_and_a_link_up_is_walked_once()
    {
        var input = Path_("in");
        Directory.CreateDirectory(Path.Combine(input, "sub"));
        File.WriteAllText(Path.Combine(input, "sub", "a.txt"), Notice(1));
        Directory.CreateSymbolicLink(Path.Combine(input, "sub", "up"), "../"); // the loop check once missed the trailing slash: 41 walks
        using (var sh = System.Diagnostics.Process.Start("sh", ["-c", "printf 'x' > \"$1/$(printf 'bad\\377\\376.txt')\"", "sh", input])!) sh.WaitForExit();
        Assert.That(Directory.GetFiles(input), Has.Length.EqualTo(1), "the test made its badly named file");
        var result = CliProcess.Run(null, _dir, "parse", input, "-f", "jsonl", "-q");
        using (var rm = System.Diagnostics.Process.Start("rm", ["-rf", input])!) rm.WaitForExit(); // .NET cannot delete what it cannot name
        Assert.That(result.Code, Is.EqualTo(1), result.Stderr);
        Assert.That(result.Stderr.Trim(), Does.Contain("its name is not valid UTF-8").And.Not.Contain("\n"));
        Assert.That(result.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries), Has.Length.EqualTo(1), "sub/a.txt once, not again through up/");
    }

    [Test]
    public void A_worker_killed_from_outside_costs_no_file_its_file_is_parsed_again()
    {
        // A worker killed from outside once got its file blamed as "damaged".
        var input = Path_("in");
        Directory.CreateDirectory(input);
        for (var i = 0; i < 60; i++) File.WriteAllText(Path.Combine(input, $"{i:00}.txt"), Notice(i));
        using var process = CliProcess.Start(_dir, "parse", input, "-o", Path_("out"), "--isolate", "all", "-j", "1", "-q");
        var killed = false;
        for (var wait = 0; wait < 3000 && !killed && !process.HasExited; wait++)
        {
            if (CliProcess.Children(process.Id) is [var worker, ..])
            {
                CliProcess.Signal(worker, "KILL");
                killed = true;
            }
            else Thread.Sleep(5);
        }
        var result = CliProcess.Finish(process);
        Assert.That(killed, Is.True, "a worker was found and killed");
        Assert.That(result.Code, Is.Zero, result.Stderr);
        Assert.That(result.Stderr, Does.Not.Contain("damaged"));
        Assert.That(Directory.GetFiles(Path_("out"), "*.json"), Has.Length.EqualTo(60));
    }
}
