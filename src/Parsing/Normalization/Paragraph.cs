using Extractor.Parsing.Readers;
using Extractor.Parsing.Text;

namespace Extractor.Parsing.Normalization;

/// <summary>
/// A normalized paragraph: its text as the later stages see it, and for each of its characters the offset in the
/// extracted text it came from, so that every value cut out of it can say where it is.
/// </summary>
internal sealed class Paragraph
{
    private readonly int[] _map;
    private readonly int _mapOffset;

    /// <param name="text">Normalized text.</param>
    /// <param name="map">Offsets in the extracted text: <c>map[mapOffset + i]</c> is where character <c>i</c> came from,
    /// and <c>map[mapOffset + text.Length]</c> is just past the last source character.</param>
    /// <param name="mapOffset">Where this paragraph's part of <paramref name="map"/> starts.</param>
    /// <param name="block">The block the paragraph came from.</param>
    /// <param name="index">Position among the document's paragraphs.</param>
    public Paragraph(string text, int[] map, int mapOffset, TextBlock block, int index)
        : this(text, HanVariants.Simplify(text), map, mapOffset, block, index)
    {
    }

    // A part of a paragraph, or the paragraph again: its match text is cut from the one already made (simplifying maps
    // character to character, so the cut of the simplified text is the simplified cut).
    private Paragraph(string text, string matchText, int[] map, int mapOffset, TextBlock block, int index)
    {
        Text = text;
        MatchText = matchText;
        _map = map;
        _mapOffset = mapOffset;
        Block = block;
        Index = index;
    }

    /// <summary>The normalized text.</summary>
    public string Text { get; }

    /// <summary>
    /// The text as rules are matched against it: traditional characters read as their simplified variants, so that a
    /// notice in traditional characters (整改結果) meets the same labels, cues and patterns. Offsets are those of
    /// <see cref="Text"/>, which is what values are cut from.
    /// </summary>
    public string MatchText { get; }

    /// <summary>Index of the source block in <see cref="ExtractedDocument.Blocks"/>.</summary>
    public int BlockIndex { get; init; } = -1;

    /// <summary>Positions in <see cref="Text"/> where the reader marked a possible paragraph break (see <see cref="TextBlock.SoftBreaks"/>).</summary>
    public IReadOnlyList<int> SoftBreaks { get; init; } = [];

    /// <summary>The source block.</summary>
    public TextBlock Block { get; }

    /// <summary>Position among the document's paragraphs.</summary>
    public int Index { get; }

    /// <summary>Offset in the extracted text of normalized character <paramref name="i"/> (0 ≤ i ≤ Length).</summary>
    public int SourceOffset(int i) => _map[_mapOffset + i];

    /// <summary>Offset in the extracted text just past normalized character <paramref name="i"/>.</summary>
    public int SourceEnd(int i) => i <= 0 ? SourceOffset(0) : _map[_mapOffset + i - 1] + 1;

    /// <summary>Whether any character in <c>[start, end)</c> is one the reader was unsure of (<see cref="TextBlock.Uncertain"/>: OCR read it with low confidence).</summary>
    public bool IsUncertain(int start, int end)
    {
        if (Block.Uncertain is not { Count: > 0 } uncertain) return false;
        for (var i = start; i < end && i < Text.Length; i++)
            if (uncertain.Contains(SourceOffset(i) - Block.Start)) return true;
        return false;
    }

    /// <summary>Offset of the paragraph's first character in the extracted text.</summary>
    public int SourceStart => SourceOffset(0);

    /// <summary>Offset just past the paragraph's last character.</summary>
    public int SourceStop => SourceEnd(Text.Length);

    /// <summary>The part <c>[start, end)</c> as a paragraph of its own, with the same source mapping.</summary>
    public Paragraph Slice(int start, int end)
    {
        // Skip spaces at the cut so that both halves stay trimmed.
        while (start < end && CharClass.IsSpace(Text[start])) start++;
        while (end > start && CharClass.IsSpace(Text[end - 1])) end--;
        var text = Text[start..end];
        var matchText = ReferenceEquals(MatchText, Text) ? text : MatchText[start..end];
        return new Paragraph(text, matchText, _map, _mapOffset + start, Block, Index) { BlockIndex = BlockIndex };
    }

    /// <summary>This paragraph, recording the block it came from.</summary>
    public Paragraph WithBlockIndex(int index) =>
        new(Text, MatchText, _map, _mapOffset, Block, Index) { BlockIndex = index, SoftBreaks = SoftBreaks };

    /// <summary>The paragraphs' texts joined by line feeds.</summary>
    public static string JoinText(IEnumerable<Paragraph> paragraphs)
    {
        var sb = new System.Text.StringBuilder();
        foreach (var p in paragraphs)
        {
            if (sb.Length > 0) sb.Append('\n');
            sb.Append(p.Text);
        }
        return sb.ToString();
    }

    /// <inheritdoc/>
    public override string ToString() => Text;
}
