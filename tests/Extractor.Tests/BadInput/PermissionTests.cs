using System.Diagnostics;
using Extractor.Cli;
using Extractor.Tests.Support;

namespace Extractor.Tests.BadInput;

/// <summary>A file the tool may not read is one error line, and the batch goes on.</summary>
public sealed class PermissionTests
{
    [Test]
    [Platform(Exclude = "Win")]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public void An_unreadable_file_is_reported_and_the_rest_is_parsed()
    {
        var dir = Directory.CreateTempSubdirectory("extractor-perm-").FullName;
        try
        {
            var input = Path.Combine(dir, "in");
            Directory.CreateDirectory(input);
            File.Copy(Repo.Sample("skipped-number.txt"), Path.Combine(input, "ok.txt"));
            var secret = Path.Combine(input, "secret.txt");
            File.Copy(Repo.Seed002, secret);
            File.SetUnixFileMode(secret, UnixFileMode.None);
            File.SetUnixFileMode(Path.Combine(input, "ok.txt"), UnixFileMode.UserRead | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
            foreach (var d in new[] { dir, input })
                File.SetUnixFileMode(d, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute | UnixFileMode.GroupRead
                    | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);

            var (code, stdout, stderr) = Environment.UserName == "root" ? AsNobody(input) : InProcess(input);
            Assert.That(code, Is.EqualTo(1));
            Assert.That(stderr.Trim(), Is.EqualTo($"extractor: {input}/secret.txt: permission denied"));
            Assert.That(stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries), Has.Length.EqualTo(1));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Test]
    [Platform(Exclude = "Win")]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public void A_folder_that_cannot_be_read_is_in_the_errors_report()
    {
        var dir = Directory.CreateTempSubdirectory("extractor-perm-").FullName;
        try
        {
            var input = Path.Combine(dir, "in");
            Directory.CreateDirectory(Path.Combine(input, "closed"));
            File.Copy(Repo.Seed002, Path.Combine(input, "closed", "a.txt"));
            File.Copy(Repo.Seed002, Path.Combine(input, "ok.txt"));
            File.SetUnixFileMode(Path.Combine(input, "closed"), UnixFileMode.None);
            var open = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute | UnixFileMode.GroupRead | UnixFileMode.GroupWrite
                | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherWrite | UnixFileMode.OtherExecute;
            foreach (var d in new[] { dir, input }) File.SetUnixFileMode(d, open);
            File.SetUnixFileMode(Path.Combine(input, "ok.txt"), UnixFileMode.UserRead | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
            var output = Path.Combine(dir, "out");
            var (code, _, stderr) = Environment.UserName == "root" ? AsNobody([input, "-o", output, "-q"]) : InProcess([input, "-o", output, "-q"]);
            Assert.That(code, Is.EqualTo(1));
            Assert.That(stderr, Does.Contain("closed: the folder cannot be read"));
            Assert.That(File.ReadAllText(Path.Combine(output, "errors.csv")), Does.Contain("closed,the folder cannot be read"));
            Assert.That(File.Exists(Path.Combine(output, "ok.txt.json")), Is.True);
        }
        finally
        {
            File.SetUnixFileMode(Path.Combine(dir, "in", "closed"), UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            Directory.Delete(dir, recursive: true);
        }
    }

    private static (int, string, string) InProcess(string input) => InProcess([input, "--format", "jsonl", "-q"]);

    private static (int, string, string) InProcess(string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        return (Program.Run(["parse", .. args], stdout, stderr), stdout.ToString(), stderr.ToString());
    }

    /// <summary>Root reads anything: run the CLI as nobody (setpriv, util-linux) so that permissions apply.</summary>
    private static (int, string, string) AsNobody(string input) => AsNobody([input, "--format", "jsonl", "-q"]);

    private static (int, string, string) AsNobody(string[] args)
    {
        if (!File.Exists("/usr/bin/setpriv")) Assert.Ignore("running as root without setpriv: file permissions cannot be tested");
        var start = new ProcessStartInfo("/usr/bin/setpriv") { RedirectStandardOutput = true, RedirectStandardError = true };
        string[] all = ["--reuid=65534", "--regid=65534", "--clear-groups", "env", "HOME=/tmp", "DOTNET_CLI_TELEMETRY_OPTOUT=1",
            "dotnet", typeof(Program).Assembly.Location, "parse", .. args];
        foreach (var arg in all)
            start.ArgumentList.Add(arg);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        return (process.ExitCode, stdout.Result, stderr.Result);
    }
}
