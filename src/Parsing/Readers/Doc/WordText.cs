using System.Buffers.Binary;

namespace Extractor.Parsing.Readers.Doc;

/// <summary>
/// The main document text of a Word 97-2003 file, assembled through the piece table (MS-DOC 2.4.1): the <c>Clx</c> in
/// the table stream holds a <c>PlcPcd</c> that maps ranges of character positions (CPs) to places in the
/// <c>WordDocument</c> stream, each piece either compressed (one byte a character, Windows-1252 with MS-DOC's mapping of
/// 0x80–0x9F) or UTF-16. <see cref="FcOf"/> gives the stream offset of a character, by which formatting is found.
/// </summary>
internal sealed class WordText
{
    private readonly record struct Piece(int CpStart, int CpEnd, int Offset, bool Compressed);

    private readonly Piece[] _pieces;

    private WordText(string text, Piece[] pieces)
    {
        Text = text;
        _pieces = pieces;
    }

    /// <summary>The characters of the main document, CP 0 to <c>ccpText</c>.</summary>
    public string Text { get; }

    /// <summary>The offset in the WordDocument stream of the character at <paramref name="cp"/>.</summary>
    public int FcOf(int cp) => FcRange(cp).Start;

    /// <summary>The offsets in the WordDocument stream of the character at <paramref name="cp"/> and just past it.</summary>
    public (int Start, int End) FcRange(int cp)
    {
        int lo = 0, hi = _pieces.Length - 1;
        while (lo < hi)
        {
            var mid = (lo + hi + 1) / 2;
            if (_pieces[mid].CpStart <= cp) lo = mid;
            else hi = mid - 1;
        }
        var p = _pieces[lo];
        var width = p.Compressed ? 1 : 2;
        var start = p.Offset + (cp - p.CpStart) * width;
        return (start, start + width);
    }

    /// <summary>Reads the piece table and the text it maps.</summary>
    /// <exception cref="NoticeFormatException">The piece table is damaged or does not cover the text; the text is over the limit.</exception>
    public static WordText Read(ReadOnlySpan<byte> document, ReadOnlySpan<byte> clx, int ccpText, ParserLimits limits)
    {
        if ((long)ccpText * 2 > limits.MaxDecompressedBytes)
            throw new NoticeFormatException(NoticeErrorKind.LimitExceeded,
                $"the Word document declares {ccpText} characters, past the {limits.MaxDecompressedBytes / (1024 * 1024)} MiB limit");
        if (ccpText > document.Length) throw Damaged("it declares more characters than its WordDocument stream holds");
        var plcPcd = PlcPcd(clx);
        var n = (plcPcd.Length - 4) / 12;
        if (n <= 0) throw Damaged("its piece table is empty");
        var pieces = new List<Piece>(n);
        var text = new char[ccpText];
        for (var i = 0; i < n && (pieces.Count == 0 || pieces[^1].CpEnd < ccpText); i++)
        {
            var cpStart = BinaryPrimitives.ReadInt32LittleEndian(plcPcd[(i * 4)..]);
            var cpEnd = BinaryPrimitives.ReadInt32LittleEndian(plcPcd[((i + 1) * 4)..]);
            var fcCompressed = BinaryPrimitives.ReadUInt32LittleEndian(plcPcd[((n + 1) * 4 + i * 8 + 2)..]);
            var expected = pieces.Count == 0 ? 0 : pieces[^1].CpEnd;
            if (cpStart != expected || cpEnd < cpStart) throw Damaged("its piece table is out of order");
            var compressed = (fcCompressed & 0x40000000) != 0;
            var fc = fcCompressed & 0x3FFFFFFF;
            var offset = compressed ? fc / 2 : fc;
            var end = Math.Min(cpEnd, ccpText);
            var bytes = (long)(end - cpStart) * (compressed ? 1 : 2);
            if (offset + bytes > document.Length) throw Damaged("a piece of its text lies outside the WordDocument stream");
            var source = document.Slice((int)offset, (int)bytes);
            for (var cp = cpStart; cp < end; cp++)
                text[cp] = compressed ? Ansi(source[cp - cpStart]) : (char)BinaryPrimitives.ReadUInt16LittleEndian(source[((cp - cpStart) * 2)..]);
            pieces.Add(new Piece(cpStart, cpEnd, (int)offset, compressed));
        }
        if (pieces[^1].CpEnd < ccpText) throw Damaged("its piece table does not cover the whole text");
        return new WordText(new string(text), [.. pieces]);
    }

    /// <summary>The <c>PlcPcd</c> of the <c>Clx</c>: after any <c>Prc</c> (clxt 1) comes the <c>Pcdt</c> (clxt 2).</summary>
    private static ReadOnlySpan<byte> PlcPcd(ReadOnlySpan<byte> clx)
    {
        var at = 0;
        while (at < clx.Length)
        {
            switch (clx[at])
            {
                case 1 when at + 3 <= clx.Length:
                    at += 3 + BinaryPrimitives.ReadUInt16LittleEndian(clx[(at + 1)..]);
                    break;
                case 2 when at + 5 <= clx.Length:
                    var lcb = BinaryPrimitives.ReadUInt32LittleEndian(clx[(at + 1)..]);
                    if (lcb > (uint)(clx.Length - at - 5) || lcb < 16 || (lcb - 4) % 12 != 0) throw Damaged("its piece table has an impossible size");
                    return clx.Slice(at + 5, (int)lcb);
                default:
                    throw Damaged("its piece table is missing");
            }
        }
        throw Damaged("its piece table is missing");
    }

    /// <summary>A compressed character: Windows-1252, as MS-DOC maps bytes 0x80–0x9F.</summary>
    private static char Ansi(byte b) => b is >= 0x80 and <= 0x9F ? Cp1252High[b - 0x80] : (char)b;

    private const string Cp1252High =
        "\u20AC\u0081\u201A\u0192\u201E\u2026\u2020\u2021\u02C6\u2030\u0160\u2039\u0152\u008D\u017D\u008F"
        + "\u0090\u2018\u2019\u201C\u201D\u2022\u2013\u2014\u02DC\u2122\u0161\u203A\u0153\u009D\u017E\u0178";

    private static NoticeFormatException Damaged(string why) => new(NoticeErrorKind.Corrupt, $"the Word document is damaged: {why}");
}
