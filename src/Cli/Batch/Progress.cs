using Extractor.Cli.Localization;
using Spectre.Console;

namespace Extractor.Cli.Batch;

/// <summary>Shows a batch's progress: a bar on a terminal, nothing otherwise. Error lines are printed either way.</summary>
internal interface IBatchProgress
{
    /// <summary>
    /// Runs <paramref name="body"/>, which calls the first callback it is given with each outcome as it is written, and
    /// the second as each file finishes — before it is written, since outputs are written in input order and one slow
    /// file early in the batch would hold the count (and the time left) back.
    /// </summary>
    Task<T> RunAsync<T>(int total, Func<Action<FileOutcome>, Action, Task<T>> body);
}

/// <summary>Prints each failure as one line as it happens; no bar (stderr is not a terminal, or --quiet).</summary>
internal sealed class PlainProgress(TextWriter error, Messages messages) : IBatchProgress
{
    public Task<T> RunAsync<T>(int total, Func<Action<FileOutcome>, Action, Task<T>> body) =>
        body(outcome =>
        {
            if (outcome.Error is not null) error.WriteLine(FailureLine(outcome, messages));
        }, () => { });

    /// <summary>The line a failed file gets: its name and why, the library's kind of failure named in the user's language.</summary>
    public static string FailureLine(FileOutcome outcome, Messages m) => "extractor: " + (outcome.ErrorKind is { } kind
        ? m.Format("FileErrorKind", outcome.File.DisplayPath, outcome.Error, m.Kind(kind))
        : m.Format("FileError", outcome.File.DisplayPath, outcome.Error));
}

/// <summary>
/// A Spectre.Console progress bar on stderr. A live display must not be written over, so failures are gathered and
/// printed, one line each, when the bar is done.
/// </summary>
internal sealed class BarProgress(TextWriter error, Messages messages) : IBatchProgress
{
    public async Task<T> RunAsync<T>(int total, Func<Action<FileOutcome>, Action, Task<T>> body)
    {
        // The caller has checked that stderr is a terminal; Spectre's own guess looks at stdin and stdout.
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(error),
            Ansi = AnsiSupport.Yes,
            Interactive = InteractionSupport.Yes,
        });
        var failures = new List<string>();
        var result = await console.Progress()
            .AutoClear(true)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn(), new SpinnerColumn())
            .StartAsync(async context =>
            {
                var task = context.AddTask(messages.Format("Progress", 0, total), maxValue: total);
                var finished = 0;
                return await body(outcome =>
                {
                    if (outcome.Error is not null) failures.Add(PlainProgress.FailureLine(outcome, messages));
                }, () =>
                {
                    var count = Interlocked.Increment(ref finished);
                    lock (task)
                    {
                        task.Increment(1);
                        task.Description = messages.Format("Progress", count, total);
                    }
                }).ConfigureAwait(false);
            }).ConfigureAwait(false);
        foreach (var line in failures) error.WriteLine(line);
        return result;
    }
}
