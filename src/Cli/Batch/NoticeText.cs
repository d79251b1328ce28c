using Extractor.Parsing.Readers;

namespace Extractor.Cli.Batch;

/// <summary>Where a page starts in the extracted text.</summary>
/// <param name="Offset">The offset of its first character.</param>
/// <param name="Page">The 1-based page.</param>
internal readonly record struct PageStart(int Offset, int Page);

/// <summary>
/// The text a notice was extracted as — the text its locations index — and where its pages start (PDF), for outputs
/// that show the notice in place.
/// </summary>
/// <param name="Text">The extracted text.</param>
/// <param name="Pages">Where each page starts, in order; empty for formats without pages.</param>
internal sealed record NoticeText(string Text, IReadOnlyList<PageStart> Pages)
{
    /// <summary>The text of <paramref name="document"/> and its page starts, read from the blocks' lines.</summary>
    public static NoticeText From(ExtractedDocument document)
    {
        var pages = new List<PageStart>();
        foreach (var block in document.Blocks)
        {
            if (block.Lines is { Count: > 0 } lines)
            {
                // A PDF block's lines are its text's lines (joined by line feeds), each with its page.
                var offset = block.Start;
                for (var i = 0; i < lines.Count && offset <= block.End; i++)
                {
                    Add(pages, offset, lines[i].Page);
                    var next = document.Text.IndexOf('\n', offset, block.End - offset);
                    if (next < 0) break;
                    offset = next + 1;
                }
            }
            else if (block.Page is { } page)
            {
                Add(pages, block.Start, page);
            }
        }
        return new NoticeText(document.Text, pages);
    }

    private static void Add(List<PageStart> pages, int offset, int page)
    {
        if (pages.Count == 0 || pages[^1].Page != page) pages.Add(new PageStart(offset, page));
    }
}
