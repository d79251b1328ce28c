using System.CommandLine;
using Extractor.Cli.Batch;
using Extractor.Cli.Dedup;
using Extractor.Parsing;

namespace Extractor.Cli.Commands;

/// <summary>
/// <c>extractor __worker</c> (hidden): the worker process of <see cref="WorkerPool"/>. Reads requests on stdin and
/// answers each on stdout, as <see cref="WorkerProtocol"/> frames them. The rules are compiled once, when it starts.
/// </summary>
internal static class WorkerCommand
{
    public const string Name = "__worker";

    public static Command Build(CliConsole console)
    {
        var command = new Command(Name, "Parse the files sent on stdin (used by 'parse' to isolate readers).") { Hidden = true };
        var options = new ReaderOptions();
        foreach (var option in options.All) command.Add(option);
        var ocr = new OcrOptionsCli();
        foreach (var option in ocr.All) command.Add(option);
        var json = new Option<string>("--json") { DefaultValueFactory = _ => "line" };
        json.AcceptOnlyFromAmong("line", "indented");
        command.Add(json);
        command.SetAction(result =>
        {
            var (encoding, rules, limits) = options.Read(result);
            if (!ParseCommand.TryCreateParser(encoding, rules, console, out var parser, limits, ocr.Read(result))) return ExitCodes.Usage;
            var indented = result.GetValue(json) == "indented";
            using var output = Console.OpenStandardOutput();
            using var input = new BufferedStream(Console.OpenStandardInput());
            while (true)
            {
                (WorkerProtocol.Request Request, byte[] Content)? next;
                try
                {
                    next = WorkerProtocol.ReadRequest(input);
                }
                catch (InvalidDataException e)
                {
                    WorkerProtocol.WriteError(output, $"the worker could not read its request: {e.Message}");
                    return ExitCodes.Failed; // the stream is out of step: the parent starts another worker
                }
                if (next is not var (request, content)) break;
                try
                {
                    var parsed = parser.ParseWithDocument(content, new InputFormat(request.Format), request.Name);
                    WorkerProtocol.WriteNotice(output, parsed.Notice, indented, TextFingerprint.Of(NoticeContent.Of(parsed.Notice)),
                        request.Text ? NoticeText.From(parsed.Document) : null);
                }
                catch (NoticeFormatException e)
                {
                    WorkerProtocol.WriteError(output, e.Message, e.Kind);
                }
                catch (OutOfMemoryException)
                {
                    WorkerProtocol.WriteError(output, "the file needs more memory than a worker may use: it is damaged or too large", NoticeErrorKind.LimitExceeded);
                }
                catch (Exception e)
                {
                    WorkerProtocol.WriteError(output, $"internal error ({e.GetType().Name}): {e.Message}");
                }
            }
            return ExitCodes.Ok;
        });
        return command;
    }
}
