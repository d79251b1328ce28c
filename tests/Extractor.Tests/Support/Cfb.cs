using System.Buffers.Binary;
using System.Text;

namespace Extractor.Tests.Support;

/// <summary>
/// Builds a minimal OLE compound file ([MS-CFB], version 3, 512-byte sectors) whose root storage holds empty streams of
/// the given names: enough for recognition specs (a <c>WordDocument</c>, a <c>Workbook</c>, an <c>EncryptedPackage</c>)
/// without committing legacy Office files.
/// </summary>
internal static class Cfb
{
    public static byte[] Build(params string[] streams)
    {
        var entries = 1 + streams.Length;
        var directorySectors = (entries + 3) / 4;
        var bytes = new byte[512 * (2 + directorySectors)];
        var span = bytes.AsSpan();
        ((ReadOnlySpan<byte>)[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]).CopyTo(span);
        BinaryPrimitives.WriteUInt16LittleEndian(span[0x18..], 0x3E);
        BinaryPrimitives.WriteUInt16LittleEndian(span[0x1A..], 3);
        BinaryPrimitives.WriteUInt16LittleEndian(span[0x1C..], 0xFFFE);
        BinaryPrimitives.WriteUInt16LittleEndian(span[0x1E..], 9);
        BinaryPrimitives.WriteUInt16LittleEndian(span[0x20..], 6);
        BinaryPrimitives.WriteUInt32LittleEndian(span[0x2C..], 1);          // one FAT sector
        BinaryPrimitives.WriteUInt32LittleEndian(span[0x30..], 1);          // the directory starts at sector 1
        BinaryPrimitives.WriteUInt32LittleEndian(span[0x38..], 4096);
        BinaryPrimitives.WriteUInt32LittleEndian(span[0x3C..], 0xFFFFFFFE); // no mini FAT
        BinaryPrimitives.WriteUInt32LittleEndian(span[0x44..], 0xFFFFFFFE); // no DIFAT sectors
        for (var i = 0; i < 109; i++) BinaryPrimitives.WriteUInt32LittleEndian(span[(0x4C + i * 4)..], i == 0 ? 0u : 0xFFFFFFFF);

        // Sector 0, the FAT: itself, then the directory's chain.
        var fat = span[512..1024];
        fat.Fill(0xFF);
        BinaryPrimitives.WriteUInt32LittleEndian(fat, 0xFFFFFFFD);
        for (var s = 0; s < directorySectors; s++)
            BinaryPrimitives.WriteUInt32LittleEndian(fat[((1 + s) * 4)..], s == directorySectors - 1 ? 0xFFFFFFFE : (uint)(2 + s));

        var directory = span[1024..];
        Entry(directory, 0, "Root Entry", 5, child: streams.Length > 0 ? 1u : 0xFFFFFFFF, right: 0xFFFFFFFF);
        for (var i = 0; i < streams.Length; i++)
            Entry(directory, i + 1, streams[i], 2, child: 0xFFFFFFFF, right: i + 1 < streams.Length ? (uint)(i + 2) : 0xFFFFFFFF);
        return bytes;
    }

    private static void Entry(Span<byte> directory, int index, string name, byte type, uint child, uint right)
    {
        var e = directory.Slice(index * 128, 128);
        var encoded = Encoding.Unicode.GetBytes(name);
        encoded.CopyTo(e);
        BinaryPrimitives.WriteUInt16LittleEndian(e[0x40..], (ushort)(encoded.Length + 2));
        e[0x42] = type;
        e[0x43] = 1;
        BinaryPrimitives.WriteUInt32LittleEndian(e[0x44..], 0xFFFFFFFF);
        BinaryPrimitives.WriteUInt32LittleEndian(e[0x48..], right);
        BinaryPrimitives.WriteUInt32LittleEndian(e[0x4C..], child);
        BinaryPrimitives.WriteUInt32LittleEndian(e[0x74..], 0xFFFFFFFE);
    }
}
