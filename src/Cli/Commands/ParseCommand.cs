using System.CommandLine;
using System.Globalization;
using System.Text;
using Extractor.Cli.Batch;
using Extractor.Cli.IO;
using Extractor.Parsing;
using Extractor.Parsing.Rules;

namespace Extractor.Cli.Commands;

/// <summary><c>extractor parse</c>: parse files and folders of notices into JSON, JSON Lines, CSV or Excel.</summary>
internal static class ParseCommand
{
    private static readonly string[] Formats = ["json", "jsonl", "csv", "xlsx"];

    public static Command Build(CliConsole console)
    {
        var paths = new Argument<string[]>("paths")
        {
            Description = "Files and folders of notices (TXT, HTML, MHTML, DOCX, Word 2003 XML, XLSX, XLS, PDF; the format is read from the content).",
            Arity = ArgumentArity.OneOrMore,
        };
        var output = new Option<string?>("--output", "-o")
        {
            Description = "Where to write. json: a file for one input, else a folder mirroring the inputs (NAME.EXT.json each). "
                + "jsonl, csv, xlsx: a file. Omit to print to stdout (json for one input; jsonl; csv). An existing file is kept unless --force.",
            HelpName = "FILE|DIR",
        };
        var format = new Option<string?>("--format", "-f")
        {
            Description = "json (one document per notice), jsonl (one notice per line), csv (one row per problem, UTF-8 with BOM), "
                + "xlsx (Notices, Items and Errors sheets). Default: from the -o extension, else json.",
            HelpName = "json|jsonl|csv|xlsx",
        };
        format.AcceptOnlyFromAmong(Formats);
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
                + "outputs (*.json, *.jsonl, *.csv, *.xlsx) are skipped.",
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
                + "folder, or NAME.errors.csv beside the output file; xlsx has an Errors sheet instead.",
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
        isolate.AcceptOnlyFromAmong("pdf", "all", "none");
        var reader = new ReaderOptions();
        var command = new Command("parse", """
            Parse notices into structured data.

            Examples:
              extractor parse 通报.pdf                           print one notice's JSON
              extractor parse notices/ -o out/                   a JSON file per notice under out/, and out/errors.csv
              extractor parse notices/ -o all.xlsx               one workbook: Notices, Items, Errors
              extractor parse notices/ -o items.csv --include '*.pdf' --jobs 4
            Exit codes: 0 every file parsed; 1 a file could not be parsed or written; 2 bad usage.
            """)
        {
            paths, output, format, recursive, include, exclude, jobs, quiet, errors, timeout, force, isolate,
        };
        foreach (var option in reader.All) command.Add(option);
        command.SetAction((result, cancellation) =>
        {
            var (encoding, rules, limits) = reader.Read(result);
            return RunAsync(new ParseRequest(
                result.GetValue(paths) ?? [],
                result.GetValue(output),
                result.GetValue(format),
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
                result.GetValue(isolate) ?? "pdf"), console, cancellation);
        });
        return command;
    }

    internal sealed record ParseRequest(
        string[] Paths, string? Output, string? Format, string? Encoding, FileInfo? Rules, bool Force,
        bool Recursive = true, string[]? Include = null, string[]? Exclude = null, int Jobs = 1, bool Quiet = false,
        string? Errors = null, double Timeout = 60, ParserLimits? Limits = null, string Isolate = "none");

    internal static async Task<int> RunAsync(ParseRequest request, CliConsole console, CancellationToken cancellation)
    {
        if (request.Limits is { } l && (l.MaxInputBytes < 1 || l.MaxDecompressedBytes < 1 || l.MaxPages < 1 || l.MaxDepth < 1))
            return Usage(console, "--max-size, --max-unzipped, --max-pages and --max-depth must be at least 1");
        if (!TryCreateParser(request.Encoding, request.Rules, console, out var parser, request.Limits)) return ExitCodes.Usage;
        if (request.Jobs < 1) return Usage(console, "--jobs must be at least 1");
        if (request.Timeout < 0) return Usage(console, "--timeout must not be negative");
        var format = request.Format ?? FormatOf(request.Output) ?? "json";

        var filter = new InputFilter(request.Recursive, request.Include ?? [], request.Exclude ?? []);
        var files = InputSet.Expand(request.Paths, filter, out var missing, out var unreadable);
        foreach (var path in missing) console.Error.WriteLine($"extractor: {path}: no such file or folder");
        foreach (var path in unreadable) console.Error.WriteLine($"extractor: {path}: the folder cannot be read");
        if (files.Count == 0)
        {
            if (missing.Count == 0) console.Error.WriteLine($"extractor: no files to parse in {string.Join(", ", request.Paths)}");
            return ExitCodes.Failed;
        }
        var batch = files.Count > 1 || request.Paths.Any(Directory.Exists);

        IResultSink sink;
        try
        {
            sink = CreateSink(request, format, files, batch, console.Out);
        }
        catch (UsageException e)
        {
            return Usage(console, e.Message);
        }
        catch (AtomicFile.ExistsException e)
        {
            console.Error.WriteLine($"extractor: {e.Message}");
            return ExitCodes.Failed;
        }

        var writeFailures = 0;
        BatchSummary summary;
        using (sink)
        {
            var timeLimit = request.Timeout > 0 ? TimeSpan.FromSeconds(request.Timeout) : (TimeSpan?)null;
            // Workers answer with the JSON the output will hold, written out as it is; tables need the notice itself.
            using var pool = request.Isolate == "none" ? null
                : new WorkerPool([WorkerCommand.Name, .. ReaderOptions.Arguments(request.Encoding, request.Rules, request.Limits ?? new ParserLimits())],
                    request.Jobs, timeLimit, indented: format == "json");
            var runner = new BatchRunner(parser, request.Jobs, timeLimit, pool, request.Isolate == "all" ? _ => true : f => f == InputFormat.Pdf);
            IBatchProgress progress = batch && !request.Quiet && console.ErrorIsTerminal
                ? new BarProgress(console.Error)
                : new PlainProgress(console.Error);
            summary = await progress.RunAsync(files.Count, report => runner.RunAsync(files, outcome =>
            {
                try
                {
                    sink.Write(outcome);
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    writeFailures++;
                    outcome = outcome.Failed($"cannot write its output: {e.Message}");
                }
                report(outcome);
                return Task.CompletedTask;
            }, cancellation)).ConfigureAwait(false);
            try
            {
                sink.Complete();
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                // Whatever fails while the outputs are committed, nothing half-written is left: the temporary files go.
                console.Error.WriteLine($"extractor: cannot write the output: {e.Message}");
                return ExitCodes.Failed;
            }
        }
        if (batch && !request.Quiet) console.Error.WriteLine(Describe(summary, writeFailures));
        return summary.Failed + writeFailures + missing.Count + unreadable.Count > 0 ? ExitCodes.Failed : ExitCodes.Ok;
    }

    private static int Usage(CliConsole console, string message)
    {
        console.Error.WriteLine($"extractor: {message}");
        return ExitCodes.Usage;
    }

    private static string? FormatOf(string? output) => Path.GetExtension(output ?? "").ToLowerInvariant() switch
    {
        ".jsonl" or ".ndjson" => "jsonl",
        ".csv" => "csv",
        ".xlsx" => "xlsx",
        _ => null,
    };

    private static string Describe(BatchSummary s, int writeFailures)
    {
        var seconds = Math.Max(s.Elapsed.TotalSeconds, 0.001);
        var c = CultureInfo.InvariantCulture;
        return string.Create(c, $"extractor: {s.Files} files in {seconds:0.0} s ({s.Files / seconds:0.#} files/s): {s.Parsed - writeFailures} parsed "
            + $"({s.WithWarnings} with warnings{(s.Empty > 0 ? $", {s.Empty} with no items" : "")}), {s.Failed + writeFailures} failed; {s.Items:N0} items ({s.Items / seconds:0} items/s)");
    }

    private static IResultSink CreateSink(ParseRequest request, string format, List<InputFile> files, bool batch, TextWriter stdout)
    {
        var inputs = files.Select(f => f.FullPath).ToHashSet(StringComparer.Ordinal);
        string Checked(string path)
        {
            var full = Path.GetFullPath(path);
            if (inputs.Contains(full)) throw new UsageException($"{path} is one of the inputs; it will not be overwritten");
            if (Directory.Exists(full)) throw new UsageException($"{path} is a folder; name a file");
            return full;
        }

        var sinks = new List<IResultSink>();
        try
        {
            if (request.Output is null)
            {
                if (format == "xlsx") throw new UsageException("xlsx is written to a file: give -o FILE.xlsx");
                if (format == "json" && files.Count > 1)
                    throw new UsageException($"{files.Count} files to parse: give -o DIR to write a JSON file each, or -o FILE with --format jsonl, csv or xlsx");
                sinks.Add(new StdoutSink(stdout, format));
            }
            else if (format == "json")
            {
                var toFolder = files.Count > 1 || Directory.Exists(request.Output) || request.Output.EndsWith('/') || request.Output.EndsWith(Path.DirectorySeparatorChar);
                if (toFolder)
                {
                    var folder = Path.GetFullPath(request.Output);
                    if (File.Exists(folder)) throw new UsageException($"{request.Output} is a file; -o needs a folder for {files.Count} inputs");
                    var targets = files.Select(f => JsonDirectorySink.Target(folder, f)).ToList();
                    if (targets.FirstOrDefault(inputs.Contains) is { } clash) throw new UsageException($"{clash} is one of the inputs; it will not be overwritten");
                    if (!request.Force && targets.Where(File.Exists).ToList() is { Count: > 0 } existing)
                        throw new AtomicFile.ExistsException(existing[0], existing.Count - 1);
                    sinks.Add(new JsonDirectorySink(folder, request.Force));
                }
                else
                {
                    var target = Checked(request.Output);
                    if (!request.Force && File.Exists(target)) throw new AtomicFile.ExistsException(target);
                    sinks.Add(new JsonFileSink(target, request.Force));
                }
            }
            else
            {
                var target = Checked(request.Output);
                sinks.Add(format switch
                {
                    "jsonl" => new JsonLinesFileSink(target, request.Force),
                    "csv" => new CsvFileSink(target, request.Force),
                    _ => new XlsxSink(target, request.Force),
                });
            }

            var report = request.Errors ?? (batch && request.Output is not null && format != "xlsx" ? DefaultErrorReport(request.Output, format) : null);
            if (report is not null) sinks.Add(new ErrorReportSink(Checked(report), request.Force));
            return sinks.Count == 1 ? sinks[0] : new CompositeSink(sinks);
        }
        catch
        {
            foreach (var sink in sinks) sink.Dispose();
            throw;
        }
    }

    private static string DefaultErrorReport(string output, string format) =>
        format == "json" ? Path.Combine(output, "errors.csv") : Path.Combine(Path.GetDirectoryName(Path.GetFullPath(output))!, Path.GetFileNameWithoutExtension(output) + ".errors.csv");

    internal static bool TryCreateParser(string? encodingName, FileInfo? rulesFile, CliConsole console, out NoticeParser parser, ParserLimits? limits = null)
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
                console.Error.WriteLine($"extractor: --encoding: '{encodingName}' is not an encoding this platform knows (try utf-8, gb18030, gbk, big5, utf-16)");
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
                console.Error.WriteLine($"extractor: --rules: cannot read {rulesFile}: {e.Message}");
                return false;
            }
            catch (RuleSetException e)
            {
                console.Error.WriteLine($"extractor: --rules: {e.Message}");
                return false;
            }
        }
        parser = new NoticeParser(new ParserOptions { Encoding = encoding, Rules = rules, Limits = limits ?? new ParserLimits() });
        return true;
    }
}

/// <summary>A usage mistake found after parsing the command line (exit code 2).</summary>
internal sealed class UsageException(string message) : Exception(message);
