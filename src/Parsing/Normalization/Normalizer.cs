using System.Runtime.CompilerServices;
using Extractor.Parsing.Readers;
using Extractor.Parsing.Text;

namespace Extractor.Parsing.Normalization;

/// <summary>
/// The normalization stage: turns each block of running text into a <see cref="Paragraph"/> whose text has
/// invisible characters removed, every kind of space (full-width, NBSP, tab) made one ASCII space, runs of spaces
/// collapsed, a single stray space between CJK characters (or between CJK and digits: <c>2022 年</c>) dropped, and
/// both ends trimmed, and look-alikes that PDF fonts emit (the radical ⼯ for 工, ― for —) read as typed —
/// keeping, for each character, the offset it came from. A full-width space, a tab or a run of
/// spaces between CJK characters is deliberate (<c>整改结果　完成…</c>) and stays as one space.
/// </summary>
internal static class Normalizer
{
    /// <summary>Normalizes every block of <paramref name="document"/>, table cells included; blocks left empty are dropped.</summary>
    public static List<Paragraph> Normalize(ExtractedDocument document) => Normalize(document, out _);

    /// <summary>
    /// Normalizes every block, and says where pinyin glosses a character converter left (<c>關(guān)</c>) were dropped
    /// (<see cref="PinyinGlosses"/>): their source ranges.
    /// </summary>
    public static List<Paragraph> Normalize(ExtractedDocument document, out List<(int Start, int End)> glosses)
    {
        var paragraphs = new List<Paragraph>(document.Blocks.Count);
        var buffer = new char[64];
        glosses = [];
        for (var b = 0; b < document.Blocks.Count; b++)
        {
            Checkpoint.Tick();
            var paragraph = Normalize(document.Text, document.Blocks[b], paragraphs.Count, ref buffer, glosses);
            if (paragraph is not null) paragraphs.Add(paragraph.WithBlockIndex(b));
        }
        return paragraphs;
    }

    /// <summary>Normalizes one block; null when nothing visible is left.</summary>
    public static Paragraph? Normalize(string source, TextBlock block, int index)
    {
        var buffer = new char[Math.Max(16, block.Length)];
        return Normalize(source, block, index, ref buffer, null);
    }

    // Hot from a process's first parse: compiled optimized at once rather than tiered up (README, Speed).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static Paragraph? Normalize(string source, TextBlock block, int index, ref char[] buffer, List<(int Start, int End)>? glosses)
    {
        if (buffer.Length < block.Length) buffer = new char[Math.Max(block.Length, buffer.Length * 2)];
        var map = new int[block.Length + 1];
        var length = 0;
        List<int>? softBreaks = null;
        var nextSoft = 0; // index into block.SoftBreaks
        var softPending = false;
        var pendingSpace = -1; // source offset of a space waiting to be emitted
        var wide = false;      // the waiting space is deliberate: a full-width space, a tab, or a run of spaces
        var wrap = false;      // the waiting space is only a line break (a PDF line wrap)
        for (var i = block.Start; i < block.End; i++)
        {
            var c = source[i];
            if (block.SoftBreaks is { } breaks && nextSoft < breaks.Count && i - block.Start == breaks[nextSoft])
            {
                nextSoft++;
                softPending = length > 0;
            }
            if (CharClass.IsSpace(c) || c is '\r' or '\n')
            {
                if (length == 0) continue;
                if (pendingSpace < 0)
                {
                    pendingSpace = i;
                    wide = c is '\u3000' or '\t';
                    wrap = c is '\n' or '\r';
                }
                else if (!(wrap && c == '\n' && source[i - 1] == '\r'))
                {
                    wide = true;
                    wrap = false;
                }
                continue;
            }
            if (CharClass.IsInvisible(c)) continue;
            // A run of question marks opening a paragraph is its indentation that an encoding could not hold (a
            // converter writes ? for each space it cannot encode): lost spacing, not text.
            if (c == '?' && length == 0 && i + 1 < block.End && source[i + 1] == '?')
            {
                while (i + 1 < block.End && source[i + 1] == '?') i++;
                continue;
            }
            // A converter's pinyin gloss after an ideograph (關(guān)) is dropped.
            if (c == '(' && length > 0 && pendingSpace < 0 && CharClass.IsCjk(buffer[length - 1]) && PinyinGlosses.LengthAt(source, i) is var gloss and > 0
                && i + gloss <= block.End)
            {
                glosses?.Add((i, i + gloss));
                i += gloss - 1;
                continue;
            }
            c = LookAlikes.Canonical(c);
            // A lone surrogate is no character: U+FFFD, as every UTF-16 consumer (and the JSON writer) would read it.
            if (char.IsHighSurrogate(c) ? i + 1 >= block.End || !char.IsLowSurrogate(source[i + 1])
                : char.IsLowSurrogate(c) && (i == block.Start || !char.IsHighSurrogate(source[i - 1])))
                c = '\uFFFD';
            if (pendingSpace >= 0)
            {
                // A line wrap (PDF) next to CJK, or after a hyphen inside a number (0374-|3866207), is no space.
                var before = buffer[length - 1];
                var wrapJoin = wrap && (CharClass.IsCjk(before) || CharClass.IsCjk(c) || (before == '-' && char.IsAsciiLetterOrDigit(c)));
                if (wide || !(wrapJoin || IsLayoutSpace(before, c)))
                {
                    map[length] = pendingSpace;
                    buffer[length++] = ' ';
                }
                pendingSpace = -1;
            }
            if (softPending)
            {
                (softBreaks ??= []).Add(length);
                softPending = false;
            }
            map[length] = i;
            buffer[length++] = c;
        }
        if (length == 0) return null;
        var repaired = RepairMarkerBrackets(buffer, map, length);
        if (repaired < length && softBreaks is not null) softBreaks = [.. softBreaks.Select(b => Math.Max(0, b - 1))];
        length = repaired;
        map[length] = map[length - 1] + 1;
        if (map.Length > length + 1) Array.Resize(ref map, length + 1);
        return new Paragraph(new string(buffer, 0, length), map, 0, block, index) { SoftBreaks = softBreaks ?? [] };
    }

    /// <summary>
    /// A space between these two characters is an artefact of layout (or of OCR, which puts spaces around punctuation:
    /// <c>1 .</c>, <c>整改情况 :</c>, <c>( 一 )</c>), not part of the text.
    /// </summary>
    private static bool IsLayoutSpace(char before, char after) =>
        (CharClass.IsCjk(before) && (CharClass.IsCjk(after) || CharClass.IsDigit(after)))
        || (CharClass.IsDigit(before) && CharClass.IsCjk(after))
        || ((CharClass.IsCjk(before) || CharClass.IsDigit(before)) && after is '.' or ',' or ':' or ';' or ')')
        || (before == '(' && (CharClass.IsCjk(after) || CharClass.IsDigit(after)));

    /// <summary>
    /// A numbered marker at the start of a paragraph whose brackets do not pair (<c>《一)</c>, <c>〈八)</c>, <c>[3）</c>,
    /// <c>〈《九)</c>, <c>人二)</c>: OCR reads the parenthesis as one or two look-alikes) reads as <c>（…）</c>. Typed text
    /// never opens a paragraph with brackets that do not pair; brackets that do (<c>【一】</c>, <c>(一)</c>) stay as written.
    /// Returns the new length (a doubled opening bracket is one).
    /// </summary>
    private static int RepairMarkerBrackets(char[] text, int[] map, int length)
    {
        const string opens = "（(《〈【〔[{「<人";
        const string closes = "）)》〉】〕]}」>\uFFFF";
        var start = length > 1 && opens.Contains(text[0], StringComparison.Ordinal) && opens.Contains(text[1], StringComparison.Ordinal) ? 1 : 0;
        var open = length > 2 ? opens.IndexOf(text[start], StringComparison.Ordinal) : -1;
        if (open < 0) return length;
        var end = start + 1;
        while (end < length && end <= start + 3 && (ChineseNumerals.Digit(text[end]) > 0 || text[end] == '十' || CharClass.IsDigit(text[end]))) end++;
        if (end == start + 1 || end >= length) return length;
        var close = closes.IndexOf(text[end], StringComparison.Ordinal);
        if (close < 0 || (start == 0 && (open == close || (open <= 1 && close <= 1)))) return length;
        text[start] = '（';
        text[end] = '）';
        if (start == 0) return length;
        map[1] = map[0];
        Array.Copy(text, 1, text, 0, length - 1);
        Array.Copy(map, 1, map, 0, length - 1);
        return length - 1;
    }

    /// <summary>
    /// Joins paragraphs into one (a marker alone on its line and the heading text on the next; the cells of a table row;
    /// the paragraphs of a cell), with <paramref name="separator"/> between them mapped to the end of the one before.
    /// </summary>
    public static Paragraph Join(IReadOnlyList<Paragraph> parts, string separator = "")
    {
        if (parts.Count == 1) return parts[0];
        var text = new System.Text.StringBuilder();
        var map = new List<int>();
        foreach (var part in parts)
        {
            if (text.Length > 0)
                foreach (var c in separator)
                {
                    text.Append(c);
                    map.Add(map[^1] + 1 <= part.SourceStart ? map[^1] + 1 : map[^1]);
                }
            for (var i = 0; i < part.Text.Length; i++) map.Add(part.SourceOffset(i));
            text.Append(part.Text);
        }
        map.Add(parts[^1].SourceStop);
        return new Paragraph(text.ToString(), [.. map], 0, parts[0].Block, parts[0].Index) { BlockIndex = parts[0].BlockIndex };
    }

    /// <summary>Joins two paragraphs with nothing between them.</summary>
    public static Paragraph Join(Paragraph first, Paragraph second) => Join([first, second]);
}
