using System.Globalization;
using Extractor.Cli.Batch;
using Extractor.Parsing;

namespace Extractor.Cli.Export;

/// <summary>A column of an exported table: its name (the JSON contract's), its Chinese name (<c>--headers zh</c>); numeric columns are written as numbers in Excel.</summary>
internal sealed record Column(string Name, string Chinese, bool Numeric = false)
{
    /// <summary>The header in <paramref name="language"/> (<c>zh</c>, else the contract's name).</summary>
    public string Header(string language) => language == "zh" ? Chinese : Name;
}

/// <summary>
/// The tables the tool exports: Items (one row per problem with its notice's columns), Notices (one row per parsed
/// file) and Errors (one row per file that could not be parsed). Column names follow the JSON contract, or are
/// Chinese with <c>--headers zh</c>. <c>duplicateOf</c> names the earlier file of the batch whose text a notice copies.
/// </summary>
internal static class Tables
{
    public static readonly Column[] Items =
    [
        new("file", "文件"), new("title", "标题"), new("issuer", "发文单位"), new("date", "日期"), new("inspector", "巡察组"),
        new("index", "序号", true), new("path", "编号"), new("section", "所属章节"), new("problemTitle", "问题概要"), new("problem", "问题"),
        new("label", "整改标签"), new("rectification", "整改情况"), new("status", "整改状态"), new("measures", "措施数", true),
        new("tags", "标签"), new("fields", "其他字段"), new("page", "页码", true), new("line", "行号", true), new("duplicateOf", "重复于"),
    ];

    public static readonly Column[] Notices =
    [
        new("file", "文件"), new("format", "格式"), new("encoding", "编码"), new("title", "标题"), new("issuer", "发文单位"), new("date", "日期"),
        new("inspector", "巡察组"), new("target", "巡察对象"), new("kind", "巡察类型"), new("start", "巡察开始"), new("end", "巡察结束"),
        new("feedbackDate", "反馈日期"), new("items", "问题数", true), new("done", "已完成", true), new("ongoing", "整改中", true),
        new("unknown", "未说明", true), new("warnings", "警告数", true), new("phones", "电话"), new("emails", "邮箱"), new("postal", "通信地址"),
        new("duplicateOf", "重复于"), new("similarity", "相似度", true),
    ];

    public static readonly Column[] Errors = [new("file", "文件"), new("reason", "原因")];

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
        var tree = SectionTree.Of(n);
        foreach (var item in n.Items)
            yield return
            [
                outcome.File.DisplayPath, n.Title ?? "", n.Issuer ?? "", Date(n.Date), n.Inspection.Inspector ?? "",
                Number(item.Index), string.Join("", item.Path), string.Join(" / ", tree.Around(item).Select(s => s.Section.Title)), item.Problem.Title, item.Problem.Text,
                item.Rectification?.Label ?? "", item.Rectification?.Text ?? "", Status(item.Rectification?.Status),
                Number(item.Rectification?.Measures.Count ?? 0), string.Join("、", item.Tags),
                string.Join("；", item.Fields.Select(f => $"{f.Name}：{f.Value}")),
                item.Problem.Location.Page is { } page ? Number(page) : "", Number(item.Problem.Location.Line),
                outcome.DuplicateOf?.File ?? "",
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
            outcome.DuplicateOf?.File ?? "", outcome.DuplicateOf?.Similarity.ToString("0.###", CultureInfo.InvariantCulture) ?? "",
        ];
    }

    public static string[] ErrorRow(FileOutcome outcome) => [outcome.File.DisplayPath, outcome.Error ?? ""];
}
