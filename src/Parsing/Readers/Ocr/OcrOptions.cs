namespace Extractor.Parsing.Readers.Ocr;

/// <summary>When pages are read by OCR.</summary>
public enum OcrMode
{
    /// <summary>Pages without a text layer (scanned PDF pages) and image files.</summary>
    Auto,

    /// <summary>Every page, its text layer ignored (for PDFs whose text layer is garbage), and image files.</summary>
    Always,

    /// <summary>Never: a scanned PDF or an image is an error saying it needs OCR, a mixed PDF gives its text pages only.</summary>
    Never,
}

/// <summary>
/// How scanned pages and images are read: with Tesseract (Debian's <c>tesseract-ocr</c> and a language package such as
/// <c>tesseract-ocr-chi-sim</c>), run as a process, one page at a time with its own threads set to one
/// (<c>OMP_THREAD_LIMIT=1</c>) and as many pages at once as <see cref="Parallelism"/> allows. A page whose image is not
/// one embedded image is rendered with poppler's <c>pdftoppm</c> first. Results are cached by the hash of the page's
/// image, so a file read again is not recognised again.
/// </summary>
public sealed record OcrOptions
{
    /// <summary>The defaults: OCR where there is no text layer, simplified Chinese, the default cache.</summary>
    public static OcrOptions Default { get; } = new();

    /// <summary>When pages are read by OCR (default <see cref="OcrMode.Auto"/>).</summary>
    public OcrMode Mode { get; init; } = OcrMode.Auto;

    /// <summary>Tesseract's language (default <c>chi_sim</c>; <c>chi_sim+eng</c> for several; <c>chi_tra</c> for traditional).</summary>
    public string Language { get; init; } = "chi_sim";

    /// <summary>The Tesseract program: a name looked up on PATH, or a path.</summary>
    public string Tesseract { get; init; } = "tesseract";

    /// <summary>The page renderer (poppler's <c>pdftoppm</c>), for PDF pages that are not one embedded image.</summary>
    public string Renderer { get; init; } = "pdftoppm";

    /// <summary>Resolution at which pages are rendered for OCR, in dots per inch (default 300).</summary>
    public int RenderDpi { get; init; } = 300;

    /// <summary>Pages recognised at once, across everything that shares <see cref="SlotDirectory"/> (default: the number of cores).</summary>
    public int Parallelism { get; init; } = Environment.ProcessorCount;

    /// <summary>
    /// A folder whose lock files share <see cref="Parallelism"/> between processes (the CLI's worker processes use
    /// one); null to share it only within this process.
    /// </summary>
    public string? SlotDirectory { get; init; }

    /// <summary>Where recognised pages are cached (by the SHA-256 of the page image, the engine's version and the language); null for no cache.</summary>
    public string? CacheDirectory { get; init; } = DefaultCacheDirectory;

    /// <summary>A page whose mean word confidence (0–100) is below this gets an <c>ocr-low-confidence</c> warning (default 70).</summary>
    public double LowConfidence { get; init; } = 70;

    /// <summary>A word read with a confidence below this is uncertain: a heading marker in it opens no section alone (default 50).</summary>
    public double UncertainWord { get; init; } = 50;

    /// <summary>
    /// The default cache folder: <c>$XDG_CACHE_HOME/extractor/ocr</c>, else <c>~/.cache/extractor/ocr</c>
    /// (<c>%LOCALAPPDATA%\extractor\ocr</c> on Windows). Deleting it clears the cache.
    /// </summary>
    public static string DefaultCacheDirectory
    {
        get
        {
            if (OperatingSystem.IsWindows())
                return Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData), "extractor", "ocr");
            var xdg = Environment.GetEnvironmentVariable("XDG_CACHE_HOME");
            var root = !string.IsNullOrEmpty(xdg) && Path.IsPathRooted(xdg)
                ? xdg
                : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache");
            return Path.Combine(root, "extractor", "ocr");
        }
    }
}
