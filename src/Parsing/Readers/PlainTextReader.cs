using Extractor.Parsing.Documents;
using Extractor.Parsing.Text;

namespace Extractor.Parsing.Readers;

/// <summary>Reads plain text: every non-blank line is a block. Decoding is <see cref="TextDecoder"/>'s.</summary>
internal static class PlainTextReader
{
    /// <summary>Reads decoded text.</summary>
    public static ExtractedDocument Read(string text, string? encoding, IReadOnlyList<Warning>? warnings = null) =>
        new(text, SplitLines(text), InputFormat.Text, encoding, warnings ?? []);

    /// <summary>Reads bytes, detecting the encoding unless one is forced.</summary>
    public static ExtractedDocument Read(ReadOnlySpan<byte> bytes, System.Text.Encoding? forced)
    {
        var decoded = TextDecoder.Decode(bytes, forced);
        IReadOnlyList<Warning> warnings = decoded.Guessed
            ? [new Warning { Code = WarningCodes.EncodingGuessed, Message = $"the encoding was guessed as {decoded.Encoding}; pass --encoding if the text looks wrong" }]
            : [];
        return Read(decoded.Text, decoded.Encoding, warnings);
    }

    /// <summary>One block per line that holds more than whitespace; CRLF, CR, LF, NEL, LS and PS all end a line.</summary>
    internal static List<TextBlock> SplitLines(string text)
    {
        var blocks = new List<TextBlock>();
        int line = 1, start = 0;
        for (var i = 0; i <= text.Length; i++)
        {
            var end = i == text.Length;
            var c = end ? '\n' : text[i];
            if (c is not ('\n' or '\r' or '\u0085' or '\u2028' or '\u2029')) continue;
            if (HasText(text.AsSpan(start, i - start)))
                blocks.Add(new TextBlock(start, i - start, line));
            if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n') i++;
            line++;
            start = i + 1;
        }
        return blocks;
    }

    private static bool HasText(ReadOnlySpan<char> span)
    {
        foreach (var c in span)
            if (!CharClass.IsSpaceOrInvisible(c)) return true;
        return false;
    }
}
