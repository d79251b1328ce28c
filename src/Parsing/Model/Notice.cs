using System.Text.Json.Serialization;

namespace Extractor.Parsing;

/// <summary>
/// One parsed inspection-rectification notice: its metadata, its section tree, every problem paired with its
/// rectification, and every irregularity found on the way. This is the JSON contract written by the library and the CLI.
/// </summary>
public sealed record Notice
{
    /// <summary>The notice's title (<c>关于…的通报</c>), joined when it was split over lines, without tags such as <c>【巡察整改】</c>.</summary>
    public string? Title { get; init; }

    /// <summary>The issuing body (<c>中共襄城县委</c>), from the first lines, the title or the signature.</summary>
    public string? Issuer { get; init; }

    /// <summary>The issue date from the signature (or the title line).</summary>
    public DateOnly? Date { get; init; }

    /// <summary>What the preamble says about the inspection the notice answers.</summary>
    public Inspection Inspection { get; init; } = new();

    /// <summary>The introductory text before the first heading or problem (title and issuer lines excluded).</summary>
    public string? Preamble { get; init; }

    /// <summary>The closing text after the last rectification (signature excluded).</summary>
    public string? Closing { get; init; }

    /// <summary>Contacts the notice gives for public supervision.</summary>
    public Contacts Contacts { get; init; } = new();

    /// <summary>Figures the notice states about itself (problems found, completed, people held accountable…), each with its source sentence.</summary>
    public IReadOnlyList<Statistic> Stats { get; init; } = [];

    /// <summary>The section tree built from the heading numerals.</summary>
    public IReadOnlyList<Section> Sections { get; init; } = [];

    /// <summary>Every problem paired with its rectification, in document order.</summary>
    public IReadOnlyList<Item> Items { get; init; } = [];

    /// <summary>Every irregularity found, in document order.</summary>
    public IReadOnlyList<Warning> Warnings { get; init; } = [];

    /// <summary>Where the notice came from.</summary>
    public NoticeSource Source { get; init; } = new();

    /// <summary>Where each top-level value was found.</summary>
    public Provenance Provenance { get; init; } = new();
}

/// <summary>The inspection (巡察/巡视) a notice reports on.</summary>
public sealed record Inspection
{
    /// <summary>The inspecting group, e.g. <c>市委第五巡察组</c>.</summary>
    public string? Inspector { get; init; }

    /// <summary>What or whom was inspected, e.g. <c>伊滨区乡村振兴工作</c>.</summary>
    public string? Target { get; init; }

    /// <summary>The kind of inspection as the notice names it (<c>专项</c>, <c>常规</c>, <c>机动</c>, <c>提级</c>, <c>交叉</c>, <c>回头看</c>); null when not stated.</summary>
    public string? Kind { get; init; }

    /// <summary>First day of the inspection period.</summary>
    public DateOnly? Start { get; init; }

    /// <summary>Last day of the inspection period.</summary>
    public DateOnly? End { get; init; }

    /// <summary>The day the inspection group gave its feedback (反馈).</summary>
    public DateOnly? FeedbackDate { get; init; }
}

/// <summary>Contacts offered for public supervision.</summary>
public sealed record Contacts
{
    /// <summary>Telephone numbers as written.</summary>
    public IReadOnlyList<string> Phones { get; init; } = [];

    /// <summary>E-mail addresses.</summary>
    public IReadOnlyList<string> Emails { get; init; } = [];

    /// <summary>Postal addresses and boxes (邮政信箱, 通信地址).</summary>
    public IReadOnlyList<string> Postal { get; init; } = [];
}

/// <summary>A figure the notice states about itself.</summary>
public sealed record Statistic
{
    /// <summary>What the figure counts: <c>problemsFound</c>, <c>completed</c>, <c>ongoing</c>, <c>completionRate</c>, <c>accountable</c>, <c>fundsRecovered</c>, or a name from a custom rule.</summary>
    public required string Name { get; init; }

    /// <summary>The value as a number.</summary>
    public required decimal Value { get; init; }

    /// <summary>The unit as written (<c>个</c>, <c>人</c>, <c>%</c>, <c>万元</c>…).</summary>
    public string? Unit { get; init; }

    /// <summary>The sentence the figure was read from.</summary>
    public required string Text { get; init; }

    /// <summary>Where the sentence is.</summary>
    public required SourceLocation Location { get; init; }
}

/// <summary>A node of the section tree: one numbered heading (or one inferred from a gap).</summary>
public sealed record Section
{
    /// <summary>The marker as written (<c>一、</c>, <c>（一）</c>, <c>1.</c>…); for an inferred section, the marker it should have had.</summary>
    public required string Marker { get; init; }

    /// <summary>The marker style (<c>chinese-comma</c>, <c>chinese-paren</c>, <c>arabic</c>, <c>arabic-paren</c>, <c>circled</c>, or a custom style).</summary>
    public required string Style { get; init; }

    /// <summary>Nesting depth, 1 for top-level sections.</summary>
    public required int Depth { get; init; }

    /// <summary>The number the marker stands for (<c>（十二）</c> is 12).</summary>
    public required int Number { get; init; }

    /// <summary>The heading's first sentence, without the marker.</summary>
    public required string Title { get; init; }

    /// <summary>True when the notice gave this problem no number and the marker was inferred from its siblings.</summary>
    public bool Inferred { get; init; }

    /// <summary>Where the section is: from its heading to the end of its last descendant (body, items, sections).</summary>
    public required SourceLocation Location { get; init; }

    /// <summary>Where the heading paragraph is.</summary>
    public required SourceLocation HeadingLocation { get; init; }

    /// <summary>Text directly under this heading that belongs to no item (narrative sections such as <c>一、组织整改落实情况</c>).</summary>
    public TextSpan? Body { get; init; }

    /// <summary>Child sections.</summary>
    public IReadOnlyList<Section> Sections { get; init; } = [];
}

/// <summary>One problem and its rectification.</summary>
public sealed record Item
{
    /// <summary>1-based position of the item in the notice.</summary>
    public required int Index { get; init; }

    /// <summary>The markers of the sections the item sits in, outermost first (<c>["一、", "（一）", "1."]</c>).</summary>
    public IReadOnlyList<string> Path { get; init; } = [];

    /// <summary>Where the item is: from the start of its problem to the end of its rectification and fields.</summary>
    public required SourceLocation Location { get; init; }

    /// <summary>The problem the inspection found.</summary>
    public required Problem Problem { get; init; }

    /// <summary>What was done about it; null when the notice gives nothing.</summary>
    public Rectification? Rectification { get; init; }

    /// <summary>Further labelled fields of the item (<c>整改目标</c>, <c>责任单位</c>, <c>整改时限</c>, table columns…), by the label as written.</summary>
    public IReadOnlyList<Field> Fields { get; init; } = [];

    /// <summary>Labels from the rule set's tag rules whose keywords the item matches.</summary>
    public IReadOnlyList<string> Tags { get; init; } = [];
}

/// <summary>A problem found by the inspection.</summary>
public sealed record Problem
{
    /// <summary>The problem in a phrase: the first sentence, or the phrase of <c>针对…的问题</c>.</summary>
    public required string Title { get; init; }

    /// <summary>The full problem text (heading without its marker, and any paragraphs before the rectification).</summary>
    public required string Text { get; init; }

    /// <summary>Where the problem text is.</summary>
    public required SourceLocation Location { get; init; }
}

/// <summary>How a problem was rectified.</summary>
public sealed record Rectification
{
    /// <summary>The label as written (<c>整改情况</c>, <c>整改落实情况</c>…); null when the notice gives the rectification without one.</summary>
    public string? Label { get; init; }

    /// <summary>The rectification text, label excluded.</summary>
    public required string Text { get; init; }

    /// <summary>The measures, split at <c>一是…二是…</c> or at numbered paragraphs.</summary>
    public IReadOnlyList<Measure> Measures { get; init; } = [];

    /// <summary>The status the text states.</summary>
    public RectificationStatus Status { get; init; }

    /// <summary>The words the status was read from.</summary>
    public TextSpan? StatusCue { get; init; }

    /// <summary>Where the rectification is, label included.</summary>
    public required SourceLocation Location { get; init; }

    /// <summary>
    /// Where the rectification stands relative to its problem: after it (the default, not written in JSON), or in a
    /// later part of the notice that answers the problems in order (<c>二、审计发现的主要问题</c> … <c>四、整改情况</c>).
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public RectificationPlacement Placement { get; init; }
}

/// <summary>Where a rectification stands relative to its problem.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<RectificationPlacement>))]
public enum RectificationPlacement
{
    /// <summary>After its problem, under the same heading or label.</summary>
    [JsonStringEnumMemberName("afterProblem")] AfterProblem,

    /// <summary>
    /// In a later part of the notice given to rectifications, paired with the problem by order: the item's location
    /// then spans the parts between, and may overlap other items.
    /// </summary>
    [JsonStringEnumMemberName("laterPart")] LaterPart,
}

/// <summary>One measure of a rectification.</summary>
public sealed record Measure
{
    /// <summary>The ordinal as written (<c>一是</c>, <c>1.</c>).</summary>
    public required string Marker { get; init; }

    /// <summary>The ordinal as a number.</summary>
    public required int Number { get; init; }

    /// <summary>The measure text, ordinal excluded.</summary>
    public required string Text { get; init; }

    /// <summary>Where the measure is, ordinal included.</summary>
    public required SourceLocation Location { get; init; }
}

/// <summary>Whether a rectification is complete.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<RectificationStatus>))]
public enum RectificationStatus
{
    /// <summary>The text states neither completion nor ongoing work.</summary>
    [JsonStringEnumMemberName("unknown")] Unknown,

    /// <summary>The text states the rectification is complete (<c>已整改到位</c>, <c>已完成</c>…).</summary>
    [JsonStringEnumMemberName("done")] Done,

    /// <summary>The text states work still going on (<c>正在</c>, <c>持续推进</c>, <c>尚未</c>…).</summary>
    [JsonStringEnumMemberName("ongoing")] Ongoing,
}

/// <summary>A labelled value of an item beyond problem and rectification.</summary>
public sealed record Field
{
    /// <summary>The label as written.</summary>
    public required string Name { get; init; }

    /// <summary>The value.</summary>
    public required string Value { get; init; }

    /// <summary>Where the value is.</summary>
    public required SourceLocation Location { get; init; }
}

/// <summary>A piece of text and where it is.</summary>
public sealed record TextSpan
{
    /// <summary>The text.</summary>
    public required string Text { get; init; }

    /// <summary>Where it is.</summary>
    public required SourceLocation Location { get; init; }
}

/// <summary>An irregularity found while parsing.</summary>
public sealed record Warning
{
    /// <summary>A stable kebab-case code (see <see cref="WarningCodes"/>).</summary>
    public required string Code { get; init; }

    /// <summary>What was found, in words.</summary>
    public required string Message { get; init; }

    /// <summary>Where; null for warnings about the file as a whole.</summary>
    public SourceLocation? Location { get; init; }
}

/// <summary>The input a notice was read from.</summary>
public sealed record NoticeSource
{
    /// <summary>The path as given, or null for text passed in memory.</summary>
    public string? Path { get; init; }

    /// <summary>The format read (<c>text</c>, <c>html</c>, <c>docx</c>, <c>pdf</c>).</summary>
    public string Format { get; init; } = "text";

    /// <summary>The character encoding, for text and HTML input.</summary>
    public string? Encoding { get; init; }
}

/// <summary>Where the notice's top-level values were found.</summary>
public sealed record Provenance
{
    /// <summary>The title line(s).</summary>
    public SourceLocation? Title { get; init; }

    /// <summary>The line the issuer was read from.</summary>
    public SourceLocation? Issuer { get; init; }

    /// <summary>The date line.</summary>
    public SourceLocation? Date { get; init; }

    /// <summary>The preamble.</summary>
    public SourceLocation? Preamble { get; init; }

    /// <summary>The closing text.</summary>
    public SourceLocation? Closing { get; init; }

    /// <summary>The signature block (issuer and date lines at the end).</summary>
    public SourceLocation? Signature { get; init; }

    /// <summary>The sentence naming the inspector.</summary>
    public SourceLocation? Inspector { get; init; }

    /// <summary>The inspection period.</summary>
    public SourceLocation? Period { get; init; }

    /// <summary>The feedback date.</summary>
    public SourceLocation? FeedbackDate { get; init; }
}
