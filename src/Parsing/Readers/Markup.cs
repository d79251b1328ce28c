using System.Text;

namespace Extractor.Parsing.Readers;

/// <summary>What the head of a file says about its markup, for recognizers: the head as text, whatever its encoding.</summary>
internal static class Markup
{
    /// <summary>
    /// The first <paramref name="length"/> bytes as text: UTF-16 (by its byte-order mark, or by NUL bytes between ASCII
    /// ones) with the NULs dropped, anything else byte for byte (ASCII markup reads the same in every encoding used here),
    /// a UTF-8 byte-order mark dropped.
    /// </summary>
    public static string Head(ReadOnlySpan<byte> content, int length)
    {
        var head = content[..Math.Min(content.Length, length)];
        var utf16 = head.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) || head.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF])
            || (head.Length >= 4 && (head[0] == 0) != (head[1] == 0) && (head[2] == 0) != (head[3] == 0));
        var text = Encoding.Latin1.GetString(head);
        if (utf16) text = text.Replace("\0", "", StringComparison.Ordinal).TrimStart('\u00FF', '\u00FE');
        if (text.StartsWith("\u00EF\u00BB\u00BF", StringComparison.Ordinal)) text = text[3..];
        return text;
    }
}
