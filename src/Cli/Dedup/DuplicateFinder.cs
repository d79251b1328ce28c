namespace Extractor.Cli.Dedup;

/// <summary>An earlier notice that a later one copies, and how alike they are.</summary>
/// <param name="File">The earlier file as the batch names it.</param>
/// <param name="Hash">Its content hash (the key of the database tables), when known.</param>
/// <param name="Similarity">The estimated share of shingles in common, 1 for the same normalized text.</param>
internal sealed record DuplicateOf(string File, string? Hash, double Similarity);

/// <summary>
/// Finds notices whose text is the same as, or nearly the same as, an earlier one's. Texts are compared by their
/// <see cref="TextFingerprint"/>: the same normalized text is a duplicate; otherwise a text whose estimated Jaccard
/// similarity to an earlier one's is at least <see cref="Threshold"/> is. Candidates come from locality-sensitive
/// hashing of the signatures (16 bands of 4 values: two texts 0.8 alike share a band with probability above 0.999,
/// two texts 0.3 alike with probability 0.12), so each file is compared with a few others, not with all.
/// Only originals are kept — their fingerprint, name and hash, and their 16 band keys — so memory grows by some
/// 1.3 KB per distinct notice (65 MB for 50,000, as <c>DedupTests</c> measures) and never holds a text.
/// </summary>
internal sealed class DuplicateFinder
{
    /// <summary>The similarity from which a text counts as a copy of an earlier one.</summary>
    public const double Threshold = 0.8;

    private const int Bands = 16;
    private const int Rows = TextFingerprint.Hashes / Bands;

    private readonly List<(TextFingerprint Fingerprint, string File, string? Hash, bool EarlierRun)> _originals = [];
    private readonly Dictionary<ulong, int> _exact = [];

    // The originals sharing a band value, as chains: _bandHeads maps a band's key to its latest entry, and each entry
    // names its original and the entry before it with the same key.
    private readonly Dictionary<uint, int> _bandHeads = [];
    private readonly List<(int Original, int Next)> _bandEntries = [];

    /// <summary>Distinct notices seen so far.</summary>
    public int Originals => _originals.Count;

    /// <summary>
    /// The earlier notice <paramref name="fingerprint"/> copies, or null; when it copies none it becomes an original
    /// that later notices are compared with.
    /// </summary>
    public DuplicateOf? Check(TextFingerprint fingerprint, string file, string? hash)
    {
        var (found, earlierRun) = Find(fingerprint);
        // The very file an earlier run loaded is not a copy of itself (an output that keeps files by hash skips it).
        if (found is not null && earlierRun && found.Hash == hash) return null;
        if (found is null) Add(fingerprint, file, hash);
        return found;
    }

    /// <summary>Adds a notice as an original without checking it (<paramref name="earlierRun"/>: one loaded by an earlier run).</summary>
    public void Add(TextFingerprint fingerprint, string file, string? hash, bool earlierRun = false)
    {
        var index = _originals.Count;
        _originals.Add((fingerprint, file, hash, earlierRun));
        _exact.TryAdd(fingerprint.Exact, index);
        if (fingerprint.Signature.Length == 0) return;
        for (var band = 0; band < Bands; band++)
        {
            var key = BandKey(fingerprint.Signature, band);
            _bandEntries.Add((index, _bandHeads.TryGetValue(key, out var head) ? head : -1));
            _bandHeads[key] = _bandEntries.Count - 1;
        }
    }

    private (DuplicateOf?, bool EarlierRun) Find(TextFingerprint fingerprint)
    {
        if (_exact.TryGetValue(fingerprint.Exact, out var same) && _originals[same].Fingerprint.Length == fingerprint.Length)
            return (Reference(same, 1), _originals[same].EarlierRun);
        if (fingerprint.Signature.Length == 0) return (null, false);
        int best = -1;
        double bestSimilarity = 0;
        for (var band = 0; band < Bands; band++)
        {
            if (!_bandHeads.TryGetValue(BandKey(fingerprint.Signature, band), out var entry)) continue;
            for (; entry >= 0; entry = _bandEntries[entry].Next)
            {
                var original = _bandEntries[entry].Original;
                var similarity = fingerprint.Similarity(_originals[original].Fingerprint);
                // The most alike earlier notice; of equally alike ones, the earliest.
                if (similarity >= Threshold && (similarity > bestSimilarity || (similarity == bestSimilarity && original < best)))
                    (best, bestSimilarity) = (original, similarity);
            }
        }
        return best < 0 ? (null, false) : (Reference(best, bestSimilarity), _originals[best].EarlierRun);
    }

    private DuplicateOf Reference(int original, double similarity) =>
        new(_originals[original].File, _originals[original].Hash, Math.Round(similarity, 3));

    /// <summary>A band's values hashed to 32 bits, with the band's number: two texts that share a key are candidates (a collision only adds a comparison).</summary>
    private static uint BandKey(uint[] signature, int band)
    {
        var key = (ulong)band * 0x9E3779B97F4A7C15UL;
        for (var r = 0; r < Rows; r++) key = (key ^ signature[band * Rows + r]) * 0x100000001B3UL;
        return (uint)(key ^ (key >> 32));
    }
}
