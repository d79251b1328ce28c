using System.Text;
using Extractor.Parsing.Tables;
using Extractor.Parsing.Text;

namespace Extractor.Parsing.Readers;

/// <summary>
/// Builds the <see cref="ExtractedDocument"/> of a structured format: each block is appended on a line of its own, so
/// that the extracted text is the blocks joined by line feeds and every block knows its offset and line. Readers of
/// formats other than plain text use it; so can a reader from outside the library.
/// </summary>
public sealed class ExtractedDocumentBuilder
{
    private readonly StringBuilder _text = new();
    private readonly List<TextBlock> _blocks = [];
    private readonly List<ExtractedTable> _tables = [];
    private int _line = 1;

    /// <summary>The blocks so far.</summary>
    public IReadOnlyList<TextBlock> Blocks => _blocks;

    /// <summary>The number of lines written so far.</summary>
    public int Line => _line;

    /// <summary>
    /// Appends a block; returns its index, or -1 when <paramref name="text"/> has nothing visible. Line breaks inside
    /// <paramref name="text"/> stay (they count as lines of the extracted text).
    /// </summary>
    /// <param name="text">The block's text.</param>
    /// <param name="page">Its 1-based page, for paged formats.</param>
    /// <param name="paragraph">Its 0-based paragraph index, for word-processor formats.</param>
    /// <param name="path">Its element path, for markup formats.</param>
    /// <param name="table">The index of the table (see <see cref="AddTable"/>) whose cell it is.</param>
    /// <param name="lines">For each line of the block, its page and line on the page.</param>
    /// <param name="softBreaks">Offsets in <paramref name="text"/> of line breaks joined on no evidence (see <see cref="TextBlock.SoftBreaks"/>).</param>
    /// <param name="uncertain">Offsets in <paramref name="text"/> of characters read with low confidence (see <see cref="TextBlock.Uncertain"/>).</param>
    public int Add(ReadOnlySpan<char> text, int? page = null, int? paragraph = null, string? path = null, int? table = null,
        IReadOnlyList<PageLine>? lines = null, IReadOnlyList<int>? softBreaks = null, IReadOnlyList<int>? uncertain = null)
    {
        if (!HasVisible(text)) return -1;
        if (_text.Length > 0)
        {
            _text.Append('\n');
            _line++;
        }
        var start = _text.Length;
        _text.Append(text);
        _blocks.Add(new TextBlock(start, text.Length, _line)
        {
            Page = page, Lines = lines, Paragraph = paragraph, Path = path, Table = table, SoftBreaks = softBreaks,
            Uncertain = uncertain is { Count: > 0 } ? uncertain : null,
        });
        foreach (var c in text)
            if (c == '\n') _line++;
        return _blocks.Count - 1;
    }

    /// <summary>Registers a table and returns its index.</summary>
    public int AddTable(ExtractedTable table)
    {
        _tables.Add(table);
        return _tables.Count - 1;
    }

    /// <summary>The index the next table will get.</summary>
    public int NextTableIndex => _tables.Count;

    /// <summary>The document.</summary>
    /// <param name="format">The format read.</param>
    /// <param name="encoding">The character encoding, when the format has one.</param>
    /// <param name="warnings">What the reader noticed.</param>
    /// <param name="containerTitle">A title the container gives outside the body.</param>
    public ExtractedDocument Build(InputFormat format, string? encoding, IReadOnlyList<Warning> warnings, string? containerTitle = null) =>
        new(_text.ToString(), _blocks, format, encoding, warnings) { ContainerTitle = containerTitle, Tables = _tables };

    private static bool HasVisible(ReadOnlySpan<char> text)
    {
        foreach (var c in text)
            if (!CharClass.IsSpaceOrInvisible(c) && c is not ('\n' or '\r')) return true;
        return false;
    }
}
