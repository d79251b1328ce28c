using System.Buffers.Binary;

namespace Extractor.Parsing.Readers.Doc;

/// <summary>
/// The formatting a Word 97-2003 reader needs: paragraph properties (the <c>PlcBtePapx</c> in the table stream points at
/// 512-byte <c>PapxFkp</c> pages in the WordDocument stream, each mapping stream offsets to a style and sprms), merged
/// over the paragraph style's own properties (the stylesheet, <c>STSH</c>, with its chain of base styles); and which
/// characters are tracked deletions (<c>sprmCFRMarkDel</c> in the <c>ChpxFkp</c> pages). Formatting that cannot be
/// read is left out: the text still reads, without it.
/// </summary>
internal sealed class WordFormatting
{
    private const int PageSize = 512;
    private const int NoStyle = 0x0FFF;

    private readonly record struct Run(int FcStart, int FcEnd, int Istd, byte[] Grpprl);

    private readonly List<Run> _paragraphs = [];
    private readonly List<(int FcStart, int FcEnd)> _deleted = [];
    private readonly List<(int Base, byte[]? Papx)> _styles = [];
    private readonly int _maxDepth;

    public WordFormatting(ReadOnlySpan<byte> document, ReadOnlySpan<byte> plcBtePapx, ReadOnlySpan<byte> plcBteChpx, ReadOnlySpan<byte> stshf, int maxDepth)
    {
        _maxDepth = maxDepth;
        foreach (var page in Pages(document, plcBtePapx)) ReadPapxPage(page);
        _paragraphs.Sort((a, b) => a.FcStart.CompareTo(b.FcStart));
        foreach (var page in Pages(document, plcBteChpx)) ReadChpxPage(page);
        _deleted.Sort();
        ReadStyles(stshf);
    }

    /// <summary>The properties of the paragraph whose mark is at stream offset <paramref name="fc"/>.</summary>
    public ParagraphProperties Paragraph(int fc)
    {
        var properties = new ParagraphProperties();
        var run = Find(fc);
        var istd = run?.Istd ?? 0;
        // The style chain, base first, then the paragraph's own sprms.
        var chain = new List<byte[]>();
        for (var (s, hops) = (istd, 0); s != NoStyle && s < _styles.Count && hops < _maxDepth; hops++)
        {
            if (_styles[s].Papx is { } papx) chain.Add(papx);
            s = _styles[s].Base;
        }
        for (var i = chain.Count - 1; i >= 0; i--) properties.Apply(chain[i]);
        if (run is { } r) properties.Apply(r.Grpprl);
        properties.Istd = istd;
        return properties;
    }

    /// <summary>True when a paragraph run ends at stream offset <paramref name="fcEnd"/>: the character before it ends its paragraph.</summary>
    public bool EndsParagraph(int fcEnd) => Find(fcEnd - 1) is { } run && run.FcEnd == fcEnd;

    /// <summary>True when the character at stream offset <paramref name="fc"/> is a tracked deletion.</summary>
    public bool IsDeleted(int fc)
    {
        int lo = 0, hi = _deleted.Count - 1;
        while (lo <= hi)
        {
            var mid = (lo + hi) / 2;
            if (_deleted[mid].FcEnd <= fc) lo = mid + 1;
            else if (_deleted[mid].FcStart > fc) hi = mid - 1;
            else return true;
        }
        return false;
    }

    private Run? Find(int fc)
    {
        int lo = 0, hi = _paragraphs.Count - 1;
        while (lo <= hi)
        {
            var mid = (lo + hi) / 2;
            if (_paragraphs[mid].FcEnd <= fc) lo = mid + 1;
            else if (_paragraphs[mid].FcStart > fc) hi = mid - 1;
            else return _paragraphs[mid];
        }
        return null;
    }

    /// <summary>The FKP pages a <c>PlcBte</c> points at (each read once), skipping those outside the stream.</summary>
    private static List<byte[]> Pages(ReadOnlySpan<byte> document, ReadOnlySpan<byte> plcBte)
    {
        var pages = new List<byte[]>();
        if (plcBte.Length < 12) return pages;
        var n = (plcBte.Length - 4) / 8;
        var seen = new HashSet<uint>();
        for (var i = 0; i < n; i++)
        {
            var pn = BinaryPrimitives.ReadUInt32LittleEndian(plcBte[((n + 1) * 4 + i * 4)..]) & 0x3FFFFF;
            if (!seen.Add(pn) || ((long)pn + 1) * PageSize > document.Length) continue;
            pages.Add(document.Slice((int)pn * PageSize, PageSize).ToArray());
        }
        return pages;
    }

    private void ReadPapxPage(byte[] page)
    {
        var runs = page[PageSize - 1];
        if ((runs + 1) * 4 + runs * 13 > PageSize - 1) return;
        for (var i = 0; i < runs; i++)
        {
            var start = BinaryPrimitives.ReadInt32LittleEndian(page.AsSpan(i * 4));
            var end = BinaryPrimitives.ReadInt32LittleEndian(page.AsSpan((i + 1) * 4));
            var offset = page[(runs + 1) * 4 + i * 13] * 2;
            if (offset == 0 || offset >= PageSize - 1)
            {
                _paragraphs.Add(new Run(start, end, 0, []));
                continue;
            }
            int size, at;
            if (page[offset] != 0) (size, at) = (page[offset] * 2 - 1, offset + 1);
            else (size, at) = (page[offset + 1] * 2, offset + 2);
            if (size < 2 || at + size > PageSize - 1) continue;
            _paragraphs.Add(new Run(start, end, BinaryPrimitives.ReadUInt16LittleEndian(page.AsSpan(at)), page.AsSpan(at + 2, size - 2).ToArray()));
        }
    }

    private void ReadChpxPage(byte[] page)
    {
        var runs = page[PageSize - 1];
        if ((runs + 1) * 4 + runs > PageSize - 1) return;
        for (var i = 0; i < runs; i++)
        {
            var offset = page[(runs + 1) * 4 + i] * 2;
            if (offset == 0 || offset >= PageSize - 1 || offset + 1 + page[offset] > PageSize - 1) continue;
            var deleted = false;
            Sprms.Each(page.AsSpan(offset + 1, page[offset]), (sprm, operand) =>
            {
                if (sprm == Sprms.CFRMarkDel) deleted = operand[0] is 1 or 0x81;
            });
            if (deleted)
                _deleted.Add((BinaryPrimitives.ReadInt32LittleEndian(page.AsSpan(i * 4)), BinaryPrimitives.ReadInt32LittleEndian(page.AsSpan((i + 1) * 4))));
        }
    }

    /// <summary>Each style's base and, for a paragraph style, its paragraph sprms (the first <c>UPX</c> after its name).</summary>
    private void ReadStyles(ReadOnlySpan<byte> stsh)
    {
        if (stsh.Length < 6) return;
        var cbStshi = BinaryPrimitives.ReadUInt16LittleEndian(stsh);
        var count = BinaryPrimitives.ReadUInt16LittleEndian(stsh[2..]);
        var baseSize = BinaryPrimitives.ReadUInt16LittleEndian(stsh[4..]);
        var at = 2 + cbStshi;
        for (var i = 0; i < count && at + 2 <= stsh.Length; i++)
        {
            var size = BinaryPrimitives.ReadUInt16LittleEndian(stsh[at..]);
            at += 2;
            if (size == 0 || at + size > stsh.Length)
            {
                _styles.Add((NoStyle, null));
                at += size;
                continue;
            }
            _styles.Add(Style(stsh.Slice(at, size), baseSize));
            at += size;
        }
    }

    private static (int Base, byte[]? Papx) Style(ReadOnlySpan<byte> std, int baseSize)
    {
        if (std.Length < 10 || baseSize < 10 || baseSize + 2 > std.Length) return (NoStyle, null);
        var kind = BinaryPrimitives.ReadUInt16LittleEndian(std[2..]);
        var istdBase = kind >> 4;
        if ((kind & 0xF) != 1) return (istdBase, null); // not a paragraph style
        var nameLength = BinaryPrimitives.ReadUInt16LittleEndian(std[baseSize..]);
        var at = baseSize + 2 + nameLength * 2 + 2;
        if ((at & 1) != 0) at++;
        if (at + 2 > std.Length) return (istdBase, null);
        var upx = BinaryPrimitives.ReadUInt16LittleEndian(std[at..]);
        if (upx < 2 || at + 2 + upx > std.Length) return (istdBase, null);
        return (istdBase, std.Slice(at + 4, upx - 2).ToArray());
    }
}
