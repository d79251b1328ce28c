using Extractor.Parsing.Text;

namespace Extractor.Parsing.Readers.PlainText;

/// <summary>
/// Reads plain text: every line that holds more than whitespace is a block (CRLF, CR, LF, NEL, LS and PS all end a
/// line), but for tables written with vertical bars, which are tables (<see cref="TextTables"/>). Decoding is <see cref="TextDecoder"/>'s: byte-order mark, strict UTF-8, GB18030 or Big5, then a statistical
/// guess that is reported as a warning. Plain text is the fallback: any content no other reader recognises is read as
/// text — and refused if it is binary, or if it is markup that no reader claimed (XML, a MIME message, RTF): such a file
/// is some other format, and reading its source as a notice would give an empty result in silence. Location: the line.
/// </summary>
public sealed class PlainTextReader : INoticeReader
{
    /// <inheritdoc/>
    public InputFormat Format => InputFormat.Text;

    /// <inheritdoc/>
    public FormatConfidence Recognize(ReadOnlySpan<byte> content, string? fileName) => FormatConfidence.Fallback;

    /// <inheritdoc/>
    public ExtractedDocument Read(Stream content, ReaderContext context)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(context);
        var decoded = TextDecoder.Decode(NoticeReaders.Bytes(content), context.Encoding);
        if (MarkupSniffer.What(decoded.Text) is { } markup)
            throw new NoticeFormatException(NoticeErrorKind.UnsupportedFormat, $"this is {markup}, not plain text, and no reader here reads it");
        var warnings = TextDecoder.Warnings(decoded, $"the encoding was guessed as {decoded.Encoding}; pass --encoding if the text looks wrong");
        return Read(decoded.Text, decoded.Encoding, warnings);
    }

    /// <summary>Reads decoded text.</summary>
    internal static ExtractedDocument Read(string text, string? encoding, IReadOnlyList<Warning>? warnings = null)
    {
        var (blocks, tables) = TextTables.Read(text, Lines(text));
        return new(text, blocks, InputFormat.Text, encoding, warnings ?? []) { Tables = tables };
    }

    /// <summary>The lines that hold more than whitespace.</summary>
    internal static List<TextTables.Line> Lines(string text)
    {
        var lines = new List<TextTables.Line>();
        int line = 1, start = 0;
        for (var i = 0; i <= text.Length; i++)
        {
            // From break to break (the text's last line ends at its end).
            i = LineBreaks.Next(text, i) is var next and >= 0 ? next : text.Length;
            var breakLength = i == text.Length ? 1 : LineBreaks.LengthAt(text, i);
            Checkpoint.Tick();
            if (HasText(text.AsSpan(start, i - start)))
                lines.Add(new TextTables.Line(start, i, line));
            i += breakLength - 1;
            line++;
            start = i + 1;
        }
        return lines;
    }

    private static bool HasText(ReadOnlySpan<char> span)
    {
        foreach (var c in span)
            if (!CharClass.IsSpaceOrInvisible(c)) return true;
        return false;
    }
}
