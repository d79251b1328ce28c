namespace Extractor.Cli.IO;

/// <summary>One file to parse: where it is, and its path relative to the argument it was found under.</summary>
/// <param name="FullPath">The absolute path.</param>
/// <param name="DisplayPath">The path as the user would write it (the argument, or the argument joined with the relative path).</param>
/// <param name="RelativePath">The path under the folder argument (the file name for a file argument), with '/' separators.</param>
internal sealed record InputFile(string FullPath, string DisplayPath, string RelativePath);

/// <summary>Expands command-line paths into the files to parse, in a stable order.</summary>
internal static class InputSet
{
    /// <summary>Files whose names mark them as outputs or expectations, never inputs.</summary>
    public static bool IsOwnOutput(string name) =>
        name.EndsWith(".expected.json", StringComparison.OrdinalIgnoreCase) || name.EndsWith(".tmp", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// Expands <paramref name="paths"/>: a file stands for itself; a folder for the files under it (recursively
    /// unless <paramref name="recursive"/> is false), skipping hidden files and folders. Paths that do not exist are
    /// returned in <paramref name="missing"/>.
    /// </summary>
    public static List<InputFile> Expand(IEnumerable<string> paths, bool recursive, Func<string, bool>? filter, out List<string> missing)
    {
        var files = new List<InputFile>();
        missing = [];
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var arg in paths)
        {
            if (File.Exists(arg))
            {
                var full = Path.GetFullPath(arg);
                if (seen.Add(full)) files.Add(new InputFile(full, arg, Path.GetFileName(full)));
            }
            else if (Directory.Exists(arg))
            {
                var root = Path.GetFullPath(arg);
                foreach (var full in Walk(root, recursive))
                {
                    var relative = Path.GetRelativePath(root, full).Replace(Path.DirectorySeparatorChar, '/');
                    if (IsOwnOutput(relative) || (filter is not null && !filter(relative)) || !seen.Add(full)) continue;
                    files.Add(new InputFile(full, Path.Join(arg, relative), relative));
                }
            }
            else
            {
                missing.Add(arg);
            }
        }
        return files;
    }

    private static List<string> Walk(string root, bool recursive)
    {
        var options = new EnumerationOptions
        {
            RecurseSubdirectories = recursive,
            AttributesToSkip = FileAttributes.Hidden | FileAttributes.System,
            IgnoreInaccessible = false,
            ReturnSpecialDirectories = false,
            MaxRecursionDepth = 64,
        };
        var list = new List<string>();
        try
        {
            foreach (var path in Directory.EnumerateFiles(root, "*", options))
                if (!Path.GetFileName(path).StartsWith('.') && !path.Contains($"{Path.DirectorySeparatorChar}.", StringComparison.Ordinal))
                    list.Add(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // An unreadable folder is reported by the caller through the files it could not list.
        }
        list.Sort(StringComparer.Ordinal);
        return list;
    }
}
