using System.Diagnostics;
using System.Globalization;
using BenchmarkDotNet.Running;
using Extractor.Parsing;

namespace Extractor.Benchmarks;

/// <summary>
/// Run with: <c>dotnet run -c Release --project tests/Extractor.Benchmarks -- --filter '*'</c>
/// (add <c>--job short</c> for a quick look). Two plain measurements serve as anchors for tools/bench-cli.py:
/// <c>throughput DIR</c> (the library's own rate on a folder, one thread) and <c>warmup FILE</c> (parse by parse in a
/// fresh process).
/// </summary>
public static class Program
{
    public static void Main(string[] args)
    {
        if (args is ["throughput", var folder]) Throughput(folder);
        else if (args is ["warmup", var file]) Warmup.Run(file);
        else if (args is ["repeat", var again, var count]) Repeat(again, int.Parse(count, CultureInfo.InvariantCulture));
        else BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
    }

    /// <summary>
    /// Reads, parses and serializes every file of <paramref name="folder"/> on one thread, twice, and prints the seconds per
    /// file of the second pass (the first warms the library up), then a description.
    /// </summary>
    private static void Throughput(string folder)
    {
        var parser = new NoticeParser();
        var files = Directory.GetFiles(folder).Order(StringComparer.Ordinal).ToArray();
        var clock = new Stopwatch();
        for (var pass = 0; pass < 2; pass++)
        {
            clock.Restart();
            foreach (var file in files) _ = NoticeJson.Serialize(parser.Parse(File.ReadAllBytes(file), sourcePath: file));
        }
        var perFile = clock.Elapsed.TotalSeconds / files.Length;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{perFile:0.000000} s per file (read, parse, serialize; {files.Length} files, one thread)"));
    }

    /// <summary>
    /// Parses <paramref name="file"/> <paramref name="count"/> times and prints the mean of the last half: a steady loop to
    /// run under a profiler (<c>DOTNET_PerfMapEnabled=1 perf record -g dotnet … repeat FILE 5000</c>).
    /// </summary>
    private static void Repeat(string file, int count)
    {
        var bytes = File.ReadAllBytes(file);
        var parser = new NoticeParser();
        var clock = new Stopwatch();
        for (var i = 0; i < count; i++)
        {
            if (i == count / 2) clock.Start();
            _ = parser.Parse(bytes);
        }
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{clock.Elapsed.TotalMilliseconds / (count - count / 2):0.000} ms per parse (mean of the last {count - count / 2} of {count})"));
    }
}
