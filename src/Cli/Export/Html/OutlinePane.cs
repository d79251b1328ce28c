using System.Text;
using Extractor.Cli.Localization;
using Extractor.Parsing;

namespace Extractor.Cli.Export.Html;

/// <summary>
/// The review page's outline: the section tree with each item in its place, each entry a link to where it is in the
/// text. An item whose problem is a section's heading (<c>（一）针对…的问题</c>) is that section's entry, with its status;
/// other items are entries under the innermost section around them, in document order among its sub-sections.
/// Built without recursion: the tree comes from untrusted input.
/// </summary>
internal static class OutlinePane
{
    private sealed record Entry(int Start, FlatSection? Section, Item? Item);

    public static void Write(StringBuilder html, Notice notice, SectionTree tree, Messages m)
    {
        var ownItem = new Dictionary<int, Item>();
        var children = new Dictionary<int, List<Entry>>(); // by parent section id; 0 for the top level
        List<Entry> Children(int id) => children.TryGetValue(id, out var list) ? list : children[id] = [];

        foreach (var s in tree.Sections) Children(s.Parent ?? 0).Add(new Entry(s.Section.HeadingLocation.Start, s, null));
        foreach (var item in notice.Items)
        {
            var around = tree.Around(item);
            var parent = around.Count > 0 ? around[^1].Id : 0;
            var own = Children(parent).FirstOrDefault(e => e.Section is { } s && Holds(s.Section.HeadingLocation, item.Problem.Location.Start));
            if (own?.Section is { } section) ownItem.TryAdd(section.Id, item);
            else Children(parent).Add(new Entry(item.Location.Start, null, item));
        }

        html.Append("<nav class=\"tree\" aria-label=\"").Append(Html.Escape(m["PageOutline"])).Append("\"><h2>")
            .Append(Html.Escape(m["PageOutline"])).Append("</h2>\n<ul>\n");
        var stack = new Stack<IEnumerator<Entry>>();
        stack.Push(Children(0).OrderBy(e => e.Start).GetEnumerator());
        while (stack.Count > 0)
        {
            var level = stack.Peek();
            if (!level.MoveNext())
            {
                level.Dispose();
                stack.Pop();
                html.Append(stack.Count > 0 ? "</ul></li>\n" : "</ul>\n");
                continue;
            }
            var entry = level.Current;
            html.Append("<li>");
            if (entry.Section is { } s)
            {
                var item = ownItem.GetValueOrDefault(s.Id);
                html.Append("<a href=\"#").Append(item is null ? $"s{s.Id}" : $"i{item.Index}").Append("\">");
                if (item is not null) Badge(html, item, m);
                html.Append("<span class=\"mk\">").Append(Html.Escape(s.Section.Marker)).Append("</span>").Append(Html.Escape(s.Section.Title));
                Page(html, s.Section.HeadingLocation, m);
                html.Append("</a>");
                if (children.TryGetValue(s.Id, out var below) && below.Count > 0)
                {
                    html.Append("<ul>\n");
                    stack.Push(below.OrderBy(e => e.Start).GetEnumerator());
                    continue;
                }
            }
            else if (entry.Item is { } item)
            {
                html.Append("<a href=\"#i").Append(item.Index).Append("\">");
                Badge(html, item, m);
                html.Append(Html.Escape(item.Problem.Title));
                Page(html, item.Problem.Location, m);
                html.Append("</a>");
            }
            html.Append("</li>\n");
        }
        html.Append("</nav>\n");
    }

    private static bool Holds(SourceLocation span, int offset) => span.Start <= offset && offset < span.End;

    private static void Badge(StringBuilder html, Item item, Messages m)
    {
        var status = Tables.Status(item.Rectification?.Status ?? RectificationStatus.Unknown);
        html.Append("<span class=\"badge ").Append(status).Append("\">").Append(Html.Escape(m["Status" + status])).Append("</span>");
    }

    private static void Page(StringBuilder html, SourceLocation location, Messages m)
    {
        if (location.Page is { } page) html.Append(" <span class=\"pg\">").Append(Html.Escape(m.Format("PagePage", page))).Append("</span>");
    }
}
