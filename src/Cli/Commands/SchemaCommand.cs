using System.CommandLine;
using Extractor.Parsing;

namespace Extractor.Cli.Commands;

/// <summary><c>extractor schema</c>: prints the JSON Schema of the output.</summary>
internal static class SchemaCommand
{
    public static Command Build(CliConsole console)
    {
        var command = new Command("schema", "Print the JSON Schema of the notice JSON that 'parse' writes (generated from the model types).");
        command.SetAction(_ =>
        {
            console.Out.Write(NoticeJson.Schema);
            return ExitCodes.Ok;
        });
        return command;
    }
}
