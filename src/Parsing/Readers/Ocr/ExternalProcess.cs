using System.ComponentModel;
using System.Diagnostics;
using System.Text;

namespace Extractor.Parsing.Readers.Ocr;

/// <summary>Runs a program to its end, its output read whole, killed (with its children) when cancelled.</summary>
internal static class ExternalProcess
{
    /// <summary>What a run gave.</summary>
    public sealed record Result(int ExitCode, byte[] Output, string Errors);

    /// <summary>Runs <paramref name="program"/>; null when it cannot be started (not installed).</summary>
    public static Result? Run(string program, IEnumerable<string> arguments, CancellationToken cancellation, IReadOnlyDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo(program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            CreateNoWindow = true,
            StandardErrorEncoding = Encoding.UTF8,
        };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        foreach (var (name, value) in environment ?? new Dictionary<string, string>()) start.Environment[name] = value;
        Process process;
        try
        {
            process = Process.Start(start) ?? throw new Win32Exception();
        }
        catch (Win32Exception)
        {
            return null;
        }
        using (process)
        {
            process.StandardInput.Close();
            using var output = new MemoryStream();
            var reading = process.StandardOutput.BaseStream.CopyToAsync(output, CancellationToken.None);
            var errors = process.StandardError.ReadToEndAsync(CancellationToken.None);
            using (cancellation.Register(() => Kill(process)))
            {
                process.WaitForExit();
                Task.WaitAll(reading, errors);
            }
            cancellation.ThrowIfCancellationRequested();
            return new Result(process.ExitCode, output.ToArray(), errors.Result);
        }
    }

    private static void Kill(Process process)
    {
        try
        {
            if (!process.HasExited) process.Kill(entireProcessTree: true);
        }
        catch (Exception e) when (e is InvalidOperationException or Win32Exception)
        {
            // it ended on its own meanwhile
        }
    }
}
