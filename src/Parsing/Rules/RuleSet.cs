namespace Extractor.Parsing.Rules;

/// <summary>
/// Everything the parser recognises by wording — heading markers, labels, status words, closing cues, site chrome,
/// metadata and statistics patterns, tags — as data. <see cref="Default"/> is the set shipped with the library
/// (<c>extractor rules</c> prints it); a rules file extends or overrides it (see <see cref="RuleSetLoader"/>). A rule set
/// is immutable: derive a changed one with <c>with</c>, or load one from JSON. Regular expressions use .NET syntax.
/// </summary>
/// <param name="Markers">Heading marker styles, outermost first in the GB/T 9704 order used to break ties.</param>
/// <param name="Labels">Paragraph labels.</param>
/// <param name="TableColumns">Column names of table-form notices (整改台账), by the role the column plays.</param>
/// <param name="SecondaryMarker">Pattern of the secondary marker some notices put after the heading marker (<c>1.问题1：</c>); group <c>number</c>.</param>
/// <param name="MeasureOrdinal">Pattern of a measure ordinal (<c>一是</c>) inside a rectification; group <c>number</c>.</param>
/// <param name="RectificationOpeners">Patterns of how a rectification written without a label opens, besides a measure ordinal: a status sentence (<c>该问题已完成整改</c>), the unit speaking (<c>我局…</c>, <c>…高度重视</c>), <c>首先</c>. After a heading that states a problem, a paragraph opening so starts its rectification.</param>
/// <param name="Status">Status words.</param>
/// <param name="ProblemCues">Words that mark a sentence as stating a problem (<c>不到位</c>, <c>缺乏</c>): a heading without a rectification label is taken for a problem only if it has one.</param>
/// <param name="ProblemPhrases">Patterns that turn a heading into a problem phrase (<c>针对…的问题</c>); group <c>phrase</c>.</param>
/// <param name="ProblemFieldHeading">A heading that only names the problem field (<c>督察组反馈问题情况</c>, <c>存在问题</c>): the problem is the text below it, not the heading.</param>
/// <param name="Closing">Cues of the closing text.</param>
/// <param name="Chrome">Lines that are the publisher's page furniture, not the notice: web-site chrome and PDF page numbers.</param>
/// <param name="Metadata">Metadata patterns.</param>
/// <param name="Stats">Statistics the notice states about itself.</param>
/// <param name="Tags">Keyword rules that tag items.</param>
/// <param name="Parts">Headings of the parts of a notice that gives its problems and their rectifications separately.</param>
public sealed record RuleSet(
    IReadOnlyList<MarkerRule>? Markers = null,
    LabelRules? Labels = null,
    TableColumnRules? TableColumns = null,
    string SecondaryMarker = "",
    string MeasureOrdinal = "",
    IReadOnlyList<string>? RectificationOpeners = null,
    StatusRules? Status = null,
    IReadOnlyList<string>? ProblemCues = null,
    IReadOnlyList<string>? ProblemPhrases = null,
    string ProblemFieldHeading = "",
    ClosingRules? Closing = null,
    ChromeRules? Chrome = null,
    MetadataRules? Metadata = null,
    IReadOnlyList<StatRule>? Stats = null,
    IReadOnlyList<TagRule>? Tags = null,
    PartRules? Parts = null)
{
    /// <summary>
    /// Pattern of how a rectification opens by quoting the problem it answers (<c>…第二十七项指出，“…”问题，</c>), its
    /// group <c>problem</c> the quoted problem: where the item's heading only names the rectification part, that quote is
    /// the problem.
    /// </summary>
    public string RestatedProblem { get; init; } = "";

    /// <summary>
    /// Pattern of a case number that opens a problem field (<c>受理编号:X3YN202405220059 投诉人反映:…</c>), with the label
    /// that may follow it: group <c>name</c> the field's name, <c>value</c> the number. The number is a field of the item
    /// and the problem starts after the match.
    /// </summary>
    public string ProblemCaseNumber { get; init; } = "";

    /// <summary>
    /// Pattern of how a rectification may open by restating the problem it answers (<c>针对“…”问题</c>) before giving its
    /// label again (<c>整改措施：</c>): where a rectification label follows the match, the rectification starts after that
    /// label.
    /// </summary>
    public string RestatedLead { get; init; } = "";

    /// <summary>Heading marker styles, outermost first in the GB/T 9704 order used to break ties.</summary>
    public IReadOnlyList<MarkerRule> Markers { get; init; } = Markers ?? [];

    /// <summary>Paragraph labels.</summary>
    public LabelRules Labels { get; init; } = Labels ?? new();

    /// <summary>Column names of table-form notices (整改台账), by the role the column plays.</summary>
    public TableColumnRules TableColumns { get; init; } = TableColumns ?? new();

    /// <summary>
    /// Patterns of how a rectification written without a label opens, besides a measure ordinal: a status sentence
    /// (<c>该问题已完成整改</c>), the unit speaking (<c>我局…</c>, <c>…高度重视</c>), <c>首先</c>. After a heading that
    /// states a problem, a paragraph opening so starts its rectification.
    /// </summary>
    public IReadOnlyList<string> RectificationOpeners { get; init; } = RectificationOpeners ?? [];

    /// <summary>Status words.</summary>
    public StatusRules Status { get; init; } = Status ?? new();

    /// <summary>Words that mark a sentence as stating a problem (<c>不到位</c>, <c>缺乏</c>): a heading without a rectification label is taken for a problem only if it has one.</summary>
    public IReadOnlyList<string> ProblemCues { get; init; } = ProblemCues ?? [];

    /// <summary>Patterns that turn a heading into a problem phrase (<c>针对…的问题</c>); group <c>phrase</c>.</summary>
    public IReadOnlyList<string> ProblemPhrases { get; init; } = ProblemPhrases ?? [];

    /// <summary>Cues of the closing text.</summary>
    public ClosingRules Closing { get; init; } = Closing ?? new();

    /// <summary>Lines that are the publisher's page furniture, not the notice: web-site chrome and PDF page numbers.</summary>
    public ChromeRules Chrome { get; init; } = Chrome ?? new();

    /// <summary>Metadata patterns.</summary>
    public MetadataRules Metadata { get; init; } = Metadata ?? new();

    /// <summary>Statistics the notice states about itself.</summary>
    public IReadOnlyList<StatRule> Stats { get; init; } = Stats ?? [];

    /// <summary>Keyword rules that tag items.</summary>
    public IReadOnlyList<TagRule> Tags { get; init; } = Tags ?? [];

    /// <summary>Headings of the parts of a notice that gives its problems and their rectifications separately.</summary>
    public PartRules Parts { get; init; } = Parts ?? new();

    /// <summary>The rule set shipped with the library.</summary>
    public static RuleSet Default => RuleSetLoader.LoadDefault();
}

/// <summary>A heading marker style.</summary>
/// <param name="Style">Style name (<c>chinese-comma</c>…); a rules file's style of the same name replaces the default one in its place.</param>
/// <param name="Pattern">Pattern anchored at the paragraph start, with groups <c>number</c> (the numeral) and optionally <c>prefix</c>/<c>suffix</c>.</param>
/// <param name="Numerals">How the number is written: <c>chinese</c>, <c>arabic</c> or <c>circled</c>.</param>
/// <param name="MaxNumber">Largest number accepted (a bigger one is running text: a year, an amount).</param>
/// <param name="NamesProblem">The marker names what follows as a problem (<c>问题1：</c>): its heading is a problem, never a measure.</param>
public sealed record MarkerRule(
    string Style = "",
    string Pattern = "",
    string Numerals = "arabic",
    int MaxNumber = 99,
    bool NamesProblem = false);

/// <summary>Labels that open a paragraph (<c>整改情况：</c>).</summary>
/// <param name="Rectification">Labels of a rectification.</param>
/// <param name="Problem">Labels of a problem (<c>反馈问题：</c>, <c>整改问题：</c>).</param>
/// <param name="Status">Labels of a status line (<c>整改状态：</c>, <c>完成情况：</c>).</param>
/// <param name="Fields">Labels of further item fields (<c>整改目标</c>, <c>责任单位</c>, <c>整改时限</c>).</param>
/// <param name="FollowUp">Rectification labels that continue the rectification of the current item (<c>整改措施</c> then <c>整改成效</c>) rather than follow a new problem.</param>
/// <param name="Separators">Separators accepted after a label (a label alone in its paragraph needs none).</param>
/// <param name="BareLabelFollower">Pattern of what may follow a label with no separator (<c>整改情况一是…</c>).</param>
public sealed record LabelRules(
    IReadOnlyList<string>? Rectification = null,
    IReadOnlyList<string>? Problem = null,
    IReadOnlyList<string>? Status = null,
    IReadOnlyList<string>? Fields = null,
    IReadOnlyList<string>? FollowUp = null,
    IReadOnlyList<string>? Separators = null,
    string BareLabelFollower = "")
{
    /// <summary>Labels of a rectification.</summary>
    public IReadOnlyList<string> Rectification { get; init; } = Rectification ?? [];

    /// <summary>Labels of a problem (<c>反馈问题：</c>, <c>整改问题：</c>).</summary>
    public IReadOnlyList<string> Problem { get; init; } = Problem ?? [];

    /// <summary>Labels of a status line (<c>整改状态：</c>, <c>完成情况：</c>).</summary>
    public IReadOnlyList<string> Status { get; init; } = Status ?? [];

    /// <summary>Labels of further item fields (<c>整改目标</c>, <c>责任单位</c>, <c>整改时限</c>).</summary>
    public IReadOnlyList<string> Fields { get; init; } = Fields ?? [];

    /// <summary>Rectification labels that continue the rectification of the current item (<c>整改措施</c> then <c>整改成效</c>) rather than follow a new problem.</summary>
    public IReadOnlyList<string> FollowUp { get; init; } = FollowUp ?? [];

    /// <summary>Separators accepted after a label (a label alone in its paragraph needs none).</summary>
    public IReadOnlyList<string> Separators { get; init; } = Separators ?? [];
}

/// <summary>
/// Column names of table-form notices. A table whose header names a problem column and a rectification column gives
/// one item per row; other columns become named fields.
/// </summary>
/// <param name="Problem">Columns holding the problem (<c>反馈问题</c>).</param>
/// <param name="Rectification">Columns holding the rectification (<c>整改措施</c>, <c>整改进展</c>); their text is joined in column order.</param>
/// <param name="Status">Columns stating the status (<c>完成情况</c>).</param>
/// <param name="Index">Columns numbering the rows (<c>序号</c>).</param>
/// <param name="Category">Columns naming a category (<c>类别</c>).</param>
/// <param name="GuessProblem">A column name in no list above is a problem column when it matches this pattern (<c>问题</c>).</param>
/// <param name="GuessRectification">A column name in no list above (and no problem column) is a rectification column when it matches this pattern.</param>
/// <param name="CategoryField">The field name given to a category row (a row across the whole table without a marker) in the items below it.</param>
public sealed record TableColumnRules(
    IReadOnlyList<string>? Problem = null,
    IReadOnlyList<string>? Rectification = null,
    IReadOnlyList<string>? Status = null,
    IReadOnlyList<string>? Index = null,
    IReadOnlyList<string>? Category = null,
    string GuessProblem = "",
    string GuessRectification = "",
    string CategoryField = "")
{
    /// <summary>Columns holding the problem (<c>反馈问题</c>).</summary>
    public IReadOnlyList<string> Problem { get; init; } = Problem ?? [];

    /// <summary>Columns holding the rectification (<c>整改措施</c>, <c>整改进展</c>); their text is joined in column order.</summary>
    public IReadOnlyList<string> Rectification { get; init; } = Rectification ?? [];

    /// <summary>Columns stating the status (<c>完成情况</c>).</summary>
    public IReadOnlyList<string> Status { get; init; } = Status ?? [];

    /// <summary>Columns numbering the rows (<c>序号</c>).</summary>
    public IReadOnlyList<string> Index { get; init; } = Index ?? [];

    /// <summary>Columns naming a category (<c>类别</c>).</summary>
    public IReadOnlyList<string> Category { get; init; } = Category ?? [];
}

/// <summary>Words that state a rectification's status.</summary>
/// <param name="Done">Words of completion.</param>
/// <param name="Ongoing">Words of work still going on; they win over <see cref="Done"/>.</param>
/// <param name="Ignore">Phrases that contain a status word but state no status (<c>尚未发现</c>).</param>
/// <param name="DoneValues">Whole values of a status line (<c>整改状态：完成</c>) that mean done.</param>
/// <param name="OngoingValues">Whole values of a status line that mean ongoing.</param>
public sealed record StatusRules(
    IReadOnlyList<string>? Done = null,
    IReadOnlyList<string>? Ongoing = null,
    IReadOnlyList<string>? Ignore = null,
    IReadOnlyList<string>? DoneValues = null,
    IReadOnlyList<string>? OngoingValues = null)
{
    /// <summary>Words of completion.</summary>
    public IReadOnlyList<string> Done { get; init; } = Done ?? [];

    /// <summary>Words of work still going on; they win over <see cref="Done"/>.</summary>
    public IReadOnlyList<string> Ongoing { get; init; } = Ongoing ?? [];

    /// <summary>Phrases that contain a status word but state no status (<c>尚未发现</c>).</summary>
    public IReadOnlyList<string> Ignore { get; init; } = Ignore ?? [];

    /// <summary>Whole values of a status line (<c>整改状态：完成</c>) that mean done.</summary>
    public IReadOnlyList<string> DoneValues { get; init; } = DoneValues ?? [];

    /// <summary>Whole values of a status line that mean ongoing.</summary>
    public IReadOnlyList<string> OngoingValues { get; init; } = OngoingValues ?? [];
}

/// <summary>
/// Headings of the parts of a notice that states its problems in one part and their rectifications in a later one,
/// as audit results bulletins do (<c>二、审计发现的主要问题</c> … <c>四、审计发现问题的整改情况</c>).
/// </summary>
/// <param name="Problems">Pattern of the heading text of the part that states the problems.</param>
/// <param name="Rectifications">Pattern of the heading text of the part that reports their rectification.</param>
/// <param name="RectificationsIntro">Pattern of a sentence announcing a list of rectifications after a list of problems (<c>现将整改情况报告如下：</c>).</param>
/// <param name="ProblemsWithRectifications">Pattern of the heading text of a part that states a problem and reports its
/// rectification together (<c>审计发现的主要问题及整改情况</c>, <c>…问题及处理意见</c>).</param>
public sealed record PartRules(
    string Problems = "",
    string Rectifications = "",
    string RectificationsIntro = "",
    string ProblemsWithRectifications = "");

/// <summary>Cues that a trailing paragraph is the closing text, not part of the last rectification.</summary>
/// <param name="Starts">Openings of a closing paragraph (<c>下一步</c>, <c>当前，</c>).</param>
/// <param name="Contains">Phrases that make a trailing paragraph closing wherever they occur (<c>欢迎广大干部群众</c>, <c>联系电话</c>).</param>
public sealed record ClosingRules(
    IReadOnlyList<string>? Starts = null,
    IReadOnlyList<string>? Contains = null)
{
    /// <summary>Openings of a closing paragraph (<c>下一步</c>, <c>当前，</c>).</summary>
    public IReadOnlyList<string> Starts { get; init; } = Starts ?? [];

    /// <summary>Phrases that make a trailing paragraph closing wherever they occur (<c>欢迎广大干部群众</c>, <c>联系电话</c>).</summary>
    public IReadOnlyList<string> Contains { get; init; } = Contains ?? [];
}

/// <summary>The publisher's page furniture that readers drop.</summary>
/// <param name="Line">A short line of a web page that is site chrome inside the article: info bars (<c>发布时间：</c>), tool links (<c>【打印本页】</c>), pagers, breadcrumbs.</param>
/// <param name="PageNumber">A PDF line that is only a page number (<c>— 3 —</c>, <c>第3页</c>, <c>3/10</c>), dropped among the first and last lines of a page.</param>
/// <param name="Breadcrumb">A line that is a breadcrumb (<c>当前位置：首页 - 专题专栏 - 正文</c>): a line of the notice's front
/// that is only one of its parts (a category standing as a heading) is furniture too.</param>
/// <param name="BreadcrumbSeparator">What separates a breadcrumb's parts.</param>
/// <param name="PrintEdge">A line a browser prints at a page's edge when it prints a web page (the date and time with the
/// page's title, the address with the page count), dropped among the first and last lines of a page as page numbers are.</param>
public sealed record ChromeRules(
    string Line = "",
    string PageNumber = "",
    string Breadcrumb = "",
    string BreadcrumbSeparator = "",
    string PrintEdge = "");

/// <summary>Metadata patterns.</summary>
/// <param name="IssuerLine">A line that is only the issuer's name; group <c>issuer</c>.</param>
/// <param name="IssuerInTitle">The issuer at the start of a title (<c>中共…县委关于…</c>); group <c>issuer</c>.</param>
/// <param name="Title">A title line.</param>
/// <param name="TitleStart">The first part of a title split over two lines.</param>
/// <param name="TitleTag">A tag before the title (<c>【巡察整改】</c>).</param>
/// <param name="TitleDate">A date after the title on the same line; groups <c>y</c>, <c>m</c>, <c>d</c>.</param>
/// <param name="DateLine">A line that is only a date (the signature); groups <c>y</c>, <c>m</c>, <c>d</c>.</param>
/// <param name="Inspector">The inspecting group; group <c>inspector</c>.</param>
/// <param name="Target">What was inspected; groups <c>target</c> and optionally <c>kind</c>.</param>
/// <param name="Kind">Kind of inspection; group <c>kind</c>.</param>
/// <param name="Period">The inspection period; groups <c>y1</c> <c>m1</c> <c>d1</c> <c>y2</c> <c>m2</c> <c>d2</c>.</param>
/// <param name="Feedback">The feedback date; groups <c>y</c> <c>m</c> <c>d</c>.</param>
/// <param name="Phone">Telephone numbers.</param>
/// <param name="Email">E-mail addresses.</param>
/// <param name="Postal">Postal addresses; group <c>value</c>.</param>
/// <param name="TitleFields">Labels of a page's metadata field that gives the title (<c>标题：</c>, <c>文件名称：</c>); a label may be letter-spaced (<c>标  题</c>).</param>
/// <param name="DateFields">Labels of a page's metadata field that gives the date (<c>成文日期：</c>, <c>发布时间：</c>).</param>
/// <param name="PageFields">Labels of a page's other metadata fields (<c>索引号：</c>, <c>发布机构：</c>, <c>浏览次数：</c>).</param>
/// <param name="TitlePrefix">What a page puts before a title and is not part of it: a bulletin number (<c>…2024年第3号公告：</c>), a category (<c>政策新闻 | </c>).</param>
/// <param name="SpeakerLine">A report's speaker under its title (<c>市审计局局长 李火生</c>); group <c>issuer</c>, the body the speaker heads.</param>
/// <param name="BulletinIssuer">A body's bulletin number opening a line (<c>安徽省审计厅2024年第3号公告</c>, <c>青岛市审计局审计结果公告2021年第3号</c>):
/// the notice is that body's bulletin; group <c>issuer</c>.</param>
/// <param name="IssuerField">A line of the notice that names its issuer under a label (<c>公示单位：盘龙区人民政府</c>), a date
/// possibly after it; group <c>issuer</c>.</param>
/// <param name="ReportIntro">An opening sentence saying who delivered the report that follows, and its name
/// (<c>省审计厅厅长刘文华在…会议上作了《关于…的报告》</c>); groups <c>issuer</c> (the body the speaker heads) and <c>title</c>.</param>
/// <param name="RunInTitle">The title at the start of a document's text run into one paragraph, before its first heading
/// (<c>…湖北省整改进展清单一、关于…</c>); group <c>title</c>.</param>
/// <param name="ReportDate">The date a report was delivered, under its title (<c>——2022年7月27日在…人大常委会会议上</c>); groups <c>y</c>, <c>m</c>, <c>d</c>.</param>
/// <param name="TitleOpening">What a line that opens a title split over lines speaks of, when it does not start with <c>关于</c> (<c>…督察反馈问题</c>).</param>
/// <param name="AttachmentLine">A line naming an attachment after the signature (<c>附件：</c>): it does not end the signature block.</param>
/// <param name="SiteSeparator">What separates a page's title from the site's name in a container's title (<c>…的通报_某某纪检监察网</c>): the title is the part before it.</param>
/// <param name="NotTitle">A container title that names no notice: a producer's default document name (<c>新建 Microsoft Word 文档</c>, <c>Untitled</c>).
/// Site names and categories (<see cref="ChromeRules.Line"/>) and sentences are never titles either.</param>
public sealed record MetadataRules(
    string IssuerLine = "",
    string IssuerInTitle = "",
    string Title = "",
    string TitleStart = "",
    string TitleTag = "",
    string TitleDate = "",
    string DateLine = "",
    string Inspector = "",
    string Target = "",
    string Kind = "",
    string Period = "",
    string Feedback = "",
    string Phone = "",
    string Email = "",
    string Postal = "",
    IReadOnlyList<string>? TitleFields = null,
    IReadOnlyList<string>? DateFields = null,
    IReadOnlyList<string>? PageFields = null,
    string TitlePrefix = "",
    string SpeakerLine = "",
    string AttachmentLine = "",
    string TitleOpening = "",
    string ReportDate = "",
    string BulletinIssuer = "",
    string IssuerField = "",
    string ReportIntro = "",
    string RunInTitle = "",
    string SiteSeparator = "",
    string NotTitle = "")
{
    /// <summary>Labels of a page's metadata field that gives the title (<c>标题：</c>, <c>文件名称：</c>).</summary>
    public IReadOnlyList<string> TitleFields { get; init; } = TitleFields ?? [];

    /// <summary>Labels of a page's metadata field that gives the date (<c>成文日期：</c>, <c>发布时间：</c>): the date when the notice has no signature date.</summary>
    public IReadOnlyList<string> DateFields { get; init; } = DateFields ?? [];

    /// <summary>Labels of a page's other metadata fields (<c>索引号：</c>, <c>发布机构：</c>, <c>浏览次数：</c>): page furniture, never the notice's text.</summary>
    public IReadOnlyList<string> PageFields { get; init; } = PageFields ?? [];
}

/// <summary>A statistic the notice states about itself.</summary>
/// <param name="Name">Name in the output (<c>problemsFound</c>); several rules may share one.</param>
/// <param name="Pattern">Pattern with group <c>value</c> (Arabic or Chinese numerals) and optionally <c>unit</c>.</param>
/// <param name="Unit">Unit when the pattern has no <c>unit</c> group.</param>
public sealed record StatRule(
    string Name = "",
    string Pattern = "",
    string? Unit = null);

/// <summary>A tag given to items whose problem or rectification text contains one of the keywords.</summary>
/// <param name="Name">The tag; a rules file's tag of the same name replaces the default one in its place.</param>
/// <param name="Keywords">Keywords, any of which tags the item.</param>
/// <param name="ProblemOnly">Search only the problem text (the default), or also the rectification.</param>
public sealed record TagRule(
    string Name = "",
    IReadOnlyList<string>? Keywords = null,
    bool ProblemOnly = true)
{
    /// <summary>Keywords, any of which tags the item.</summary>
    public IReadOnlyList<string> Keywords { get; init; } = Keywords ?? [];
}
