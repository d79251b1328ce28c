using System.Text.Json.Serialization;

namespace Extractor.Parsing.Rules;

/// <summary>
/// Everything the parser recognises by wording — heading markers, labels, status words, closing cues, metadata and
/// statistics patterns, tags — as data. <see cref="Default"/> is the set shipped with the library
/// (<c>extractor rules</c> prints it); a rules file extends or overrides it (see <see cref="RuleSetLoader"/>).
/// Regular expressions use .NET syntax.
/// </summary>
public sealed class RuleSet
{
    /// <summary>Heading marker styles, outermost first in the GB/T 9704 order used to break ties.</summary>
    public List<MarkerRule> Markers { get; set; } = [];

    /// <summary>Paragraph labels.</summary>
    public LabelRules Labels { get; set; } = new();

    /// <summary>Column names of table-form notices (整改台账), by the role the column plays.</summary>
    public TableColumnRules TableColumns { get; set; } = new();

    /// <summary>Pattern of the secondary marker some notices put after the heading marker (<c>1.问题1：</c>); group <c>number</c>.</summary>
    public string SecondaryMarker { get; set; } = "";

    /// <summary>Pattern of a measure ordinal (<c>一是</c>) inside a rectification; group <c>number</c>.</summary>
    public string MeasureOrdinal { get; set; } = "";

    /// <summary>Status words.</summary>
    public StatusRules Status { get; set; } = new();

    /// <summary>Words that mark a sentence as stating a problem (<c>不到位</c>, <c>缺乏</c>): a heading without a rectification label is taken for a problem only if it has one.</summary>
    public List<string> ProblemCues { get; set; } = [];

    /// <summary>Patterns that turn a heading into a problem phrase (<c>针对…的问题</c>); group <c>phrase</c>.</summary>
    public List<string> ProblemPhrases { get; set; } = [];

    /// <summary>Cues of the closing text.</summary>
    public ClosingRules Closing { get; set; } = new();

    /// <summary>Metadata patterns.</summary>
    public MetadataRules Metadata { get; set; } = new();

    /// <summary>Statistics the notice states about itself.</summary>
    public List<StatRule> Stats { get; set; } = [];

    /// <summary>Keyword rules that tag items.</summary>
    public List<TagRule> Tags { get; set; } = [];

    /// <summary>The rule set shipped with the library (a fresh copy each time).</summary>
    public static RuleSet Default => RuleSetLoader.LoadDefault();
}

/// <summary>A heading marker style.</summary>
public sealed class MarkerRule
{
    /// <summary>Style name (<c>chinese-comma</c>…).</summary>
    public string Style { get; set; } = "";

    /// <summary>Pattern anchored at the paragraph start, with groups <c>number</c> (the numeral) and optionally <c>prefix</c>/<c>suffix</c>.</summary>
    public string Pattern { get; set; } = "";

    /// <summary>How the number is written: <c>chinese</c>, <c>arabic</c> or <c>circled</c>.</summary>
    public string Numerals { get; set; } = "arabic";

    /// <summary>Largest number accepted (a bigger one is running text: a year, an amount).</summary>
    public int MaxNumber { get; set; } = 99;
}

/// <summary>Labels that open a paragraph (<c>整改情况：</c>).</summary>
public sealed class LabelRules
{
    /// <summary>Labels of a rectification.</summary>
    public List<string> Rectification { get; set; } = [];

    /// <summary>Labels of a problem (<c>反馈问题：</c>, <c>整改问题：</c>).</summary>
    public List<string> Problem { get; set; } = [];

    /// <summary>Labels of a status line (<c>整改状态：</c>, <c>完成情况：</c>).</summary>
    public List<string> Status { get; set; } = [];

    /// <summary>Labels of further item fields (<c>整改目标</c>, <c>责任单位</c>, <c>整改时限</c>).</summary>
    public List<string> Fields { get; set; } = [];

    /// <summary>Rectification labels that continue the rectification of the current item (<c>整改措施</c> then <c>整改成效</c>) rather than follow a new problem.</summary>
    public List<string> FollowUp { get; set; } = [];

    /// <summary>Separators accepted after a label (a label alone in its paragraph needs none).</summary>
    public List<string> Separators { get; set; } = [];

    /// <summary>Pattern of what may follow a label with no separator (<c>整改情况一是…</c>).</summary>
    public string BareLabelFollower { get; set; } = "";
}

/// <summary>
/// Column names of table-form notices. A table whose header names a problem column and a rectification column gives
/// one item per row; other columns become named fields.
/// </summary>
public sealed class TableColumnRules
{
    /// <summary>Columns holding the problem (<c>反馈问题</c>).</summary>
    public List<string> Problem { get; set; } = [];

    /// <summary>Columns holding the rectification (<c>整改措施</c>, <c>整改进展</c>); their text is joined in column order.</summary>
    public List<string> Rectification { get; set; } = [];

    /// <summary>Columns stating the status (<c>完成情况</c>).</summary>
    public List<string> Status { get; set; } = [];

    /// <summary>Columns numbering the rows (<c>序号</c>).</summary>
    public List<string> Index { get; set; } = [];

    /// <summary>Columns naming a category (<c>类别</c>).</summary>
    public List<string> Category { get; set; } = [];
}

/// <summary>Words that state a rectification's status.</summary>
public sealed class StatusRules
{
    /// <summary>Words of completion.</summary>
    public List<string> Done { get; set; } = [];

    /// <summary>Words of work still going on; they win over <see cref="Done"/>.</summary>
    public List<string> Ongoing { get; set; } = [];

    /// <summary>Phrases that contain a status word but state no status (<c>尚未发现</c>).</summary>
    public List<string> Ignore { get; set; } = [];

    /// <summary>Whole values of a status line (<c>整改状态：完成</c>) that mean done.</summary>
    public List<string> DoneValues { get; set; } = [];

    /// <summary>Whole values of a status line that mean ongoing.</summary>
    public List<string> OngoingValues { get; set; } = [];
}

/// <summary>Cues that a trailing paragraph is the closing text, not part of the last rectification.</summary>
public sealed class ClosingRules
{
    /// <summary>Openings of a closing paragraph (<c>下一步</c>, <c>当前，</c>).</summary>
    public List<string> Starts { get; set; } = [];

    /// <summary>Phrases that make a trailing paragraph closing wherever they occur (<c>欢迎广大干部群众</c>, <c>联系电话</c>).</summary>
    public List<string> Contains { get; set; } = [];
}

/// <summary>Metadata patterns.</summary>
public sealed class MetadataRules
{
    /// <summary>A line that is only the issuer's name; group <c>issuer</c>.</summary>
    public string IssuerLine { get; set; } = "";

    /// <summary>The issuer at the start of a title (<c>中共…县委关于…</c>); group <c>issuer</c>.</summary>
    public string IssuerInTitle { get; set; } = "";

    /// <summary>A title line.</summary>
    public string Title { get; set; } = "";

    /// <summary>The first part of a title split over two lines.</summary>
    public string TitleStart { get; set; } = "";

    /// <summary>A tag before the title (<c>【巡察整改】</c>).</summary>
    public string TitleTag { get; set; } = "";

    /// <summary>A date after the title on the same line; groups <c>y</c>, <c>m</c>, <c>d</c>.</summary>
    public string TitleDate { get; set; } = "";

    /// <summary>A line that is only a date (the signature); groups <c>y</c>, <c>m</c>, <c>d</c>.</summary>
    public string DateLine { get; set; } = "";

    /// <summary>The inspecting group; group <c>inspector</c>.</summary>
    public string Inspector { get; set; } = "";

    /// <summary>What was inspected; groups <c>target</c> and optionally <c>kind</c>.</summary>
    public string Target { get; set; } = "";

    /// <summary>Kind of inspection; group <c>kind</c>.</summary>
    public string Kind { get; set; } = "";

    /// <summary>The inspection period; groups <c>y1</c> <c>m1</c> <c>d1</c> <c>y2</c> <c>m2</c> <c>d2</c>.</summary>
    public string Period { get; set; } = "";

    /// <summary>The feedback date; groups <c>y</c> <c>m</c> <c>d</c>.</summary>
    public string Feedback { get; set; } = "";

    /// <summary>Telephone numbers.</summary>
    public string Phone { get; set; } = "";

    /// <summary>E-mail addresses.</summary>
    public string Email { get; set; } = "";

    /// <summary>Postal addresses; group <c>value</c>.</summary>
    public string Postal { get; set; } = "";
}

/// <summary>A statistic the notice states about itself.</summary>
public sealed class StatRule
{
    /// <summary>Name in the output (<c>problemsFound</c>).</summary>
    public string Name { get; set; } = "";

    /// <summary>Pattern with group <c>value</c> (Arabic or Chinese numerals) and optionally <c>unit</c>.</summary>
    public string Pattern { get; set; } = "";

    /// <summary>Unit when the pattern has no <c>unit</c> group.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Unit { get; set; }
}

/// <summary>A tag given to items whose problem or rectification text contains one of the keywords.</summary>
public sealed class TagRule
{
    /// <summary>The tag.</summary>
    public string Name { get; set; } = "";

    /// <summary>Keywords, any of which tags the item.</summary>
    public List<string> Keywords { get; set; } = [];

    /// <summary>Search only the problem text (the default), or also the rectification.</summary>
    public bool ProblemOnly { get; set; } = true;
}
