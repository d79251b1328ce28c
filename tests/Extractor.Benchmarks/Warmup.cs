using System.Diagnostics;
using System.Globalization;
using Extractor.Parsing;

namespace Extractor.Benchmarks;

/// <summary>
/// The library's warm-up in a fresh process. Compiled into the benchmarks (the library by project reference:
/// JIT-compiled) and, by tools/bench-cli.py, into a program that takes the library from its package (precompiled for
/// the machine's platform), so both are measured by the same code.
/// </summary>
public static class Warmup
{
    /// <summary>
    /// Parses <paramref name="file"/> 210 times and prints the time of the 1st, 10th, 100th and 200th parse, and which
    /// file of the library was loaded.
    /// </summary>
    public static void Run(string file)
    {
        var bytes = File.ReadAllBytes(file);
        var clock = Stopwatch.StartNew();
        var parser = new NoticeParser();
        var times = new double[210];
        for (var i = 0; i < times.Length; i++)
        {
            clock.Restart();
            _ = parser.Parse(bytes);
            times[i] = clock.Elapsed.TotalMilliseconds;
        }
        var settled = times[199..].Order().ElementAt(5);
        var library = Path.GetRelativePath(AppContext.BaseDirectory, typeof(NoticeParser).Assembly.Location).Replace('\\', '/');
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"parse 1: {times[0]:0.0} ms, 10: {times[9]:0.00} ms, 100: {times[99]:0.00} ms, 200: {times[199]:0.00} ms (median of 200-210: {settled:0.00} ms; {library})"));
    }
}
