using System.Diagnostics;

namespace Extractor.Tests.Support;

/// <summary>
/// Runs the real <c>extractor</c> process (<c>dotnet extractor.dll</c>), for what only a process shows: standard input
/// and output as bytes, signals, exit codes, the files it leaves behind.
/// </summary>
internal static class CliProcess
{
    public sealed record Result(int Code, byte[] Stdout, string Stderr)
    {
        public string Out => System.Text.Encoding.UTF8.GetString(Stdout);
    }

    /// <summary>Starts the CLI with <paramref name="args"/> in <paramref name="workingDirectory"/>; stdin, stdout and stderr are redirected.</summary>
    public static Process Start(string? workingDirectory, params string[] args)
    {
        // Through env(1), which resets SIGINT and SIGTERM to their default handling and then runs dotnet in the same
        // process: a shell without job control starts a background command (a test run started with '&') with SIGINT
        // ignored, a child inherits that, and the runtime leaves an ignored SIGINT ignored — the Ctrl-C tests would
        // then wait on a signal that never comes. The CLI is started as a foreground command's would be.
        var start = new ProcessStartInfo("env")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? Environment.CurrentDirectory,
        };
        start.ArgumentList.Add("--default-signal=INT,TERM");
        start.ArgumentList.Add("dotnet");
        start.ArgumentList.Add(typeof(Cli.Program).Assembly.Location);
        foreach (var arg in args) start.ArgumentList.Add(arg);
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["LANG"] = "C.UTF-8";
        return Process.Start(start)!;
    }

    /// <summary>Runs the CLI to its end, with <paramref name="stdin"/> as its standard input (closed at once when null).</summary>
    public static Result Run(byte[]? stdin, string? workingDirectory, params string[] args)
    {
        using var process = Start(workingDirectory, args);
        return Finish(process, stdin);
    }

    /// <summary>
    /// Feeds <paramref name="stdin"/> and closes it (unless <paramref name="keepInputOpen"/>: a process that was signalled
    /// must end without seeing its input end), then waits for the process and collects what it wrote.
    /// </summary>
    public static Result Finish(Process process, byte[]? stdin = null, bool keepInputOpen = false)
    {
        var stdout = new MemoryStream();
        var copy = process.StandardOutput.BaseStream.CopyToAsync(stdout);
        var stderr = process.StandardError.ReadToEndAsync();
        try
        {
            if (stdin is not null) process.StandardInput.BaseStream.Write(stdin);
            if (!keepInputOpen) process.StandardInput.Close();
        }
        catch (IOException)
        {
            // it stopped reading (as it may, when it fails first)
        }
        if (!process.WaitForExit(TimeSpan.FromMinutes(3)))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail("the CLI did not end within 3 minutes");
        }
        copy.Wait();
        return new Result(process.ExitCode, stdout.ToArray(), stderr.Result);
    }

    /// <summary>Sends a signal (INT, TERM, KILL) to a process, with kill(1).</summary>
    public static void Signal(int pid, string signal)
    {
        using var kill = Process.Start(new ProcessStartInfo("kill", ["-" + signal, pid.ToString(System.Globalization.CultureInfo.InvariantCulture)]))!;
        kill.WaitForExit();
        Assert.That(kill.ExitCode, Is.Zero, $"kill -{signal} {pid}");
    }

    /// <summary>The processes whose parent is <paramref name="pid"/> (Linux: from /proc).</summary>
    public static List<int> Children(int pid)
    {
        var children = new List<int>();
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), out var child)) continue;
            try
            {
                var stat = File.ReadAllText(Path.Combine(dir, "stat"));
                var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                if (int.Parse(fields[1], System.Globalization.CultureInfo.InvariantCulture) == pid) children.Add(child);
            }
            catch (IOException)
            {
                // it ended meanwhile
            }
        }
        return children;
    }
}
