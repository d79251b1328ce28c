using System.CommandLine;
using System.Globalization;
using System.Text;
using Extractor.Cli.Batch;
using Extractor.Cli.Dedup;
using Extractor.Cli.IO;
using Extractor.Cli.Localization;
using Extractor.Parsing;
using Extractor.Parsing.Readers.Ocr;
using Extractor.Parsing.Rules;

namespace Extractor.Cli.Commands;

/// <summary><c>extractor parse</c>: parse files and folders of notices into JSON, JSON Lines, CSV, Excel, review pages, DuckDB or Parquet.</summary>
internal static class ParseCommand
{
    private static readonly string[] Formats = ["json", "jsonl", "csv", "xlsx", "html", "duckdb", "parquet"];

    public static Command Build(CliConsole console)
    {
        var paths = new Argument<string[]>("paths")
        {
            Description = "Files and folders of notices (TXT, HTML, MHTML, DOCX, Word 2003 XML, XLSX, XLS, PDF, scans and images by OCR; "
                + "the format is read from the content); - reads standard input.",
            Arity = ArgumentArity.OneOrMore,
        };
        var output = new Option<string?>("--output", "-o")
        {
            Description = "Where to write. json, html: a file for one input, else a folder mirroring the inputs (NAME.EXT.json or .html each; "
                + "html adds index.html). jsonl, csv, xlsx, duckdb: a file. parquet: a folder. Omit to print to stdout (json or html for one input; "
                + "jsonl; csv), or give -. An existing file is kept unless --force.",
            HelpName = "FILE|DIR",
        };
        var format = new Option<string?>("--format", "-f")
        {
            Description = "json (one document per notice), jsonl (one notice per line), csv (one row per problem, UTF-8 with BOM), "
                + "xlsx (Notices, Items and Errors sheets), html (a review page per notice: the text with everything found highlighted, "
                + "and an index for a batch), duckdb (a database of notices, sections, items, measures, fields, warnings, stats, errors), "
                + "parquet (the same tables as Parquet files). Default: from the -o extension (.jsonl .csv .xlsx .html .duckdb), else json.",
            HelpName = "json|jsonl|csv|xlsx|html|duckdb|parquet",
        };
        format.AcceptOnlyFromAmong(StringComparer.OrdinalIgnoreCase, Formats);
        var recursive = new Option<bool>("--recursive", "-r")
        {
            Description = "Walk sub-folders (--recursive false reads only the folders given).",
            DefaultValueFactory = _ => true,
        };
        var include = new Option<string[]>("--include")
        {
            Description = "Read only files under the folders whose path matches this glob (repeatable): '*.pdf', '2023/**/*.html'.",
            HelpName = "GLOB",
            AllowMultipleArgumentsPerToken = false,
        };
        var exclude = new Option<string[]>("--exclude")
        {
            Description = "Skip files under the folders whose path matches this glob (repeatable). Without --include, the tool's own "
                + "outputs (*.json, *.jsonl, *.csv, *.xlsx, *.duckdb, *.parquet, its review pages) are skipped.",
            HelpName = "GLOB",
        };
        var jobs = new Option<int>("--jobs", "-j")
        {
            Description = "Files parsed at once; the default is the number of cores. Output order is the input order whatever this is.",
            DefaultValueFactory = _ => Environment.ProcessorCount,
            HelpName = "N",
        };
        var quiet = new Option<bool>("--quiet", "-q") { Description = "No progress bar and no summary; errors are still printed." };
        var errors = new Option<string?>("--errors")
        {
            Description = "Write the errors report (CSV: file, reason) here. Default for a batch written to -o: errors.csv in the output "
                + "folder, or NAME.errors.csv beside the output file; xlsx has an Errors sheet and duckdb and parquet an errors table instead.",
            HelpName = "FILE",
        };
        var timeout = new Option<double>("--timeout")
        {
            Description = "Seconds one file may take before it is reported as timed out and the batch moves on (0: no limit).",
            DefaultValueFactory = _ => 60,
            HelpName = "SECONDS",
        };
        var force = new Option<bool>("--force") { Description = "Replace output files that exist (an input is never overwritten)." };
        var isolate = new Option<string>("--isolate")
        {
            Description = "Parse these files in worker processes, so that a reader crash on a damaged file costs that file only "
                + "and a file over --timeout is stopped: pdf (the default), all or none.",
            DefaultValueFactory = _ => "pdf",
            HelpName = "pdf|all|none",
        };
        isolate.AcceptOnlyFromAmong(StringComparer.OrdinalIgnoreCase, "pdf", "all", "none");
        var headers = new Option<string>("--headers")
        {
            Description = "Column names of csv and xlsx, and of the duckdb views NAME_zh: en (the JSON contract's: problem, status…) "
                + "or zh (问题, 整改情况, 整改状态…).",
            DefaultValueFactory = _ => "en",
            HelpName = "en|zh",
        };
        headers.AcceptOnlyFromAmong(StringComparer.OrdinalIgnoreCase, "en", "zh");
        var append = new Option<bool>("--append")
        {
            Description = "Add to an existing DuckDB database (-o FILE.duckdb) in one transaction; a file whose content is already in it "
                + "is not loaded again.",
        };
        var reader = new ReaderOptions();
        var ocr = new OcrOptionsCli();
        var command = new Command("parse", """
            Parse notices into structured data.

            Examples:
              extractor parse 通报.pdf                           print one notice's JSON
              extractor parse notices/ -o out/                   a JSON file per notice under out/, and out/errors.csv
              extractor parse notices/ -o all.xlsx               one workbook: Notices, Items, Errors
              extractor parse notices/ -o items.csv --include '*.pdf' --jobs 4
              extractor parse notices/ -f html -o review/        a review page per notice, and review/index.html
              extractor parse notices/ -o notices.duckdb         a DuckDB database (--append adds a later batch)
              extractor parse notices/ -f parquet -o tables/     the same tables as Parquet files
            Exit codes: 0 every file parsed; 1 a file could not be parsed or written; 2 bad usage.
            """)
        {
            paths, output, format, recursive, include, exclude, jobs, quiet, errors, timeout, force, isolate, headers, append,
        };
        foreach (var option in reader.All) command.Add(option);
        foreach (var option in ocr.All) command.Add(option);
        command.SetAction((result, cancellation) =>
        {
            var (encoding, rules, limits) = reader.Read(result);
            return RunAsync(new ParseRequest(
                result.GetValue(paths) ?? [],
                result.GetValue(output),
                result.GetValue(format)?.ToLowerInvariant(),
                encoding,
                rules,
                result.GetValue(force),
                result.GetValue(recursive),
                result.GetValue(include) ?? [],
                result.GetValue(exclude) ?? [],
                result.GetValue(jobs),
                result.GetValue(quiet),
                result.GetValue(errors),
                result.GetValue(timeout),
                limits,
                (result.GetValue(isolate) ?? "pdf").ToLowerInvariant(),
                (result.GetValue(headers) ?? "en").ToLowerInvariant(),
                result.GetValue(append),
                ocr.Read(result)), console, cancellation);
        });
        return command;
    }

    internal sealed record ParseRequest(
        string[] Paths, string? Output, string? Format, string? Encoding, FileInfo? Rules, bool Force,
        bool Recursive = true, string[]? Include = null, string[]? Exclude = null, int Jobs = 1, bool Quiet = false,
        string? Errors = null, double Timeout = 60, ParserLimits? Limits = null, string Isolate = "none", string Headers = "en",
        bool Append = false, OcrOptions? Ocr = null);

    internal static async Task<int> RunAsync(ParseRequest request, CliConsole console, CancellationToken cancellation)
    {
        var m = console.Text;
        if (request.Limits is { } l && (l.MaxInputBytes < 1 || l.MaxDecompressedBytes < 1 || l.MaxPages < 1 || l.MaxDepth < 1))
            return Usage(console, m["LimitsAtLeastOne"]);
        if (request.Jobs < 1) return Usage(console, m["JobsAtLeastOne"]);
        // Pages are recognised within the job limit, across this process and its workers (lock files in a folder of the run's own).
        using var slots = request.Isolate == "none" ? null : new TemporaryFolder("extractor-ocr-slots-");
        var ocr = (request.Ocr ?? OcrOptions.Default) with { Parallelism = request.Jobs, SlotDirectory = slots?.Path };
        if (!TryCreateParser(request.Encoding, request.Rules, console, out var parser, request.Limits, ocr)) return ExitCodes.Usage;
        if (request.Timeout < 0) return Usage(console, m["TimeoutNotNegative"]);
        var format = request.Format ?? FormatOf(request.Output) ?? "json";

        var filter = new InputFilter(request.Recursive, request.Include ?? [], request.Exclude ?? []);
        var files = InputSet.Expand(request.Paths, filter, out var missing, out var unreadable);
        foreach (var path in missing) console.Error.WriteLine("extractor: " + m.Format("NoSuchPath", path));
        foreach (var path in unreadable) console.Error.WriteLine("extractor: " + m.Format("FolderUnreadable", path));
        if (files.Count == 0)
        {
            if (missing.Count == 0) console.Error.WriteLine("extractor: " + m.Format("NoFiles", string.Join(", ", request.Paths)));
            return ExitCodes.Failed;
        }
        var batch = files.Count > 1 || request.Paths.Any(Directory.Exists);
        if (request.Format is null && request.Output is { } named && named != OutputSinks.StandardOutput && UnknownExtension(named) is { } extension
            && !files.Any(f => f.FullPath == Path.GetFullPath(named)))
            return Usage(console, m.Format("UnknownOutputExtension", named, extension));

        OutputSinks.Plan plan;
        try
        {
            plan = OutputSinks.Create(request, format, files, batch, console);
        }
        catch (UsageException e)
        {
            return Usage(console, e.Message);
        }
        catch (AtomicFile.ExistsException e)
        {
            console.Error.WriteLine("extractor: " + e.Describe(m));
            return ExitCodes.Failed;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A folder that cannot be created or written, a path through a file: nothing has been parsed or written.
            console.Error.WriteLine("extractor: " + m.Format("CannotWriteOutput", AtomicFile.Reason(e)));
            return ExitCodes.Failed;
        }

        var writeFailures = 0;
        var copies = 0;
        BatchSummary summary;
        var sink = plan.Sink;
        using (sink)
        {
            var timeLimit = request.Timeout > 0 ? TimeSpan.FromSeconds(request.Timeout) : (TimeSpan?)null;
            // Workers answer with the JSON the output will hold, written out as it is; tables need the notice itself.
            using var pool = request.Isolate == "none" ? null
                : new WorkerPool([WorkerCommand.Name, .. ReaderOptions.Arguments(request.Encoding, request.Rules, request.Limits ?? new ParserLimits()),
                    .. OcrOptionsCli.Arguments(ocr)],
                    request.Jobs, timeLimit, indented: format == "json");
            // Workers start while the first files are read when the names say there are PDFs (the content decides which go to them).
            pool?.Warm(request.Isolate == "all" ? files.Count : files.Count(f => f.FullPath.EndsWith(".pdf", StringComparison.OrdinalIgnoreCase)));
            var runner = new BatchRunner(parser, request.Jobs, timeLimit, pool, request.Isolate == "all" ? _ => true : f => f == InputFormat.Pdf,
                withText: format == "html", withHash: format is "duckdb" or "parquet", openInput: console.OpenInput,
                // JSON and JSON Lines outputs write only the notice's JSON: it is made on the parsing threads, and a
                // notice's own file in a folder of JSON files is written there too.
                prepare: format switch
                {
                    "json" => o =>
                    {
                        o = o.Serialize(indented: true);
                        sink.WriteEarly(o);
                        return o;
                    },
                    "jsonl" => o => o.Serialize(indented: false),
                    _ => null,
                });
            // Copies are looked for across the batch (and what a database held before); a single file has nothing to copy.
            var copiesOf = batch ? new DuplicateFinder() : null;
            if (copiesOf is not null) plan.Database?.Seed(copiesOf);
            // Paths that could not be read go in the errors report too, not only on stderr.
            foreach (var (path, key) in missing.Select(p => (p, "NoSuchPath")).Concat(unreadable.Select(p => (p, "FolderUnreadable"))))
            {
                var reason = m.Format(key, "").TrimStart(':', '：', ' ');
                try
                {
                    sink.Write(new FileOutcome(new InputFile(Path.GetFullPath(path), path.Replace('\\', '/'), Path.GetFileName(path)), null, reason));
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    writeFailures++;
                }
            }
            IBatchProgress progress = batch && !request.Quiet && console.ErrorIsTerminal
                ? new BarProgress(console.Error, m)
                : new PlainProgress(console.Error, m);
            summary = await progress.RunAsync(files.Count, (report, tick) => runner.RunAsync(files, outcome =>
            {
                if (copiesOf is not null && outcome.Fingerprint is { } fingerprint
                    && copiesOf.Check(fingerprint, outcome.File.DisplayPath, outcome.ContentHash) is { } original)
                {
                    outcome = outcome with { DuplicateOf = original };
                    copies++;
                }
                try
                {
                    sink.Write(outcome);
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    writeFailures++;
                    outcome = outcome.Failed($"cannot write its output: {e.Message}");
                    try
                    {
                        // The failure is the file's: it goes in the errors report (and an output's errors table) too.
                        sink.Write(outcome);
                    }
                    catch (Exception again) when (again is IOException or UnauthorizedAccessException)
                    {
                        // the reports cannot be written either: stderr and the exit code still say it
                    }
                }
                report(outcome);
                return Task.CompletedTask;
            }, cancellation, finished: _ => tick())).ConfigureAwait(false);
            try
            {
                sink.Complete();
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                // Whatever fails while the outputs are committed, nothing half-written is left: the temporary files go,
                // and a database's transaction is rolled back.
                console.Error.WriteLine("extractor: " + m.Format("CannotWriteOutput", e.Message));
                return ExitCodes.Failed;
            }
        }
        if (batch && !request.Quiet) console.Error.WriteLine("extractor: " + Describe(summary, writeFailures, copies, plan.Database?.AlreadyLoaded ?? 0, m));
        if (cancellation.IsCancellationRequested)
        {
            // What had finished is written, with the errors report; the rest is left for another run.
            console.Error.WriteLine("extractor: " + m.Format("Cancelled", summary.NotDone, summary.Files));
            return ExitCodes.Cancelled;
        }
        return summary.Failed + writeFailures + missing.Count + unreadable.Count > 0 ? ExitCodes.Failed : ExitCodes.Ok;
    }

    private static int Usage(CliConsole console, string message)
    {
        console.Error.WriteLine($"extractor: {message}");
        return ExitCodes.Usage;
    }

    /// <summary>An extension of <paramref name="output"/> that names a format this tool does not write (<c>.yaml</c>), or null.</summary>
    private static string? UnknownExtension(string output)
    {
        var extension = Path.GetExtension(Path.TrimEndingDirectorySeparator(output));
        if (extension.Length < 2 || output.EndsWith('/') || Directory.Exists(output) || !extension[1..].All(char.IsAsciiLetter)) return null;
        return FormatOf(output) is null && extension.ToLowerInvariant() is not (".json" or ".parquet") ? extension : null;
    }

    private static string? FormatOf(string? output) => Path.GetExtension(output ?? "").ToLowerInvariant() switch
    {
        ".jsonl" or ".ndjson" => "jsonl",
        ".csv" => "csv",
        ".xlsx" => "xlsx",
        ".html" or ".htm" => "html",
        ".duckdb" => "duckdb",
        _ => null,
    };

    private static string Describe(BatchSummary s, int writeFailures, int copies, int alreadyLoaded, Messages m)
    {
        var seconds = Math.Max(s.Elapsed.TotalSeconds, 0.001);
        var c = CultureInfo.InvariantCulture;
        var line = m.Format("Summary", s.Files, seconds.ToString("0.0", c), (s.Files / seconds).ToString("0.#", c), s.Parsed - writeFailures,
            s.WithWarnings, s.Failed + writeFailures, s.Items.ToString("N0", c), (s.Items / seconds).ToString("0", c));
        if (s.Empty > 0) line += m.Format("SummaryEmpty", s.Empty);
        if (s.NotDone > 0) line += m.Format("SummaryNotDone", s.NotDone);
        if (copies > 0) line += m.Format("SummaryDuplicates", copies);
        if (alreadyLoaded > 0) line += m.Format("SummaryAlreadyLoaded", alreadyLoaded);
        return line;
    }

    internal static bool TryCreateParser(string? encodingName, FileInfo? rulesFile, CliConsole console, out NoticeParser parser, ParserLimits? limits = null,
        OcrOptions? ocr = null)
    {
        parser = null!;
        Encoding? encoding = null;
        if (encodingName is not null)
        {
            Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
            try
            {
                encoding = Encoding.GetEncoding(encodingName, EncoderFallback.ReplacementFallback, DecoderFallback.ReplacementFallback);
            }
            catch (ArgumentException)
            {
                console.Error.WriteLine("extractor: " + console.Text.Format("EncodingUnknown", encodingName));
                return false;
            }
        }
        RuleSet? rules = null;
        if (rulesFile is not null)
        {
            try
            {
                rules = RuleSetLoader.Load(File.ReadAllText(rulesFile.FullName), rulesFile.Name);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                console.Error.WriteLine("extractor: " + console.Text.Format("RulesUnreadable", rulesFile, e.Message));
                return false;
            }
            catch (RuleSetException e)
            {
                console.Error.WriteLine("extractor: " + console.Text.Format("RulesInvalid", e.Message));
                return false;
            }
        }
        parser = new NoticeParser(new ParserOptions { Encoding = encoding, Rules = rules, Limits = limits ?? new ParserLimits(), Ocr = ocr ?? OcrOptions.Default });
        return true;
    }
}

/// <summary>A folder of the run's own under the temporary folder, deleted with what it holds when disposed.</summary>
internal sealed class TemporaryFolder : IDisposable
{
    public TemporaryFolder(string prefix) => Directory.CreateDirectory(Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), prefix + Guid.NewGuid().ToString("N")));

    public string Path { get; }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // a lock file still held by a worker that is being killed: left for the system's temporary-file cleaning
        }
    }
}

/// <summary>A usage mistake found after parsing the command line (exit code 2).</summary>
internal sealed class UsageException(string message) : Exception(message);
