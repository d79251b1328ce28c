using System.Globalization;
using Extractor.Cli.Batch;
using Extractor.Cli.Localization;
using Extractor.Parsing;

namespace Extractor.Cli.Export.Html;

/// <summary>
/// What a review page highlights in a notice's text, from the locations the parser gave: section headings, each item's
/// problem, rectification, label, measures, status cue and fields, the figures the notice states, its title, issuer
/// and date, and the warnings; and the page breaks of a PDF. Anchors: <c>s</c>N a section (document order), <c>i</c>N
/// an item, <c>w</c>N a warning, <c>p</c>N a page.
/// </summary>
internal static class NoticeMarks
{
    public static (List<Mark> Marks, List<Point> Points) Of(Notice notice, NoticeText text, SectionTree tree, Messages m)
    {
        var marks = new List<Mark>();
        var points = new List<Point>();
        var p = notice.Provenance;
        if (p.Title is { } title) marks.Add(new Mark(title.Start, title.End, "md", Title: m["KeyMetadata"]));
        if (p.Issuer is { } issuer) marks.Add(new Mark(issuer.Start, issuer.End, "md", Title: m["MetaIssuer"]));
        if (p.Date is { } date) marks.Add(new Mark(date.Start, date.End, "md", Title: m["MetaDate"]));
        foreach (var s in tree.Sections)
        {
            var heading = s.Section.HeadingLocation;
            marks.Add(new Mark(heading.Start, heading.End, "hd", $"s{s.Id}", m.Format("TipSection", s.Section.Marker + s.Section.Title)));
        }
        foreach (var item in notice.Items) AddItem(marks, points, item, text.Text, m);
        foreach (var stat in notice.Stats)
            marks.Add(new Mark(stat.Location.Start, stat.Location.End, "st",
                Title: string.Create(CultureInfo.InvariantCulture, $"{stat.Name} = {stat.Value}{stat.Unit}")));
        for (var i = 0; i < notice.Warnings.Count; i++)
        {
            var w = notice.Warnings[i];
            if (w.Location is not { } at) continue;
            var tip = $"{w.Code}: {w.Message}";
            if (at.End > at.Start) marks.Add(new Mark(at.Start, at.End, "wn", $"w{i + 1}", tip));
            else points.Add(new Point(at.Start, $"<span class=\"wn-at\" id=\"w{i + 1}\" title=\"{Html.Escape(tip)}\">⚠</span>"));
        }
        foreach (var page in text.Pages)
            points.Add(new Point(page.Offset, $"<span class=\"page\" id=\"p{page.Page}\">{Html.Escape(m.Format("PagePage", page.Page))}</span>", Outside: true));
        return (marks, points);
    }

    private static void AddItem(List<Mark> marks, List<Point> points, Item item, string text, Messages m)
    {
        var problem = item.Problem.Location;
        points.Add(new Point(item.Location.Start, $"<span id=\"i{item.Index}\"></span>"));
        marks.Add(new Mark(problem.Start, problem.End, "pb", Title: m.Format("TipItem", item.Index, item.Problem.Title)));
        if (item.Rectification is { } r)
        {
            var status = m["Status" + Tables.Status(r.Status)];
            marks.Add(new Mark(r.Location.Start, r.Location.End, "rc", Title: m.Format("TipRectification", item.Index, status)));
            if (r.Label is { Length: > 0 } label && r.Location.Start >= 0 && r.Location.End <= text.Length && r.Location.End - r.Location.Start >= label.Length)
            {
                var at = text.IndexOf(label, r.Location.Start, r.Location.End - r.Location.Start, StringComparison.Ordinal);
                if (at >= 0) marks.Add(new Mark(at, at + label.Length, "lb", Title: m["KeyLabel"]));
            }
            foreach (var measure in r.Measures)
                marks.Add(new Mark(measure.Location.Start, measure.Location.End, "ms", Title: m.Format("TipMeasure", measure.Marker)));
            if (r.StatusCue is { } cue)
                marks.Add(new Mark(cue.Location.Start, cue.Location.End, r.Status == RectificationStatus.Done ? "sc done" : "sc", Title: m.Format("TipStatusCue", status)));
        }
        foreach (var field in item.Fields)
            marks.Add(new Mark(field.Location.Start, field.Location.End, "fd", Title: field.Name));
    }
}
