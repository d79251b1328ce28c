using System.Collections.Concurrent;

namespace Extractor.Parsing.Readers.Ocr;

/// <summary>
/// Bounds how many pages are recognised (or rendered) at once: <see cref="OcrOptions.Parallelism"/> slots, shared
/// within the process, or between processes through lock files in <see cref="OcrOptions.SlotDirectory"/> (a slot is a
/// file held open exclusively, which the operating system releases if its process dies).
/// </summary>
internal static class OcrSlots
{
    private static readonly ConcurrentDictionary<int, SemaphoreSlim> InProcess = new();

    /// <summary>Waits for a slot; disposing the result gives it back.</summary>
    public static IDisposable Acquire(OcrOptions options, CancellationToken cancellation)
    {
        var count = Math.Max(1, options.Parallelism);
        if (options.SlotDirectory is { } directory)
        {
            Directory.CreateDirectory(directory);
            while (true)
            {
                for (var i = 0; i < count; i++)
                {
                    try
                    {
                        return new FileStream(Path.Combine(directory, $"slot-{i}.lock"), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
                    }
                    catch (IOException)
                    {
                        // held by another page
                    }
                }
                cancellation.WaitHandle.WaitOne(50);
                cancellation.ThrowIfCancellationRequested();
            }
        }
        var semaphore = InProcess.GetOrAdd(count, c => new SemaphoreSlim(c, c));
        semaphore.Wait(cancellation);
        return new Release(semaphore);
    }

    private sealed class Release(SemaphoreSlim semaphore) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0) semaphore.Release();
        }
    }
}
