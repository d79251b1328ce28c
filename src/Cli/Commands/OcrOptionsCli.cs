using System.CommandLine;
using System.Globalization;
using Extractor.Parsing.Readers.Ocr;

namespace Extractor.Cli.Commands;

/// <summary>The options that decide how scans and images are read (OCR), shared by 'parse' and its workers.</summary>
internal sealed class OcrOptionsCli
{
    public Option<string> Mode { get; } = new("--ocr")
    {
        Description = "When to read pages by OCR (Tesseract): auto (PDF pages without a text layer, and images), always (every page, "
            + "its text layer ignored), never (a scan is an error saying it needs OCR).",
        DefaultValueFactory = _ => "auto",
        HelpName = "auto|always|never",
    };

    public Option<string> Language { get; } = new("--ocr-lang")
    {
        Description = "Tesseract's language: chi_sim (default), chi_tra, chi_sim+eng…; each needs its package (tesseract-ocr-chi-sim…).",
        DefaultValueFactory = _ => "chi_sim",
        HelpName = "LANG",
    };

    public Option<string?> Cache { get; } = new("--ocr-cache")
    {
        Description = "Folder where recognised pages are cached by the hash of their image, so a file read again is not recognised "
            + "again (default: ~/.cache/extractor/ocr, or $XDG_CACHE_HOME/extractor/ocr; delete it to clear the cache); none: no cache.",
        HelpName = "DIR|none",
    };

    /// <summary>Hidden: the lock-file folder that shares the OCR job limit between the parse command and its workers.</summary>
    public Option<string?> Slots { get; } = new("--ocr-slots") { Hidden = true };

    /// <summary>Hidden: pages recognised at once across the batch (the parse command's --jobs).</summary>
    public Option<int> Parallel { get; } = new("--ocr-parallel") { Hidden = true, DefaultValueFactory = _ => Environment.ProcessorCount };

    public OcrOptionsCli() => Mode.AcceptOnlyFromAmong("auto", "always", "never");

    public IEnumerable<Option> All => [Mode, Language, Cache, Slots, Parallel];

    public OcrOptions Read(ParseResult result) => new()
    {
        Mode = result.GetValue(Mode) switch { "always" => OcrMode.Always, "never" => OcrMode.Never, _ => OcrMode.Auto },
        Language = result.GetValue(Language) ?? "chi_sim",
        CacheDirectory = result.GetValue(Cache) switch { null => OcrOptions.DefaultCacheDirectory, "none" => null, var dir => Path.GetFullPath(dir) },
        SlotDirectory = result.GetValue(Slots),
        Parallelism = Math.Max(1, result.GetValue(Parallel)),
    };

    /// <summary>The command-line arguments that give a worker the same OCR options.</summary>
    public static IEnumerable<string> Arguments(OcrOptions ocr)
    {
        yield return "--ocr=" + ocr.Mode.ToString().ToLowerInvariant();
        yield return "--ocr-lang=" + ocr.Language;
        yield return "--ocr-cache=" + (ocr.CacheDirectory ?? "none");
        if (ocr.SlotDirectory is not null) yield return "--ocr-slots=" + ocr.SlotDirectory;
        yield return "--ocr-parallel=" + ocr.Parallelism.ToString(CultureInfo.InvariantCulture);
    }
}
