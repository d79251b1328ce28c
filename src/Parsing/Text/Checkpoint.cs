namespace Extractor.Parsing.Text;

/// <summary>
/// Where a parse's long loops look for cancellation. <see cref="NoticeParser"/> opens a scope with the caller's token on
/// the thread that parses (a parse runs on one thread); a loop over paragraphs, units, items, windows of text calls
/// <see cref="Tick"/>, which looks at the token every few hundred calls. A parse that is cancelled — a batch's time
/// limit, Ctrl-C — stops within a few hundred steps of any loop, rather than running on unseen.
/// </summary>
internal static class Checkpoint
{
    [ThreadStatic] private static CancellationToken _token;
    [ThreadStatic] private static int _ticks;

    /// <summary>Makes <paramref name="token"/> the one <see cref="Tick"/> looks at on this thread until the scope is disposed.</summary>
    public static Scope Enter(CancellationToken token)
    {
        var outer = _token;
        _token = token;
        return new Scope(outer);
    }

    /// <summary>Counts one step of a loop; every 256th looks at the token.</summary>
    /// <exception cref="OperationCanceledException">The parse was cancelled.</exception>
    public static void Tick()
    {
        if ((++_ticks & 255) == 0) _token.ThrowIfCancellationRequested();
    }

    /// <summary>Looks at the token now.</summary>
    public static void Now() => _token.ThrowIfCancellationRequested();

    public readonly struct Scope(CancellationToken outer) : IDisposable
    {
        public void Dispose() => _token = outer;
    }
}
