using Extractor.Cli;
using Extractor.Parsing;
using Extractor.Tests.Support;

namespace Extractor.Tests;

/// <summary>The command line's OCR options: --ocr, --ocr-lang and --ocr-cache, in process and in the worker processes.</summary>
public sealed class OcrCliTests
{
    private string _dir = "";

    [SetUp]
    public void CreateFolder() => _dir = Directory.CreateTempSubdirectory("extractor-ocr-cli-").FullName;

    [TearDown]
    public void RemoveFolder() => Directory.Delete(_dir, recursive: true);

    private static string Scan => Path.Combine(Repo.Samples, "formats", "seed-002-scan-150.pdf");

    private static (int Code, string Out, string Err) Run(params string[] args)
    {
        var stdout = new StringWriter { NewLine = "\n" };
        var stderr = new StringWriter { NewLine = "\n" };
        var code = Program.Run(args, stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }

    [TestCase("pdf", TestName = "Ocr_in_a_worker")]
    [TestCase("none", TestName = "Ocr_in_process")]
    public void A_scan_is_read_by_OCR_and_cached_where_asked(string isolate)
    {
        OcrTools.Require();
        var cache = Path.Combine(_dir, "cache");
        var (code, stdout, stderr) = Run("parse", Scan, "--isolate", isolate, "--ocr-cache", cache);
        Assert.That(code, Is.Zero, stderr);
        var notice = NoticeJson.Deserialize(stdout);
        Assert.That((notice.Items.Count, notice.Source.Pages!.Count(p => p.Method == PageMethods.Ocr)), Is.EqualTo((4, 9)));
        Assert.That(Directory.EnumerateFiles(cache, "*.tsv", SearchOption.AllDirectories).Count(), Is.EqualTo(9));
    }

    [TestCase("pdf", TestName = "Ocr_never_in_a_worker")]
    [TestCase("none", TestName = "Ocr_never_in_process")]
    public void With_ocr_never_a_scan_is_an_error_saying_it_needs_OCR(string isolate)
    {
        var (code, _, stderr) = Run("parse", Scan, "--ocr", "never", "--isolate", isolate);
        Assert.That(code, Is.EqualTo(ExitCodes.Failed));
        Assert.That(stderr, Does.Contain("seed-002-scan-150.pdf").And.Contain("needs OCR"));
    }

    [Test]
    public void A_language_without_its_data_names_the_package_to_install()
    {
        OcrTools.Require();
        var (code, _, stderr) = Run("parse", Path.Combine(Repo.Samples, "formats", "halfwidth-chromium.png"), "--ocr-lang", "chi_sim+zzz", "--ocr-cache", "none");
        Assert.That(code, Is.EqualTo(ExitCodes.Failed));
        Assert.That(stderr, Does.Contain("'zzz' language data, which is not installed: install tesseract-ocr-zzz"));
    }

    [Test]
    public void An_unknown_ocr_mode_is_a_usage_error() =>
        Assert.That(Run("parse", Scan, "--ocr", "sometimes").Code, Is.EqualTo(ExitCodes.Usage));

    [Test]
    public void Help_names_the_ocr_options()
    {
        var (_, stdout, _) = Run("parse", "--help");
        Assert.That(stdout, Does.Contain("--ocr <auto|always|never>").And.Contain("--ocr-lang").And.Contain("--ocr-cache").And.Not.Contain("--ocr-slots"));
    }
}
