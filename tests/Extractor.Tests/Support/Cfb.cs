using System.Buffers.Binary;
using System.Text;

namespace Extractor.Tests.Support;

/// <summary>
/// Writes OLE compound files (MS-CFB version 3, 512-byte sectors) for reader specs: streams under the root, those
/// under 4096 bytes in the mini stream as the format requires, and a hook to damage the allocation table or the
/// directory before the bytes are written; or, for recognition specs, empty streams of the given names (no legacy
/// Office file needs committing).
/// </summary>
internal static class Cfb
{
    public const uint EndOfChain = 0xFFFFFFFE, Free = 0xFFFFFFFF, FatSector = 0xFFFFFFFD, NoStream = 0xFFFFFFFF;

    /// <summary>What a spec may change before the file is written: the FAT, where each stream starts, the raw directory entries.</summary>
    public sealed record Layout(uint[] Fat, Dictionary<string, uint> Starts, byte[] Directory);

    /// <summary>A compound file whose root storage holds empty streams of the given names: enough for recognition specs.</summary>
    public static byte[] Build(params string[] streams) => Build(streams.Select(s => (s, Array.Empty<byte>())));

    public static byte[] Build(IEnumerable<(string Name, byte[] Data)> streams, Action<Layout>? tamper = null)
    {
        var list = streams.ToList();
        const int sector = 512, mini = 64;
        var large = list.Where(s => s.Data.Length >= 4096).ToList();
        var small = list.Where(s => s.Data.Length < 4096).ToList();

        // The mini stream: small streams one after another in 64-byte mini sectors.
        var miniStream = new MemoryStream();
        var miniFat = new List<uint>();
        var miniStarts = new Dictionary<string, uint>();
        foreach (var (name, data) in small)
        {
            if (data.Length == 0) { miniStarts[name] = EndOfChain; continue; }
            var count = (data.Length + mini - 1) / mini;
            miniStarts[name] = (uint)miniFat.Count;
            for (var i = 0; i < count; i++) miniFat.Add(i == count - 1 ? EndOfChain : (uint)(miniFat.Count + 1));
            miniStream.Write(data);
            miniStream.Write(new byte[count * mini - data.Length]);
        }

        var entries = 1 + list.Count;
        var dirSectors = (entries * 128 + sector - 1) / sector;
        var miniFatSectors = (miniFat.Count * 4 + sector - 1) / sector;
        var miniStreamSectors = (int)((miniStream.Length + sector - 1) / sector);
        var dataSectors = large.Sum(s => (s.Data.Length + sector - 1) / sector);
        var total = dirSectors + miniFatSectors + miniStreamSectors + dataSectors;
        var fatSectors = 1;
        while (fatSectors * (sector / 4) < total + fatSectors) fatSectors++;
        var fat = Enumerable.Repeat(Free, fatSectors * (sector / 4)).ToArray();
        var next = 0u;
        uint Chain(int count)
        {
            if (count == 0) return EndOfChain;
            var start = next;
            for (var i = 0; i < count; i++) { fat[next] = i == count - 1 ? EndOfChain : next + 1; next++; }
            return start;
        }
        for (var i = 0; i < fatSectors; i++) fat[next++] = FatSector;
        var dirStart = Chain(dirSectors);
        var miniFatStart = Chain(miniFatSectors);
        var miniStreamStart = Chain(miniStreamSectors);
        var starts = new Dictionary<string, uint>(miniStarts);
        foreach (var (name, data) in large) starts[name] = Chain((data.Length + sector - 1) / sector);

        var directory = new byte[dirSectors * sector];
        for (var i = 0; i < dirSectors * sector / 128; i++) Entry(directory, i, "", 0, NoStream, NoStream, NoStream, 0, 0);
        Entry(directory, 0, "Root Entry", 5, NoStream, NoStream, list.Count > 0 ? 1u : NoStream, miniStream.Length > 0 ? miniStreamStart : EndOfChain, miniStream.Length);
        for (var i = 0; i < list.Count; i++)
        {
            Entry(directory, i + 1, list[i].Name, 2, NoStream, i + 1 < list.Count ? (uint)(i + 2) : NoStream, NoStream, starts[list[i].Name], list[i].Data.Length);
        }
        tamper?.Invoke(new Layout(fat, starts, directory));

        var output = new byte[(1 + next) * sector];
        var header = output.AsSpan(0, sector);
        new byte[] { 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1 }.CopyTo(header);
        BinaryPrimitives.WriteUInt16LittleEndian(header[0x18..], 0x3E);
        BinaryPrimitives.WriteUInt16LittleEndian(header[0x1A..], 3);
        BinaryPrimitives.WriteUInt16LittleEndian(header[0x1C..], 0xFFFE);
        BinaryPrimitives.WriteUInt16LittleEndian(header[0x1E..], 9);
        BinaryPrimitives.WriteUInt16LittleEndian(header[0x20..], 6);
        BinaryPrimitives.WriteUInt32LittleEndian(header[0x2C..], (uint)fatSectors);
        BinaryPrimitives.WriteUInt32LittleEndian(header[0x30..], dirStart);
        BinaryPrimitives.WriteUInt32LittleEndian(header[0x38..], 4096);
        BinaryPrimitives.WriteUInt32LittleEndian(header[0x3C..], miniFatSectors > 0 ? miniFatStart : EndOfChain);
        BinaryPrimitives.WriteUInt32LittleEndian(header[0x40..], (uint)miniFatSectors);
        BinaryPrimitives.WriteUInt32LittleEndian(header[0x44..], EndOfChain);
        for (var i = 0; i < 109; i++) BinaryPrimitives.WriteUInt32LittleEndian(header[(0x4C + i * 4)..], i < fatSectors ? (uint)i : Free);

        Span<byte> Sector(uint n) => output.AsSpan((int)((n + 1) * sector), sector);
        for (var i = 0; i < fat.Length; i++) BinaryPrimitives.WriteUInt32LittleEndian(output.AsSpan((1 + i / (sector / 4)) * sector + i % (sector / 4) * 4), fat[i]);
        directory.CopyTo(output.AsSpan((int)((dirStart + 1) * sector)));
        var miniFatBytes = new byte[miniFatSectors * sector];
        for (var i = 0; i < miniFatBytes.Length / 4; i++) BinaryPrimitives.WriteUInt32LittleEndian(miniFatBytes.AsSpan(i * 4), i < miniFat.Count ? miniFat[i] : Free);
        if (miniFatSectors > 0) miniFatBytes.CopyTo(output.AsSpan((int)((miniFatStart + 1) * sector)));
        if (miniStream.Length > 0) miniStream.ToArray().CopyTo(output.AsSpan((int)((miniStreamStart + 1) * sector)));
        foreach (var (name, data) in large)
        {
            var original = data.Length;
            for (var (n, at) = (starts[name], 0); at < original; n++, at += sector)
                data.AsSpan(at, Math.Min(sector, original - at)).CopyTo(Sector(n));
        }
        return output;
    }

    private static void Entry(byte[] directory, int index, string name, byte type, uint left, uint right, uint child, uint start, long size)
    {
        var e = directory.AsSpan(index * 128, 128);
        e.Clear();
        var bytes = Encoding.Unicode.GetBytes(name);
        bytes.CopyTo(e);
        BinaryPrimitives.WriteUInt16LittleEndian(e[0x40..], (ushort)(name.Length == 0 ? 0 : bytes.Length + 2));
        e[0x42] = type;
        BinaryPrimitives.WriteUInt32LittleEndian(e[0x44..], left);
        BinaryPrimitives.WriteUInt32LittleEndian(e[0x48..], right);
        BinaryPrimitives.WriteUInt32LittleEndian(e[0x4C..], child);
        BinaryPrimitives.WriteUInt32LittleEndian(e[0x74..], start);
        BinaryPrimitives.WriteUInt64LittleEndian(e[0x78..], (ulong)size);
    }

    /// <summary>Overwrites directory entry <paramref name="index"/>'s sibling and child links.</summary>
    public static void Link(byte[] directory, int index, uint left, uint right, uint child)
    {
        var e = directory.AsSpan(index * 128, 128);
        BinaryPrimitives.WriteUInt32LittleEndian(e[0x44..], left);
        BinaryPrimitives.WriteUInt32LittleEndian(e[0x48..], right);
        BinaryPrimitives.WriteUInt32LittleEndian(e[0x4C..], child);
    }

    /// <summary>Makes directory entry <paramref name="index"/> a storage.</summary>
    public static void Storage(byte[] directory, int index) => directory[index * 128 + 0x42] = 1;

    /// <summary>Overwrites directory entry <paramref name="index"/>'s declared size.</summary>
    public static void Size(byte[] directory, int index, ulong size) =>
        BinaryPrimitives.WriteUInt64LittleEndian(directory.AsSpan(index * 128 + 0x78), size);
}
