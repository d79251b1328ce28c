using System.Buffers.Binary;
using System.Text;

namespace Extractor.Parsing.Readers;

/// <summary>
/// The entry names of a ZIP package, read from its central directory (found through the end-of-central-directory
/// record) without inflating anything, for readers that recognise a package by its parts (DOCX, OFD). A package cut
/// short before its central directory is named by the local headers that are there. Never throws.
/// </summary>
internal static class ZipDirectory
{
    private const uint LocalHeader = 0x04034B50, CentralHeader = 0x02014B50, EndOfDirectory = 0x06054B50;

    /// <summary>True when the content opens with a ZIP local file header.</summary>
    public static bool IsZip(ReadOnlySpan<byte> content) => content.Length >= 4 && BinaryPrimitives.ReadUInt32LittleEndian(content) == LocalHeader;

    /// <summary>The entry names, or an empty list when the content is not a ZIP package.</summary>
    public static IReadOnlyList<string> Names(ReadOnlySpan<byte> content)
    {
        if (!IsZip(content)) return [];
        return Central(content) ?? Local(content);
    }

    /// <summary>True when the package has an entry of that name (ignoring case and a leading slash).</summary>
    public static bool Has(IEnumerable<string> names, string name)
    {
        foreach (var n in names)
            if (string.Equals(n.TrimStart('/'), name, StringComparison.OrdinalIgnoreCase)) return true;
        return false;
    }

    private static List<string>? Central(ReadOnlySpan<byte> content)
    {
        // The end record is in the last 64 KiB + 22 bytes (its comment is at most 65,535 bytes).
        for (var at = content.Length - 22; at >= 0 && at >= content.Length - 22 - 65535; at--)
        {
            if (BinaryPrimitives.ReadUInt32LittleEndian(content[at..]) != EndOfDirectory) continue;
            var count = BinaryPrimitives.ReadUInt16LittleEndian(content[(at + 10)..]);
            long offset = BinaryPrimitives.ReadUInt32LittleEndian(content[(at + 16)..]);
            if (offset == 0xFFFFFFFF || count == 0xFFFF) offset = Zip64Offset(content, at) ?? offset;
            var names = new List<string>();
            var p = offset;
            while (p + 46 <= content.Length && BinaryPrimitives.ReadUInt32LittleEndian(content[(int)p..]) == CentralHeader)
            {
                var nameLength = BinaryPrimitives.ReadUInt16LittleEndian(content[(int)(p + 28)..]);
                var extra = BinaryPrimitives.ReadUInt16LittleEndian(content[(int)(p + 30)..]);
                var comment = BinaryPrimitives.ReadUInt16LittleEndian(content[(int)(p + 32)..]);
                if (p + 46 + nameLength > content.Length) break;
                names.Add(Name(content.Slice((int)p + 46, nameLength), BinaryPrimitives.ReadUInt16LittleEndian(content[(int)(p + 8)..])));
                p += 46L + nameLength + extra + comment;
            }
            return names.Count > 0 ? names : null;
        }
        return null;
    }

    private static long? Zip64Offset(ReadOnlySpan<byte> content, int end)
    {
        var locator = end - 20;
        if (locator < 0 || BinaryPrimitives.ReadUInt32LittleEndian(content[locator..]) != 0x07064B50) return null;
        var record = BinaryPrimitives.ReadInt64LittleEndian(content[(locator + 8)..]);
        if (record < 0 || record + 56 > content.Length || BinaryPrimitives.ReadUInt32LittleEndian(content[(int)record..]) != 0x06064B50) return null;
        var offset = BinaryPrimitives.ReadInt64LittleEndian(content[(int)(record + 48)..]);
        return offset is >= 0 && offset < content.Length ? offset : null;
    }

    /// <summary>The names of the local headers from the start, as far as they go (a package cut short).</summary>
    private static List<string> Local(ReadOnlySpan<byte> content)
    {
        var names = new List<string>();
        var p = 0L;
        while (p + 30 <= content.Length && BinaryPrimitives.ReadUInt32LittleEndian(content[(int)p..]) == LocalHeader && names.Count < 100_000)
        {
            var flags = BinaryPrimitives.ReadUInt16LittleEndian(content[(int)(p + 6)..]);
            var compressed = BinaryPrimitives.ReadUInt32LittleEndian(content[(int)(p + 18)..]);
            var nameLength = BinaryPrimitives.ReadUInt16LittleEndian(content[(int)(p + 26)..]);
            var extra = BinaryPrimitives.ReadUInt16LittleEndian(content[(int)(p + 28)..]);
            if (p + 30 + nameLength > content.Length) break;
            names.Add(Name(content.Slice((int)p + 30, nameLength), flags));
            if ((flags & 0x08) != 0) break; // sizes follow the data: the next header cannot be found without inflating
            p += 30L + nameLength + extra + compressed;
        }
        return names;
    }

    private static string Name(ReadOnlySpan<byte> bytes, ushort flags) =>
        (flags & 0x800) != 0 ? Encoding.UTF8.GetString(bytes) : Encoding.Latin1.GetString(bytes);
}
