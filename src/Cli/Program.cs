using System.CommandLine;
using System.Runtime.InteropServices;
using System.Text;
using Extractor.Cli.Commands;
using Extractor.Cli.Localization;

namespace Extractor.Cli;

/// <summary>Entry point of the <c>extractor</c> command.</summary>
public static class Program
{
    /// <summary>
    /// Runs the command line and returns the exit code: 0 ok, 1 a file failed or mismatched, 2 bad usage, 130 cancelled
    /// by Ctrl-C (SIGINT), 143 by SIGTERM.
    /// </summary>
    public static int Main(string[] args)
    {
        Console.OutputEncoding = new UTF8Encoding(false);
        // The first Ctrl-C or SIGTERM cancels: no file is started any more, what finished is written with the errors
        // report and the summary, temporary files are removed; the exit code is 128 + the signal. A second one ends the
        // process at once (what it leaves is swept by the next run into the same folder).
        using var cancel = new CancellationTokenSource();
        var signal = 0;
        void Handle(PosixSignalContext context)
        {
            if (Interlocked.CompareExchange(ref signal, context.Signal == PosixSignal.SIGTERM ? 15 : 2, 0) != 0) return;
            context.Cancel = true;
            cancel.Cancel();
        }
        using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Handle);
        using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Handle);
        var code = Run(args, Console.Out, Console.Error, errorIsTerminal: !Console.IsErrorRedirected, language: UiLanguage.Current(),
            cancellation: cancel.Token);
        return signal != 0 ? 128 + signal : code;
    }

    /// <summary>
    /// Runs the command line with the given output writers (tests pass their own), speaking <paramref name="language"/>
    /// (<c>en</c>, the default, or <c>zh</c>), reading <paramref name="stdin"/> for the input <c>-</c> (default: standard input);
    /// <paramref name="cancellation"/> stops a batch as Ctrl-C does.
    /// </summary>
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr, bool errorIsTerminal = false, string language = "en", Stream? stdin = null,
        CancellationToken cancellation = default)
    {
        var console = new CliConsole(stdout, stderr, errorIsTerminal) { Text = Messages.For(language) };
        if (stdin is not null) console = console with { OpenInput = () => stdin };
        var root = BuildRoot(console);
        // No response files: an argument such as '@evil.txt' (a file name a folder may well hold, expanded by the
        // shell's '*') is a file to parse, never a list of options read from a file.
        var result = root.Parse(args, new ParserConfiguration { ResponseFileTokenReplacer = null });
        var errors = result.Errors.Select(e => e.Message).Concat(UnknownOptions(result)).ToList();
        if (errors.Count > 0 && result.Action is not System.CommandLine.Help.HelpAction)
        {
            foreach (var error in errors) stderr.WriteLine($"extractor: {error}");
            stderr.WriteLine("Run 'extractor --help' for usage.");
            return ExitCodes.Usage;
        }
        // Signals are handled by Main (ProcessTerminationTimeout null): the command decides what a cancel leaves behind.
        var invocation = new InvocationConfiguration { Output = stdout, Error = stderr, EnableDefaultExceptionHandler = false, ProcessTerminationTimeout = null };
        return result.InvokeAsync(invocation, cancellation).GetAwaiter().GetResult();
    }

    /// <summary>
    /// Arguments that look like options but are none (<c>--bogus</c>, or <c>--version</c> after a command): the parser
    /// takes them as paths, but they are usage errors. After <c>--</c>, a name that starts with a dash is a name; a
    /// lone <c>-</c> is standard input or output.
    /// </summary>
    private static IEnumerable<string> UnknownOptions(ParseResult result)
    {
        var tokens = result.Tokens;
        var end = tokens.Count;
        for (var i = 0; i < tokens.Count; i++)
            if (tokens[i].Type == System.CommandLine.Parsing.TokenType.DoubleDash) { end = i; break; }
        foreach (var argument in result.CommandResult.Children.OfType<System.CommandLine.Parsing.ArgumentResult>())
            foreach (var token in argument.Tokens)
            {
                if (token.Value.Length < 2 || token.Value[0] != '-') continue;
                var at = -1;
                for (var i = 0; i < tokens.Count; i++)
                    if (ReferenceEquals(tokens[i], token)) { at = i; break; }
                if (at < end) yield return $"unknown option '{token.Value}' (a file whose name starts with '-' goes after '--': extractor parse -- {token.Value})";
            }
    }

    internal static RootCommand BuildRoot(CliConsole console)
    {
        var root = new RootCommand(
            """
            Extractor turns Chinese inspection-rectification notices (巡察/巡视整改情况通报, 审计整改情况报告) into structured data:
            the section tree, every problem paired with its rectification, the notice's metadata, and every irregularity as a
            located warning. Reads TXT (UTF-8, UTF-16, GB18030/GBK, Big5), HTML, DOCX and PDF.

            Examples:
              extractor parse 通报.txt                      print one notice's JSON
              extractor parse notices/ -o out/              one JSON file per notice under out/
              extractor parse notices/ -o all.xlsx          a workbook of every notice and problem
              extractor parse notices/ -o items.csv         one CSV row per problem
              extractor validate samples/                   check samples against their NAME.expected.json
              extractor evaluate tests/real-notices         score the parser on real notices with hand-written gold
              extractor rules                               print the rules (markers, labels, status words…)
              extractor schema                              print the JSON Schema of the output
            """);
        root.Add(ParseCommand.Build(console));
        root.Add(ValidateCommand.Build(console));
        root.Add(EvaluateCommand.Build(console));
        root.Add(RulesCommand.Build(console));
        root.Add(SchemaCommand.Build(console));
        root.Add(WorkerCommand.Build(console));
        return root;
    }
}

/// <summary>Exit codes.</summary>
internal static class ExitCodes
{
    public const int Ok = 0;
    public const int Failed = 1;
    public const int Usage = 2;

    /// <summary>Cancelled (128 + SIGINT); SIGTERM gives 143.</summary>
    public const int Cancelled = 130;
}

/// <summary>
/// Where a command writes: stdout for results, stderr for everything else; whether stderr is a terminal (progress bars);
/// the language it speaks.
/// </summary>
internal sealed record CliConsole(TextWriter Out, TextWriter Error, bool ErrorIsTerminal = false)
{
    /// <summary>The messages in the user's language.</summary>
    public Messages Text { get; init; } = Messages.English;

    /// <summary>Opens what the input <c>-</c> reads: standard input.</summary>
    public Func<Stream> OpenInput { get; init; } = Console.OpenStandardInput;
}
