using System.Diagnostics;
using System.Threading.Channels;
using Extractor.Cli.IO;
using Extractor.Parsing;

namespace Extractor.Cli.Batch;

/// <summary>
/// Parses files in worker processes (<c>extractor __worker</c>), so that a reader failure .NET cannot catch — a stack
/// overflow in a PDF library on a damaged file — costs that file, not the batch, and a file over the time limit is
/// really stopped (its worker is killed). Workers are persistent and speak <see cref="WorkerProtocol"/>; a worker's
/// JSON is written out as it is when the output is JSON of the style it was asked for. Each worker's heap is capped.
/// </summary>
/// <param name="workerArguments">The worker's command line (after the program).</param>
/// <param name="size">Most workers at once.</param>
/// <param name="timeout">Time one file may take.</param>
/// <param name="indented">Workers answer with indented JSON (for JSON output) rather than one line.</param>
internal sealed class WorkerPool(IReadOnlyList<string> workerArguments, int size, TimeSpan? timeout, bool indented) : IDisposable
{
    /// <summary>The heap one worker may use (2 GiB): a runaway file fails with out-of-memory instead of taking the machine.</summary>
    private const string HeapLimit = "0x80000000";

    /// <summary>
    /// Calls after which the runtime recompiles a method fully optimized (its default is 30), for the workers. A worker
    /// runs thousands of methods of the PDF code, nearly all precompiled (ReadyToRun): with the default each worker spent
    /// some 2 s of a 100-PDF batch's 5 s of CPU recompiling them (JitInfo); at 4,096 only the hot ones are, and the batch
    /// took some 15 % less time, a 300-PDF one some 7 % (tools/bench-cli.py). The runtime reads it as hexadecimal; a
    /// setting of the user's own is kept.
    /// </summary>
    private const string CallCountThreshold = "0x1000";

    /// <summary>
    /// The allocation budget between a worker's young-generation collections (32 MiB; the runtime chose some 14 MiB
    /// here). Parsing a PDF allocates some 45 MB, most of it short-lived: with the default a worker collected some 160
    /// times over 50 PDFs and paused 0.6 s; at 32 MiB some 80 times and 0.4 s, with the same peak memory (VmHWM
    /// ~145 MB; 64 MiB would add 23 MB). Hexadecimal, as the runtime reads it; a setting of the user's own is kept.
    /// </summary>
    private const string YoungGenerationBudget = "0x2000000";

    /// <summary>How long, in milliseconds, the workers of a finished batch are given to exit once their input is closed.</summary>
    private const int ExitGrace = 2000;

    private readonly Channel<Worker> _idle = Channel.CreateUnbounded<Worker>();
    private readonly List<Worker> _all = [];
    private readonly Lock _lock = new();
    private int _started;

    private sealed class Worker(Process process) : IDisposable
    {
        private readonly Queue<string> _stderr = new();

        public Process Process { get; } = process;

        /// <summary>The worker's answers, buffered (the pipe itself is not).</summary>
        public Stream Output { get; } = new BufferedStream(process.StandardOutput.BaseStream);

        public void Listen() => Process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is null) return;
            lock (_stderr)
            {
                _stderr.Enqueue(e.Data);
                if (_stderr.Count > 20) _stderr.Dequeue();
            }
        };

        /// <summary>The signal that ended the worker (.NET reports 128 + the signal as its exit code), or null.</summary>
        public int? Signal()
        {
            try
            {
                if (!Process.WaitForExit(2000)) return null;
                return Process.ExitCode is > 128 and < 160 ? Process.ExitCode - 128 : null;
            }
            catch (InvalidOperationException)
            {
                return null;
            }
        }

        /// <summary>What the worker said before it died: the first line .NET prints (<c>Stack overflow.</c>).</summary>
        public string? Why()
        {
            Thread.Sleep(50); // let the last stderr lines arrive
            lock (_stderr) return _stderr.FirstOrDefault(l => l.Trim().Length > 0 && !l.StartsWith("   at ", StringComparison.Ordinal))?.Trim();
        }

        public void Dispose()
        {
            try
            {
                if (!Process.HasExited) Process.Kill(entireProcessTree: true);
            }
            catch (InvalidOperationException)
            {
            }
            Process.Dispose();
        }
    }

    /// <summary>Parses <paramref name="file"/>'s <paramref name="content"/> in a worker; with <paramref name="withText"/>, the worker sends its extracted text too.</summary>
    public async Task<FileOutcome> ParseAsync(InputFile file, byte[] content, InputFormat format, bool withText, CancellationToken cancellation, bool retry = true)
    {
        var worker = await Rent(cancellation).ConfigureAwait(false);
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        if (timeout is { } t) limit.CancelAfter(t);
        WorkerProtocol.Answer? answer;
        try
        {
            await WorkerProtocol.WriteRequestAsync(worker.Process.StandardInput.BaseStream, new WorkerProtocol.Request(file.DisplayPath, format.Name, withText),
                content, limit.Token).ConfigureAwait(false);
            answer = await WorkerProtocol.ReadAnswerAsync(worker.Output, limit.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            Retire(worker); // it is in the middle of a request: out of step
            if (cancellation.IsCancellationRequested) throw;
            return new FileOutcome(file, null, $"timed out after {timeout!.Value.TotalSeconds:0.#} s") { ErrorKind = NoticeErrorKind.TimedOut };
        }
        catch (IOException)
        {
            answer = null; // the worker died while we wrote to it
        }
        catch (InvalidDataException e)
        {
            Retire(worker);
            return new FileOutcome(file, null, e.Message);
        }
        if (answer is null)
        {
            var why = worker.Why();
            var signal = worker.Signal();
            Retire(worker);
            // Killed from outside (SIGKILL, SIGTERM, SIGINT: the system's out-of-memory killer, a user) rather than
            // crashed on the file (a stack overflow aborts): the file is not to blame, so it is tried once more.
            if (signal is 9 or 15 or 2)
            {
                if (retry) return await ParseAsync(file, content, format, withText, cancellation, retry: false).ConfigureAwait(false);
                return new FileOutcome(file, null, $"the worker process parsing it was killed (signal {signal}) twice, from outside or by the system for lack of memory");
            }
            return new FileOutcome(file, null, $"the reader crashed on this file{(why is null ? "" : $" ({why.TrimEnd('.')})")}: it is damaged") { ErrorKind = NoticeErrorKind.Corrupt };
        }
        _idle.Writer.TryWrite(worker);
        return answer.Ok
            ? new FileOutcome(file, null, null)
            {
                Serialized = new SerializedNotice(answer.Payload, indented, answer.Items, answer.Warnings),
                Fingerprint = answer.Fingerprint,
                Text = answer.Text,
            }
            : new FileOutcome(file, null, answer.Payload) { ErrorKind = answer.Kind };
    }

    /// <summary>
    /// Starts up to <paramref name="count"/> workers now, so that they start up while the batch reads its first files
    /// rather than when the first file is handed to one.
    /// </summary>
    public void Warm(int count)
    {
        lock (_lock)
        {
            while (_started < Math.Min(count, size))
            {
                _started++;
                _idle.Writer.TryWrite(Start());
            }
        }
    }

    private async ValueTask<Worker> Rent(CancellationToken cancellation)
    {
        if (_idle.Reader.TryRead(out var idle)) return idle;
        lock (_lock)
        {
            if (_started < size)
            {
                _started++;
                return Start();
            }
        }
        return await _idle.Reader.ReadAsync(cancellation).ConfigureAwait(false);
    }

    private void Retire(Worker worker)
    {
        worker.Dispose();
        lock (_lock)
        {
            _all.Remove(worker);
            _started--;
        }
    }

    /// <summary>Sets the runtime setting <paramref name="name"/> for a worker unless the user's environment sets it (either prefix).</summary>
    internal static void SetUnlessUsers(ProcessStartInfo start, string name, string value)
    {
        if (!start.Environment.ContainsKey("DOTNET_" + name) && !start.Environment.ContainsKey("COMPlus_" + name))
            start.Environment["DOTNET_" + name] = value;
    }

    private Worker Start()
    {
        var (program, prefix) = Host();
        var start = new ProcessStartInfo(program)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in prefix.Concat(workerArguments)) start.ArgumentList.Add(arg);
        start.ArgumentList.Add(indented ? "--json=indented" : "--json=line");
        start.Environment["DOTNET_GCHeapHardLimit"] = HeapLimit;
        start.Environment["DOTNET_DbgEnableMiniDump"] = "0";
        SetUnlessUsers(start, "TC_CallCountThreshold", CallCountThreshold);
        SetUnlessUsers(start, "GCgen0size", YoungGenerationBudget);
        var worker = new Worker(Process.Start(start) ?? throw new InvalidOperationException("the worker process did not start"));
        worker.Listen();
        worker.Process.BeginErrorReadLine();
        _all.Add(worker);
        return worker;
    }

    /// <summary>
    /// How to run this program again: the apphost (<c>extractor</c>) itself, or the dotnet host with this assembly
    /// (when run as <c>dotnet extractor.dll</c>, or inside a test host).
    /// </summary>
    private static (string Program, string[] Prefix) Host()
    {
        var self = Environment.ProcessPath ?? "dotnet";
        if (Path.GetFileNameWithoutExtension(self).Equals("extractor", StringComparison.OrdinalIgnoreCase)) return (self, []);
        var dotnet = Path.GetFileNameWithoutExtension(self).Equals("dotnet", StringComparison.OrdinalIgnoreCase)
            ? self
            : Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet";
        return (dotnet, [typeof(WorkerPool).Assembly.Location]);
    }

    public void Dispose()
    {
        lock (_lock)
        {
            // Closing its input ends a worker; each is given a moment to exit on its own and be reaped (so its CPU
            // time counts in ours, and nothing is killed in the middle of exiting) before what is left is killed.
            foreach (var worker in _all)
            {
                try { worker.Process.StandardInput.Close(); } catch (IOException) { }
            }
            var until = Environment.TickCount64 + ExitGrace;
            foreach (var worker in _all)
            {
                try { worker.Process.WaitForExit((int)Math.Max(0, until - Environment.TickCount64)); } catch (InvalidOperationException) { } catch (System.ComponentModel.Win32Exception) { }
                worker.Dispose();
            }
            _all.Clear();
        }
    }
}
