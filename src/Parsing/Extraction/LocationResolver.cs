using System.Runtime.CompilerServices;
using Extractor.Parsing.Normalization;
using Extractor.Parsing.Readers;
using Extractor.Parsing.Text;

namespace Extractor.Parsing.Extraction;

/// <summary>Turns offsets in the extracted text into <see cref="SourceLocation"/>s: line, page, paragraph or element path.</summary>
internal sealed class LocationResolver
{
    private readonly int[] _lineStarts;
    private readonly IReadOnlyList<TextBlock> _blocks;
    private readonly int[] _blockStarts;

    public LocationResolver(ExtractedDocument document)
    {
        _blocks = document.Blocks;
        _blockStarts = new int[_blocks.Count];
        for (var k = 0; k < _blockStarts.Length; k++) _blockStarts[k] = _blocks[k].Start;
        var text = document.Text;
        var starts = new List<int> { 0 };
        for (var i = LineBreaks.Next(text, 0); i >= 0; i = LineBreaks.Next(text, i))
        {
            i += LineBreaks.LengthAt(text, i);
            starts.Add(i);
        }
        _lineStarts = [.. starts];
    }

    /// <summary>The location of <c>[start, end)</c>.</summary>
    public SourceLocation Resolve(int start, int end)
    {
        if (end < start) end = start;
        var line = LineOf(start);
        var endLine = end > start ? LineOf(end - 1) : line;
        var block = BlockAt(start);
        var last = end > start ? BlockAt(end - 1) : block;
        var page = block?.Page;
        int? endPage = null;
        if (block?.Lines is { Count: > 0 } lines && last?.Lines is { Count: > 0 } lastLines)
        {
            // PDF: each line of a block knows its page; lines count on the page.
            var first = lines[Math.Clamp(line - block.Value.Line, 0, lines.Count - 1)];
            var final = lastLines[Math.Clamp(endLine - last.Value.Line, 0, lastLines.Count - 1)];
            (page, line, endLine) = (first.Page, first.Line, final.Line);
            if (final.Page != first.Page) endPage = final.Page;
        }
        return new SourceLocation
        {
            Line = line,
            EndLine = endLine != line || endPage is not null ? endLine : null,
            Page = page,
            EndPage = endPage,
            Paragraph = block?.Paragraph,
            Path = block?.Path,
            Start = start,
            End = end,
        };
    }

    /// <summary>The whole of <paramref name="p"/>.</summary>
    public SourceLocation Of(Paragraph p) => Resolve(p.SourceStart, p.SourceStop);

    /// <summary>Characters <c>[start, end)</c> of <paramref name="p"/>'s normalized text.</summary>
    public SourceLocation Of(Paragraph p, int start, int end) => Resolve(p.SourceOffset(start), p.SourceEnd(end));

    /// <summary>From the start of the first paragraph to the end of the last.</summary>
    public SourceLocation Of(IReadOnlyList<Paragraph> paragraphs) =>
        Resolve(paragraphs[0].SourceStart, paragraphs[^1].SourceStop);

    // Hot from a process's first parse: compiled optimized at once rather than tiered up (README, Speed).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private int LineOf(int offset)
    {
        var i = Array.BinarySearch(_lineStarts, offset);
        return (i >= 0 ? i : ~i - 1) + 1;
    }

    // Hot from a process's first parse: compiled optimized at once rather than tiered up (README, Speed).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private TextBlock? BlockAt(int offset)
    {
        var starts = _blockStarts;
        int lo = 0, hi = starts.Length - 1, found = -1;
        while (lo <= hi)
        {
            var mid = (lo + hi) >>> 1;
            if (starts[mid] <= offset) { found = mid; lo = mid + 1; }
            else hi = mid - 1;
        }
        return found >= 0 ? _blocks[found] : null;
    }
}
