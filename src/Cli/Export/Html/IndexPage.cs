using System.Globalization;
using System.Text;
using Extractor.Cli.Batch;
using Extractor.Cli.Localization;
using Extractor.Parsing;

namespace Extractor.Cli.Export.Html;

/// <summary>
/// The index of a batch's review pages: a table with a row per file (items, done / ongoing / unknown, warnings, the
/// file it copies, the error), sortable by any column with the page's one script and readable as it is without, and
/// charts of the items by status, by tag and by issuer as inline SVG. Rows are kept as a few strings each and the
/// chart counts as running totals, so the index of a large batch costs little memory until it is written.
/// </summary>
internal sealed class IndexPage(Messages m)
{
    private sealed record Row(string File, string? Page, string? Title, string? Issuer, string? Date, int Items, int Done, int Ongoing,
        int Unknown, int Warnings, string? CopyOf, string? Error);

    private readonly List<Row> _rows = [];
    private readonly int[] _statuses = new int[3];
    private readonly Dictionary<string, int> _tags = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _issuers = new(StringComparer.Ordinal);
    private int _items, _failed, _copies;

    /// <summary>Adds an outcome's row; <paramref name="page"/> is the link to its review page, relative to the index.</summary>
    public void Add(FileOutcome outcome, string? page)
    {
        if (outcome.GetNotice() is not { } n)
        {
            _failed++;
            _rows.Add(new Row(outcome.File.DisplayPath, null, null, null, null, 0, 0, 0, 0, 0, null, outcome.Error));
            return;
        }
        int Count(RectificationStatus s) => n.Items.Count(i => (i.Rectification?.Status ?? RectificationStatus.Unknown) == s);
        _rows.Add(new Row(outcome.File.DisplayPath, page, n.Title, n.Issuer, n.Date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), n.Items.Count,
            Count(RectificationStatus.Done), Count(RectificationStatus.Ongoing), Count(RectificationStatus.Unknown), n.Warnings.Count,
            outcome.DuplicateOf?.File, null));
        _items += n.Items.Count;
        if (outcome.DuplicateOf is not null)
        {
            _copies++;
            return; // a copy's items are its original's: counted once
        }
        foreach (var item in n.Items)
        {
            _statuses[(int)(item.Rectification?.Status ?? RectificationStatus.Unknown)]++;
            if (item.Tags.Count == 0) Increment(_tags, m["ChartUntagged"]);
            foreach (var tag in item.Tags) Increment(_tags, tag);
        }
        if (n.Items.Count > 0) Increment(_issuers, n.Issuer ?? m["ChartNoIssuer"], n.Items.Count);
    }

    private static void Increment(Dictionary<string, int> counts, string key, int by = 1) =>
        counts[key] = counts.GetValueOrDefault(key) + by;

    public string Build()
    {
        var html = new StringBuilder(4096 + _rows.Count * 400);
        var title = m.Format("IndexTitle", _rows.Count);
        html.Append("<!DOCTYPE html>\n<html lang=\"").Append(m.Language == "zh" ? "zh-CN" : "en").Append("\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<meta name=\"generator\" content=\"extractor\">\n")
            .Append("<meta http-equiv=\"Content-Security-Policy\" content=\"").Append(Html.Policy(PageStyle.Index, PageStyle.SortScript)).Append("\">\n")
            .Append("<title>").Append(Html.Escape(title)).Append("</title>\n<style>").Append(PageStyle.Index).Append("</style>\n</head>\n<body>\n")
            .Append("<header><h1>").Append(Html.Escape(title)).Append("</h1><p class=\"crumbs\">")
            .Append(Html.Escape(m.Format("IndexSummary", _rows.Count - _failed, _failed, _copies, _items)))
            .Append("</p></header>\n<main class=\"index\">\n<div class=\"charts\">\n");
        BarChart.Write(html, m["ChartStatus"],
        [
            new(m["Statusdone"], _statuses[(int)RectificationStatus.Done], "bar-done"),
            new(m["Statusongoing"], _statuses[(int)RectificationStatus.Ongoing], "bar-ongoing"),
            new(m["Statusunknown"], _statuses[(int)RectificationStatus.Unknown], "bar-unknown"),
        ], m["ChartEmpty"]);
        BarChart.Write(html, m["ChartTags"], BarChart.Top(_tags, 12, n => m.Format("ChartOthers", n)), m["ChartEmpty"]);
        BarChart.Write(html, m["ChartIssuers"], BarChart.Top(_issuers, 12, n => m.Format("ChartOthers", n)), m["ChartEmpty"]);
        html.Append("</div>\n<p class=\"crumbs\">").Append(Html.Escape(m["ChartNote"])).Append(' ').Append(Html.Escape(m["IndexSortHint"]))
            .Append("</p>\n<table class=\"sortable\">\n<thead><tr>");
        foreach (var (key, numeric) in Columns)
            html.Append("<th").Append(numeric ? " data-type=\"number\"" : "").Append('>').Append(Html.Escape(m[key])).Append("</th>");
        html.Append("</tr></thead>\n<tbody>\n");
        foreach (var row in _rows) WriteRow(html, row);
        html.Append("</tbody>\n</table>\n</main>\n<script>").Append(PageStyle.SortScript).Append("</script>\n</body>\n</html>\n");
        return html.ToString();
    }

    private static readonly (string Key, bool Numeric)[] Columns =
    [
        ("ColFile", false), ("ColTitle", false), ("ColIssuer", false), ("ColDate", false), ("ColItems", true), ("ColDone", true),
        ("ColOngoing", true), ("ColUnknown", true), ("ColWarnings", true), ("ColDuplicateOf", false), ("ColError", false),
    ];

    private static void WriteRow(StringBuilder html, Row row)
    {
        html.Append(row.Error is not null ? "<tr class=\"failed\">" : row.CopyOf is not null ? "<tr class=\"copy\">" : "<tr>").Append("<td>");
        if (row.Page is not null) html.Append("<a href=\"").Append(Html.Escape(row.Page)).Append("\">").Append(Html.Escape(row.File)).Append("</a>");
        else html.Append(Html.Escape(row.File));
        html.Append("</td><td>").Append(Html.Escape(row.Title)).Append("</td><td>").Append(Html.Escape(row.Issuer))
            .Append("</td><td>").Append(Html.Escape(row.Date)).Append("</td>");
        foreach (var n in new[] { row.Items, row.Done, row.Ongoing, row.Unknown, row.Warnings })
            html.Append(CultureInfo.InvariantCulture, $"<td class=\"n\">{(row.Error is null ? n.ToString(CultureInfo.InvariantCulture) : "")}</td>");
        html.Append("<td>").Append(Html.Escape(row.CopyOf)).Append("</td><td>").Append(Html.Escape(row.Error)).Append("</td></tr>\n");
    }
}
