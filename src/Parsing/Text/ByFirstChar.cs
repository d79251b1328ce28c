namespace Extractor.Parsing.Text;

/// <summary>
/// Words grouped by their first character, each group longest first (then in ordinal order): the words that can start
/// at a position of a text are found by a binary search over the distinct first characters, not by comparing each
/// word there. Built from arrays alone: a collection keyed by <see cref="char"/> is generic code over a value type,
/// which the runtime compiles when a process first uses it — a cost every one-file run would pay.
/// </summary>
/// <typeparam name="T">What is kept for each word.</typeparam>
internal sealed class ByFirstChar<T>
    where T : class
{
    private readonly char[] _firsts;
    private readonly T[][] _groups;

    /// <param name="items">The items; empty words are left out.</param>
    /// <param name="word">The word of an item.</param>
    public ByFirstChar(IEnumerable<T> items, Func<T, string> word)
    {
        var sorted = items.Where(i => word(i).Length > 0).ToList();
        sorted.Sort((a, b) => word(a).Length != word(b).Length ? word(b).Length.CompareTo(word(a).Length) : string.CompareOrdinal(word(a), word(b)));
        // The distinct first characters in order, by hand (an insertion into a sorted array): see the summary.
        var firsts = new char[sorted.Count];
        var count = 0;
        foreach (var item in sorted)
        {
            var c = word(item)[0];
            var at = 0;
            while (at < count && firsts[at] < c) at++;
            if (at < count && firsts[at] == c) continue;
            for (var k = count; k > at; k--) firsts[k] = firsts[k - 1];
            firsts[at] = c;
            count++;
        }
        _firsts = firsts[..count];
        _groups = new T[_firsts.Length][];
        for (var k = 0; k < _firsts.Length; k++)
        {
            var first = _firsts[k];
            _groups[k] = [.. sorted.Where(i => word(i)[0] == first)];
        }
    }

    /// <summary>Whether no word was given.</summary>
    public bool IsEmpty => _firsts.Length == 0;

    /// <summary>The words that start with <paramref name="c"/>, longest first, or null.</summary>
    public T[]? StartingWith(char c)
    {
        int lo = 0, hi = _firsts.Length - 1;
        while (lo <= hi)
        {
            var mid = (lo + hi) >>> 1;
            var first = _firsts[mid];
            if (first == c) return _groups[mid];
            if (first < c) lo = mid + 1;
            else hi = mid - 1;
        }
        return null;
    }
}
