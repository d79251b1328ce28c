using System.Text;
using System.Text.RegularExpressions;
using Extractor.Parsing;
using Extractor.Tests.Support;

namespace Extractor.Tests.BadInput;

/// <summary>
/// Every crash or hang the fuzzers found, kept as a file in <c>Corpus/fuzz</c> named for its target (<c>html-…</c>,
/// <c>docx-…</c>, <c>pdf-…</c>, <c>text-…</c>, <c>xls-…</c>, <c>pipeline-…</c>, <c>type1-…</c>): it must now parse or fail with the
/// documented exception.
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
        if (target == "pdf")
        {
            // PdfPig can recurse without end on some damaged PDFs, which no process survives: the CLI parses PDFs in
            // worker processes, and the finding must cost one error line, not the run.
            var stderr = new StringWriter();
            var code = Cli.Program.Run(["parse", path, "--quiet", "--timeout", "60"], new StringWriter(), stderr);
            Assert.That(code, Is.EqualTo(0).Or.EqualTo(1));
            Assert.That(stderr.ToString().Trim().Split('\n'), Has.Length.LessThanOrEqualTo(1));
            if (code == 1) Assert.That(stderr.ToString(), Does.StartWith($"extractor: {path}: "));
            return;
        }
        if (target == "type1")
        {
            // An embedded Type 1 font program PdfPig ran away on, which the guard must refuse (PdfPig then reads the
            // font without it): what PdfPig would read of it cannot be told from outside PdfPig.
            Assert.That(() => Extractor.Parsing.Readers.Pdf.Type1ProgramGuard.Protect(bytes), Throws.TypeOf<InvalidDataException>());
            return;
        }
        try
        {
            _ = target switch
            {
                "html" => Spec.Parser.Parse(bytes, InputFormat.Html),
                "docx" => Spec.Parser.Parse(bytes, InputFormat.Docx),
                "text" => Spec.Parser.Parse(bytes, InputFormat.Text),
                "pipeline" => Spec.Parser.ParseText(Encoding.UTF8.GetString(bytes)),
                _ => Spec.Parser.Parse(bytes),
            };
        }
        catch (NoticeFormatException e) when (e.InnerException is not RegexMatchTimeoutException)
        {
            // documented; a default pattern's time-out is not (see Extractor.Fuzz)
        }
    }
}
