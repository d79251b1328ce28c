using System.CommandLine;
using Extractor.Parsing;

namespace Extractor.Cli.Commands;

/// <summary>
/// <c>extractor __worker</c> (hidden): the worker process of <see cref="Batch.WorkerPool"/>. Reads a path per line on
/// stdin; answers one line each: <c>OK\t</c> and the notice as one line of JSON, or <c>ERR\t</c> and the reason.
/// </summary>
internal static class WorkerCommand
{
    public const string Name = "__worker";

    public static Command Build(CliConsole console)
    {
        var command = new Command(Name, "Parse files named on stdin (used by 'parse' to isolate readers).") { Hidden = true };
        var options = new ReaderOptions();
        foreach (var option in options.All) command.Add(option);
        command.SetAction(result =>
        {
            var (encoding, rules, limits) = options.Read(result);
            if (!ParseCommand.TryCreateParser(encoding, rules, console, out var parser, limits)) return ExitCodes.Usage;
            while (Console.In.ReadLine() is { } path)
            {
                string answer;
                try
                {
                    answer = "OK\t" + NoticeJson.SerializeLine(parser.ParseFile(path));
                }
                catch (NoticeFormatException e)
                {
                    answer = "ERR\t" + OneLine(e.Message);
                }
                catch (OutOfMemoryException)
                {
                    answer = "ERR\tthe file needs more memory than a worker may use: it is damaged or too large";
                }
                catch (Exception e)
                {
                    answer = $"ERR\tinternal error ({e.GetType().Name}): {OneLine(e.Message)}";
                }
                console.Out.WriteLine(answer);
                console.Out.Flush();
            }
            return ExitCodes.Ok;
        });
        return command;
    }

    private static string OneLine(string s) => s.ReplaceLineEndings(" ");
}
