using System.Buffers.Binary;
using System.Text;

namespace Extractor.Tests.Support;

/// <summary>
/// Writes Word 97-2003 documents (MS-DOC) for reader specs: paragraphs with their sprms, the text in pieces (compressed
/// or UTF-16, stored out of order), tracked deletions, a stylesheet, list tables, and any damage a spec asks for.
/// </summary>
internal sealed class WordBinary
{
    private readonly List<(string Text, byte[] Sprms, int Istd)> _paragraphs = [];
    private readonly List<(int Start, int Length)> _deleted = [];
    private readonly List<(int Base, byte[] Papx)> _styles = [];
    private byte[]? _plfLst;
    private readonly List<(int Level, int Start)[]> _instances = [];

    /// <summary>Split points (CPs) of the text into pieces, and whether each piece is compressed (8-bit).</summary>
    public List<(int Cp, bool Compressed)> Pieces { get; } = [];

    /// <summary>Sets the FIB's encryption flag.</summary>
    public bool Encrypted { get; set; }

    /// <summary>Overrides the FIB's ccpText.</summary>
    public int? CcpText { get; set; }

    /// <summary>Adds a paragraph; <paramref name="text"/> may hold field characters, line breaks, and end with a cell mark (0x07) or a section break (0x0C) instead of a paragraph mark.</summary>
    public WordBinary P(string text, byte[]? sprms = null, int istd = 0)
    {
        _paragraphs.Add((text.EndsWith('\u0007') || text.EndsWith('\u000C') ? text : text + "\r", sprms ?? [], istd));
        return this;
    }

    /// <summary>Marks characters as a tracked deletion.</summary>
    public WordBinary Delete(int cp, int length)
    {
        _deleted.Add((cp, length));
        return this;
    }

    /// <summary>Adds a paragraph style (istd = its index) based on <paramref name="istdBase"/> (0x0FFF: none).</summary>
    public WordBinary Style(byte[] papx, int istdBase = 0x0FFF)
    {
        _styles.Add((istdBase, papx));
        return this;
    }

    /// <summary>One list (lsid 1) of nine levels: format codes (MSONFC), number texts with \u0000…\u0008 for the levels, start values.</summary>
    public WordBinary List(params (byte Nfc, string Text, int Start)[] levels)
    {
        var lst = new MemoryStream();
        lst.Write(U16(1));
        var lstf = new byte[28];
        BinaryPrimitives.WriteInt32LittleEndian(lstf, 1);
        lst.Write(lstf);
        for (var i = 0; i < 9; i++)
        {
            var (nfc, text, start) = i < levels.Length ? levels[i] : ((byte)0, $"{(char)i}.", 1);
            var lvlf = new byte[28];
            BinaryPrimitives.WriteInt32LittleEndian(lvlf, start);
            lvlf[4] = nfc;
            lst.Write(lvlf);
            lst.Write(U16(text.Length));
            lst.Write(Encoding.Unicode.GetBytes(text));
        }
        _plfLst = lst.ToArray();
        return this;
    }

    /// <summary>Adds a list instance (LFO) of list 1, with start overrides by level.</summary>
    public WordBinary Instance(params (int Level, int Start)[] overrides)
    {
        _instances.Add(overrides);
        return this;
    }

    private byte[] PlfLfo()
    {
        var lfo = new MemoryStream();
        lfo.Write(U32(_instances.Count));
        foreach (var o in _instances)
        {
            var entry = new byte[16];
            BinaryPrimitives.WriteInt32LittleEndian(entry, 1);
            entry[12] = (byte)o.Length;
            lfo.Write(entry);
        }
        foreach (var o in _instances)
        {
            lfo.Write(U32(0));
            foreach (var (level, start) in o)
            {
                lfo.Write(U32(start));
                lfo.Write(U32(level | 0x10));
            }
        }
        return lfo.ToArray();
    }

    /// <summary>The document as an OLE compound file; <paramref name="tamper"/> may damage the container.</summary>
    public byte[] Build(Action<Cfb.Layout>? tamper = null, params (string Name, byte[] Data)[] extra) =>
        Cfb.Build([("WordDocument", WordDocument(out var table)), ("1Table", table), .. extra], tamper);

    private byte[] WordDocument(out byte[] table)
    {
        var text = string.Concat(_paragraphs.Select(p => p.Text));
        var splits = Pieces.Count > 0 ? Pieces : [(0, false)];
        var pieces = new List<(int Start, int End, bool Compressed)>();
        for (var i = 0; i < splits.Count; i++)
            pieces.Add((splits[i].Cp, i + 1 < splits.Count ? splits[i + 1].Cp : text.Length, splits[i].Compressed));

        // FIB (Word 97: 14 words, 22 longs, 93 fc/lcb pairs, no cswNew), then the pieces in reverse order.
        const int fibSize = 32 + 2 + 28 + 2 + 88 + 2 + 93 * 8 + 2;
        var stream = new MemoryStream();
        stream.Write(new byte[fibSize]);
        var offsets = new int[pieces.Count];
        for (var i = pieces.Count - 1; i >= 0; i--)
        {
            var (start, end, compressed) = pieces[i];
            offsets[i] = (int)stream.Length;
            var chunk = text[start..end];
            stream.Write(compressed ? Encoding.Latin1.GetBytes(chunk) : Encoding.Unicode.GetBytes(chunk));
        }
        int Fc(int cp)
        {
            var i = pieces.FindLastIndex(p => p.Start <= cp);
            return offsets[i] + (cp - pieces[i].Start) * (pieces[i].Compressed ? 1 : 2);
        }
        int Width(int cp) => pieces[pieces.FindLastIndex(p => p.Start <= cp)].Compressed ? 1 : 2;

        // Paragraph properties: one run per paragraph mark, in stream order, with runs without properties between.
        var marks = new List<(int Fc, int Width, byte[] Sprms, int Istd)>();
        var cp = 0;
        foreach (var (paragraph, sprms, istd) in _paragraphs)
        {
            cp += paragraph.Length;
            marks.Add((Fc(cp - 1), Width(cp - 1), sprms, istd));
        }
        var papxPages = Fkp(marks.OrderBy(m => m.Fc).Select(m => (m.Fc, m.Width, (byte[]?)[.. U16(m.Istd), .. m.Sprms])).ToList(), papx: true);
        var deleted = new List<(int, int, byte[]?)>();
        foreach (var (start, length) in _deleted)
            for (var c = start; c < start + length; c++) deleted.Add((Fc(c), Width(c), [0x00, 0x08, 1]));
        var chpxPages = Fkp([.. deleted.OrderBy(d => d.Item1)], papx: false);
        while (stream.Length % 512 != 0) stream.WriteByte(0);
        byte[] PlcBte(List<(byte[] Page, int First, int Last)> pages)
        {
            var plc = new MemoryStream();
            foreach (var page in pages) plc.Write(U32(page.First));
            plc.Write(U32(pages[^1].Last));
            foreach (var page in pages)
            {
                plc.Write(U32((int)(stream.Length / 512)));
                stream.Write(page.Page);
            }
            return plc.ToArray();
        }
        var plcBtePapx = PlcBte(papxPages);
        var plcBteChpx = deleted.Count > 0 ? PlcBte(chpxPages) : null;
        while (stream.Length < 4096) stream.WriteByte(0);
        var document = stream.ToArray();

        // Table stream: Clx, PlcBtePapx, PlcBteChpx, STSH, PlfLst, PlfLfo.
        var t = new MemoryStream();
        var pairs = new (int Fc, int Lcb)[93];
        void Part(int index, byte[] bytes)
        {
            pairs[index] = ((int)t.Length, bytes.Length);
            t.Write(bytes);
        }
        var plcPcd = new MemoryStream();
        foreach (var p in pieces) plcPcd.Write(U32(p.Start));
        plcPcd.Write(U32(text.Length));
        for (var i = 0; i < pieces.Count; i++)
        {
            plcPcd.Write(U16(0));
            plcPcd.Write(U32(pieces[i].Compressed ? (uint)(offsets[i] * 2) | 0x40000000 : (uint)offsets[i]));
            plcPcd.Write(U16(0));
        }
        Part(33, [2, .. U32((int)plcPcd.Length), .. plcPcd.ToArray()]);
        Part(13, plcBtePapx);
        if (plcBteChpx is not null) Part(12, plcBteChpx);
        if (_styles.Count > 0) Part(1, Stylesheet());
        if (_plfLst is not null) Part(73, _plfLst[..(2 + 28)]);
        if (_plfLst is not null) t.Write(_plfLst.AsSpan(2 + 28));
        if (_instances.Count > 0) Part(74, PlfLfo());
        table = t.ToArray();

        var fib = document.AsSpan();
        BinaryPrimitives.WriteUInt16LittleEndian(fib, 0xA5EC);
        BinaryPrimitives.WriteUInt16LittleEndian(fib[2..], 0xC1);
        BinaryPrimitives.WriteUInt16LittleEndian(fib[0x0A..], (ushort)(0x0200 | (Encrypted ? 0x0100 : 0)));
        BinaryPrimitives.WriteUInt16LittleEndian(fib[32..], 14);
        BinaryPrimitives.WriteUInt16LittleEndian(fib[62..], 22);
        BinaryPrimitives.WriteInt32LittleEndian(fib[(64 + 12)..], CcpText ?? text.Length);
        BinaryPrimitives.WriteUInt16LittleEndian(fib[152..], 93);
        for (var i = 0; i < 93; i++)
        {
            BinaryPrimitives.WriteInt32LittleEndian(fib[(154 + i * 8)..], pairs[i].Fc);
            BinaryPrimitives.WriteInt32LittleEndian(fib[(158 + i * 8)..], pairs[i].Lcb);
        }
        return document;
    }

    /// <summary>PAPX or CHPX FKP pages covering the given characters (paragraph runs reach back to the run before; gaps between character runs are runs without properties).</summary>
    private static List<(byte[] Page, int First, int Last)> Fkp(List<(int Fc, int Width, byte[]? Grpprl)> runs, bool papx)
    {
        var bounds = new List<(int Start, int End, byte[]? Grpprl)>();
        foreach (var (fc, width, grpprl) in runs)
        {
            if (bounds.Count > 0 && bounds[^1].End < fc)
            {
                if (papx) { bounds.Add((bounds[^1].End, fc + width, grpprl)); continue; }
                bounds.Add((bounds[^1].End, fc, null));
            }
            bounds.Add((fc, fc + width, grpprl));
        }
        var pages = new List<(byte[], int, int)>();
        for (var first = 0; first < bounds.Count;)
        {
            var page = new byte[512];
            var entry = papx ? 13 : 1;
            var free = 510;
            var count = 0;
            var placed = new List<(int Index, byte Offset)>();
            while (first + count < bounds.Count)
            {
                var g = bounds[first + count].Grpprl;
                byte[] data = g is null ? [] : papx ? (g.Length % 2 == 1 ? [(byte)((g.Length + 1) / 2), .. g] : [0, (byte)(g.Length / 2), .. g]) : [(byte)g.Length, .. g];
                var at = (free - data.Length) & ~1;
                if ((count + 2) * 4 + (count + 1) * entry > at) break;
                if (data.Length > 0)
                {
                    data.CopyTo(page, at);
                    free = at;
                    placed.Add((count, (byte)(at / 2)));
                }
                count++;
            }
            page[511] = (byte)count;
            for (var i = 0; i < count; i++) BinaryPrimitives.WriteInt32LittleEndian(page.AsSpan(i * 4), bounds[first + i].Start);
            BinaryPrimitives.WriteInt32LittleEndian(page.AsSpan(count * 4), bounds[first + count - 1].End);
            foreach (var (index, offset) in placed) page[(count + 1) * 4 + index * entry] = offset;
            pages.Add((page, bounds[first].Start, bounds[first + count - 1].End));
            first += count;
        }
        if (pages.Count == 0) pages.Add((new byte[512], 0, 0));
        return pages;
    }

    private byte[] Stylesheet()
    {
        var s = new MemoryStream();
        s.Write(U16(4));
        s.Write(U16(_styles.Count));
        s.Write(U16(10));
        foreach (var (istdBase, papx) in _styles)
        {
            var std = new MemoryStream();
            std.Write(U16(0));
            std.Write(U16(1 | (istdBase << 4)));
            std.Write(U16(1 | (0x0FFF << 4)));
            std.Write(new byte[4]);
            std.Write(U16(1));
            std.Write(Encoding.Unicode.GetBytes("S\0"));
            std.Write(U16(2 + papx.Length));
            std.Write(U16(0));
            std.Write(papx);
            if (std.Length % 2 == 1) std.WriteByte(0);
            s.Write(U16((int)std.Length));
            s.Write(std.ToArray());
        }
        return s.ToArray();
    }

    private static byte[] U16(int value) => BitConverter.GetBytes((ushort)value);

    private static byte[] U32(int value) => BitConverter.GetBytes(value);

    private static byte[] U32(uint value) => BitConverter.GetBytes(value);

    /// <summary>Paragraph and table sprms.</summary>
    public static class Sprm
    {
        public static byte[] InTable => [0x16, 0x24, 1];

        public static byte[] RowEnd => [0x16, 0x24, 1, 0x17, 0x24, 1];

        public static byte[] HeaderRow => [0x04, 0x34, 1];

        public static byte[] List(int ilfo, int ilvl) => [0x0B, 0x46, (byte)ilfo, (byte)(ilfo >> 8), 0x0A, 0x26, (byte)ilvl];

        /// <summary><c>sprmTDefTable</c>: cell boundaries (twips) and each cell's merge flags (horizontal: bits 0–1; vertical: bits 5–6).</summary>
        public static byte[] Row(short[] boundaries, ushort[]? flags = null)
        {
            var data = new MemoryStream();
            data.WriteByte((byte)(boundaries.Length - 1));
            foreach (var b in boundaries) data.Write(BitConverter.GetBytes(b));
            for (var i = 0; i < boundaries.Length - 1; i++)
            {
                var tc = new byte[20];
                BinaryPrimitives.WriteUInt16LittleEndian(tc, flags is null ? (ushort)0 : flags[i]);
                data.Write(tc);
            }
            return [0x08, 0xD6, .. BitConverter.GetBytes((ushort)(data.Length + 1)), .. data.ToArray()];
        }
    }
}
