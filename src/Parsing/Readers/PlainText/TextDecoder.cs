using System.Buffers;
using System.Text;

namespace Extractor.Parsing.Readers.PlainText;

/// <summary>
/// Turns the bytes of a text file into characters. The order follows what works on Chinese government text:
/// a byte-order mark; then strict UTF-8; then strict GB18030 (a superset of GBK and GB2312), unless the byte
/// pattern is that of Big5; then a statistical guess (UTF.Unknown), accepted only when it decodes cleanly.
/// Statistical detectors are unreliable on short Chinese files, so they come last.
/// </summary>
internal static class TextDecoder
{
    static TextDecoder() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    /// <summary>Makes sure the code-page encodings (GB18030, Big5) are registered.</summary>
    public static void EnsureRegistered() { }

    /// <summary>Decodes <paramref name="bytes"/>.</summary>
    /// <param name="bytes">The file content.</param>
    /// <param name="forced">An encoding the user named; when given, no detection is done.</param>
    /// <returns>The text (without byte-order mark), the encoding's web name, and whether it was a statistical guess.</returns>
    /// <exception cref="NoticeFormatException">The bytes are not text in any encoding tried.</exception>
    public static DecodedText Decode(ReadOnlySpan<byte> bytes, Encoding? forced = null)
    {
        if (forced is not null)
        {
            var preamble = forced.Preamble;
            var body = preamble.Length > 0 && bytes.StartsWith(preamble) ? bytes[preamble.Length..] : bytes;
            return new DecodedText(forced.GetString(body), forced.WebName, false);
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
            return Strict(bytes[3..], new UTF8Encoding(false, true), "utf-8");
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]))
            return Strict(bytes[2..], new UnicodeEncoding(false, false, true), "utf-16le");
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
            return Strict(bytes[2..], new UnicodeEncoding(true, false, true), "utf-16be");
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0x84, 0x31, 0x95, 0x33]))
            return Strict(bytes[4..], StrictEncoding(54936), "gb18030");

        if (Utf16WithoutBom(bytes) is { } utf16) return utf16;

        if (LooksBinary(bytes))
            throw new NoticeFormatException(NoticeErrorKind.NotText, "the file holds binary data, not text");

        if (TryStrict(bytes, new UTF8Encoding(false, true), out var utf8))
            return new DecodedText(utf8, "utf-8", false);
        if (MostlyUtf8(bytes) is { } damaged) return damaged;

        var big5Likely = LooksLikeBig5(bytes);
        if (!big5Likely && TryStrict(bytes, StrictEncoding(54936), out var gb))
            return new DecodedText(gb, "gb18030", false);
        if (TryStrict(bytes, StrictEncoding(950), out var big5))
            return new DecodedText(big5, "big5", false);
        if (big5Likely && TryStrict(bytes, StrictEncoding(54936), out gb))
            return new DecodedText(gb, "gb18030", false);

        return Guess(bytes);
    }

    private static DecodedText Guess(ReadOnlySpan<byte> bytes)
    {
        var array = bytes.ToArray();
        var result = UtfUnknown.CharsetDetector.DetectFromBytes(array);
        var detected = result.Detected;
        // Only a Chinese, Japanese or Korean multi-byte encoding can hold a notice; a single-byte guess (windows-1252…)
        // fits any bytes and means the text is not in an encoding this tool reads.
        if (detected?.Encoding is { } encoding && detected.Confidence >= 0.5f && encoding.IsSingleByte is false)
        {
            var strict = Encoding.GetEncoding(encoding.CodePage, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback);
            if (TryStrict(bytes, strict, out var text))
                return new DecodedText(text, encoding.WebName, true);
        }
        throw new NoticeFormatException(NoticeErrorKind.UnknownEncoding,
            "the text is in an encoding that could not be detected (not UTF-8, UTF-16, GB18030/GBK or Big5); name it with --encoding");
    }

    /// <summary>
    /// UTF-16 without a byte-order mark, as a browser tells it: the file has zero bytes (the high byte of each ASCII
    /// character: line feeds, digits, spaces), and read in one byte order — not the other — it decodes cleanly to
    /// characters a Chinese text is made of (ideographs, CJK and full-width punctuation, ASCII). Reported as guessed.
    /// </summary>
    private static DecodedText? Utf16WithoutBom(ReadOnlySpan<byte> bytes)
    {
        var sample = bytes[..(Math.Min(bytes.Length, 8192) & ~1)];
        if (bytes.Length % 2 != 0 || sample.Count((byte)0) < 2) return null;
        foreach (var big in (ReadOnlySpan<bool>)[false, true])
        {
            if (!TryStrict(sample, new UnicodeEncoding(big, false, true), out var head) || Plausible(head) < 0.95) continue;
            if (TryStrict(bytes, new UnicodeEncoding(big, false, true), out var text)) return new DecodedText(text, big ? "utf-16be" : "utf-16le", true);
        }
        return null;
    }

    /// <summary>The share of characters a Chinese notice is made of: ideographs, CJK and full-width punctuation, printable ASCII, line ends.</summary>
    private static double Plausible(string text)
    {
        if (text.Length == 0) return 0;
        var plausible = 0;
        foreach (var c in text)
            if (c is '\t' or '\n' or '\r' or (>= ' ' and <= '~') or (>= '\u4E00' and <= '\u9FFF') or (>= '\u3000' and <= '\u303F') or (>= '\uFF00' and <= '\uFFEF')
                or (>= '\u2010' and <= '\u203F') or (>= '\uD800' and <= '\uDFFF') or (>= '\u3400' and <= '\u4DBF') or (>= '\u2460' and <= '\u24FF'))
                plausible++;
        return (double)plausible / text.Length;
    }

    /// <summary>
    /// UTF-8 with a few bytes that are not — a file cut inside a character, one damaged byte, a word pasted in GBK —
    /// decoded as a browser would, each bad sequence replaced by U+FFFD, and reported (<see cref="DecodedText.Damage"/>). Text
    /// whose bad sequences are more than one in twenty of its multi-byte characters is not UTF-8.
    /// </summary>
    private static DecodedText? MostlyUtf8(ReadOnlySpan<byte> bytes)
    {
        int multiByte = 0, bad = 0, firstBad = -1;
        for (var i = 0; i < bytes.Length;)
        {
            if (bytes[i] < 0x80) { i++; continue; }
            var status = System.Text.Rune.DecodeFromUtf8(bytes[i..], out _, out var consumed);
            if (status == System.Buffers.OperationStatus.Done) multiByte++;
            else
            {
                bad++;
                if (firstBad < 0) firstBad = i;
            }
            i += Math.Max(consumed, 1);
        }
        if (bad == 0 || multiByte < 4 || bad * 20 > multiByte) return null;
        var text = new UTF8Encoding(false, false).GetString(bytes);
        var firstChar = new UTF8Encoding(false, false).GetCharCount(bytes[..firstBad]);
        return new DecodedText(text, "utf-8", false) { Damage = new TextDamage(bad, firstBad, firstChar, firstBad >= bytes.Length - 3 && bad == 1) };
    }

    /// <summary>The warnings that say how text was decoded: a guess, damage (with where the first damage is).</summary>
    public static List<Warning> Warnings(DecodedText decoded, string guessed)
    {
        var warnings = new List<Warning>();
        if (decoded.Guessed) warnings.Add(new Warning { Code = WarningCodes.EncodingGuessed, Message = guessed });
        if (decoded.Damage is { } d)
        {
            var line = 1;
            foreach (var c in decoded.Text.AsSpan(0, d.FirstChar)) if (c == '\n') line++;
            warnings.Add(new Warning
            {
                Code = WarningCodes.EncodingDamaged,
                Message = d.Truncated
                    ? $"the file ends inside a UTF-8 character (byte {d.FirstByte}, line {line}): it was cut short; the piece is shown as U+FFFD"
                    : $"the UTF-8 text has {d.Count} invalid byte sequence{(d.Count > 1 ? "s" : "")}, the first at byte {d.FirstByte} (line {line}), "
                      + "shown as U+FFFD: the file is damaged or mixes in another encoding",
                Location = new SourceLocation { Line = line, Start = d.FirstChar, End = d.FirstChar + 1 },
            });
        }
        return warnings;
    }

    private static Encoding StrictEncoding(int codePage) =>
        Encoding.GetEncoding(codePage, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback);

    private static DecodedText Strict(ReadOnlySpan<byte> bytes, Encoding encoding, string name) =>
        TryStrict(bytes, encoding, out var text)
            ? new DecodedText(text, name, false)
            : throw new NoticeFormatException(NoticeErrorKind.UnknownEncoding, $"the file starts with a {name} byte-order mark but is not valid {name}");

    private static bool TryStrict(ReadOnlySpan<byte> bytes, Encoding encoding, out string text)
    {
        try
        {
            text = encoding.GetString(bytes);
            return true;
        }
        catch (DecoderFallbackException)
        {
            text = "";
            return false;
        }
    }

    /// <summary>NUL bytes (UTF-16 without a BOM is told before), or many C0 control bytes, mean binary data.</summary>
    private static bool LooksBinary(ReadOnlySpan<byte> bytes)
    {
        var sample = bytes[..Math.Min(bytes.Length, 8192)];
        if (sample.Contains((byte)0)) return true;
        // Counted from one control byte to the next with a vectorized search: text has none, or a few.
        var limit = sample.Length / 100 + 2;
        var control = 0;
        for (var at = sample.IndexOfAny(ControlBytes); at >= 0 && control <= limit; at = sample.IndexOfAny(ControlBytes))
        {
            control++;
            sample = sample[(at + 1)..];
        }
        return control > limit;
    }

    /// <summary>C0 control bytes that text does not hold (tab, line feed, form feed, carriage return, SUB and ESC it may).</summary>
    private static readonly SearchValues<byte> ControlBytes =
        SearchValues.Create([0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07, 0x08, 0x0B, 0x0E, 0x0F, 0x10, 0x11, 0x12, 0x13, 0x14, 0x15, 0x16, 0x17, 0x18, 0x19, 0x1C, 0x1D, 0x1E, 0x1F]);

    /// <summary>
    /// GB2312 text (what nearly all simplified Chinese GBK text is made of) has trail bytes in A1–FE only; Big5's
    /// frequent characters use trail bytes 40–7E as often as not. Count double-byte pairs whose trail byte is below A1.
    /// </summary>
    private static bool LooksLikeBig5(ReadOnlySpan<byte> bytes)
    {
        int pairs = 0, lowTrail = 0;
        for (var i = 0; i < bytes.Length - 1; i++)
        {
            var lead = bytes[i];
            if (lead < 0x81) continue;
            var trail = bytes[i + 1];
            if (trail is >= 0x30 and <= 0x39) { i += 3; continue; } // GB18030 four-byte sequence
            pairs++;
            if (trail < 0xA1) lowTrail++;
            i++;
        }
        return pairs >= 8 && lowTrail * 4 > pairs;
    }
}

/// <summary>Decoded text and how it was decoded.</summary>
internal readonly record struct DecodedText(string Text, string Encoding, bool Guessed)
{
    /// <summary>Bytes that were not valid in the encoding and were replaced, if any.</summary>
    public TextDamage? Damage { get; init; }
}

/// <summary>Invalid byte sequences replaced while decoding: how many, where the first is (byte, character), whether it is only the file's cut end.</summary>
internal sealed record TextDamage(int Count, int FirstByte, int FirstChar, bool Truncated);
