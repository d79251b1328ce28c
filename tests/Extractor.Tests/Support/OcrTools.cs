namespace Extractor.Tests.Support;

/// <summary>Tesseract (Debian's <c>tesseract-ocr</c> and <c>tesseract-ocr-chi-sim</c>, which <c>.ci/run</c> installs), for the OCR tests.</summary>
internal static class OcrTools
{
    private static readonly Lazy<bool> Installed = new(() =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':').Any(dir => File.Exists(Path.Combine(dir, "tesseract")))
        && Directory.EnumerateFiles("/usr/share", "chi_sim.traineddata", new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = true, MaxRecursionDepth = 5 }).Any());

    /// <summary>In CI the absence of Tesseract or its Chinese data fails the test, elsewhere the test is ignored.</summary>
    public static void Require()
    {
        if (Installed.Value) return;
        const string message = "tesseract with chi_sim is not installed (apt-get install tesseract-ocr tesseract-ocr-chi-sim poppler-utils)";
        if (Environment.GetEnvironmentVariable("CI") == "true") Assert.Fail(message + "; .ci/run installs it");
        Assert.Ignore(message);
    }
}

/// <summary>A folder of the test's own under the temporary folder, deleted with what it holds.</summary>
internal sealed class TemporaryDirectory : IDisposable
{
    public string Path { get; } = Directory.CreateDirectory(System.IO.Path.Combine(System.IO.Path.GetTempPath(), "extractor-test-" + Guid.NewGuid().ToString("N"))).FullName;

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // left for the system's cleaning
        }
    }
}
