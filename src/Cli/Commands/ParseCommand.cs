using System.CommandLine;
using System.Text;
using Extractor.Cli.IO;
using Extractor.Parsing;
using Extractor.Parsing.Rules;

namespace Extractor.Cli.Commands;

/// <summary><c>extractor parse</c>: parse files and folders of notices.</summary>
internal static class ParseCommand
{
    public static Command Build(CliConsole console)
    {
        var paths = new Argument<string[]>("paths")
        {
            Description = "Files and folders to parse. Folders are walked recursively; hidden files are skipped.",
            Arity = ArgumentArity.OneOrMore,
        };
        var output = new Option<string?>("--output", "-o")
        {
            Description = "Where to write. With --format json: a file (one input) or a folder that mirrors the input tree, one NAME.EXT.json per input. With jsonl: a file. Omit to print to stdout (json: one input only).",
            HelpName = "FILE|DIR",
        };
        var format = new Option<string>("--format", "-f")
        {
            Description = "Output format: json (one document per notice) or jsonl (one notice per line).",
            DefaultValueFactory = _ => "json",
            HelpName = "json|jsonl",
        };
        format.AcceptOnlyFromAmong("json", "jsonl");
        var encoding = new Option<string?>("--encoding")
        {
            Description = "Encoding of text input (utf-8, gb18030, gbk, gb2312, big5, utf-16…). Default: detect (BOM, UTF-8, GB18030, Big5).",
            HelpName = "NAME",
        };
        var rules = new Option<FileInfo?>("--rules")
        {
            Description = "A rules file (JSON) that extends or overrides the default rules; see 'extractor rules'.",
            HelpName = "FILE",
        };
        var force = new Option<bool>("--force")
        {
            Description = "Replace output files that already exist (never an input).",
        };
        var command = new Command("parse", "Parse notices into JSON.")
        {
            paths, output, format, encoding, rules, force,
        };
        command.SetAction(result =>
        {
            var options = new ParseRequest(
                result.GetValue(paths) ?? [],
                result.GetValue(output),
                result.GetValue(format) ?? "json",
                result.GetValue(encoding),
                result.GetValue(rules),
                result.GetValue(force));
            return Run(options, console);
        });
        return command;
    }

    internal sealed record ParseRequest(string[] Paths, string? Output, string Format, string? Encoding, FileInfo? Rules, bool Force);

    internal static int Run(ParseRequest request, CliConsole console)
    {
        if (!TryCreateParser(request.Encoding, request.Rules, console, out var parser)) return ExitCodes.Usage;

        var files = InputSet.Expand(request.Paths, recursive: true, filter: null, out var missing);
        var failed = 0;
        foreach (var path in missing)
        {
            console.Error.WriteLine($"extractor: {path}: no such file or folder");
            failed++;
        }
        if (files.Count == 0)
        {
            if (missing.Count == 0) console.Error.WriteLine($"extractor: no files found in {string.Join(", ", request.Paths)}");
            return ExitCodes.Failed;
        }

        IResultSink sink;
        try
        {
            sink = CreateSink(request, files, console);
        }
        catch (UsageException e)
        {
            console.Error.WriteLine($"extractor: {e.Message}");
            return ExitCodes.Usage;
        }

        using (sink)
        {
            foreach (var file in files)
            {
                Notice notice;
                try
                {
                    notice = parser.ParseFile(file.DisplayPath);
                }
                catch (NoticeFormatException e)
                {
                    console.Error.WriteLine($"extractor: {file.DisplayPath}: {e.Message}");
                    failed++;
                    continue;
                }
                try
                {
                    sink.Write(file, notice);
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    console.Error.WriteLine($"extractor: {file.DisplayPath}: cannot write output: {e.Message}");
                    failed++;
                }
            }
            sink.Complete();
        }
        return failed > 0 ? ExitCodes.Failed : ExitCodes.Ok;
    }

    internal static bool TryCreateParser(string? encodingName, FileInfo? rulesFile, CliConsole console, out NoticeParser parser)
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
        parser = new NoticeParser(new ParserOptions { Encoding = encoding, Rules = rules });
        return true;
    }

    private static IResultSink CreateSink(ParseRequest request, List<InputFile> files, CliConsole console)
    {
        var inputs = new HashSet<string>(files.Select(f => f.FullPath), StringComparer.Ordinal);
        if (request.Output is null)
        {
            if (request.Format == "json" && files.Count > 1)
                throw new UsageException($"{files.Count} files to parse: give -o DIR to write one JSON file each, or --format jsonl to print them as lines");
            return new StdoutSink(console.Out, request.Format);
        }
        if (request.Format == "jsonl")
            return new JsonLinesFileSink(CheckTarget(request.Output, inputs), request.Force);
        var toDirectory = files.Count > 1 || Directory.Exists(request.Output) || request.Output.EndsWith('/') || request.Output.EndsWith(Path.DirectorySeparatorChar);
        return toDirectory
            ? new JsonDirectorySink(Path.GetFullPath(request.Output), request.Force, inputs)
            : new JsonFileSink(CheckTarget(request.Output, inputs), request.Force);
    }

    private static string CheckTarget(string output, HashSet<string> inputs)
    {
        var full = Path.GetFullPath(output);
        if (inputs.Contains(full)) throw new UsageException($"{output} is one of the inputs; it will not be overwritten");
        if (Directory.Exists(full)) throw new UsageException($"{output} is a folder; name a file");
        return full;
    }
}

/// <summary>A usage mistake found after parsing the command line (exit code 2).</summary>
internal sealed class UsageException(string message) : Exception(message);
