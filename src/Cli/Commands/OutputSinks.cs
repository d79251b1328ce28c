using Extractor.Cli.Batch;
using Extractor.Cli.Export.Relational;
using Extractor.Cli.IO;
using Extractor.Cli.Localization;

namespace Extractor.Cli.Commands;

/// <summary>
/// Chooses where a parse run writes, from the format and <c>-o</c>, and checks it before anything is parsed: an input
/// is never an output, a file is not a folder, an existing output is kept without <c>--force</c>.
/// </summary>
internal static class OutputSinks
{
    /// <summary>The <c>-o</c> value that names standard output.</summary>
    public const string StandardOutput = "-";

    /// <summary>What a run writes to: the sink, and the database when it is one (it knows what was loaded before).</summary>
    public sealed record Plan(IResultSink Sink, DuckDbSink? Database);

    /// <exception cref="UsageException">The request cannot be written as asked.</exception>
    /// <exception cref="AtomicFile.ExistsException">An output exists and --force was not given.</exception>
    public static Plan Create(ParseCommand.ParseRequest request, string format, List<InputFile> files, bool batch, CliConsole console)
    {
        var m = console.Text;
        var headers = request.Headers;
        var inputs = files.Select(f => f.FullPath).ToHashSet(StringComparer.Ordinal);
        string Checked(string path)
        {
            var full = Path.GetFullPath(path);
            if (inputs.Contains(full)) throw new UsageException(m.Format("IsAnInput", path));
            if (Directory.Exists(full)) throw new UsageException(m.Format("IsAFolder", path));
            return full;
        }
        string Folder(string path)
        {
            var folder = Path.GetFullPath(path);
            if (File.Exists(folder)) throw new UsageException(m.Format("IsAFile", path, files.Count));
            try
            {
                AtomicFile.CreateFolder(folder); // a folder that cannot be made fails now, before anything is parsed
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw AtomicFile.CannotWrite(folder, e);
            }
            return folder;
        }
        void Refuse(IEnumerable<string> targets)
        {
            var list = targets.ToList();
            if (list.FirstOrDefault(inputs.Contains) is { } clash) throw new UsageException(m.Format("IsAnInput", clash));
            if (!request.Force && list.Where(File.Exists).ToList() is { Count: > 0 } existing) throw new AtomicFile.ExistsException(existing[0], existing.Count - 1);
        }
        // A folder when it is one or is written as one (out/); a file when named as the format's file (one.json) — then
        // there must be one input; otherwise a folder for a batch (several files, or a folder given) and a file for one
        // file given.
        bool ToFolder(string output, string extension)
        {
            if (Directory.Exists(output) || output.EndsWith('/') || output.EndsWith(Path.DirectorySeparatorChar)) return true;
            var named = Path.GetExtension(output).ToLowerInvariant() is var e && (e == extension || (extension == ".html" && e == ".htm"));
            if (named && files.Count > 1) throw new UsageException(m.Format("OneFileManyInputs", output, files.Count));
            return !named && batch;
        }

        if (request.Append && format != "duckdb") throw new UsageException(m["AppendNeedsDuckDb"]);
        if (headers != "en" && format is not ("csv" or "xlsx" or "duckdb")) throw new UsageException(m["HeadersNeedTables"]);

        var sinks = new List<IResultSink>();
        DuckDbSink? database = null;
        var toFolder = false;
        try
        {
            var output = request.Output == StandardOutput ? null : request.Output;
            if (output is null)
            {
                if (format is "xlsx" or "duckdb") throw new UsageException(m.Format("NeedsFile", format));
                if (format == "parquet") throw new UsageException(m.Format("NeedsFolder", format));
                if (format is "json" or "html" && files.Count > 1) throw new UsageException(m.Format("ManyFilesNeedOutput", files.Count));
                sinks.Add(format == "html" ? new HtmlStdoutSink(console.Out, m) : new StdoutSink(console.Out, format, headers));
            }
            else if (format is "json" or "html")
            {
                var extension = "." + format;
                if (toFolder = ToFolder(output, extension))
                {
                    var folder = Folder(output);
                    var targets = files.Select(f => JsonDirectorySink.Target(folder, f, extension)).ToList();
                    Collisions(files, targets, m);
                    if (format == "html") targets.Add(Path.Combine(folder, HtmlDirectorySink.IndexName));
                    Refuse(targets);
                    sinks.Add(format == "json" ? new JsonDirectorySink(folder, request.Force) : new HtmlDirectorySink(folder, request.Force, m));
                }
                else
                {
                    var target = Checked(output);
                    if (!request.Force && File.Exists(target)) throw new AtomicFile.ExistsException(target);
                    sinks.Add(format == "json" ? new JsonFileSink(target, request.Force) : new HtmlFileSink(target, request.Force, m));
                }
            }
            else if (format == "parquet")
            {
                toFolder = true;
                var folder = Folder(output);
                Refuse(ParquetSink.FileNames.Select(name => Path.Combine(folder, name)));
                sinks.Add(new ParquetSink(folder, request.Force));
            }
            else
            {
                var target = Checked(output);
                switch (format)
                {
                    case "jsonl": sinks.Add(new JsonLinesFileSink(target, request.Force)); break;
                    case "csv": sinks.Add(new CsvFileSink(target, request.Force, headers)); break;
                    case "xlsx": sinks.Add(new XlsxSink(target, request.Force, headers)); break;
                    default:
                        sinks.Add(database = OpenDatabase(target, output, request, headers, m));
                        break;
                }
            }

            // The tables of xlsx, DuckDB and Parquet hold the errors themselves; other batches get an errors report.
            var report = request.Errors ?? (batch && output is not null && format is not ("xlsx" or "duckdb" or "parquet") ? DefaultErrorReport(output, toFolder) : null);
            if (report is not null && output is not null && !toFolder && Path.GetFullPath(report) == Path.GetFullPath(output))
                throw new UsageException(m.Format("IsAnOutput", report));
            if (report is not null) sinks.Add(new ErrorReportSink(Checked(report), request.Force, headers));
            return new Plan(sinks.Count == 1 ? sinks[0] : new CompositeSink(sinks), database);
        }
        catch
        {
            foreach (var sink in sinks) sink.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Opens the DuckDB output. A method of its own so that only a run writing DuckDB loads DuckDB's assemblies (the
    /// catch of its exception type would load them for every run).
    /// </summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private static DuckDbSink OpenDatabase(string target, string output, ParseCommand.ParseRequest request, string headers, Messages m)
    {
        try
        {
            return new DuckDbSink(target, request.Force, request.Append, headers);
        }
        catch (NotOurDatabaseException)
        {
            throw new UsageException(m.Format("NotOurDatabase", output));
        }
        catch (DuckDB.NET.Data.DuckDBException e)
        {
            throw new UsageException(m.Format("CannotWriteOutput", e.Message));
        }
    }

    /// <summary>
    /// Two inputs whose outputs would be the same file (the same name under two folders given), or one whose output
    /// would be a folder another's output goes into (<c>c</c> → <c>c.json</c>, <c>c.json/x.txt</c> → <c>c.json/x.txt.json</c>):
    /// found before anything is parsed, and refused whatever <c>--force</c> says.
    /// </summary>
    /// <exception cref="UsageException">Outputs collide.</exception>
    private static void Collisions(List<InputFile> files, List<string> targets, Messages m)
    {
        var owner = new Dictionary<string, InputFile>(StringComparer.Ordinal);
        for (var i = 0; i < files.Count; i++)
            if (!owner.TryAdd(targets[i], files[i]))
                throw new UsageException(m.Format("OutputCollision", owner[targets[i]].DisplayPath, files[i].DisplayPath, targets[i]));
        for (var i = 0; i < files.Count; i++)
            for (var up = Path.GetDirectoryName(targets[i]); up is not null; up = Path.GetDirectoryName(up))
                if (owner.TryGetValue(up, out var other))
                    throw new UsageException(m.Format("OutputCollision", other.DisplayPath, files[i].DisplayPath, up));
    }

    /// <summary>
    /// errors.csv in an output folder, NAME.EXT.errors.csv beside an output file: named after the whole name, so that
    /// out.csv and out.jsonl beside each other have reports of their own.
    /// </summary>
    private static string DefaultErrorReport(string output, bool toFolder) =>
        toFolder
            ? Path.Combine(output, "errors.csv")
            : Path.Combine(Path.GetDirectoryName(Path.GetFullPath(output))!, Path.GetFileName(Path.TrimEndingDirectorySeparator(output)) + ".errors.csv");
}
