using Extractor.Parsing.Documents;

namespace Extractor.Parsing.Text;

/// <summary>
/// The normalization stage: turns each block of running text into a <see cref="Paragraph"/> whose text has
/// invisible characters removed, every kind of space (full-width, NBSP, tab) made one ASCII space, runs of spaces
/// collapsed, a single stray space between CJK characters (or between CJK and digits: <c>2022 年</c>) dropped, and
/// both ends trimmed — keeping, for each character, the offset it came from. A full-width space, a tab or a run of
/// spaces between CJK characters is deliberate (<c>整改结果　完成…</c>) and stays as one space.
/// </summary>
internal static class Normalizer
{
    /// <summary>Normalizes every running-text block (table cells excluded) of <paramref name="document"/>; blocks left empty are dropped.</summary>
    public static List<Paragraph> Normalize(ExtractedDocument document)
    {
        var paragraphs = new List<Paragraph>(document.Blocks.Count);
        var buffer = new char[64];
        foreach (var block in document.Blocks)
        {
            if (block.Table is not null) continue;
            var paragraph = Normalize(document.Text, block, paragraphs.Count, ref buffer);
            if (paragraph is not null) paragraphs.Add(paragraph);
        }
        return paragraphs;
    }

    /// <summary>Normalizes one block; null when nothing visible is left.</summary>
    public static Paragraph? Normalize(string source, TextBlock block, int index)
    {
        var buffer = new char[Math.Max(16, block.Length)];
        return Normalize(source, block, index, ref buffer);
    }

    private static Paragraph? Normalize(string source, TextBlock block, int index, ref char[] buffer)
    {
        if (buffer.Length < block.Length) buffer = new char[Math.Max(block.Length, buffer.Length * 2)];
        var map = new int[block.Length + 1];
        var length = 0;
        var pendingSpace = -1; // source offset of a space waiting to be emitted
        var wide = false;      // the waiting space is deliberate: a full-width space, a tab, or a run of spaces
        for (var i = block.Start; i < block.End; i++)
        {
            var c = source[i];
            if (CharClass.IsSpace(c) || c is '\r' or '\n')
            {
                if (length == 0) continue;
                if (pendingSpace < 0)
                {
                    pendingSpace = i;
                    wide = c is '\u3000' or '\t';
                }
                else
                {
                    wide = true;
                }
                continue;
            }
            if (CharClass.IsInvisible(c)) continue;
            if (pendingSpace >= 0)
            {
                if (wide || !IsLayoutSpace(buffer[length - 1], c))
                {
                    map[length] = pendingSpace;
                    buffer[length++] = ' ';
                }
                pendingSpace = -1;
            }
            map[length] = i;
            buffer[length++] = c;
        }
        if (length == 0) return null;
        map[length] = map[length - 1] + 1;
        if (map.Length > length + 1) Array.Resize(ref map, length + 1);
        return new Paragraph(new string(buffer, 0, length), map, 0, block, index);
    }

    /// <summary>A space between these two characters is an artefact of layout, not part of the text.</summary>
    private static bool IsLayoutSpace(char before, char after) =>
        (CharClass.IsCjk(before) && (CharClass.IsCjk(after) || CharClass.IsDigit(after)))
        || (CharClass.IsDigit(before) && CharClass.IsCjk(after));

    /// <summary>Joins two paragraphs (a marker alone on its line and the heading text on the next) into one.</summary>
    public static Paragraph Join(Paragraph first, Paragraph second)
    {
        var text = first.Text + second.Text;
        var map = new int[text.Length + 1];
        for (var i = 0; i < first.Text.Length; i++) map[i] = first.SourceOffset(i);
        for (var i = 0; i <= second.Text.Length; i++) map[first.Text.Length + i] = second.SourceOffset(i);
        map[text.Length] = second.SourceStop;
        return new Paragraph(text, map, 0, first.Block, first.Index);
    }
}
