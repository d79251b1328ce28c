using System.Buffers.Binary;
using System.Text;

namespace Extractor.Parsing.Readers.Containers;

/// <summary>
/// The names in a ZIP package's directory, read straight from the bytes so that a reader can tell a Word document from
/// a workbook or an OFD without opening the package: the central directory when the end record is there, else the
/// local headers (a truncated package still names the parts it begins with). Nothing is decompressed.
/// </summary>
internal static class ZipDirectory
{
    /// <summary>Most names collected: a real Office package has a few dozen parts.</summary>
    private const int MaxNames = 4096;

    /// <summary>True when the content opens like a ZIP package (a local header, or the end record of an empty one).</summary>
    public static bool IsZip(ReadOnlySpan<byte> content) => content.StartsWith("PK\x03\x04"u8) || content.StartsWith("PK\x05\x06"u8);

    /// <summary>The entry names, in directory order; empty when the content is not a ZIP package or names nothing.</summary>
    public static IReadOnlyList<string> Names(ReadOnlySpan<byte> content)
    {
        if (!IsZip(content)) return [];
        return CentralDirectory(content) ?? LocalHeaders(content);
    }

    /// <summary>True when the package has an entry named <paramref name="name"/> (ignoring case, as Office does).</summary>
    public static bool Contains(IReadOnlyList<string> names, string name) =>
        names.Any(n => n.Equals(name, StringComparison.OrdinalIgnoreCase));

    /// <summary>True when some entry's name starts with <paramref name="prefix"/> (ignoring case).</summary>
    public static bool AnyUnder(IReadOnlyList<string> names, string prefix) =>
        names.Any(n => n.StartsWith(prefix, StringComparison.OrdinalIgnoreCase));

    private static List<string>? CentralDirectory(ReadOnlySpan<byte> content)
    {
        var end = FindEndRecord(content);
        if (end < 0) return null;
        long offset = BinaryPrimitives.ReadUInt32LittleEndian(content[(end + 16)..]);
        int count = BinaryPrimitives.ReadUInt16LittleEndian(content[(end + 10)..]);
        if (offset == 0xFFFFFFFF && end >= 20 && BinaryPrimitives.ReadUInt32LittleEndian(content[(end - 20)..]) == 0x07064b50)
        {
            // ZIP64: the locator before the end record points at the ZIP64 end record, which holds the real offset.
            var zip64 = BinaryPrimitives.ReadInt64LittleEndian(content[(end - 12)..]);
            if (zip64 < 0 || zip64 > content.Length - 56 || BinaryPrimitives.ReadUInt32LittleEndian(content[(int)zip64..]) != 0x06064b50) return null;
            offset = BinaryPrimitives.ReadInt64LittleEndian(content[((int)zip64 + 48)..]);
            count = int.MaxValue;
        }
        if (offset < 0 || offset >= content.Length) return null;
        var names = new List<string>();
        var at = (int)offset;
        while (names.Count < Math.Min(count, MaxNames) && at <= content.Length - 46 && BinaryPrimitives.ReadUInt32LittleEndian(content[at..]) == 0x02014b50)
        {
            int nameLength = BinaryPrimitives.ReadUInt16LittleEndian(content[(at + 28)..]);
            int extra = BinaryPrimitives.ReadUInt16LittleEndian(content[(at + 30)..]);
            int comment = BinaryPrimitives.ReadUInt16LittleEndian(content[(at + 32)..]);
            if (at + 46 + nameLength > content.Length) break;
            names.Add(Name(content.Slice(at + 46, nameLength)));
            at += 46 + nameLength + extra + comment;
        }
        return names.Count > 0 || count == 0 ? names : null;
    }

    /// <summary>The offset of the end-of-central-directory record, searched back over the largest comment there can be.</summary>
    private static int FindEndRecord(ReadOnlySpan<byte> content)
    {
        var lowest = Math.Max(0, content.Length - 22 - 0xFFFF);
        for (var at = content.Length - 22; at >= lowest; at--)
            if (content[at] == (byte)'P' && BinaryPrimitives.ReadUInt32LittleEndian(content[at..]) == 0x06054b50) return at;
        return -1;
    }

    /// <summary>Names from the local headers found anywhere in the content: what a damaged or truncated package still says.</summary>
    private static List<string> LocalHeaders(ReadOnlySpan<byte> content)
    {
        var names = new List<string>();
        var signature = "PK\x03\x04"u8;
        var at = 0;
        while (names.Count < MaxNames && at <= content.Length - 30)
        {
            var next = content[at..].IndexOf(signature);
            if (next < 0 || at + next > content.Length - 30) break;
            at += next;
            int nameLength = BinaryPrimitives.ReadUInt16LittleEndian(content[(at + 26)..]);
            if (nameLength > 0 && at + 30 + nameLength <= content.Length) names.Add(Name(content.Slice(at + 30, nameLength)));
            at += 4;
        }
        return names;
    }

    private static string Name(ReadOnlySpan<byte> bytes) => Encoding.UTF8.GetString(bytes).Replace('\\', '/');
}
