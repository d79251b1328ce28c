using System.CommandLine;
using Extractor.Parsing.Rules;

namespace Extractor.Cli.Commands;

/// <summary><c>extractor rules [FILE]</c>: prints the default rule set, or the rule set a rules file makes of it.</summary>
internal static class RulesCommand
{
    public static Command Build(CliConsole console)
    {
        var file = new Argument<FileInfo?>("file")
        {
            Description = "A rules file to check: the rule set it makes (the defaults it extends or replaces) is printed.",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var command = new Command("rules", """
            Print the rules: heading markers, labels, status words, closing cues, metadata and statistics patterns, table
            columns and tags, all as JSON. Copy what you need into a file and pass it with 'parse --rules FILE': its lists
            are added to the defaults and its patterns replace them; "replace": true replaces the defaults wholesale.

            Example rules file:
              { "labels": { "rectification": ["落实举措"] },
                "tags": [ { "name": "组织纪律", "keywords": ["党组织", "换届", "发展党员"] } ] }
            """) { file };
        command.SetAction(result => Run(result.GetValue(file), console));
        return command;
    }

    private static int Run(FileInfo? file, CliConsole console)
    {
        if (file is null)
        {
            console.Out.Write(System.Text.Encoding.UTF8.GetString(RuleSetLoader.DefaultJson));
            return ExitCodes.Ok;
        }
        try
        {
            var rules = RuleSetLoader.Load(File.ReadAllText(file.FullName), file.Name);
            console.Out.WriteLine(RuleSetLoader.ToJson(rules));
            return ExitCodes.Ok;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            console.Error.WriteLine($"extractor: {file}: cannot read it: {e.Message}");
            return ExitCodes.Failed;
        }
        catch (RuleSetException e)
        {
            console.Error.WriteLine($"extractor: {e.Message}");
            return ExitCodes.Failed;
        }
    }
}
