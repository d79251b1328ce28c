using System.Buffers.Binary;
using System.Text;

namespace Extractor.Parsing.Readers.Ole;

/// <summary>
/// The title from a compound file's <c>\u0005SummaryInformation</c> property set (MS-OLEPS): the first section's
/// property 2 (<c>PIDSI_TITLE</c>), a <c>VT_LPSTR</c> in the set's code page (property 1) or a <c>VT_LPWSTR</c>. Any
/// damage gives no title, never an error: the title is a fallback.
/// </summary>
internal static class SummaryInformation
{
    private const int CodePageId = 1, TitleId = 2;

    /// <summary>The document's title, or null.</summary>
    public static string? Title(CompoundFile file, ReadOnlySpan<byte> content)
    {
        try
        {
            if (file.Stream("\u0005SummaryInformation") is not { } entry || entry.Size > 1 << 20) return null;
            return Read(file.Read(content, entry));
        }
        catch (NoticeFormatException)
        {
            return null;
        }
    }

    private static string? Read(ReadOnlySpan<byte> set)
    {
        if (set.Length < 48 || BinaryPrimitives.ReadUInt16LittleEndian(set) != 0xFFFE) return null;
        var section = BinaryPrimitives.ReadUInt32LittleEndian(set[44..]);
        if (section > set.Length - 8) return null;
        var s = set[(int)section..];
        var count = BinaryPrimitives.ReadUInt32LittleEndian(s[4..]);
        if (count > (s.Length - 8) / 8) return null;
        int codePage = 1252;
        uint? title = null;
        for (var i = 0; i < count; i++)
        {
            var id = BinaryPrimitives.ReadUInt32LittleEndian(s[(8 + i * 8)..]);
            var offset = BinaryPrimitives.ReadUInt32LittleEndian(s[(12 + i * 8)..]);
            if (offset > s.Length - 8) continue;
            if (id == CodePageId) codePage = BinaryPrimitives.ReadUInt16LittleEndian(s[((int)offset + 4)..]);
            if (id == TitleId) title = offset;
        }
        if (title is not { } at) return null;
        var type = BinaryPrimitives.ReadUInt32LittleEndian(s[(int)at..]);
        var length = BinaryPrimitives.ReadUInt32LittleEndian(s[((int)at + 4)..]);
        var data = s[((int)at + 8)..];
        string value;
        if (type == 0x1F && length <= data.Length / 2) value = Encoding.Unicode.GetString(data[..((int)length * 2)]);
        else if (type == 0x1E && length <= data.Length) value = Decode(data[..(int)length], codePage);
        else return null;
        value = value.TrimEnd('\0').Trim();
        return value.Length == 0 ? null : value;
    }

    private static string Decode(ReadOnlySpan<byte> bytes, int codePage)
    {
        if (codePage == 1200) return Encoding.Unicode.GetString(bytes);
        try
        {
            Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
            return Encoding.GetEncoding(codePage == 65001 ? 65001 : codePage).GetString(bytes);
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException)
        {
            return Encoding.Latin1.GetString(bytes);
        }
    }
}
