using System.Text;

namespace Extractor.Parsing.Readers.Ocr;

/// <summary>
/// Recognised pages on disk, one TSV file per image under <see cref="OcrOptions.CacheDirectory"/>, named by the SHA-256
/// of the image with the engine's version and the language: a file read again is not recognised again, and a new
/// engine or language recognises it anew. Entries are written to a temporary file and renamed, so a reader never sees
/// half of one; a cache that cannot be read or written is no error, only slower.
/// </summary>
internal static class OcrCache
{
    public static string Key(string imageHash, string engine, string language) =>
        $"{imageHash}-{Safe(language)}-{Safe(engine)}";

    public static string? Get(string? directory, string key)
    {
        if (directory is null) return null;
        try
        {
            var path = PathOf(directory, key);
            return File.Exists(path) ? File.ReadAllText(path, Encoding.UTF8) : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    public static void Put(string? directory, string key, string tsv)
    {
        if (directory is null) return;
        try
        {
            var path = PathOf(directory, key);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            var temporary = path + "." + Guid.NewGuid().ToString("N") + ".tmp";
            File.WriteAllText(temporary, tsv, new UTF8Encoding(false));
            File.Move(temporary, path, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // an unwritable cache only costs time
        }
    }

    private static string PathOf(string directory, string key) => Path.Combine(directory, key[..2], key + ".tsv");

    private static string Safe(string value) => new([.. value.Select(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '+' ? c : '_')]);
}
