using System.Buffers.Binary;
using System.Text;

namespace Extractor.Parsing.Readers.Ole;

/// <summary>
/// An OLE compound file (MS-CFB), the container of the Office 97-2003 binary formats, read from memory: the header,
/// the FAT (through the header's DIFAT array and the DIFAT sector chain), the mini FAT and mini stream, and the
/// directory (a red-black tree of siblings under each storage). Nothing is trusted: a sector number outside the file,
/// a chain that loops or runs past its stream's declared size, a directory tree that loops or nests deeper than
/// <see cref="ParserLimits.MaxDepth"/> is a damaged file (<see cref="NoticeErrorKind.Corrupt"/>), never a hang.
/// </summary>
internal sealed class CompoundFile
{
    /// <summary>The signature that opens every compound file.</summary>
    public static ReadOnlySpan<byte> Magic => [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

    private const uint MaxRegularSector = 0xFFFFFFFA;
    private const uint EndOfChain = 0xFFFFFFFE;
    private const uint NoStream = 0xFFFFFFFF;
    private const int HeaderSize = 512;
    private const int EntrySize = 128;

    private readonly int _sectorSize;
    private readonly int _miniSectorSize;
    private readonly uint _miniCutoff;
    private readonly uint[] _fat;
    private readonly uint[] _miniFat;
    private readonly List<OleEntry> _entries;
    private readonly long _length;

    private CompoundFile(int sectorSize, int miniSectorSize, uint miniCutoff, uint[] fat, uint[] miniFat, List<OleEntry> entries, long length)
    {
        _sectorSize = sectorSize;
        _miniSectorSize = miniSectorSize;
        _miniCutoff = miniCutoff;
        _fat = fat;
        _miniFat = miniFat;
        _entries = entries;
        _length = length;
    }

    /// <summary>The streams and storages, each with its path from the root (<c>ObjectPool/_123/Contents</c>), in tree order.</summary>
    public IReadOnlyList<OleEntry> Entries => _entries;

    /// <summary>True when <paramref name="content"/> opens with the compound-file signature.</summary>
    public static bool HasMagic(ReadOnlySpan<byte> content) => content.StartsWith(Magic);

    /// <summary>The stream of that name directly under the root storage (names compare as CFB compares them: ignoring case), or null.</summary>
    public OleEntry? Stream(string name)
    {
        foreach (var entry in _entries)
            if (entry.IsStream && entry.Depth == 1 && string.Equals(entry.Name, name, StringComparison.OrdinalIgnoreCase)) return entry;
        return null;
    }

    /// <summary>The compound file in <paramref name="content"/>, or null when it is not one or is damaged; never throws.</summary>
    public static CompoundFile? TryOpen(ReadOnlySpan<byte> content, ParserLimits limits)
    {
        if (!HasMagic(content)) return null;
        try
        {
            return Open(content, limits);
        }
        catch (NoticeFormatException)
        {
            return null;
        }
    }

    /// <summary>Reads the header, the allocation tables and the directory.</summary>
    /// <exception cref="NoticeFormatException">The content is not a readable compound file.</exception>
    public static CompoundFile Open(ReadOnlySpan<byte> content, ParserLimits limits)
    {
        if (!HasMagic(content)) throw Damaged("it does not start with the compound-file signature");
        if (content.Length < HeaderSize) throw Damaged("the file is shorter than its header");
        if (U16(content, 0x1C) != 0xFFFE) throw Damaged("its header has an unknown byte order");
        int sectorShift = U16(content, 0x1E), miniShift = U16(content, 0x20);
        if (sectorShift is not (9 or 12)) throw Damaged($"its header gives a sector size of 2^{sectorShift}");
        if (miniShift is < 6 or > 12 || miniShift > sectorShift) throw Damaged($"its header gives a mini sector size of 2^{miniShift}");
        var sectorSize = 1 << sectorShift;
        var sectors = (content.Length - 1) / sectorSize; // sector n starts at (n + 1) × size: the header fills the first
        var fatSectors = U32(content, 0x2C);
        if (fatSectors > (uint)sectors + 1) throw Damaged($"its header declares {fatSectors} FAT sectors in a file of {sectors} sectors");
        var miniCutoff = U32(content, 0x38);
        if (miniCutoff is 0 or > 1 << 20) miniCutoff = 4096;

        // The FAT's own sectors: 109 in the header, the rest in the DIFAT chain (each sector's last entry links to the next).
        var fatLocations = new List<uint>((int)fatSectors);
        for (var i = 0; i < 109 && fatLocations.Count < fatSectors; i++) fatLocations.Add(U32(content, 0x4C + i * 4));
        var difat = U32(content, 0x44);
        var perDifat = sectorSize / 4 - 1;
        var seenDifat = new HashSet<uint>();
        while (fatLocations.Count < fatSectors)
        {
            if (difat > MaxRegularSector || difat >= sectors) throw Damaged("its DIFAT chain leaves the file");
            if (!seenDifat.Add(difat)) throw Damaged("its DIFAT chain loops");
            var sector = Padded(content, difat, sectorSize);
            for (var i = 0; i < perDifat && fatLocations.Count < fatSectors; i++) fatLocations.Add(U32(sector, i * 4));
            difat = U32(sector, perDifat * 4);
        }
        var fat = new uint[fatLocations.Count * (sectorSize / 4)];
        for (var s = 0; s < fatLocations.Count; s++)
        {
            if (fatLocations[s] > MaxRegularSector || fatLocations[s] >= sectors) throw Damaged("a FAT sector lies outside the file");
            var sector = Padded(content, fatLocations[s], sectorSize);
            for (var i = 0; i < sectorSize / 4; i++) fat[s * (sectorSize / 4) + i] = U32(sector, i * 4);
        }

        var file = new CompoundFile(sectorSize, 1 << miniShift, miniCutoff, fat, [], [], content.Length);
        var directory = file.Chain(content, U32(content, 0x30), null, "directory");
        var entries = ReadEntries(directory, sectorShift == 12);
        var miniFatBytes = U32(content, 0x40) == 0 ? [] : file.Chain(content, U32(content, 0x3C), null, "mini FAT");
        var miniFat = new uint[miniFatBytes.Length / 4];
        for (var i = 0; i < miniFat.Length; i++) miniFat[i] = U32(miniFatBytes, i * 4);
        return new CompoundFile(sectorSize, 1 << miniShift, miniCutoff, fat, miniFat, Tree(entries, limits.MaxDepth), content.Length);
    }

    /// <summary>A stream's bytes.</summary>
    /// <exception cref="NoticeFormatException">Its chain is damaged or shorter than its declared size.</exception>
    public byte[] Read(ReadOnlySpan<byte> content, OleEntry entry)
    {
        if (!entry.IsStream) throw Damaged($"'{entry.Name}' is a storage, not a stream");
        if (entry.Size == 0) return [];
        if (entry.Size > _length) throw Damaged($"its stream '{entry.Name}' declares {entry.Size} bytes, more than the whole file");
        if (entry.Size >= _miniCutoff) return Chain(content, entry.Start, entry.Size, entry.Name);
        var root = _entries[0];
        var mini = Chain(content, root.Start, root.Size, "mini stream");
        var result = new byte[entry.Size];
        var sector = entry.Start;
        var written = 0L;
        var visited = new System.Collections.BitArray(_miniFat.Length);
        while (written < entry.Size)
        {
            if (sector >= _miniFat.Length || visited[(int)sector]) throw Damaged($"the mini sector chain of '{entry.Name}' is broken or loops");
            visited[(int)sector] = true;
            var offset = (long)sector * _miniSectorSize;
            if (offset >= mini.Length) throw Damaged($"the stream '{entry.Name}' lies outside the mini stream");
            var count = (int)Math.Min(Math.Min(_miniSectorSize, entry.Size - written), mini.Length - offset);
            Array.Copy(mini, offset, result, written, count);
            written += count;
            sector = _miniFat[sector];
        }
        return result;
    }

    /// <summary>Follows a chain of regular sectors, reading <paramref name="size"/> bytes (or the whole chain when null).</summary>
    private byte[] Chain(ReadOnlySpan<byte> content, uint start, long? size, string what)
    {
        if (size > _length) throw Damaged($"its {what} declares {size} bytes, more than the whole file");
        var data = new MemoryStream(size is { } s ? (int)s : _sectorSize);
        var sector = start;
        var visited = new System.Collections.BitArray(_fat.Length);
        while (sector != EndOfChain && (size is null || data.Length < size))
        {
            if (sector > MaxRegularSector || sector >= _fat.Length) throw Damaged($"the sector chain of its {what} leaves the file");
            if (visited[(int)sector]) throw Damaged($"the sector chain of its {what} loops");
            visited[(int)sector] = true;
            var bytes = Sector(content, sector, _sectorSize);
            var count = size is { } total ? (int)Math.Min(bytes.Length, total - data.Length) : bytes.Length;
            data.Write(bytes[..count]);
            sector = _fat[sector];
        }
        if (size is { } wanted && data.Length < wanted) throw Damaged($"its {what} is shorter than declared (the file is truncated?)");
        return data.ToArray();
    }

    /// <summary>A regular sector; a last sector cut short by the end of the file reads as far as it goes.</summary>
    private static ReadOnlySpan<byte> Sector(ReadOnlySpan<byte> content, uint sector, int sectorSize)
    {
        var offset = ((long)sector + 1) * sectorSize;
        if (offset >= content.Length) throw Damaged("a sector lies past the end of the file (it is truncated)");
        return content.Slice((int)offset, (int)Math.Min(sectorSize, content.Length - offset));
    }

    /// <summary>A sector of an allocation table; where the file is cut short the entries read as free sectors.</summary>
    private static ReadOnlySpan<byte> Padded(ReadOnlySpan<byte> content, uint sector, int sectorSize)
    {
        var bytes = Sector(content, sector, sectorSize);
        if (bytes.Length == sectorSize) return bytes;
        var padded = new byte[sectorSize];
        Array.Fill(padded, (byte)0xFF);
        bytes.CopyTo(padded);
        return padded;
    }

    private sealed record RawEntry(string Name, byte Type, uint Left, uint Right, uint Child, uint Start, long Size);

    private static List<RawEntry> ReadEntries(ReadOnlySpan<byte> directory, bool version4)
    {
        var entries = new List<RawEntry>(directory.Length / EntrySize);
        for (var at = 0; at + EntrySize <= directory.Length; at += EntrySize)
        {
            var e = directory.Slice(at, EntrySize);
            var nameBytes = Math.Clamp((int)U16(e, 0x40), 0, 64);
            var name = Encoding.Unicode.GetString(e[..(nameBytes & ~1)]).TrimEnd('\0');
            var size = version4 ? (long)BinaryPrimitives.ReadUInt64LittleEndian(e[0x78..]) : U32(e, 0x78); // v3: the high half may be garbage
            if (size < 0) size = long.MaxValue;
            entries.Add(new RawEntry(name, e[0x42], U32(e, 0x44), U32(e, 0x48), U32(e, 0x4C), U32(e, 0x74), size));
        }
        if (entries.Count == 0 || entries[0].Type != 5) throw Damaged("its directory has no root entry");
        return entries;
    }

    /// <summary>Walks the directory tree from the root without recursion: each storage's children in sibling order.</summary>
    private static List<OleEntry> Tree(List<RawEntry> raw, int maxDepth)
    {
        var root = raw[0];
        var result = new List<OleEntry> { new(0, "", "", true, false, root.Start, root.Size, 0) };
        var visited = new HashSet<uint> { 0 };
        // An in-order walk of each sibling tree; a storage's child tree is walked when the storage is reached.
        var pending = new Stack<(uint Id, string Parent, int Depth, bool Expanded)>();
        pending.Push((root.Child, "", 1, false));
        while (pending.Count > 0)
        {
            var (id, parent, depth, expanded) = pending.Pop();
            if (id == NoStream) continue;
            if (id >= raw.Count) throw Damaged("its directory links to an entry that does not exist");
            var entry = raw[(int)id];
            if (expanded)
            {
                var path = parent.Length == 0 ? entry.Name : parent + "/" + entry.Name;
                result.Add(new OleEntry((int)id, entry.Name, path, entry.Type == 1, entry.Type == 2, entry.Start, entry.Size, depth));
                if (entry.Type == 1)
                {
                    if (depth + 1 > maxDepth) throw new NoticeFormatException(NoticeErrorKind.LimitExceeded, $"the compound file nests storages more than {maxDepth} levels deep");
                    pending.Push((entry.Child, path, depth + 1, false));
                }
                continue;
            }
            if (!visited.Add(id)) throw Damaged("its directory tree loops");
            pending.Push((entry.Right, parent, depth, false));
            pending.Push((id, parent, depth, true));
            pending.Push((entry.Left, parent, depth, false));
        }
        return result;
    }

    private static ushort U16(ReadOnlySpan<byte> b, int at) => BinaryPrimitives.ReadUInt16LittleEndian(b[at..]);

    private static uint U32(ReadOnlySpan<byte> b, int at) => BinaryPrimitives.ReadUInt32LittleEndian(b[at..]);

    private static NoticeFormatException Damaged(string why) =>
        new(NoticeErrorKind.Corrupt, $"the OLE compound file (a legacy Office document) is damaged: {why}");
}

/// <summary>An entry of a compound file's directory.</summary>
/// <param name="Id">Its index in the directory.</param>
/// <param name="Name">Its name.</param>
/// <param name="Path">Its path from the root, storages separated by <c>/</c>.</param>
/// <param name="IsStorage">A storage (a folder).</param>
/// <param name="IsStream">A stream (a file).</param>
/// <param name="Start">Its first sector (mini sector for a small stream).</param>
/// <param name="Size">Its declared size in bytes.</param>
/// <param name="Depth">1 for an entry directly under the root.</param>
internal sealed record OleEntry(int Id, string Name, string Path, bool IsStorage, bool IsStream, uint Start, long Size, int Depth);
