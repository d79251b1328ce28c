namespace Extractor.Cli.Dedup;

/// <summary>
/// What a notice's text is, for finding copies of it (<see cref="NoticeContent"/>): a hash of its normalized text (for
/// identical copies) and a MinHash signature of its 5-character shingles (for near-identical ones). The text is
/// normalized first — full-width letters and digits folded to ASCII, ASCII lower-cased, everything that is not a letter
/// or digit dropped — so that spacing, line breaks and punctuation differences between a site's HTML and a mirror's
/// PDF do not count. A fingerprint is 268 bytes whatever the notice's length: a batch keeps fingerprints, never texts.
/// </summary>
internal sealed class TextFingerprint
{
    /// <summary>Characters per shingle.</summary>
    public const int ShingleLength = 5;

    /// <summary>Hash functions in the signature: the estimate of a similarity of 0.8 is within ±0.05 (one standard deviation).</summary>
    public const int Hashes = 64;

    private static readonly ulong[] Multipliers = Seeds(0x9E3779B97F4A7C15UL);
    private static readonly ulong[] Increments = Seeds(0xD1B54A32D192ED03UL);

    private TextFingerprint(ulong exact, uint[] signature, int length)
    {
        Exact = exact;
        Signature = signature;
        Length = length;
    }

    /// <summary>A hash of the whole normalized text.</summary>
    public ulong Exact { get; }

    /// <summary>The MinHash signature (<see cref="Hashes"/> values); empty when the text is shorter than a shingle.</summary>
    public uint[] Signature { get; }

    /// <summary>Characters of normalized text.</summary>
    public int Length { get; }

    /// <summary>The fingerprint of <paramref name="text"/>; null when nothing of it is left after normalization.</summary>
    public static TextFingerprint? Of(string text)
    {
        var normalized = Normalize(text);
        if (normalized.Length == 0) return null;
        var exact = Mix(Fnv(normalized.AsSpan()));
        if (normalized.Length < ShingleLength) return new TextFingerprint(exact, [], normalized.Length);
        var signature = new uint[Hashes];
        Array.Fill(signature, uint.MaxValue);
        for (var i = 0; i + ShingleLength <= normalized.Length; i++)
        {
            var shingle = Mix(Fnv(normalized.AsSpan(i, ShingleLength)));
            for (var h = 0; h < Hashes; h++)
            {
                // Multiply-shift hashing: the high half of a*x+b with a odd is a universal family.
                var value = (uint)((Multipliers[h] * shingle + Increments[h]) >> 32);
                if (value < signature[h]) signature[h] = value;
            }
        }
        return new TextFingerprint(exact, signature, normalized.Length);
    }

    /// <summary>The share of shingles two texts have in common (Jaccard similarity), estimated from the signatures; 1 for identical texts.</summary>
    public double Similarity(TextFingerprint other)
    {
        if (Exact == other.Exact && Length == other.Length) return 1;
        if (Signature.Length == 0 || other.Signature.Length == 0) return 0;
        var same = 0;
        for (var h = 0; h < Hashes; h++)
            if (Signature[h] == other.Signature[h]) same++;
        return (double)same / Hashes;
    }

    /// <summary>The text as compared: letters and digits only, full-width folded, ASCII lower-cased.</summary>
    internal static string Normalize(string text)
    {
        var buffer = new char[text.Length];
        var n = 0;
        foreach (var raw in text)
        {
            var c = raw is >= '\uFF01' and <= '\uFF5E' ? (char)(raw - 0xFEE0) : raw;
            if (c is >= 'A' and <= 'Z') c = (char)(c + 32);
            if (char.IsLetterOrDigit(c) || char.IsSurrogate(c)) buffer[n++] = c;
        }
        return new string(buffer, 0, n);
    }

    /// <summary>The fingerprint as bytes (to send from a worker, or store in a database).</summary>
    public byte[] ToBytes()
    {
        var bytes = new byte[12 + Signature.Length * 4];
        BitConverter.TryWriteBytes(bytes.AsSpan(0), Exact);
        BitConverter.TryWriteBytes(bytes.AsSpan(8), Length);
        for (var i = 0; i < Signature.Length; i++) BitConverter.TryWriteBytes(bytes.AsSpan(12 + i * 4), Signature[i]);
        return bytes;
    }

    /// <summary>Reads <see cref="ToBytes"/>; null for anything else.</summary>
    public static TextFingerprint? FromBytes(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length != 12 && bytes.Length != 12 + Hashes * 4) return null;
        var signature = new uint[(bytes.Length - 12) / 4];
        for (var i = 0; i < signature.Length; i++) signature[i] = BitConverter.ToUInt32(bytes[(12 + i * 4)..]);
        return new TextFingerprint(BitConverter.ToUInt64(bytes), signature, BitConverter.ToInt32(bytes[8..]));
    }

    private static ulong Fnv(ReadOnlySpan<char> text)
    {
        var hash = 0xCBF29CE484222325UL;
        foreach (var c in text)
        {
            hash ^= c;
            hash *= 0x100000001B3UL;
        }
        return hash;
    }

    /// <summary>SplitMix64's finalizer: spreads every input bit over the output.</summary>
    private static ulong Mix(ulong x)
    {
        x ^= x >> 30;
        x *= 0xBF58476D1CE4E5B9UL;
        x ^= x >> 27;
        x *= 0x94D049BB133111EBUL;
        return x ^ (x >> 31);
    }

    private static ulong[] Seeds(ulong seed)
    {
        var values = new ulong[Hashes];
        for (var i = 0; i < Hashes; i++)
        {
            seed += 0x9E3779B97F4A7C15UL;
            values[i] = Mix(seed) | 1;
        }
        return values;
    }
}
