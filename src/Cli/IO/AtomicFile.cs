using System.Text;

namespace Extractor.Cli.IO;

/// <summary>
/// Output files are written to a temporary file beside their destination and renamed over it when complete: a crash
/// never leaves a half-written file. An existing file is replaced only when asked.
/// </summary>
internal sealed partial class AtomicFile : IDisposable
{
    private static readonly UTF8Encoding Utf8 = new(false);
    private bool _committed;

    /// <summary>Thrown when the destination exists and replacing it was not allowed.</summary>
    public sealed class ExistsException(string path, int more = 0) : IOException(more == 0
        ? $"{path} exists; pass --force to replace it"
        : $"{path} and {more} more output file{(more > 1 ? "s" : "")} exist; pass --force to replace them")
    {
        /// <summary>The first file that exists.</summary>
        public string Path { get; } = path;

        /// <summary>How many more exist.</summary>
        public int More { get; } = more;

        /// <summary>The message in the user's language.</summary>
        public string Describe(Localization.Messages m) => More switch
        {
            0 => m.Format("OutputExists", Path),
            1 => m.Format("OutputsExistOne", Path),
            _ => m.Format("OutputsExistMany", Path, More, More + 1),
        };
    }

    private AtomicFile(string path, string temp, bool overwrite)
    {
        Path = path;
        TempPath = temp;
        Overwrite = overwrite;
    }

    /// <summary>The destination.</summary>
    public string Path { get; }

    /// <summary>Where the content is written until <see cref="Commit"/>.</summary>
    public string TempPath { get; private set; }

    private bool Overwrite { get; }

    /// <summary>Starts writing <paramref name="path"/>; fails at once if it exists and may not be replaced.</summary>
    /// <exception cref="IOException">It cannot be written (the message names it, not the temporary file).</exception>
    public static AtomicFile Begin(string path, bool overwrite)
    {
        path = System.IO.Path.GetFullPath(path);
        if (!overwrite && File.Exists(path)) throw new ExistsException(path);
        var directory = System.IO.Path.GetDirectoryName(path)!;
        string temp;
        try
        {
            EnsureFolder(directory);
            temp = TempFile(directory);
            using (File.Create(temp)) { }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw CannotWrite(path, e);
        }
        return new AtomicFile(path, temp, overwrite);
    }

    /// <summary>Creates <paramref name="folder"/> and its parents.</summary>
    /// <exception cref="IOException">A part of its path is a file (named in the message), or it cannot be created.</exception>
    public static void CreateFolder(string folder)
    {
        for (var up = System.IO.Path.GetFullPath(folder); up is not null; up = System.IO.Path.GetDirectoryName(up))
        {
            if (Directory.Exists(up)) break;
            if (File.Exists(up)) throw new IOException($"{up} is a file, not a folder");
        }
        Directory.CreateDirectory(folder);
    }

    /// <summary>An error about writing <paramref name="path"/>, saying why in a user's words.</summary>
    public static IOException CannotWrite(string path, Exception e) => new($"{path}: {Reason(e)}", e);

    /// <summary>Why a write failed, in a user's words: no temporary file's name, no .NET type.</summary>
    public static string Reason(Exception e) => e switch
    {
        UnauthorizedAccessException => "permission denied",
        DirectoryNotFoundException => "a folder on its path does not exist",
        IOException { HResult: 20 } => "a part of its path is a file, not a folder",
        IOException { HResult: 21 } => "a folder of that name is in the way",
        IOException { HResult: 28 } => "no space left on the device",
        IOException { HResult: 30 } => "the file system is read-only",
        _ => TempName().Replace(e.Message, ""),
    };

    [System.Text.RegularExpressions.GeneratedRegex(@"'?[^' ]*\.extractor\.[0-9]+\.[0-9a-f]+\.tmp'?\s*", System.Text.RegularExpressions.RegexOptions.CultureInvariant)]
    private static partial System.Text.RegularExpressions.Regex TempName();

    /// <summary>
    /// A new temporary file's name in <paramref name="directory"/>: <c>.extractor.PID.RANDOM.tmp</c>, short whatever the
    /// output's name (a name near the file system's limit still has room for it). Temporary files a killed run left
    /// there are swept first.
    /// </summary>
    public static string TempFile(string directory)
    {
        Sweep(directory);
        return System.IO.Path.Combine(directory, $"{TempPrefix}{Environment.ProcessId}.{RunTag}{Interlocked.Increment(ref _tempCount):x}.tmp");
    }

    /// <summary>Random for this run (two runs of one process id, or a reused id, never share a name); a counter tells this run's files apart.</summary>
    private static readonly string RunTag = Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(4));

    private static long _tempCount;

    /// <summary>Folders this process has made or found, so that a batch writing thousands of files into one checks it once.</summary>
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, bool> Folders = new(StringComparer.Ordinal);

    /// <summary><see cref="CreateFolder"/>, once per folder and process.</summary>
    private static void EnsureFolder(string folder)
    {
        if (Folders.ContainsKey(folder)) return;
        CreateFolder(folder);
        Folders.TryAdd(folder, true);
    }

    private const string TempPrefix = ".extractor.";

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, bool> Swept = new(StringComparer.Ordinal);

    /// <summary>
    /// Removes the temporary files (and a database's <c>.wal</c> beside one) that runs of this tool which are no longer
    /// running left in <paramref name="directory"/> — killed before they could clean up. Once per folder and run.
    /// </summary>
    internal static void Sweep(string directory)
    {
        if (!Swept.TryAdd(directory, true) || !Directory.Exists(directory)) return;
        try
        {
            foreach (var file in Directory.EnumerateFiles(directory, TempPrefix + "*"))
            {
                var parts = System.IO.Path.GetFileName(file)[TempPrefix.Length..].Split('.');
                if (parts.Length < 3 || parts[2] != "tmp" || !int.TryParse(parts[0], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var pid)
                    || pid == Environment.ProcessId || IsRunning(pid))
                    continue;
                try { File.Delete(file); }
                catch (IOException) { }
                catch (UnauthorizedAccessException) { }
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // a folder we cannot list: writing there will say what is wrong
        }
    }

    private static bool IsRunning(int pid)
    {
        try
        {
            using var process = System.Diagnostics.Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException)
        {
            return false;
        }
    }

    /// <summary>Opens the temporary file for writing (readable too: a ZIP package reads back what it wrote).</summary>
    public FileStream OpenWrite() => new(TempPath, FileMode.Truncate, FileAccess.ReadWrite, FileShare.None);

    /// <summary>Renames the finished file over its destination.</summary>
    /// <param name="removeFirst">
    /// Remove the destination, then rename into its place, rather than rename over it. ext4 and btrfs write a file's
    /// data to the disk before renaming it over another (so that a power loss cannot leave it empty where the old one
    /// was): a disk write under the folder's lock for each replaced file, which keeps parallel writers waiting on each
    /// other. A batch that makes its files durable together at its end has no use for it; the cost is that a process
    /// dying between the two steps leaves that one file absent rather than old.
    /// </param>
    public void Commit(bool removeFirst = false)
    {
        try
        {
            if (removeFirst && Overwrite)
            {
                try { File.Delete(Path); }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException) { } // the rename says what is in the way
            }
            File.Move(TempPath, Path, Overwrite);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw CannotWrite(Path, e);
        }
        _committed = true;
    }

    /// <summary>Deletes the temporary file unless it was committed.</summary>
    public void Dispose()
    {
        if (_committed || TempPath.Length == 0) return;
        try { File.Delete(TempPath); }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
    }

    /// <summary>
    /// Writes <paramref name="content"/> (UTF-8, no BOM) to <paramref name="path"/> atomically. With <paramref name="durable"/>
    /// false the content is not flushed to the disk before the rename: a batch writing many files makes them durable
    /// together, once, at its end (<see cref="SyncFileSystem"/>).
    /// </summary>
    public static void WriteAllText(string path, string content, bool overwrite, bool durable = true) =>
        Write(path, overwrite, stream => stream.Write(Utf8.GetBytes(content)), durable);

    /// <summary>Writes <paramref name="path"/> atomically with <paramref name="write"/>, flushed to the disk before the rename when <paramref name="durable"/>.</summary>
    public static void Write(string path, bool overwrite, Action<Stream> write, bool durable = true)
    {
        path = System.IO.Path.GetFullPath(path);
        if (!overwrite && File.Exists(path)) throw new ExistsException(path);
        var directory = System.IO.Path.GetDirectoryName(path)!;
        // The temporary file is made and written through one handle: a batch writes thousands of these, and each
        // system call saved is one less under the folder's lock that parallel writers share.
        using var file = new AtomicFile(path, "", overwrite);
        try
        {
            FileStream Create() => new(TempFile(directory), FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None);
            EnsureFolder(directory);
            FileStream stream;
            try
            {
                stream = Create();
            }
            catch (DirectoryNotFoundException)
            {
                // The folder went away during the run (found once, it is not looked at again): make it again.
                CreateFolder(directory);
                stream = Create();
            }
            file.TempPath = stream.Name;
            using (stream)
            {
                write(stream);
                stream.Flush(flushToDisk: durable);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw CannotWrite(path, e); // a full disk: the temporary file goes when file is disposed
        }
        file.Commit(removeFirst: !durable);
    }
}
