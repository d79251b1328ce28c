using Extractor.Parsing;
using Microsoft.Extensions.FileSystemGlobbing;

namespace Extractor.Cli.IO;

/// <summary>A folder named on the command line: its absolute path and the argument as the user wrote it.</summary>
/// <param name="FullPath">The absolute path.</param>
/// <param name="DisplayPath">The argument, without a trailing separator, '/'-separated.</param>
internal sealed record InputFolder(string FullPath, string DisplayPath);

/// <summary>
/// One file to parse: where it is, and its path relative to the argument it was found under. A file found in a folder
/// keeps only its path under the folder and shares the folder's names with its siblings; its absolute and display
/// paths are made when asked for. A batch of 50,000 files holds 50,000 of these for its whole run, so each is small.
/// </summary>
internal sealed class InputFile
{
    private readonly string? _fullPath;
    private readonly string? _displayPath;
    private readonly InputFolder? _folder;

    /// <summary>A file named by its paths.</summary>
    /// <param name="fullPath">The absolute path.</param>
    /// <param name="displayPath">The path as the user would write it, '/'-separated.</param>
    /// <param name="relativePath">The file name for a file argument, '/'-separated.</param>
    public InputFile(string fullPath, string displayPath, string relativePath)
    {
        _fullPath = fullPath;
        _displayPath = displayPath;
        RelativePath = relativePath;
    }

    /// <summary>A file found under <paramref name="folder"/> at <paramref name="relativePath"/> ('/'-separated).</summary>
    public InputFile(InputFolder folder, string relativePath)
    {
        _folder = folder;
        RelativePath = relativePath;
    }

    /// <summary>The argument that stands for standard input.</summary>
    public const string StandardInputName = "-";

    /// <summary>Standard input (<c>-</c>): read into memory, within the size limit, never opened by name.</summary>
    public static readonly InputFile StandardInput = new(StandardInputName, StandardInputName, "stdin") { IsStandardInput = true };

    /// <summary>The absolute path.</summary>
    public string FullPath => _fullPath ?? Path.Join(_folder!.FullPath, RelativePath.Replace('/', Path.DirectorySeparatorChar));

    /// <summary>The path as the user would write it (the argument, or the argument joined with the relative path), '/'-separated.</summary>
    public string DisplayPath => _displayPath ?? _folder!.DisplayPath + "/" + RelativePath;

    /// <summary>The path under the folder argument (the file name for a file argument), '/'-separated.</summary>
    public string RelativePath { get; }

    /// <summary>This is standard input.</summary>
    public bool IsStandardInput { get; init; }

    /// <summary>Why the file cannot be opened at all, found while walking its folder (a name that is not valid UTF-8); null when it can.</summary>
    public string? Problem { get; init; }

    /// <summary>A named pipe or a device named on the command line (<c>&lt;(cat x.pdf)</c>, <c>/dev/stdin</c>): read as a stream, within the size limit.</summary>
    public bool IsStream { get; init; }

    public override string ToString() => DisplayPath;
}

/// <summary>Which files of a folder to read.</summary>
/// <param name="Recursive">Walk sub-folders.</param>
/// <param name="Include">Globs a file's path under its folder must match (any); empty for every file.</param>
/// <param name="Exclude">Globs that exclude a file.</param>
internal sealed record InputFilter(bool Recursive, IReadOnlyList<string> Include, IReadOnlyList<string> Exclude)
{
    /// <summary>Files the tool writes, never notices: skipped unless a glob includes them.</summary>
    public static readonly string[] OwnOutputs =
        ["**/*.expected.json", "**/*.rules.json", "**/*.json", "**/*.jsonl", "**/*.csv", "**/*.xlsx", "**/*.tmp", "**/*.duckdb", "**/*.duckdb.wal", "**/*.parquet"];

    /// <summary>What the head of every review page this tool writes holds (<c>extractor parse -f html</c>).</summary>
    private static readonly byte[] ReviewPageMark = "<meta name=\"generator\" content=\"extractor\">"u8.ToArray();

    private Matcher? _included;
    private Matcher? _excluded;

    /// <summary>Whether a file found under a folder is read (<paramref name="fullPath"/>: to look into an HTML file's head).</summary>
    public bool Accepts(string relativePath, string? fullPath = null)
    {
        if (Include.Count > 0)
        {
            _included ??= Build(Include);
            if (!_included.Match(relativePath).HasMatches) return false;
        }
        else if (Build(OwnOutputs).Match(relativePath).HasMatches || (fullPath is not null && IsReviewPage(fullPath)))
        {
            return false;
        }
        _excluded ??= Build(Exclude);
        return !_excluded.Match(relativePath).HasMatches;
    }

    /// <summary>An HTML file this tool wrote as a review page (its head says so): the notice again, never a notice of its own.</summary>
    private static bool IsReviewPage(string fullPath)
    {
        if (!fullPath.EndsWith(".html", StringComparison.OrdinalIgnoreCase) && !fullPath.EndsWith(".htm", StringComparison.OrdinalIgnoreCase)) return false;
        if (NoticeParser.KindOf(fullPath) != FileEntryKind.Regular) return false; // a named pipe would wait for a writer here
        try
        {
            using var stream = File.OpenRead(fullPath);
            var head = new byte[512];
            var read = stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
            return head.AsSpan(0, read).IndexOf(ReviewPageMark) >= 0;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false; // parsing it will say what is wrong
        }
    }

    private static Matcher Build(IEnumerable<string> globs)
    {
        var matcher = new Matcher(StringComparison.OrdinalIgnoreCase);
        foreach (var glob in globs)
            matcher.AddInclude(glob.Contains('/') || glob.StartsWith("**", StringComparison.Ordinal) ? glob : "**/" + glob);
        return matcher;
    }
}

/// <summary>Expands command-line paths into the files to parse, in a stable order.</summary>
internal static class InputSet
{
    /// <summary>Files whose names mark them as outputs or expectations of this tool.</summary>
    public static bool IsOwnOutput(string name) =>
        name.EndsWith(".expected.json", StringComparison.OrdinalIgnoreCase) || name.EndsWith(".tmp", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// Expands <paramref name="paths"/>: <c>-</c> for standard input; a file stands for itself (whatever its name); a folder for the files under it that
    /// <paramref name="filter"/> accepts, hidden files and folders skipped, in ordinal order of their paths. Paths that do
    /// not exist are returned in <paramref name="missing"/>, folders that cannot be listed in <paramref name="unreadable"/>.
    /// </summary>
    public static List<InputFile> Expand(IEnumerable<string> paths, InputFilter filter, out List<string> missing, out List<string> unreadable)
    {
        var files = new List<InputFile>();
        missing = [];
        unreadable = [];
        // Two arguments may name the same file: it is read once. The set holds the files themselves (their absolute
        // path made for the comparison), so a batch keeps no second copy of its paths.
        var seen = new HashSet<InputFile>(SamePath.Instance);
        foreach (var arg in paths)
        {
            if (arg == InputFile.StandardInputName)
            {
                if (seen.Add(InputFile.StandardInput)) files.Add(InputFile.StandardInput);
            }
            else if (File.Exists(arg))
            {
                var full = Path.GetFullPath(arg);
                // Named on the command line, a pipe is meant to be read; found in a folder, it is refused (regular files only).
                var stream = NoticeParser.KindOf(full) is FileEntryKind.NamedPipe or FileEntryKind.CharacterDevice;
                var file = new InputFile(full, arg.Replace('\\', '/'), Path.GetFileName(full)) { IsStream = stream };
                if (seen.Add(file)) files.Add(file);
            }
            else if (Directory.Exists(arg))
            {
                var root = Path.GetFullPath(arg);
                var folder = new InputFolder(root, Path.TrimEndingDirectorySeparator(arg).Replace('\\', '/'));
                var badNames = new HashSet<string>(StringComparer.Ordinal);
                foreach (var full in Walk(root, filter.Recursive, unreadable, badNames))
                {
                    var relative = Path.GetRelativePath(root, full).Replace(Path.DirectorySeparatorChar, '/');
                    if (!filter.Accepts(relative, full)) continue;
                    var file = new InputFile(folder, relative)
                    {
                        Problem = badNames.Contains(full) ? "its name is not valid UTF-8 (shown here with U+FFFD), so it cannot be opened: rename it" : null,
                    };
                    if (seen.Add(file)) files.Add(file);
                }
            }
            else
            {
                missing.Add(arg);
            }
        }
        return files;
    }

    /// <summary>
    /// The files under <paramref name="root"/>, hidden entries skipped. Symbolic links to folders are followed to their
    /// real folder, each real folder once, so a link loop cannot trap the walk; folders that cannot be read (or links
    /// that cannot be resolved) are reported, not thrown.
    /// </summary>
    private static List<string> Walk(string root, bool recursive, List<string> unreadable, HashSet<string> badNames)
    {
        var list = new List<string>();
        var folders = new Stack<string>();
        var visited = new HashSet<string>(StringComparer.Ordinal) { Path.TrimEndingDirectorySeparator(root) };
        folders.Push(root);
        while (folders.Count > 0 && visited.Count < 100_000)
        {
            var folder = folders.Pop();
            try
            {
                foreach (var entry in new DirectoryInfo(folder).EnumerateFileSystemInfos())
                {
                    if (entry.Name.StartsWith('.')) continue;
                    if (entry.Attributes == (FileAttributes)(-1) && entry.Name.Contains('\uFFFD'))
                    {
                        // A name that is not valid UTF-8: .NET decodes it with U+FFFD and can neither stat nor open it.
                        // Reported, never skipped in silence.
                        badNames.Add(entry.FullName);
                        list.Add(entry.FullName);
                        continue;
                    }
                    if ((entry.Attributes & (FileAttributes.Hidden | FileAttributes.System)) != 0) continue;
                    if (entry is DirectoryInfo directory)
                    {
                        if (!recursive) continue;
                        var real = directory.LinkTarget is null ? directory.FullName : RealPath(directory, unreadable);
                        if (real is not null) real = Path.TrimEndingDirectorySeparator(Path.GetFullPath(real)); // up -> ../ ends with a slash
                        if (real is not null && visited.Add(real)) folders.Push(directory.FullName);
                    }
                    else
                    {
                        list.Add(entry.FullName);
                    }
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or System.Security.SecurityException)
            {
                unreadable.Add(folder);
            }
        }
        list.Sort(StringComparer.Ordinal);
        return list;
    }

    /// <summary>Files are the same input when their absolute paths are (standard input is itself).</summary>
    private sealed class SamePath : IEqualityComparer<InputFile>
    {
        public static readonly SamePath Instance = new();

        public bool Equals(InputFile? x, InputFile? y) =>
            ReferenceEquals(x, y) || (x is not null && y is not null && x.IsStandardInput == y.IsStandardInput && string.Equals(x.FullPath, y.FullPath, StringComparison.Ordinal));

        public int GetHashCode(InputFile file) => StringComparer.Ordinal.GetHashCode(file.FullPath);
    }

    private static string? RealPath(DirectoryInfo link, List<string> unreadable)
    {
        try
        {
            return link.ResolveLinkTarget(returnFinalTarget: true)?.FullName;
        }
        catch (IOException)
        {
            unreadable.Add(link.FullName); // a loop of links, or a link to nothing
            return null;
        }
    }
}
