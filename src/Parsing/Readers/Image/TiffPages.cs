using System.Buffers.Binary;

namespace Extractor.Parsing.Readers.Image;

/// <summary>Counts a TIFF's pages (image file directories) without decoding it, so that the page limit holds before OCR.</summary>
internal static class TiffPages
{
    /// <summary>The number of pages, counting no further than <paramref name="stopAt"/>; 0 when this is not a classic TIFF.</summary>
    public static int Count(ReadOnlySpan<byte> tiff, int stopAt)
    {
        if (tiff.Length < 8) return 0;
        bool little;
        if (tiff.StartsWith("II*\0"u8)) little = true;
        else if (tiff.StartsWith("MM\0*"u8)) little = false;
        else return 0;
        uint U32(ReadOnlySpan<byte> s) => little ? BinaryPrimitives.ReadUInt32LittleEndian(s) : BinaryPrimitives.ReadUInt32BigEndian(s);
        ushort U16(ReadOnlySpan<byte> s) => little ? BinaryPrimitives.ReadUInt16LittleEndian(s) : BinaryPrimitives.ReadUInt16BigEndian(s);
        var seen = new HashSet<uint>();
        var offset = U32(tiff[4..]);
        var count = 0;
        // Each directory is a count of 12-byte entries and the offset of the next; a loop or an offset past the end ends the walk.
        while (offset != 0 && offset <= tiff.Length - 2 && seen.Add(offset) && count < stopAt)
        {
            count++;
            var entries = U16(tiff[(int)offset..]);
            var next = (long)offset + 2 + 12L * entries;
            if (next + 4 > tiff.Length) break;
            offset = U32(tiff[(int)next..]);
        }
        return count;
    }
}
