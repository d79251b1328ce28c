using System.Text;

namespace Extractor.Cli.IO;

/// <summary>
/// Writes output files atomically: the content goes to a temporary file beside the destination, which is then
/// renamed over it, so a crash never leaves a half-written file. An existing file is replaced only when asked.
/// </summary>
internal static class AtomicFile
{
    private static readonly UTF8Encoding Utf8 = new(false);

    /// <summary>Thrown when the destination exists and replacing it was not allowed.</summary>
    public sealed class ExistsException(string path) : IOException($"{path} exists; pass --force to replace it");

    public static void WriteAllText(string path, string content, bool overwrite) =>
        Write(path, overwrite, stream =>
        {
            var bytes = Utf8.GetBytes(content);
            stream.Write(bytes);
        });

    public static void Write(string path, bool overwrite, Action<Stream> write)
    {
        if (!overwrite && File.Exists(path)) throw new ExistsException(path);
        var directory = Path.GetDirectoryName(Path.GetFullPath(path))!;
        Directory.CreateDirectory(directory);
        var temp = Path.Combine(directory, $".{Path.GetFileName(path)}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp");
        try
        {
            using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                write(stream);
                stream.Flush(flushToDisk: true);
            }
            File.Move(temp, path, overwrite);
        }
        catch
        {
            TryDelete(temp);
            throw;
        }
    }

    private static void TryDelete(string path)
    {
        try { File.Delete(path); }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
    }
}
