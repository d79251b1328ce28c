using System.Text;

namespace Extractor.Cli.Export.Html;

/// <summary>A highlighted range <c>[Start, End)</c> of the text: a CSS class, and an id and tooltip for its first part.</summary>
internal sealed record Mark(int Start, int End, string Class, string? Id = null, string? Title = null);

/// <summary>Markup to put at an offset of the text; <paramref name="Outside"/>: outside every highlight (a page break), not within them.</summary>
internal sealed record Point(int Offset, string Markup, bool Outside = false);

/// <summary>
/// Writes text with its marks as nested <c>&lt;span&gt;</c>s. Marks may nest (an item's rectification holds its
/// measures, which hold the status cue) and may cross (a warning across the end of a problem): the open spans are a
/// stack, and a mark that ends while spans opened after it are still open closes them, ends, and reopens them, so the
/// markup is always well formed and each character carries every mark that covers it. LangExtract's visualisation
/// orders its tags the same way at equal offsets (ends before starts, shorter spans closed first, longer opened
/// first) but does not split crossing spans. Offsets inside a surrogate pair move to its end.
/// </summary>
internal static class Highlighter
{
    public static void Write(StringBuilder html, string text, IReadOnlyList<Mark> marks, IReadOnlyList<Point> points)
    {
        int Clamp(int offset)
        {
            offset = Math.Clamp(offset, 0, text.Length);
            return offset > 0 && offset < text.Length && char.IsLowSurrogate(text[offset]) && char.IsHighSurrogate(text[offset - 1]) ? offset + 1 : offset;
        }

        var spans = marks
            .Select((m, i) => (Mark: m, Start: Clamp(m.Start), End: Clamp(m.End), Order: i))
            .Where(m => m.End > m.Start)
            .OrderBy(m => m.Start).ThenByDescending(m => m.End).ThenBy(m => m.Order)
            .ToList();
        var at = points.Select(p => p with { Offset = Clamp(p.Offset) }).OrderBy(p => p.Offset).ToList();
        var boundaries = new SortedSet<int> { 0, text.Length };
        foreach (var s in spans) { boundaries.Add(s.Start); boundaries.Add(s.End); }
        foreach (var p in at) boundaries.Add(p.Offset);

        var stack = new List<(Mark Mark, int End)>();
        int next = 0, nextPoint = 0, previous = 0;
        foreach (var b in boundaries)
        {
            Html.Escape(html, text.AsSpan(previous, b - previous));
            previous = b;
            var here = new List<Point>();
            while (nextPoint < at.Count && at[nextPoint].Offset == b) here.Add(at[nextPoint++]);

            // Close what ends here (and, for a point outside highlights, everything), keeping what must be reopened.
            var cut = here.Any(p => p.Outside) ? 0 : stack.FindIndex(s => s.End == b);
            var reopen = new List<(Mark Mark, int End)>();
            if (cut >= 0)
            {
                for (var i = stack.Count - 1; i >= cut; i--)
                {
                    html.Append("</span>");
                    if (stack[i].End > b) reopen.Add(stack[i]);
                }
                stack.RemoveRange(cut, stack.Count - cut);
                reopen.Reverse();
            }
            foreach (var p in here) html.Append(p.Markup);
            foreach (var s in reopen)
            {
                Open(html, s.Mark, first: false);
                stack.Add(s);
            }
            while (next < spans.Count && spans[next].Start == b)
            {
                Open(html, spans[next].Mark, first: true);
                stack.Add((spans[next].Mark, spans[next].End));
                next++;
            }
        }
        for (var i = stack.Count - 1; i >= 0; i--) html.Append("</span>");
    }

    private static void Open(StringBuilder html, Mark mark, bool first)
    {
        html.Append("<span class=\"").Append(mark.Class).Append('"');
        if (first && mark.Id is not null) html.Append(" id=\"").Append(Html.Escape(mark.Id)).Append('"');
        if (mark.Title is not null) Html.Escape(html.Append(" title=\""), mark.Title).Append('"');
        html.Append('>');
    }
}
