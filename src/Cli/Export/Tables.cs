using System.Globalization;
using Extractor.Cli.Batch;
using Extractor.Parsing;

namespace Extractor.Cli.Export;

/// <summary>A column of an exported table; numeric columns are written as numbers in Excel.</summary>
internal sealed record Column(string Name, bool Numeric = false);

/// <summary>
/// The tables the tool exports: Items (one row per problem with its notice's columns), Notices (one row per parsed
/// file) and Errors (one row per file that could not be parsed). Column names follow the JSON contract.
/// </summary>
internal static class Tables
{
    public static readonly Column[] Items =
    [
        new("file"), new("title"), new("issuer"), new("date"), new("inspector"),
        new("index", true), new("path"), new("section"), new("problemTitle"), new("problem"),
        new("label"), new("rectification"), new("status"), new("measures", true), new("tags"), new("fields"),
        new("page", true), new("line", true),
    ];

    public static readonly Column[] Notices =
    [
        new("file"), new("format"), new("encoding"), new("title"), new("issuer"), new("date"),
        new("inspector"), new("target"), new("kind"), new("start"), new("end"), new("feedbackDate"),
        new("items", true), new("done", true), new("ongoing", true), new("unknown", true), new("warnings", true),
        new("phones"), new("emails"), new("postal"),
    ];

    public static readonly Column[] Errors = [new("file"), new("reason")];

    private static string Date(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "";

    private static string Number(int n) => n.ToString(CultureInfo.InvariantCulture);

    public static string Status(RectificationStatus? status) => status switch
    {
        RectificationStatus.Done => "done",
        RectificationStatus.Ongoing => "ongoing",
        RectificationStatus.Unknown => "unknown",
        _ => "",
    };

    public static IEnumerable<string[]> ItemRows(FileOutcome outcome)
    {
        if (outcome.GetNotice() is not { } n) yield break;
        foreach (var item in n.Items)
            yield return
            [
                outcome.File.DisplayPath, n.Title ?? "", n.Issuer ?? "", Date(n.Date), n.Inspection.Inspector ?? "",
                Number(item.Index), string.Join("", item.Path), SectionTitles(n, item), item.Problem.Title, item.Problem.Text,
                item.Rectification?.Label ?? "", item.Rectification?.Text ?? "", Status(item.Rectification?.Status),
                Number(item.Rectification?.Measures.Count ?? 0), string.Join("、", item.Tags),
                string.Join("；", item.Fields.Select(f => $"{f.Name}：{f.Value}")),
                item.Problem.Location.Page is { } page ? Number(page) : "", Number(item.Problem.Location.Line),
            ];
    }

    public static string[] NoticeRow(FileOutcome outcome)
    {
        var n = outcome.GetNotice()!;
        int Count(RectificationStatus s) => n.Items.Count(i => (i.Rectification?.Status ?? RectificationStatus.Unknown) == s);
        return
        [
            outcome.File.DisplayPath, n.Source.Format, n.Source.Encoding ?? "", n.Title ?? "", n.Issuer ?? "", Date(n.Date),
            n.Inspection.Inspector ?? "", n.Inspection.Target ?? "", n.Inspection.Kind ?? "", Date(n.Inspection.Start),
            Date(n.Inspection.End), Date(n.Inspection.FeedbackDate), Number(n.Items.Count), Number(Count(RectificationStatus.Done)),
            Number(Count(RectificationStatus.Ongoing)), Number(Count(RectificationStatus.Unknown)), Number(n.Warnings.Count),
            string.Join("；", n.Contacts.Phones), string.Join("；", n.Contacts.Emails), string.Join("；", n.Contacts.Postal),
        ];
    }

    public static string[] ErrorRow(FileOutcome outcome) => [outcome.File.DisplayPath, outcome.Error ?? ""];

    /// <summary>
    /// The titles of the sections an item sits in, outermost first, found by location: each section whose span holds the
    /// item's, down to (not including) the one whose heading is the item's problem.
    /// </summary>
    private static string SectionTitles(Notice notice, Item item)
    {
        var titles = new List<string>();
        var level = notice.Sections;
        while (level.FirstOrDefault(s => s.Location.Start <= item.Location.Start && item.Location.End <= s.Location.End) is { } section)
        {
            var problem = item.Problem.Location.Start;
            if (section.HeadingLocation.Start <= problem && problem < section.HeadingLocation.End) break; // its own heading
            titles.Add(section.Title);
            level = section.Sections;
        }
        return string.Join(" / ", titles);
    }
}
