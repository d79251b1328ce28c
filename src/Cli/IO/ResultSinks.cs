using System.Collections.Concurrent;
using System.Runtime.ExceptionServices;
using Extractor.Cli.Batch;
using Extractor.Cli.Export;
using Extractor.Parsing;

namespace Extractor.Cli.IO;

/// <summary>Where the outcomes of a run go, in input order.</summary>
internal interface IResultSink : IDisposable
{
    /// <summary>Takes one outcome (a notice, or an error); outcomes come one at a time, in input order.</summary>
    void Write(FileOutcome outcome);

    /// <summary>
    /// Writes what of <paramref name="outcome"/> does not depend on the order of the batch, as soon as it is parsed and on
    /// the parsing thread (several at once): a file of its own. <see cref="Write"/> still comes for it, in input order,
    /// and reports a failure of this early write then. Most sinks write everything in order and do nothing here.
    /// </summary>
    void WriteEarly(FileOutcome outcome) { }

    /// <summary>Called once after the last outcome when the run was not aborted: files are committed here.</summary>
    void Complete();
}

/// <summary>Prints to stdout: one notice's JSON, JSON Lines, or CSV rows (without a byte-order mark) with headers in <paramref name="headers"/>.</summary>
internal sealed class StdoutSink(TextWriter output, string format, string headers = "en") : IResultSink
{
    private CsvTable? _csv;

    public void Write(FileOutcome outcome)
    {
        if (!outcome.Parsed) return;
        switch (format)
        {
            case "jsonl": output.Write(outcome.Json(indented: false) + "\n"); break;
            case "csv":
                _csv ??= new CsvTable(output, Tables.Items, headers);
                foreach (var row in Tables.ItemRows(outcome)) _csv.Write(row);
                break;
            default: output.Write(outcome.Json(indented: true)); break;
        }
    }

    public void Complete()
    {
        if (format == "csv") (_csv ??= new CsvTable(output, Tables.Items, headers)).Flush();
        output.Flush();
    }

    public void Dispose() => _csv?.Dispose();
}

/// <summary>Writes one notice's JSON to a file.</summary>
internal sealed class JsonFileSink(string path, bool force) : IResultSink
{
    public void Write(FileOutcome outcome)
    {
        if (outcome.Json(indented: true) is { } json) AtomicFile.WriteAllText(path, json, force);
    }

    public void Complete() { }

    public void Dispose() { }
}

/// <summary>
/// Writes one JSON file per notice under a folder, mirroring the input tree: <c>DIR/REL/NAME.EXT.json</c>. Each file is
/// renamed into place whole; they are made durable together when the batch completes (<see cref="Durability"/>).
/// </summary>
internal sealed class JsonDirectorySink(string directory, bool force) : IResultSink
{
    /// <summary>Files written early, until their turn in input order comes: null, or why the write failed.</summary>
    private readonly ConcurrentDictionary<InputFile, Exception?> _early = new(ReferenceEqualityComparer.Instance);

    /// <summary>Each notice's file is its own: it is written on the parsing thread, so that writing runs in parallel too.</summary>
    public void WriteEarly(FileOutcome outcome)
    {
        if (outcome.Json(indented: true) is not { } json) return;
        try
        {
            AtomicFile.WriteAllText(Target(directory, outcome.File), json, force, durable: false);
            _early[outcome.File] = null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            _early[outcome.File] = e;
        }
    }

    public void Write(FileOutcome outcome)
    {
        if (_early.TryRemove(outcome.File, out var failure))
        {
            if (failure is not null) ExceptionDispatchInfo.Throw(failure);
            return;
        }
        if (outcome.Json(indented: true) is { } json) AtomicFile.WriteAllText(Target(directory, outcome.File), json, force, durable: false);
    }

    public void Complete() => Durability.SyncFileSystem(directory);

    public void Dispose() { }

    /// <summary>The output path for <paramref name="input"/> under <paramref name="root"/> (its relative path and <paramref name="extension"/>); never outside it.</summary>
    public static string Target(string root, InputFile input, string extension = ".json")
    {
        var full = Path.GetFullPath(Path.Join(root, input.RelativePath + extension));
        var prefix = Path.TrimEndingDirectorySeparator(Path.GetFullPath(root)) + Path.DirectorySeparatorChar;
        if (!full.StartsWith(prefix, StringComparison.Ordinal))
            throw new IOException($"the output path for {input.RelativePath} would fall outside {root}");
        return full;
    }
}

/// <summary>A text output file (JSON Lines, CSV) written to a temporary file and committed when the run completes.</summary>
internal abstract class TextFileSink : IResultSink
{
    private readonly AtomicFile _file;
    private readonly FileStream _stream;

    protected TextFileSink(string path, bool force, System.Text.Encoding encoding)
    {
        _file = AtomicFile.Begin(path, force);
        _stream = _file.OpenWrite();
        Writer = new StreamWriter(_stream, encoding) { NewLine = "\n" };
    }

    protected StreamWriter Writer { get; }

    public abstract void Write(FileOutcome outcome);

    /// <summary>Finishes what the sink writes on top of <see cref="Writer"/>, before the file is committed.</summary>
    protected virtual void Finish() { }

    public void Complete()
    {
        try
        {
            Finish();
            Writer.Flush();
            _stream.Flush(flushToDisk: true);
            Writer.Dispose();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw AtomicFile.CannotWrite(_file.Path, e); // a full disk: Dispose removes the temporary file
        }
        _file.Commit();
    }

    public void Dispose()
    {
        try
        {
            Finish();
            Writer.Dispose();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ObjectDisposedException)
        {
            // what could not be flushed is thrown away with the temporary file
            _stream.Dispose();
        }
        finally
        {
            _file.Dispose();
        }
    }
}

/// <summary>JSON Lines: one notice per line.</summary>
internal sealed class JsonLinesFileSink(string path, bool force) : TextFileSink(path, force, new System.Text.UTF8Encoding(false))
{
    public override void Write(FileOutcome outcome)
    {
        if (outcome.Json(indented: false) is { } json) Writer.Write(json + "\n");
    }
}

/// <summary>CSV, one row per item, UTF-8 with a byte-order mark so that Excel reads the Chinese right.</summary>
internal sealed class CsvFileSink : TextFileSink
{
    private readonly CsvTable _table;

    public CsvFileSink(string path, bool force, string headers = "en") : base(path, force, CsvTable.ExcelUtf8) =>
        _table = new CsvTable(Writer, Tables.Items, headers);

    public override void Write(FileOutcome outcome)
    {
        foreach (var row in Tables.ItemRows(outcome)) _table.Write(row);
    }

    protected override void Finish() => _table.Dispose();
}

/// <summary>The errors report: one CSV row per file that could not be parsed.</summary>
internal sealed class ErrorReportSink : TextFileSink
{
    private readonly CsvTable _table;

    public ErrorReportSink(string path, bool force, string headers = "en") : base(path, force, CsvTable.ExcelUtf8) =>
        _table = new CsvTable(Writer, Tables.Errors, headers);

    public override void Write(FileOutcome outcome)
    {
        if (outcome.Error is not null) _table.Write(Tables.ErrorRow(outcome));
    }

    protected override void Finish() => _table.Dispose();
}

/// <summary>An Excel workbook with Notices, Items and Errors sheets (通报, 问题, 错误 with Chinese headers).</summary>
internal sealed class XlsxSink : IResultSink
{
    private readonly string _path;
    private readonly bool _force;
    private readonly XlsxWorkbook _workbook;
    private readonly int _notices, _items, _errors;

    public XlsxSink(string path, bool force, string headers = "en")
    {
        if (!force && File.Exists(path)) throw new AtomicFile.ExistsException(path);
        (_path, _force) = (path, force);
        var directory = Path.GetDirectoryName(Path.GetFullPath(path))!;
        Directory.CreateDirectory(directory);
        _workbook = new XlsxWorkbook(directory);
        var zh = headers == "zh";
        _notices = _workbook.AddSheet(zh ? "通报" : "Notices", Tables.Notices, headers);
        _items = _workbook.AddSheet(zh ? "问题" : "Items", Tables.Items, headers);
        _errors = _workbook.AddSheet(zh ? "错误" : "Errors", Tables.Errors, headers);
    }

    public void Write(FileOutcome outcome)
    {
        if (!outcome.Parsed)
        {
            _workbook.Write(_errors, Tables.ErrorRow(outcome));
            return;
        }
        _workbook.Write(_notices, Tables.NoticeRow(outcome));
        foreach (var row in Tables.ItemRows(outcome)) _workbook.Write(_items, row);
    }

    public void Complete() => AtomicFile.Write(_path, _force, _workbook.Save);

    public void Dispose() => _workbook.Dispose();
}

/// <summary>Several sinks as one.</summary>
internal sealed class CompositeSink(IReadOnlyList<IResultSink> sinks) : IResultSink
{
    public void Write(FileOutcome outcome)
    {
        foreach (var sink in sinks) sink.Write(outcome);
    }

    public void WriteEarly(FileOutcome outcome)
    {
        foreach (var sink in sinks) sink.WriteEarly(outcome);
    }

    public void Complete()
    {
        foreach (var sink in sinks) sink.Complete();
    }

    public void Dispose()
    {
        foreach (var sink in sinks) sink.Dispose();
    }
}
