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
    /// Parses <paramref name="file"/> 3,000 times and prints the time of the 1st, 10th, 100th and 200th parse, the median
    /// of parses 200-210, 995-1,005 and 2,990-3,000 (the runtime recompiles the hot methods in between), and which file
    /// of the library was loaded.
    /// </summary>
    public static void Run(string file)
    {
        var bytes = File.ReadAllBytes(file);
        var clock = Stopwatch.StartNew();
        var parser = new NoticeParser();
        var times = new double[3000];
        for (var i = 0; i < times.Length; i++)
        {
            clock.Restart();
            _ = parser.Parse(bytes);
            times[i] = clock.Elapsed.TotalMilliseconds;
        }
        double Median(int from) => times[(from - 1)..(from + 10)].Order().ElementAt(5);
        var library = Path.GetRelativePath(AppContext.BaseDirectory, typeof(NoticeParser).Assembly.Location).Replace('\\', '/');
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"parse 1: {times[0]:0.0} ms, 10: {times[9]:0.00} ms, 100: {times[99]:0.00} ms, 200: {times[199]:0.00} ms (median of 200-210: {Median(200):0.00} ms; of 995-1,005: {Median(995):0.00} ms; of 2,990-3,000: {Median(2990):0.00} ms; {library})"));
    }
}
