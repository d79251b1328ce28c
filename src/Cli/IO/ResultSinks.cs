using Extractor.Cli.Commands;
using Extractor.Parsing;

namespace Extractor.Cli.IO;

/// <summary>Where parsed notices go.</summary>
internal interface IResultSink : IDisposable
{
    /// <summary>Writes one notice.</summary>
    void Write(InputFile input, Notice notice);

    /// <summary>Called once after the last notice, before disposal, when the run was not aborted.</summary>
    void Complete();
}

/// <summary>Prints JSON (one notice) or JSON Lines to stdout.</summary>
internal sealed class StdoutSink(TextWriter output, string format) : IResultSink
{
    public void Write(InputFile input, Notice notice)
    {
        if (format == "jsonl") output.WriteLine(NoticeJson.SerializeLine(notice));
        else output.Write(NoticeJson.Serialize(notice));
    }

    public void Complete() => output.Flush();

    public void Dispose() { }
}

/// <summary>Writes one notice's JSON to a file.</summary>
internal sealed class JsonFileSink(string path, bool force) : IResultSink
{
    public void Write(InputFile input, Notice notice) => AtomicFile.WriteAllText(path, NoticeJson.Serialize(notice), force);

    public void Complete() { }

    public void Dispose() { }
}

/// <summary>Writes one JSON file per notice under a folder, mirroring the input tree: <c>DIR/REL/NAME.EXT.json</c>.</summary>
internal sealed class JsonDirectorySink(string directory, bool force, IReadOnlySet<string> inputs) : IResultSink
{
    public void Write(InputFile input, Notice notice)
    {
        var target = OutputPath(directory, input.RelativePath + ".json");
        if (inputs.Contains(target)) throw new IOException($"{target} is one of the inputs; it will not be overwritten");
        AtomicFile.WriteAllText(target, NoticeJson.Serialize(notice), force);
    }

    public void Complete() { }

    public void Dispose() { }

    /// <summary>The full path of <paramref name="relative"/> under <paramref name="root"/>; never outside it.</summary>
    public static string OutputPath(string root, string relative)
    {
        var full = Path.GetFullPath(Path.Join(root, relative));
        var prefix = Path.TrimEndingDirectorySeparator(Path.GetFullPath(root)) + Path.DirectorySeparatorChar;
        if (!full.StartsWith(prefix, StringComparison.Ordinal))
            throw new IOException($"the output path for {relative} would fall outside {root}");
        return full;
    }
}

/// <summary>Writes JSON Lines to one file, atomically when the run completes.</summary>
internal sealed class JsonLinesFileSink : IResultSink
{
    private readonly string _path;
    private readonly bool _force;
    private readonly string _temp;
    private readonly StreamWriter _writer;
    private bool _completed;

    public JsonLinesFileSink(string path, bool force)
    {
        if (!force && File.Exists(path)) throw new UsageException($"{path} exists; pass --force to replace it");
        _path = path;
        _force = force;
        var directory = Path.GetDirectoryName(path)!;
        Directory.CreateDirectory(directory);
        _temp = Path.Combine(directory, $".{Path.GetFileName(path)}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp");
        _writer = new StreamWriter(new FileStream(_temp, FileMode.CreateNew, FileAccess.Write), new System.Text.UTF8Encoding(false)) { NewLine = "\n" };
    }

    public void Write(InputFile input, Notice notice) => _writer.WriteLine(NoticeJson.SerializeLine(notice));

    public void Complete()
    {
        _writer.Flush();
        _writer.BaseStream.Flush();
        _writer.Dispose();
        File.Move(_temp, _path, _force);
        _completed = true;
    }

    public void Dispose()
    {
        _writer.Dispose();
        if (!_completed && File.Exists(_temp)) File.Delete(_temp);
    }
}
