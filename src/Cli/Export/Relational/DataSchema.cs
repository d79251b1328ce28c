namespace Extractor.Cli.Export.Relational;

/// <summary>The type of a column, as DuckDB and Parquet both have it.</summary>
internal enum DataType
{
    /// <summary>VARCHAR / UTF-8 string.</summary>
    Text,

    /// <summary>INTEGER / int32.</summary>
    Integer,

    /// <summary>BOOLEAN.</summary>
    Boolean,

    /// <summary>DATE.</summary>
    Date,

    /// <summary>DECIMAL(18,4).</summary>
    Decimal,

    /// <summary>DOUBLE.</summary>
    Double,

    /// <summary>A rectification status: the ENUM <c>status</c> ('done', 'ongoing', 'unknown') in DuckDB, a string in Parquet.</summary>
    Status,

    /// <summary>VARCHAR[] / a list of strings.</summary>
    TextList,

    /// <summary>BLOB / bytes.</summary>
    Blob,
}

/// <summary>A column: its name (the JSON contract's, camelCase), its Chinese name (for <c>--headers zh</c> views) and its type.</summary>
internal sealed record DataColumn(string Name, string Chinese, DataType Type, bool NotNull = false);

/// <summary>A table of the relational outputs: its columns in order and its primary key.</summary>
internal sealed record DataTable(string Name, string Chinese, IReadOnlyList<DataColumn> Columns, IReadOnlyList<string> Key)
{
    /// <summary>The position of <paramref name="column"/>.</summary>
    public int IndexOf(string column)
    {
        for (var i = 0; i < Columns.Count; i++)
            if (Columns[i].Name == column) return i;
        throw new ArgumentException($"no column {column} in {Name}", nameof(column));
    }
}

/// <summary>
/// The tables the DuckDB and Parquet outputs hold: a notice per row of <c>notices</c> keyed by the SHA-256 of its
/// file's bytes (<c>hash</c>), and its sections, items, measures, fields, warnings and stated figures in tables keyed
/// by that hash (<c>notice</c>) and their position; the files that could not be parsed in <c>errors</c>. Offsets
/// (<c>startOffset</c>, <c>endOffset</c>) index the extracted text as the JSON locations do.
/// </summary>
internal static class DataSchema
{
    private static DataColumn Notice => new("notice", "通报", DataType.Text, NotNull: true);

    private static DataColumn[] Location =>
    [
        new("page", "页码", DataType.Integer), new("line", "行号", DataType.Integer),
        new("startOffset", "起始位置", DataType.Integer), new("endOffset", "结束位置", DataType.Integer),
    ];

    public static readonly DataTable Notices = new("notices", "通报",
    [
        new("hash", "内容哈希", DataType.Text, NotNull: true), new("file", "文件", DataType.Text, NotNull: true),
        new("format", "格式", DataType.Text), new("encoding", "编码", DataType.Text), new("title", "标题", DataType.Text),
        new("issuer", "发文单位", DataType.Text), new("date", "日期", DataType.Date), new("inspector", "巡察组", DataType.Text),
        new("target", "巡察对象", DataType.Text), new("kind", "巡察类型", DataType.Text),
        new("inspectionStart", "巡察开始", DataType.Date), new("inspectionEnd", "巡察结束", DataType.Date),
        new("feedbackDate", "反馈日期", DataType.Date), new("preamble", "导语", DataType.Text), new("closing", "结语", DataType.Text),
        new("items", "问题数", DataType.Integer), new("done", "已完成", DataType.Integer), new("ongoing", "整改中", DataType.Integer),
        new("unknown", "未说明", DataType.Integer), new("warnings", "警告数", DataType.Integer),
        new("phones", "电话", DataType.TextList), new("emails", "邮箱", DataType.TextList), new("postal", "通信地址", DataType.TextList),
        new("duplicateOf", "重复于", DataType.Text), new("similarity", "相似度", DataType.Double),
        new("fingerprint", "指纹", DataType.Blob),
    ], ["hash"]);

    public static readonly DataTable Sections = new("sections", "章节",
    [
        Notice, new("id", "章节号", DataType.Integer, NotNull: true), new("parent", "上级章节", DataType.Integer),
        new("depth", "层级", DataType.Integer), new("marker", "序号标记", DataType.Text), new("style", "标记样式", DataType.Text),
        new("number", "编号", DataType.Integer), new("title", "标题", DataType.Text), new("inferred", "推断", DataType.Boolean),
        new("body", "正文", DataType.Text), .. Location,
        new("headingStart", "标题起始", DataType.Integer), new("headingEnd", "标题结束", DataType.Integer),
    ], ["notice", "id"]);

    public static readonly DataTable Items = new("items", "问题",
    [
        Notice, new("index", "序号", DataType.Integer, NotNull: true), new("section", "章节号", DataType.Integer),
        new("path", "编号路径", DataType.Text), new("sectionTitles", "所属章节", DataType.Text),
        new("problemTitle", "问题概要", DataType.Text), new("problem", "问题", DataType.Text), new("label", "整改标签", DataType.Text),
        new("rectification", "整改情况", DataType.Text), new("status", "整改状态", DataType.Status),
        new("statusCue", "状态依据", DataType.Text), new("measures", "措施数", DataType.Integer), new("tags", "标签", DataType.TextList),
        .. Location,
    ], ["notice", "index"]);

    public static readonly DataTable Measures = new("measures", "整改措施",
    [
        Notice, new("item", "问题序号", DataType.Integer, NotNull: true), new("position", "顺序", DataType.Integer, NotNull: true),
        new("marker", "序号标记", DataType.Text), new("number", "编号", DataType.Integer), new("text", "内容", DataType.Text), .. Location,
    ], ["notice", "item", "position"]);

    public static readonly DataTable Fields = new("fields", "字段",
    [
        Notice, new("item", "问题序号", DataType.Integer, NotNull: true), new("position", "顺序", DataType.Integer, NotNull: true),
        new("name", "名称", DataType.Text), new("value", "值", DataType.Text), .. Location,
    ], ["notice", "item", "position"]);

    public static readonly DataTable Warnings = new("warnings", "警告",
    [
        Notice, new("position", "顺序", DataType.Integer, NotNull: true), new("code", "代码", DataType.Text),
        new("message", "说明", DataType.Text), .. Location,
    ], ["notice", "position"]);

    public static readonly DataTable Stats = new("stats", "统计",
    [
        Notice, new("position", "顺序", DataType.Integer, NotNull: true), new("name", "名称", DataType.Text),
        new("value", "数值", DataType.Decimal), new("unit", "单位", DataType.Text), new("text", "原文", DataType.Text), .. Location,
    ], ["notice", "position"]);

    public static readonly DataTable Errors = new("errors", "错误",
    [
        new("file", "文件", DataType.Text, NotNull: true), new("hash", "内容哈希", DataType.Text), new("reason", "原因", DataType.Text),
    ], ["file"]);

    /// <summary>Every table, parents before children.</summary>
    public static readonly IReadOnlyList<DataTable> All = [Notices, Sections, Items, Measures, Fields, Warnings, Stats, Errors];
}
