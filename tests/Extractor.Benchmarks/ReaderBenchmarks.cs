using BenchmarkDotNet.Attributes;
using Extractor.Parsing;

namespace Extractor.Benchmarks;

/// <summary>Each reader on the seed notices in the formats of the wild (samples/formats), reader and pipeline together.</summary>
[MemoryDiagnoser]
public class ReaderBenchmarks
{
    private readonly NoticeParser _parser = new();
    private byte[] _bytes = [];

    [Params(
        "seed-000-gbk-chrome.html", "seed-000-cms-br.html",
        "seed-000-libreoffice.docx", "seed-000-autonumber.docx",
        "seed-000-libreoffice-print.pdf", "seed-000-chromium-print.pdf",
        "table-form-libreoffice.docx")]
    public string Sample { get; set; } = "";

    [GlobalSetup]
    public void Setup() => _bytes = File.ReadAllBytes(Path.Combine(Paths.Samples, "formats", Sample));

    [Benchmark]
    public Notice Parse() => _parser.Parse(_bytes);
}
