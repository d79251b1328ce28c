using System.Globalization;
using System.Text;
using Extractor.Cli.Batch;
using Extractor.Cli.Localization;
using Extractor.Parsing;

namespace Extractor.Cli.Export.Html;

/// <summary>
/// A notice's review page: one self-contained HTML file — no script, no network, nothing to load — with the notice's
/// extracted text, everything the parser found highlighted in place (layers switched on and off with the legend's
/// boxes, which needs no script), the outline beside it (click to jump), the warnings and stated figures listed and
/// linked to their place, and the page breaks of a PDF. Every piece of the notice is escaped.
/// </summary>
internal static class NoticePage
{
    /// <summary>The page of a parsed outcome; <paramref name="index"/> is the relative link to the batch index, if there is one.</summary>
    public static string Build(FileOutcome outcome, Messages m, string? index = null)
    {
        var notice = outcome.GetNotice() ?? throw new InvalidOperationException($"{outcome.File.DisplayPath} has no notice");
        var text = outcome.Text ?? throw new InvalidOperationException($"{outcome.File.DisplayPath} was parsed without its text");
        var tree = SectionTree.Of(notice);
        var html = new StringBuilder(text.Text.Length * 3 + 16_384);
        var title = notice.Title ?? outcome.File.DisplayPath;
        html.Append("<!DOCTYPE html>\n<html lang=\"").Append(m.Language == "zh" ? "zh-CN" : "en").Append("\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .Append("<meta name=\"generator\" content=\"extractor\">\n")
            .Append("<meta http-equiv=\"Content-Security-Policy\" content=\"").Append(Html.Policy(PageStyle.Notice, null)).Append("\">\n")
            .Append("<title>").Append(Html.Escape(title)).Append("</title>\n<style>").Append(PageStyle.Notice).Append("</style>\n</head>\n<body>\n");
        foreach (var layer in PageStyle.Layers)
            html.Append("<input type=\"checkbox\" class=\"toggle\" id=\"show-").Append(layer.Class).Append("\" checked>\n");
        Header(html, outcome, notice, title, m, index);
        html.Append("<div class=\"layout\">\n");
        OutlinePane.Write(html, notice, tree, m);
        html.Append("<main>\n");
        Warnings(html, notice, m);
        Stats(html, notice, m);
        html.Append("<div class=\"text\" lang=\"zh-CN\">");
        var (marks, points) = NoticeMarks.Of(notice, text, tree, m);
        if (text.Text.Length == 0) html.Append(Html.Escape(m["PageNoText"]));
        else Highlighter.Write(html, text.Text, marks, points);
        html.Append("</div>\n</main>\n</div>\n</body>\n</html>\n");
        return html.ToString();
    }

    private static void Header(StringBuilder html, FileOutcome outcome, Notice notice, string title, Messages m, string? index)
    {
        html.Append("<header>\n<p class=\"crumbs\">");
        if (index is not null) html.Append("<a href=\"").Append(Html.Escape(index)).Append("\">").Append(Html.Escape(m["PageBack"])).Append("</a> · ");
        html.Append(Html.Escape(outcome.File.DisplayPath)).Append("</p>\n<h1>").Append(Html.Escape(title)).Append("</h1>\n<dl class=\"meta\">");
        void Meta(string key, string? value)
        {
            if (!string.IsNullOrEmpty(value)) html.Append("<div><dt>").Append(Html.Escape(m[key])).Append("</dt><dd>").Append(Html.Escape(value)).Append("</dd></div>");
        }
        int Count(RectificationStatus s) => notice.Items.Count(i => (i.Rectification?.Status ?? RectificationStatus.Unknown) == s);
        Meta("MetaIssuer", notice.Issuer);
        Meta("MetaDate", notice.Date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        Meta("MetaInspector", notice.Inspection.Inspector);
        Meta("MetaTarget", notice.Inspection.Target);
        Meta("MetaItems", m.Format("MetaItemsValue", notice.Items.Count, Count(RectificationStatus.Done), Count(RectificationStatus.Ongoing), Count(RectificationStatus.Unknown)));
        Meta("MetaSource", string.Join(", ", new[] { notice.Source.Format, notice.Source.Encoding }.Where(s => s is not null)));
        if (outcome.DuplicateOf is { } copy)
            Meta("MetaDuplicateOf", m.Format("MetaSimilarity", copy.File, Math.Round(copy.Similarity * 100)));
        html.Append("</dl>\n<div class=\"legend\"><span>").Append(Html.Escape(m["PageShow"])).Append("</span>");
        foreach (var layer in PageStyle.Layers)
            html.Append("<label for=\"show-").Append(layer.Class).Append("\" class=\"key-").Append(layer.Class).Append("\">")
                .Append(Html.Escape(m[layer.Key])).Append("</label>");
        html.Append("</div>\n</header>\n");
    }

    private static void Warnings(StringBuilder html, Notice notice, Messages m)
    {
        if (notice.Warnings.Count == 0) return;
        html.Append("<details class=\"warnings\" open><summary>").Append(Html.Escape(m.Format("PageWarnings", notice.Warnings.Count))).Append("</summary><ol>\n");
        for (var i = 0; i < notice.Warnings.Count; i++)
        {
            var w = notice.Warnings[i];
            html.Append("<li><code>").Append(Html.Escape(w.Code)).Append("</code> ").Append(Html.Escape(w.Message)).Append(" — ");
            if (w.Location is { } at) html.Append("<a href=\"#w").Append(i + 1).Append("\">").Append(Html.Escape(Where(at, m))).Append("</a>");
            else html.Append(Html.Escape(m["PageWhole"]));
            html.Append("</li>\n");
        }
        html.Append("</ol></details>\n");
    }

    private static void Stats(StringBuilder html, Notice notice, Messages m)
    {
        if (notice.Stats.Count == 0) return;
        html.Append("<details class=\"stats\"><summary>").Append(Html.Escape(m.Format("PageStats", notice.Stats.Count))).Append("</summary><ol>\n");
        foreach (var s in notice.Stats)
            html.Append("<li><code>").Append(Html.Escape(s.Name)).Append("</code> ")
                .Append(Html.Escape(string.Create(CultureInfo.InvariantCulture, $"{s.Value}{s.Unit}"))).Append(" — ").Append(Html.Escape(s.Text))
                .Append(" (").Append(Html.Escape(Where(s.Location, m))).Append(")</li>\n");
        html.Append("</ol></details>\n");
    }

    private static string Where(SourceLocation at, Messages m) =>
        at.Page is { } page ? m.Format("PageWhere", m.Format("PagePage", page), at.Line) : m.Format("PageLine", at.Line);
}
