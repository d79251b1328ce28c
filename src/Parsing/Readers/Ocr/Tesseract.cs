using System.Collections.Concurrent;
using System.Text;

namespace Extractor.Parsing.Readers.Ocr;

/// <summary>
/// Tesseract run as a process (as Apache Tika runs it): an image file in, words with their boxes out as TSV. Its own
/// threads are set to one (<c>OMP_THREAD_LIMIT=1</c>): pages are recognised in parallel instead, which is faster on
/// few cores than Tesseract's threads on one page.
/// </summary>
internal static partial class Tesseract
{
    [System.Text.RegularExpressions.GeneratedRegex(@"Failed loading language '([^']+)'")]
    private static partial System.Text.RegularExpressions.Regex MissingLanguage();

    private static readonly Dictionary<string, string> Environment = new() { ["OMP_THREAD_LIMIT"] = "1" };
    private static readonly ConcurrentDictionary<string, string> Versions = new(StringComparer.Ordinal);

    /// <summary>The engine and its version (<c>tesseract 5.3.0</c>), asked once per program.</summary>
    /// <exception cref="NoticeFormatException">Tesseract is not installed.</exception>
    public static string Version(OcrOptions options, CancellationToken cancellation)
    {
        if (Versions.TryGetValue(options.Tesseract, out var known)) return known;
        var result = ExternalProcess.Run(options.Tesseract, ["--version"], cancellation, Environment);
        if (result is null || result.ExitCode != 0) throw NotInstalled(options);
        // Tesseract 4 writes its version to stderr, 5 to stdout.
        var text = Encoding.UTF8.GetString(result.Output) + "\n" + result.Errors;
        var first = text.Split('\n').Select(l => l.Trim()).FirstOrDefault(l => l.StartsWith("tesseract", StringComparison.OrdinalIgnoreCase)) ?? "tesseract";
        return Versions.GetOrAdd(options.Tesseract, first.ToLowerInvariant());
    }

    /// <summary>Recognises the image in <paramref name="imagePath"/>: Tesseract's TSV.</summary>
    /// <exception cref="NoticeFormatException">Tesseract is missing, lacks the language, or cannot read the image.</exception>
    public static string Recognize(string imagePath, OcrOptions options, CancellationToken cancellation)
    {
        var result = ExternalProcess.Run(options.Tesseract, [imagePath, "stdout", "-l", options.Language, "--psm", "3", "tsv"], cancellation, Environment)
            ?? throw NotInstalled(options);
        // A language without its data is an error even when Tesseract goes on with the others (it then exits with 0).
        var missing = MissingLanguage().Matches(result.Errors).Select(m => m.Groups[1].Value).Distinct().ToList();
        if (missing.Count > 0 || (result.ExitCode != 0 && result.Errors.Contains("Error opening data file", StringComparison.Ordinal)))
        {
            var names = missing.Count > 0 ? string.Join("+", missing) : options.Language;
            throw new NoticeFormatException(NoticeErrorKind.NeedsOcr,
                $"OCR needs Tesseract's '{names}' language data, which is not installed: install {LanguagePackages(names)}");
        }
        if (result.ExitCode != 0 || result.Output.Length == 0)
        {
            var reason = result.Errors.Split('\n').Select(l => l.Trim()).LastOrDefault(l => l.Length > 0) ?? $"exit code {result.ExitCode}";
            throw new NoticeFormatException(NoticeErrorKind.Corrupt, $"OCR could not read the image: {reason}");
        }
        return Encoding.UTF8.GetString(result.Output);
    }

    /// <summary>The error when Tesseract cannot be started.</summary>
    public static NoticeFormatException NotInstalled(OcrOptions options) =>
        new(NoticeErrorKind.NeedsOcr,
            $"this needs OCR, and Tesseract ('{options.Tesseract}') is not installed: install Debian's tesseract-ocr and {LanguagePackages(options.Language)} "
            + "(apt-get install tesseract-ocr " + string.Join(" ", LanguageNames(options.Language)) + ")");

    /// <summary>The Debian packages of a language setting (<c>chi_sim+eng</c> → tesseract-ocr-chi-sim, tesseract-ocr-eng).</summary>
    private static string LanguagePackages(string language) => string.Join(" and ", LanguageNames(language));

    private static IEnumerable<string> LanguageNames(string language) =>
        language.Split('+', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(l => "tesseract-ocr-" + l.ToLowerInvariant().Replace('_', '-'));
}
