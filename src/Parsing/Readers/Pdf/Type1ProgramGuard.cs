namespace Extractor.Parsing.Readers.Pdf;

/// <summary>
/// Keeps PdfPig's Type 1 font reader from running without end on a damaged embedded font program (a PDF's
/// <c>/FontFile</c> stream). PdfPig reads the encrypted (eexec) portion of such a program with a tokenizer whose number
/// reader does not notice the end of its data: if the decrypted portion ends in a digit and the tokenizer gets there —
/// which only a damaged program lets it — the digit is appended to a string until memory runs out (4 GB and some 20 s
/// per font). A decrypted portion that ends in anything but a digit stops that reader.
/// <para>
/// So, reading the program as PdfPig does (the encrypted portion runs from after the <c>eexec</c> operator to
/// <c>cleartomark</c> or the end of the data, is hexadecimal when its second to fourth bytes are hex digits, and is
/// decrypted with the Type 1 format's eexec cipher, whose first four plain bytes are discarded), when the last plain
/// byte is a digit, one cipher byte is added at the end of the encrypted portion, chosen so that it decrypts to white
/// space (or, failing that, to another byte that is not a digit). The eexec cipher feeds the cipher text back into its
/// key, so every earlier plain byte is unchanged: the program reads as before, with white space after it. Refused
/// (PdfPig then reads the font without its program): a charstring that declares more bytes than the program holds
/// (PdfPig allocates and reads them all), a PFB-wrapped program whose segments run past the end of its data (PdfPig
/// would read repeated bytes in their place), and a program holding <c>eexec</c> more than once (see
/// <see cref="EncryptedStart"/>).
/// </para>
/// </summary>
internal static class Type1ProgramGuard
{
    private const int RandomBytes = 4;
    private const ushort EexecKey = 55665;
    private const int C1 = 52845;
    private const int C2 = 22719;
    private const byte PfbMarker = 0x80;

    private static ReadOnlySpan<byte> Eexec => "eexec"u8;
    private static ReadOnlySpan<byte> ClearToMark => "cleartomark"u8;

    /// <summary>Plain bytes the added cipher byte is made to decrypt to, in order of preference.</summary>
    private static ReadOnlySpan<byte> Blanks => "\n \r\t"u8;

    /// <summary>
    /// The program, or a copy with the encrypted portion made to end in a byte that is not a digit.
    /// </summary>
    /// <exception cref="InvalidDataException">The program cannot be read safely.</exception>
    public static Memory<byte> Protect(Memory<byte> program)
    {
        var data = program.Span;
        if (Portion(data) is not { } found) return program;
        var (start, end, lengthField) = found;
        var reading = Read(data[start..end]);
        CheckCharStrings(reading.Plain);
        if (reading.Plain.Length == 0 || !char.IsAsciiDigit((char)reading.Plain[^1])) return program;
        var insert = Ending(reading);
        var result = Insert(data, end, insert);
        if (lengthField >= 0) WriteLength(result.Span[lengthField..], end - start + insert.Length);
        return result;
    }

    /// <summary>
    /// Where the encrypted portion lies, and where the length field to raise with it is (-1 when none); null when the
    /// program has none. A PFB-wrapped program holds a <c>0x80 0x01</c> segment of clear text and a <c>0x80 0x02</c>
    /// segment that is the encrypted portion, each with its length (four bytes, least significant first).
    /// </summary>
    private static (int Start, int End, int LengthField)? Portion(ReadOnlySpan<byte> data)
    {
        if (data.Length > 0 && data[0] == PfbMarker)
        {
            var binaryHeader = Segment(data, 0, 1);
            return (binaryHeader + 6, Segment(data, binaryHeader, 2), binaryHeader + 2);
        }
        var start = EncryptedStart(data);
        return start < 0 ? null : (start, EncryptedEnd(data, start), -1);
    }

    /// <summary>
    /// Refuses a plain text in which a charstring (<c>n RD</c> or <c>n -|</c>, then n binary bytes) declares more
    /// bytes than the whole plain text holds: PdfPig allocates the n bytes and reads them one by one whatever is left
    /// (2 GB and some 20 s for n = 2,000,000,000).
    /// </summary>
    private static void CheckCharStrings(ReadOnlySpan<byte> plain)
    {
        for (var at = 0; at < plain.Length - 1; at++)
        {
            var next = plain[at..^1].IndexOfAny(RdStarts);
            if (next < 0) return;
            at += next;
            var isRd = plain[at] == '-' ? plain[at + 1] == '|' : (plain[at + 1] | 0x20) == 'd';
            if (!isRd || at + 2 < plain.Length && !EndsToken(plain[at + 2])) continue;

            // The token before it: an integer, with white space between or none ("5RD" reads as 5 and RD).
            var end = at;
            while (end > 0 && IsWhite(plain[end - 1])) end--;
            var start = end;
            while (start > 0 && char.IsAsciiDigit((char)plain[start - 1])) start--;
            if (start == end) continue;
            if (start > 0 && plain[start - 1] == '+') start--;
            if (start > 0 && !EndsToken(plain[start - 1])) continue;

            long declared = 0;
            foreach (var digit in plain[start..end])
                if (digit != '+') declared = Math.Min(declared * 10 + digit - '0', long.MaxValue / 20);
            if (declared > plain.Length)
                throw new InvalidDataException($"a charstring of the Type 1 font program declares {declared} bytes, more than the program holds");
        }
    }

    private static readonly System.Buffers.SearchValues<byte> RdStarts = System.Buffers.SearchValues.Create("Rr-"u8);

    /// <summary>Where the segment at <paramref name="at"/> ends (where the next header starts).</summary>
    private static int Segment(ReadOnlySpan<byte> data, int at, byte type)
    {
        if (at > data.Length - 6 || data[at] != PfbMarker || data[at + 1] != type)
            throw new InvalidDataException("the PFB-wrapped Type 1 font program has a damaged segment header");
        var length = (long)data[at + 2] | (long)data[at + 3] << 8 | (long)data[at + 4] << 16 | (long)data[at + 5] << 24;
        if (length > data.Length - (at + 6L))
            throw new InvalidDataException("a segment of the PFB-wrapped Type 1 font program runs past its data");
        return at + 6 + (int)length;
    }

    private static void WriteLength(Span<byte> field, int length)
    {
        for (var i = 0; i < 4; i++) field[i] = (byte)(length >> (8 * i));
    }

    private static Memory<byte> Insert(ReadOnlySpan<byte> data, int at, ReadOnlySpan<byte> insert)
    {
        var result = new byte[data.Length + insert.Length];
        data[..at].CopyTo(result);
        insert.CopyTo(result.AsSpan(at));
        data[at..].CopyTo(result.AsSpan(at + insert.Length));
        return result;
    }

    /// <summary>
    /// Where the encrypted portion starts: after <c>eexec</c> and the one byte that ends the operator (white space or a
    /// delimiter), which PdfPig's operator reader takes; -1 when the program has none. PdfPig finds the operator by
    /// tokenizing the clear text, which a damaged program can lead astray (a string left open runs over the operator and
    /// on into the encrypted bytes); rather than tokenize as it does, the bytes are looked for, and a program holding
    /// them more than once is refused (in a sound program they occur once: the encrypted bytes are hex digits, or
    /// random).
    /// </summary>
    internal static int EncryptedStart(ReadOnlySpan<byte> data)
    {
        var start = -1;
        for (var at = data.IndexOf(Eexec); at >= 0; at = data[(at + 1)..].IndexOf(Eexec) is var next and >= 0 ? at + 1 + next : -1)
        {
            var end = at + Eexec.Length;
            if (end >= data.Length || !EndsWord(data[end])) continue;
            if (start >= 0) throw new InvalidDataException("the Type 1 font program holds eexec more than once");
            start = end + 1;
        }
        return start;
    }

    private static bool EndsWord(byte b) => IsWhite(b) || b is (byte)'<' or (byte)'>' or (byte)'[' or (byte)']' or (byte)'/' or (byte)'(' or (byte)')' or (byte)'%';

    /// <summary>What ends a token of the encrypted portion's reader: what ends an operator, and procedure braces.</summary>
    private static bool EndsToken(byte b) => EndsWord(b) || b is (byte)'{' or (byte)'}';

    private static bool IsWhite(byte b) => b is 0 or (byte)' ' or (byte)'\n' or (byte)'\r' or (byte)'\t' or 12;

    private static bool IsHex(byte b) => char.IsAsciiHexDigit((char)b);

    /// <summary>
    /// Where the encrypted portion from <paramref name="start"/> ends: at <c>cleartomark</c>, matched as PdfPig matches
    /// it (a byte that breaks a partial match belongs to the portion and does not start a new match), or at the end of
    /// the data, less a partial match there.
    /// </summary>
    internal static int EncryptedEnd(ReadOnlySpan<byte> data, int start)
    {
        var matched = 0;
        for (var i = start; i < data.Length; i++)
        {
            matched = data[i] == ClearToMark[matched] ? matched + 1 : 0;
            if (matched == ClearToMark.Length) return i + 1 - matched;
        }
        return data.Length - matched;
    }

    /// <summary>
    /// An encrypted portion read as PdfPig reads it: its plain text (hex or binary, padded, the first four bytes
    /// dropped), and what choosing a byte to add at its end needs — the form, the hex form's padding of zero bytes and
    /// last unpaired digit, and the eexec key after the cipher text proper (before the padding).
    /// </summary>
    private readonly record struct Reading(byte[] Plain, bool Hex, int Padding, byte? Dangling, ushort Key);

    private static Reading Read(ReadOnlySpan<byte> portion)
    {
        var hex = IsHexForm(portion);
        var padding = 0;
        byte? dangling = null;
        ReadOnlySpan<byte> cipher = hex ? HexCipher(portion, out padding, out dangling) : portion;
        var plain = new byte[Math.Max(0, cipher.Length + padding - RandomBytes)];
        var key = EexecKey;
        var keyAfterCipher = key;
        for (var i = 0; i < cipher.Length + padding; i++)
        {
            if (i == cipher.Length) keyAfterCipher = key;
            var c = i < cipher.Length ? cipher[i] : (byte)0;
            if (i >= RandomBytes) plain[i - RandomBytes] = (byte)(c ^ (key >> 8));
            key = Step(key, c);
        }
        return new Reading(plain, hex, padding, dangling, padding == 0 ? key : keyAfterCipher);
    }

    /// <summary>
    /// The bytes to add at the end of a portion whose last plain byte is a digit: one cipher byte (two hex digits in hex
    /// form) whose plain byte — or, in hex form, the last of the padding after it — is white space, or else no digit.
    /// </summary>
    private static byte[] Ending(Reading reading)
    {
        byte? fallback = null;
        foreach (var blank in Blanks)
        {
            for (var candidate = 0; candidate < (reading.Dangling is null ? 256 : 16); candidate++)
            {
                // After a dangling high nibble only the low one can be chosen.
                var added = reading.Dangling is { } high ? (byte)(high << 4 | candidate) : (byte)candidate;
                if (!reading.Hex && added == ClearToMark[0]) continue; // would start a match of the mark that follows
                var plain = LastPlain(reading.Key, added, reading.Padding);
                if (plain == blank) return Encode(added, reading.Hex, reading.Dangling is not null);
                if (fallback is null && !char.IsAsciiDigit((char)plain)) fallback = added;
            }
        }
        return fallback is { } other
            ? Encode(other, reading.Hex, reading.Dangling is not null)
            : throw new InvalidDataException("the Type 1 font program's encrypted portion cannot be ended safely");
    }

    /// <summary>
    /// The encrypted portion's plain text as PdfPig decrypts it (its first four bytes dropped), for diagnostics and
    /// tests; empty when the program has no encrypted portion.
    /// </summary>
    internal static byte[] PlainText(ReadOnlySpan<byte> program) =>
        Portion(program) is { } found ? Read(program[found.Start..found.End]).Plain : [];

    /// <summary>The last plain byte after <paramref name="added"/> and <paramref name="padding"/> zero bytes.</summary>
    private static byte LastPlain(ushort key, byte added, int padding)
    {
        var plain = added ^ (key >> 8);
        key = Step(key, added);
        for (var i = 0; i < padding; i++)
        {
            plain = key >> 8;
            key = Step(key, 0);
        }
        return (byte)plain;
    }

    private static byte[] Encode(byte added, bool hex, bool afterDangling)
    {
        const string digits = "0123456789ABCDEF";
        if (!hex) return [added];
        // After a dangling high nibble the first digit added completes that byte; the second is left dangling.
        return afterDangling ? [(byte)digits[added & 0xF], (byte)'0'] : [(byte)digits[added >> 4], (byte)digits[added & 0xF]];
    }

    private static ushort Step(ushort key, byte cipher) => (ushort)((cipher + key) * C1 + C2);

    /// <summary>
    /// Hexadecimal when the portion has four bytes or more, the first is not white space and the next three are hex
    /// digits (PdfPig's test).
    /// </summary>
    private static bool IsHexForm(ReadOnlySpan<byte> portion) =>
        portion.Length >= 4 && !IsWhite(portion[0]) && IsHex(portion[1]) && IsHex(portion[2]) && IsHex(portion[3]);

    /// <summary>
    /// The cipher text of a hex-form portion: its pairs of hex digits, other bytes skipped. As PdfPig decodes it, zero
    /// bytes follow up to half the portion's length (<paramref name="padding"/>); <paramref name="dangling"/> is a last
    /// unpaired digit.
    /// </summary>
    private static byte[] HexCipher(ReadOnlySpan<byte> portion, out int padding, out byte? dangling)
    {
        dangling = null;
        var pairs = new List<byte>(portion.Length / 2);
        foreach (var b in portion)
        {
            if (!IsHex(b)) continue;
            var value = (byte)(b <= '9' ? b - '0' : (b | 0x20) - 'a' + 10);
            if (dangling is { } high)
            {
                pairs.Add((byte)(high << 4 | value));
                dangling = null;
            }
            else dangling = value;
        }
        padding = portion.Length / 2 - pairs.Count;
        return [.. pairs];
    }
}
