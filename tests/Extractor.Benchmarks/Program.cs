using BenchmarkDotNet.Running;

namespace Extractor.Benchmarks;

/// <summary>
/// Run with: <c>dotnet run -c Release --project tests/Extractor.Benchmarks -- --filter '*'</c>
/// (add <c>--job short</c> for a quick look).
/// </summary>
public static class Program
{
    public static void Main(string[] args) => BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
}
