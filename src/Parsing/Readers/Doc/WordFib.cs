using System.Buffers.Binary;

namespace Extractor.Parsing.Readers.Doc;

/// <summary>
/// The File Information Block that opens a Word 97-2003 document's <c>WordDocument</c> stream (MS-DOC 2.5): which
/// table stream holds the document's tables, whether it is encrypted, how many characters the main text has, and where
/// each table-stream structure lies (the <c>fc</c>/<c>lcb</c> pairs, read by their index in <c>FibRgFcLcb97</c>).
/// </summary>
internal sealed class WordFib
{
    /// <summary>Indexes of the <c>fc</c>/<c>lcb</c> pairs this reader uses.</summary>
    public const int Stshf = 1, PlcfBteChpx = 12, PlcfBtePapx = 13, Clx = 33, PlfLst = 73, PlfLfo = 74;

    /// <summary>The <c>nFib</c> of Word 97, the first version of the format this reader reads.</summary>
    private const int Word97 = 0x00C1;

    private readonly (uint Fc, uint Lcb)[] _pairs;

    private WordFib(int nFib, bool encrypted, bool tableStream1, int ccpText, (uint, uint)[] pairs)
    {
        NFib = nFib;
        Encrypted = encrypted;
        TableStream1 = tableStream1;
        CcpText = ccpText;
        _pairs = pairs;
    }

    /// <summary>The file format version.</summary>
    public int NFib { get; }

    /// <summary>The document is encrypted or obfuscated (it needs a password).</summary>
    public bool Encrypted { get; }

    /// <summary>The tables are in <c>1Table</c> (else <c>0Table</c>).</summary>
    public bool TableStream1 { get; }

    /// <summary>The number of characters of the main document text.</summary>
    public int CcpText { get; }

    /// <summary>Reads the FIB.</summary>
    /// <exception cref="NoticeFormatException">It is not a Word 97-2003 FIB, or it is damaged.</exception>
    public static WordFib Read(ReadOnlySpan<byte> stream)
    {
        if (stream.Length < 34 || U16(stream, 0) != 0xA5EC)
            throw new NoticeFormatException(NoticeErrorKind.Corrupt, "the Word document is damaged: its WordDocument stream does not start with a Word file information block");
        var nFib = U16(stream, 2);
        var flags = U16(stream, 0x0A);
        var encrypted = (flags & 0x0100) != 0 || (flags & 0x8000) != 0;
        if (encrypted) return new WordFib(nFib, true, (flags & 0x0200) != 0, 0, []);
        if (nFib < Word97 && nFib != 0)
            throw new NoticeFormatException(NoticeErrorKind.UnsupportedFormat,
                "this is a Word 6/95 document, an older binary format than Word 97-2003 that is not read; save it as .docx or .doc (Word 97-2003)");
        var at = 32;
        var csw = U16(stream, at);
        at += 2 + csw * 2;
        if (at + 2 > stream.Length) throw Damaged();
        var cslw = U16(stream, at);
        at += 2;
        if (cslw < 4 || at + cslw * 4 + 2 > stream.Length) throw Damaged();
        var ccpText = BinaryPrimitives.ReadInt32LittleEndian(stream[(at + 12)..]);
        at += cslw * 4;
        var count = U16(stream, at);
        at += 2;
        if (count <= Clx || at + count * 8 > stream.Length) throw Damaged();
        var pairs = new (uint, uint)[count];
        for (var i = 0; i < count; i++)
            pairs[i] = (BinaryPrimitives.ReadUInt32LittleEndian(stream[(at + i * 8)..]), BinaryPrimitives.ReadUInt32LittleEndian(stream[(at + i * 8 + 4)..]));
        if (ccpText < 0) throw Damaged();
        return new WordFib(nFib, false, (flags & 0x0200) != 0, ccpText, pairs);
    }

    /// <summary>The bytes of structure <paramref name="index"/> in the table stream; empty when the document has none.</summary>
    /// <exception cref="NoticeFormatException">The structure lies outside the table stream.</exception>
    public ReadOnlySpan<byte> Part(int index, ReadOnlySpan<byte> table)
    {
        if (index >= _pairs.Length || _pairs[index].Lcb == 0) return [];
        var (fc, lcb) = _pairs[index];
        if (fc > (uint)table.Length || lcb > (uint)table.Length - fc)
            throw new NoticeFormatException(NoticeErrorKind.Corrupt, "the Word document is damaged: a structure lies outside its table stream");
        return table.Slice((int)fc, (int)lcb);
    }

    /// <summary>The offset of structure <paramref name="index"/> in the table stream, or -1 when it is absent.</summary>
    public long Offset(int index) => index < _pairs.Length && _pairs[index].Lcb > 0 ? _pairs[index].Fc : -1;

    private static ushort U16(ReadOnlySpan<byte> b, int at) =>
        at + 2 <= b.Length ? BinaryPrimitives.ReadUInt16LittleEndian(b[at..]) : throw Damaged();

    private static NoticeFormatException Damaged() =>
        new(NoticeErrorKind.Corrupt, "the Word document is damaged: its file information block is cut short");
}
