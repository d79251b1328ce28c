using System.CommandLine;
using Extractor.Cli.IO;
using Extractor.Parsing;
using Extractor.Parsing.Rules;

namespace Extractor.Cli.Commands;

/// <summary>
/// <c>extractor validate DIR</c>: parses every sample that has a <c>NAME.expected.json</c> beside it (NAME is the
/// sample's file name without its extension) and compares the JSON; a mismatch is printed as the list of JSON
/// paths that differ. A <c>NAME.rules.json</c> beside a sample is used as its rules file.
/// </summary>
internal static class ValidateCommand
{
    private const int MaxDifferencesShown = 25;

    public static Command Build(CliConsole console)
    {
        var directory = new Argument<DirectoryInfo>("dir")
        {
            Description = "The sample folder: every file with a NAME.expected.json beside it is parsed and compared.",
        };
        var command = new Command("validate", "Check a sample corpus against its expected JSON.") { directory };
        command.SetAction(result => Run(result.GetValue(directory)!, console));
        return command;
    }

    internal static int Run(DirectoryInfo directory, CliConsole console)
    {
        if (!directory.Exists)
        {
            console.Error.WriteLine($"extractor: {directory}: no such folder");
            return ExitCodes.Usage;
        }
        var root = directory.FullName;
        var all = Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
            .Where(f => !Path.GetFileName(f).StartsWith('.'))
            .Order(StringComparer.Ordinal)
            .ToList();
        var expectations = all.Where(f => f.EndsWith(".expected.json", StringComparison.Ordinal)).ToHashSet(StringComparer.Ordinal);
        var used = new HashSet<string>(StringComparer.Ordinal);
        var failedNames = new HashSet<string>(StringComparer.Ordinal);
        var stems = all.Where(f => !f.EndsWith(".json", StringComparison.Ordinal) && !InputSet.IsOwnOutput(f))
            .GroupBy(f => Path.Combine(Path.GetDirectoryName(f)!, Path.GetFileNameWithoutExtension(f)), StringComparer.Ordinal)
            .Where(g => g.Count() > 1 && expectations.Contains(g.Key + ".expected.json"))
            .ToList();
        foreach (var clash in stems)
        {
            console.Out.WriteLine($"FAIL {Path.GetRelativePath(root, clash.Key)}.expected.json: several samples share its name ({string.Join(", ", clash.Select(Path.GetFileName))}); give each sample a name of its own");
            failedNames.Add(clash.Key + ".expected.json");
            used.Add(clash.Key + ".expected.json");
        }
        int passed = 0, failed = 0;
        var defaultParser = new NoticeParser();
        foreach (var sample in all)
        {
            if (InputSet.IsOwnOutput(sample) || sample.EndsWith(".rules.json", StringComparison.Ordinal)) continue;
            var stem = Path.Combine(Path.GetDirectoryName(sample)!, Path.GetFileNameWithoutExtension(sample));
            var expectedPath = stem + ".expected.json";
            if (!expectations.Contains(expectedPath) || failedNames.Contains(expectedPath)) continue;
            used.Add(expectedPath);
            var relative = Path.GetRelativePath(root, sample).Replace(Path.DirectorySeparatorChar, '/');
            string actual;
            try
            {
                var parser = File.Exists(stem + ".rules.json")
                    ? new NoticeParser(new ParserOptions { Rules = RuleSetLoader.Load(File.ReadAllText(stem + ".rules.json"), Path.GetFileName(stem) + ".rules.json") })
                    : defaultParser;
                actual = NoticeJson.Serialize(parser.Parse(File.ReadAllBytes(sample), InputFormat.Auto, relative));
            }
            catch (Exception e) when (e is NoticeFormatException or RuleSetException or IOException)
            {
                console.Out.WriteLine($"FAIL {relative}: {e.Message}");
                failed++;
                continue;
            }
            var expected = File.ReadAllText(expectedPath);
            if (expected == actual)
            {
                console.Out.WriteLine($"ok   {relative}");
                passed++;
                continue;
            }
            failed++;
            console.Out.WriteLine($"FAIL {relative}: the output differs from {Path.GetFileName(expectedPath)}");
            var differences = JsonDiff.Compare(expected, actual);
            if (differences.Count == 0) console.Out.WriteLine("       same JSON values, different bytes (formatting or property order)");
            foreach (var d in differences.Take(MaxDifferencesShown)) console.Out.WriteLine($"       {d}");
            if (differences.Count > MaxDifferencesShown) console.Out.WriteLine($"       … and {differences.Count - MaxDifferencesShown} more differences");
        }
        foreach (var orphan in expectations.Except(used).Order(StringComparer.Ordinal))
        {
            console.Out.WriteLine($"FAIL {Path.GetRelativePath(root, orphan).Replace(Path.DirectorySeparatorChar, '/')}: no sample beside it");
            failed++;
        }
        failed += failedNames.Count;
        console.Out.WriteLine($"{passed + failed} samples: {passed} passed, {failed} failed");
        return failed > 0 ? ExitCodes.Failed : passed == 0 ? Report(console, root) : ExitCodes.Ok;
    }

    private static int Report(CliConsole console, string root)
    {
        console.Error.WriteLine($"extractor: no sample in {root} has a NAME.expected.json beside it");
        return ExitCodes.Failed;
    }
}
