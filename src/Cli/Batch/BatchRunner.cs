using System.Diagnostics;
using Extractor.Cli.IO;
using Extractor.Parsing;

namespace Extractor.Cli.Batch;

/// <summary>What became of one input.</summary>
/// <param name="File">The input.</param>
/// <param name="Notice">The notice, when it parsed.</param>
/// <param name="Error">Why it failed, when it did.</param>
internal sealed record FileOutcome(InputFile File, Notice? Notice, string? Error);

/// <summary>The totals of a batch.</summary>
internal sealed record BatchSummary(int Files, int Parsed, int WithWarnings, int Failed, int Items, TimeSpan Elapsed);

/// <summary>
/// Parses files in parallel and hands the outcomes to the sink in input order. A window of permits, taken in input order
/// before a file is started and given back when its outcome is written, bounds how far parsing runs ahead of writing:
/// memory stays flat however many files there are, and the earliest unwritten file always holds a permit.
/// </summary>
internal sealed class BatchRunner(NoticeParser parser, int jobs, TimeSpan? timeout, WorkerPool? pool = null, Func<InputFile, bool>? isolate = null)
{
    public async Task<BatchSummary> RunAsync(IReadOnlyList<InputFile> files, Func<FileOutcome, Task> write, CancellationToken cancellation)
    {
        var clock = Stopwatch.StartNew();
        var window = new SemaphoreSlim(Math.Max(1, jobs) * 4);
        var done = new Dictionary<int, FileOutcome>();
        var gate = new SemaphoreSlim(1, 1);
        var next = 0;
        int parsed = 0, warned = 0, failed = 0, items = 0;

        async IAsyncEnumerable<int> Indexes([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken token = default)
        {
            for (var i = 0; i < files.Count; i++)
            {
                await window.WaitAsync(token).ConfigureAwait(false);
                yield return i;
            }
        }

        await Parallel.ForEachAsync(Indexes(cancellation), new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, jobs), CancellationToken = cancellation },
            async (index, token) =>
            {
                var outcome = await ParseAsync(files[index], token).ConfigureAwait(false);
                await gate.WaitAsync(token).ConfigureAwait(false);
                try
                {
                    done[index] = outcome;
                    while (done.Remove(next, out var ready))
                    {
                        if (ready.Notice is { } notice)
                        {
                            parsed++;
                            items += notice.Items.Count;
                            if (notice.Warnings.Count > 0) warned++;
                        }
                        else
                        {
                            failed++;
                        }
                        await write(ready).ConfigureAwait(false);
                        next++;
                        window.Release();
                    }
                }
                finally
                {
                    gate.Release();
                }
            }).ConfigureAwait(false);
        return new BatchSummary(files.Count, parsed, warned, failed, items, clock.Elapsed);
    }

    /// <summary>
    /// Parses one file, in a worker process when it is to be isolated; a file that cannot be parsed, or takes longer than
    /// the time limit, becomes an error outcome.
    /// </summary>
    private async Task<FileOutcome> ParseAsync(InputFile file, CancellationToken cancellation)
    {
        if (pool is not null && isolate?.Invoke(file) == true) return await pool.ParseAsync(file, cancellation).ConfigureAwait(false);
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        var work = Task.Run(() => parser.ParseFile(file.DisplayPath, InputFormat.Auto, limit.Token), limit.Token);
        try
        {
            var notice = timeout is { } t ? await work.WaitAsync(t, cancellation).ConfigureAwait(false) : await work.ConfigureAwait(false);
            return new FileOutcome(file, notice, null);
        }
        catch (TimeoutException)
        {
            limit.Cancel(); // the parse stops at its next check; the batch does not wait for it
            _ = work.ContinueWith(static t => _ = t.Exception, TaskScheduler.Default);
            return new FileOutcome(file, null, $"timed out after {timeout!.Value.TotalSeconds:0.#} s");
        }
        catch (NoticeFormatException e)
        {
            return new FileOutcome(file, null, e.Message);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellation.IsCancellationRequested)
        {
            // The library throws only NoticeFormatException for bad input; anything else is a bug, reported, not fatal.
            return new FileOutcome(file, null, $"internal error ({e.GetType().Name}): {e.Message}");
        }
    }
}
