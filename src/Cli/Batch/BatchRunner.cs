using System.Diagnostics;
using System.Security.Cryptography;
using Extractor.Cli.Dedup;
using Extractor.Cli.IO;
using Extractor.Parsing;

namespace Extractor.Cli.Batch;

/// <summary>The totals of a batch.</summary>
internal sealed record BatchSummary(int Files, int Parsed, int WithWarnings, int Failed, int Items, TimeSpan Elapsed)
{
    /// <summary>Files parsed that gave no items (each has a warning saying why).</summary>
    public int Empty { get; init; }

    /// <summary>Files not parsed because the batch was cancelled (Ctrl-C, SIGTERM).</summary>
    public int NotDone { get; init; }
}

/// <summary>
/// Parses files in parallel and hands the outcomes to the sink in input order. A window of permits, taken in input order
/// before a file is started and given back when its outcome is written, bounds how far parsing runs ahead of writing:
/// memory stays flat however many files there are, and the earliest unwritten file always holds a permit.
/// </summary>
/// <param name="parser">Parses the files parsed in this process.</param>
/// <param name="jobs">Files parsed at once.</param>
/// <param name="timeout">Time one file may take.</param>
/// <param name="pool">The worker processes, when some files are parsed in them.</param>
/// <param name="isolate">Which formats are parsed in <paramref name="pool"/>.</param>
/// <param name="withText">Keep each notice's extracted text in its outcome (for outputs that show it).</param>
/// <param name="withHash">
/// Give each outcome its content hash (for outputs keyed by it). Only those pay for hashing, and a run that needs none
/// does not load the system's cryptography library (some 4 ms of one small file's run).
/// </param>
/// <param name="openInput">Opens standard input, for the input <c>-</c>.</param>
/// <param name="prepare">
/// Readies a parsed outcome for its output (serializes it) on the parsing thread, so that the ordered writing does only
/// what must be done in order.
/// </param>
internal sealed class BatchRunner(NoticeParser parser, int jobs, TimeSpan? timeout, WorkerPool? pool = null, Func<InputFormat, bool>? isolate = null,
    bool withText = false, Func<Stream>? openInput = null, Func<FileOutcome, FileOutcome>? prepare = null, bool withHash = false)
{
    private readonly Func<Stream> _openInput = openInput ?? Console.OpenStandardInput;

    /// <summary>
    /// Parses <paramref name="files"/> and writes each outcome in input order. When <paramref name="cancellation"/> is
    /// cancelled, no file is started any more, the files being parsed are abandoned, and every file that had finished is
    /// still written (in input order, past the gaps): the batch returns normally, its summary counting the files not done.
    /// <paramref name="finished"/> hears of each file as soon as it is parsed, before it is written (for the progress count).
    /// </summary>
    public async Task<BatchSummary> RunAsync(IReadOnlyList<InputFile> files, Func<FileOutcome, Task> write, CancellationToken cancellation,
        Action<FileOutcome>? finished = null)
    {
        var clock = Stopwatch.StartNew();
        var window = new SemaphoreSlim(Math.Max(1, jobs) * 4);
        var done = new Dictionary<int, FileOutcome?>();
        var gate = new SemaphoreSlim(1, 1);
        var next = 0;
        int parsed = 0, warned = 0, failed = 0, items = 0, empty = 0, notDone = 0;

        async IAsyncEnumerable<int> Indexes()
        {
            for (var i = 0; i < files.Count; i++)
            {
                try
                {
                    await window.WaitAsync(cancellation).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    yield break;
                }
                if (cancellation.IsCancellationRequested) yield break;
                yield return i;
            }
        }

        async Task Drain(bool all)
        {
            while (done.Remove(next, out var ready) || (all && next < files.Count))
            {
                if (ready is null)
                {
                    notDone++; // cancelled while it was parsed, or never started
                }
                else
                {
                    if (ready.Parsed)
                    {
                        parsed++;
                        items += ready.Items;
                        if (ready.Warnings > 0) warned++;
                        if (ready.Items == 0) empty++;
                    }
                    else
                    {
                        failed++;
                    }
                    await write(ready).ConfigureAwait(false);
                }
                next++;
                window.Release();
            }
        }

        await Parallel.ForEachAsync(Indexes(), new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, jobs) },
            async (index, _) =>
            {
                var outcome = await ParseAsync(files[index], cancellation).ConfigureAwait(false);
                if (outcome is not null && prepare is not null && outcome.Parsed) outcome = prepare(outcome);
                if (outcome is not null) finished?.Invoke(outcome);
                await gate.WaitAsync(CancellationToken.None).ConfigureAwait(false);
                try
                {
                    done[index] = outcome;
                    await Drain(all: false).ConfigureAwait(false);
                }
                finally
                {
                    gate.Release();
                }
            }).ConfigureAwait(false);
        // Cancelled: what finished after a gap is written now, and the files never started are counted.
        await Drain(all: true).ConfigureAwait(false);
        return new BatchSummary(files.Count, parsed, warned, failed, items, clock.Elapsed) { Empty = empty, NotDone = notDone };
    }

    /// <summary>
    /// Parses one file. It is read once and its format detected: the format decides whether it is parsed in a worker
    /// process (then the worker is sent the bytes) or here, from the bytes already read. A file that cannot be parsed,
    /// or takes longer than the time limit, becomes an error outcome; a file abandoned because the batch was cancelled, null.
    /// </summary>
    private async Task<FileOutcome?> ParseAsync(InputFile file, CancellationToken cancellation)
    {
        if (file.Problem is not null) return new FileOutcome(file, null, file.Problem) { ErrorKind = NoticeErrorKind.Unreadable };
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        // The time limit runs from when the parse starts, not from when it was queued: a file waiting for a thread is
        // not timed out for it.
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var work = Task.Run(() =>
        {
            started.TrySetResult();
            return ParseHere(file, limit.Token);
        }, limit.Token);
        try
        {
            await Task.WhenAny(started.Task, work).WaitAsync(cancellation).ConfigureAwait(false);
            var (outcome, isolated, hash) = timeout is { } t
                ? await work.WaitAsync(t, cancellation).ConfigureAwait(false)
                : await work.WaitAsync(cancellation).ConfigureAwait(false);
            if (isolated is var (format, content)) outcome = await pool!.ParseAsync(file, content, format, withText, cancellation).ConfigureAwait(false);
            return outcome! with { ContentHash = hash };
        }
        catch (TimeoutException) when (!work.IsCompleted || work.IsCanceled)
        {
            limit.Cancel(); // the parse stops at its next check (every long loop has one); the batch does not wait for it
            _ = work.ContinueWith(static t => _ = t.Exception, TaskScheduler.Default);
            return new FileOutcome(file, null, $"timed out after {timeout!.Value.TotalSeconds:0.#} s") { ErrorKind = NoticeErrorKind.TimedOut };
        }
        catch (NoticeFormatException e)
        {
            return new FileOutcome(file, null, e.Message) { ErrorKind = e.Kind };
        }
        catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
        {
            limit.Cancel();
            _ = work.ContinueWith(static t => _ = t.Exception, TaskScheduler.Default);
            return null; // the batch was cancelled: not an outcome of the file's
        }
        catch (Exception e)
        {
            // The library throws only NoticeFormatException for bad input; anything else is a bug, reported, not fatal.
            return new FileOutcome(file, null, $"internal error ({e.GetType().Name}): {e.Message}");
        }
    }

    /// <summary>A pipe or a device named on the command line, read to its end within the size limit.</summary>
    private byte[] ReadStream(InputFile file)
    {
        FileStream stream;
        try
        {
            stream = new FileStream(file.FullPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, bufferSize: 1);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new NoticeFormatException(NoticeErrorKind.Unreadable, e is UnauthorizedAccessException ? "permission denied" : e.Message, e) { SourcePath = file.DisplayPath };
        }
        using (stream) return parser.ReadStream(stream, file.DisplayPath);
    }

    /// <summary>
    /// Reads the file once (standard input for <c>-</c>), hashes it and detects its format; parses it here unless the format is isolated (then
    /// returns the format). A notice parsed here gets its text's fingerprint, and its text when the output wants it.
    /// </summary>
    private (FileOutcome? Outcome, (InputFormat, byte[])? Isolated, string? Hash) ParseHere(InputFile file, CancellationToken cancellation)
    {
        byte[] content;
        if (file.IsStandardInput)
        {
            using var stdin = _openInput();
            content = parser.ReadStream(stdin, file.DisplayPath);
        }
        else if (file.IsStream)
        {
            content = ReadStream(file);
        }
        else
        {
            content = parser.ReadFile(file.FullPath);
        }
        var hash = withHash ? Convert.ToHexStringLower(SHA256.HashData(content)) : null;
        var format = parser.DetectFormat(content, file.DisplayPath);
        if (pool is not null && isolate?.Invoke(format) == true) return (null, (format, content), hash);
        var parsed = parser.ParseWithDocument(content, format, file.DisplayPath, cancellation);
        return (new FileOutcome(file, parsed.Notice, null)
        {
            Fingerprint = TextFingerprint.Of(NoticeContent.Of(parsed.Notice)),
            Text = withText ? NoticeText.From(parsed.Document) : null,
        }, null, hash);
    }
}
