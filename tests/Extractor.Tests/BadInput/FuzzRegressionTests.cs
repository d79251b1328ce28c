using System.Text;
using Extractor.Parsing;
using Extractor.Tests.Support;

namespace Extractor.Tests.BadInput;

/// <summary>
/// Every crash the fuzzers found, kept as a file in <c>Corpus/fuzz</c> named for its target (<c>html-…</c>,
/// <c>docx-…</c>, <c>pdf-…</c>, <c>text-…</c>, <c>pipeline-…</c>): it must now parse or fail with the documented exception.
/// </summary>
public sealed class FuzzRegressionTests
{
    public static IEnumerable<TestCaseData> Findings() =>
        Directory.EnumerateFiles(Path.Combine(Repo.Root, "tests", "Extractor.Tests", "Corpus", "fuzz")).Order(StringComparer.Ordinal)
            .Select(f => new TestCaseData(f).SetName("Fuzz_" + Path.GetFileNameWithoutExtension(f).Replace('-', '_')));

    [TestCaseSource(nameof(Findings))]
    public void A_fuzzing_finding_no_longer_crashes(string path)
    {
        var bytes = File.ReadAllBytes(path);
        var target = Path.GetFileName(path).Split('-')[0];
        try
        {
            _ = target switch
            {
                "html" => Spec.Parser.Parse(bytes, InputFormat.Html),
                "docx" => Spec.Parser.Parse(bytes, InputFormat.Docx),
                "pdf" => Spec.Parser.Parse(bytes, InputFormat.Pdf),
                "text" => Spec.Parser.Parse(bytes, InputFormat.Text),
                "pipeline" => Spec.Parser.ParseText(Encoding.UTF8.GetString(bytes)),
                _ => Spec.Parser.Parse(bytes),
            };
        }
        catch (NoticeFormatException)
        {
            // documented
        }
    }
}
