using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Extractor.Cli.Evaluation;
using Extractor.Parsing;

namespace Extractor.Cli.Commands;

/// <summary>
/// <c>extractor evaluate DIR</c>: scores the parser on a corpus of real notices with gold written by reading them
/// (every <c>ID.gold.json</c> under DIR, with the notice beside it as <c>ID.txt</c>, <c>ID.html</c>…): pair precision,
/// recall and F1, heading recall, title, issuer and date accuracy — per case, by genre and in total. With
/// <c>--minimums</c> it fails when a figure falls below the one the file gives, so accuracy never regresses.
/// </summary>
internal static class EvaluateCommand
{
    public static Command Build(CliConsole console)
    {
        var directory = new Argument<DirectoryInfo>("dir") { Description = "The corpus: every ID.gold.json under it, with its notice ID.txt (or .html, .docx, .pdf) beside it." };
        var minimums = new Option<FileInfo?>("--minimums")
        {
            Description = "A JSON file of the least figures allowed, e.g. {\"pairF1\": 0.9, \"headingRecall\": 0.95}; a figure below fails the run (exit 1). "
                + "Names: pairPrecision, pairRecall, pairF1, headingRecall, title, issuer, date, stats.",
            HelpName = "FILE",
        };
        var verbose = new Option<bool>("--verbose", "-v") { Description = "List, for each case, the pairs, headings and values the parser missed." };
        var write = new Option<FileInfo?>("--write-minimums")
        {
            Description = "Write today's figures (rounded down to 3 decimals) to this file as the new minimums, after the parser got better.",
            HelpName = "FILE",
        };
        var command = new Command("evaluate", """
            Score the parser on a corpus of real notices against gold written by reading them.

            Prints a line per case (pairs found of the gold's, headings, title, issuer, date), then the figures by genre
            and in total: pair precision, recall and F1; heading recall; title, issuer and date accuracy on the cases
            that state them (a value where the notice states none is counted as spurious). The gold format is in
            tests/real-notices/README.md.

            Example:
              extractor evaluate tests/real-notices --minimums tests/real-notices/minimums.json
            """) { directory, minimums, verbose, write };
        command.SetAction(result => Run(result.GetValue(directory)!, result.GetValue(minimums), result.GetValue(verbose), console, result.GetValue(write)));
        return command;
    }

    internal static int Run(DirectoryInfo directory, FileInfo? minimumsFile, bool verbose, CliConsole console, FileInfo? writeMinimums = null)
    {
        if (!directory.Exists)
        {
            console.Error.WriteLine($"extractor: {directory}: no such folder");
            return ExitCodes.Usage;
        }
        Dictionary<string, double>? minimums = null;
        if (minimumsFile is not null)
        {
            try
            {
                minimums = JsonSerializer.Deserialize(File.ReadAllBytes(minimumsFile.FullName), EvaluationJsonContext.Default.DictionaryStringDouble);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException)
            {
                console.Error.WriteLine($"extractor: --minimums: {minimumsFile}: {e.Message}");
                return ExitCodes.Usage;
            }
        }
        var evaluation = Evaluator.Run(directory.FullName, new NoticeParser());
        if (evaluation.Cases.Count == 0)
        {
            console.Error.WriteLine($"extractor: no ID.gold.json with a notice beside it under {directory}");
            return ExitCodes.Failed;
        }
        Evaluator.Print(evaluation, verbose, console.Out);
        if (writeMinimums is not null)
        {
            var floors = evaluation.Total.Figures().ToDictionary(f => f.Key, f => Math.Floor(f.Value * 1000) / 1000, StringComparer.Ordinal);
            File.WriteAllText(writeMinimums.FullName, JsonSerializer.Serialize(floors, EvaluationJsonContext.Default.DictionaryStringDouble) + "\n");
            console.Out.WriteLine($"wrote {writeMinimums}");
        }
        var failed = evaluation.Cases.Count(c => c.Error is not null);
        if (minimums is not null)
        {
            var figures = evaluation.Total.Figures();
            foreach (var (name, least) in minimums.OrderBy(m => m.Key, StringComparer.Ordinal))
            {
                if (!figures.TryGetValue(name, out var value))
                {
                    console.Error.WriteLine($"extractor: --minimums: '{name}' is not a figure (pairPrecision, pairRecall, pairF1, headingRecall, title, issuer, date, stats)");
                    return ExitCodes.Usage;
                }
                if (value + 1e-9 < least)
                {
                    console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"BELOW {name}: {value:0.000} < {least:0.000}"));
                    failed++;
                }
            }
        }
        return failed > 0 ? ExitCodes.Failed : ExitCodes.Ok;
    }
}
