using BenchmarkDotNet.Attributes;
using Extractor.Parsing;

namespace Extractor.Benchmarks;

/// <summary>
/// The text pipeline on the seed notices: decoded text in, <see cref="Notice"/> out (normalization, outline,
/// extraction), and the same from bytes (with encoding detection), and JSON writing on its own.
/// </summary>
[MemoryDiagnoser]
public class TextPipelineBenchmarks
{
    private readonly NoticeParser _parser = new();
    private string _text = "";
    private byte[] _bytes = [];
    private byte[] _gbk = [];
    private Notice _notice = null!;

    [Params("000_e2a1d9105bc8cd63.txt", "002_8d9b61e4159d9e44.txt")]
    public string Seed { get; set; } = "";

    [GlobalSetup]
    public void Setup()
    {
        _bytes = File.ReadAllBytes(Path.Combine(Paths.Seeds, Seed));
        _text = System.Text.Encoding.UTF8.GetString(_bytes);
        System.Text.Encoding.RegisterProvider(System.Text.CodePagesEncodingProvider.Instance);
        _gbk = System.Text.Encoding.GetEncoding("gb18030").GetBytes(_text);
        _notice = _parser.ParseText(_text);
    }

    /// <summary>Throughput in MB/s is the UTF-8 size divided by this time.</summary>
    [Benchmark(Baseline = true)]
    public Notice ParseText() => _parser.ParseText(_text);

    [Benchmark]
    public Notice ParseUtf8Bytes() => _parser.Parse(_bytes);

    [Benchmark]
    public Notice ParseGb18030Bytes() => _parser.Parse(_gbk);

    [Benchmark]
    public string WriteJson() => NoticeJson.Serialize(_notice);
}

internal static class Paths
{
    private static string Root
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
                if (File.Exists(Path.Combine(dir.FullName, "Extractor.sln"))) return dir.FullName;
            throw new InvalidOperationException("run the benchmarks from inside the repository");
        }
    }

    public static string Seeds => Path.Combine(Root, "seeds");

    public static string Samples => Path.Combine(Root, "samples");
}
