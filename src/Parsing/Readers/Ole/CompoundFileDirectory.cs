using System.Buffers.Binary;
using System.Text;

namespace Extractor.Parsing.Readers.Ole;

/// <summary>An entry of an OLE compound file's directory: a storage (folder) or a stream (file).</summary>
/// <param name="Name">The entry's name (<c>WordDocument</c>, <c>Workbook</c>, <c>\u0005SummaryInformation</c>).</param>
/// <param name="IsStream">True for a stream, false for a storage.</param>
/// <param name="StartSector">The first sector of its data.</param>
/// <param name="Size">Its size in bytes.</param>
internal sealed record OleEntry(string Name, bool IsStream, uint StartSector, long Size);

/// <summary>
/// Reads enough of an OLE compound file ([MS-CFB]: legacy .doc, .xls, .ppt, WPS files, encrypted OOXML) to name the
/// entries of its root storage, which say what the file is: <c>WordDocument</c>, <c>Workbook</c>/<c>Book</c>,
/// <c>PowerPoint Document</c>, <c>EncryptedPackage</c>. It follows the FAT to the directory's sectors and walks the
/// root's red-black tree of children, without recursion and with every chain bounded by the file's size, so a damaged
/// or hostile file costs nothing. It reads no stream data: readers of a format hand the file to their own parser.
/// </summary>
internal static class CompoundFileDirectory
{
    /// <summary>The compound file signature.</summary>
    public static ReadOnlySpan<byte> Signature => [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

    private const uint NoStream = 0xFFFFFFFF;
    private const uint EndOfChain = 0xFFFFFFFE;

    /// <summary>True when the content opens with the compound file signature.</summary>
    public static bool IsCompoundFile(ReadOnlySpan<byte> content) => content.StartsWith(Signature);

    /// <summary>The entries of the root storage in name order of the tree walk, or null when the directory cannot be read.</summary>
    public static IReadOnlyList<OleEntry>? RootEntries(ReadOnlySpan<byte> content)
    {
        if (!IsCompoundFile(content) || content.Length < 512) return null;
        int shift = BinaryPrimitives.ReadUInt16LittleEndian(content[0x1E..]);
        if (shift is not (9 or 12)) return null;
        var sectorSize = 1 << shift;
        var maxSectors = content.Length / sectorSize + 1;
        var fat = FatSectors(content, sectorSize, maxSectors);
        if (fat is null) return null;

        // The directory: 128-byte entries in the chain that starts at the header's first directory sector.
        var entries = new List<(OleEntry Entry, uint Left, uint Right, uint Child)>();
        var sector = BinaryPrimitives.ReadUInt32LittleEndian(content[0x30..]);
        var seen = new HashSet<uint>();
        while (sector != EndOfChain && seen.Add(sector) && seen.Count <= maxSectors)
        {
            var offset = ((long)sector + 1) * sectorSize;
            if (offset + sectorSize > content.Length) return entries.Count > 0 ? Children(entries) : null;
            for (var i = 0; i < sectorSize / 128; i++)
                entries.Add(Entry(content.Slice((int)offset + i * 128, 128)));
            if (Next(content, fat, sectorSize, sector) is not { } next) break;
            sector = next;
        }
        return entries.Count > 0 ? Children(entries) : null;
    }

    /// <summary>True when the root storage has a stream named <paramref name="name"/> (names compare ignoring case, as in [MS-CFB]).</summary>
    public static bool HasStream(IReadOnlyList<OleEntry>? entries, string name) =>
        entries is not null && entries.Any(e => e.IsStream && e.Name.Equals(name, StringComparison.OrdinalIgnoreCase));

    /// <summary>The sectors that hold the FAT: the first 109 listed in the header, the rest in the DIFAT chain.</summary>
    private static List<uint>? FatSectors(ReadOnlySpan<byte> content, int sectorSize, int maxSectors)
    {
        var count = BinaryPrimitives.ReadUInt32LittleEndian(content[0x2C..]);
        if (count == 0 || count > maxSectors) return null;
        var sectors = new List<uint>();
        for (var i = 0; i < 109 && sectors.Count < count; i++)
            sectors.Add(BinaryPrimitives.ReadUInt32LittleEndian(content[(0x4C + i * 4)..]));
        var difat = BinaryPrimitives.ReadUInt32LittleEndian(content[0x44..]);
        var seen = new HashSet<uint>();
        while (sectors.Count < count && difat < EndOfChain - 4 && seen.Add(difat) && seen.Count <= maxSectors)
        {
            var offset = ((long)difat + 1) * sectorSize;
            if (offset + sectorSize > content.Length) break;
            var per = sectorSize / 4 - 1;
            for (var i = 0; i < per && sectors.Count < count; i++)
                sectors.Add(BinaryPrimitives.ReadUInt32LittleEndian(content[(int)(offset + i * 4)..]));
            difat = BinaryPrimitives.ReadUInt32LittleEndian(content[(int)(offset + per * 4)..]);
        }
        return sectors;
    }

    /// <summary>The FAT's entry for <paramref name="sector"/>: the next sector of its chain, or null past the FAT or the file.</summary>
    private static uint? Next(ReadOnlySpan<byte> content, List<uint> fat, int sectorSize, uint sector)
    {
        var perSector = sectorSize / 4;
        var index = sector / perSector;
        if (index >= fat.Count) return null;
        var offset = ((long)fat[(int)index] + 1) * sectorSize + sector % perSector * 4;
        if (offset + 4 > content.Length) return null;
        return BinaryPrimitives.ReadUInt32LittleEndian(content[(int)offset..]);
    }

    private static (OleEntry, uint, uint, uint) Entry(ReadOnlySpan<byte> raw)
    {
        int nameBytes = BinaryPrimitives.ReadUInt16LittleEndian(raw[0x40..]);
        var name = nameBytes is >= 2 and <= 64 ? Encoding.Unicode.GetString(raw[..(nameBytes - 2)]) : "";
        var type = raw[0x42];
        return (new OleEntry(name, type == 2, BinaryPrimitives.ReadUInt32LittleEndian(raw[0x74..]), BinaryPrimitives.ReadInt64LittleEndian(raw[0x78..])),
            BinaryPrimitives.ReadUInt32LittleEndian(raw[0x44..]), BinaryPrimitives.ReadUInt32LittleEndian(raw[0x48..]),
            BinaryPrimitives.ReadUInt32LittleEndian(raw[0x4C..]));
    }

    /// <summary>The root's children: the tree under entry 0's child pointer, walked with a stack, each entry once.</summary>
    private static List<OleEntry> Children(List<(OleEntry Entry, uint Left, uint Right, uint Child)> entries)
    {
        var children = new List<OleEntry>();
        var stack = new Stack<uint>();
        var seen = new HashSet<uint>();
        stack.Push(entries[0].Child);
        while (stack.Count > 0)
        {
            var id = stack.Pop();
            if (id == NoStream || id >= entries.Count || id == 0 || !seen.Add(id)) continue;
            var (entry, left, right, _) = entries[(int)id];
            children.Add(entry);
            stack.Push(right);
            stack.Push(left);
        }
        return children;
    }
}
