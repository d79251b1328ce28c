using System.Buffers;
using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using Extractor.Parsing.Tables;

namespace Extractor.Parsing.Rules;

/// <summary>
/// A <see cref="RuleSet"/> made ready for matching: patterns compiled, word lists ordered longest first.
/// Immutable and safe to share between threads; build one per rule set and reuse it.
/// The patterns are parsed into the regex interpreter, not compiled to IL (<see cref="RegexOptions.Compiled"/>): compiling
/// the rules' patterns cost some 200 ms of JIT when a process starts (a third of a one-file run of the CLI) and won back
/// about a tenth of the text pipeline's time once warm (tools/bench-cli.py measures both).
/// </summary>
internal sealed class CompiledRules
{
    private static readonly ConditionalWeakTable<RuleSet, CompiledRules> Cache = new();

    /// <summary>The compiled default rule set.</summary>
    public static CompiledRules Default => For(RuleSet.Default);

    private CompiledRules() { }

    /// <summary>The compiled form of <paramref name="rules"/>, compiled once per rule set (rule sets are immutable).</summary>
    /// <exception cref="RuleSetException">A pattern does not compile or a required part is missing; the message names the field.</exception>
    public static CompiledRules For(RuleSet rules) => Cache.GetValue(rules, Compile);

    public required IReadOnlyList<CompiledMarker> Markers { get; init; }
    public required LabelMatcher Labels { get; init; }
    public required IReadOnlyDictionary<string, TableColumnRole> TableColumns { get; init; }
    public required Regex SecondaryMarker { get; init; }
    public required Regex MeasureOrdinal { get; init; }
    public required Regex[] RectificationOpeners { get; init; }
    public required Regex GuessProblemColumn { get; init; }
    public required Regex GuessRectificationColumn { get; init; }
    public required string TableCategoryField { get; init; }
    public required Regex ChromeLine { get; init; }
    public required Regex PageNumber { get; init; }
    public required Regex Breadcrumb { get; init; }
    public required Regex BreadcrumbSeparator { get; init; }

    /// <summary>A line at a page's edge that is furniture on its own: a page number or a browser's print header or footer.</summary>
    public required Regex EdgeLine { get; init; }

    /// <summary>Characters that may open a heading marker of some style; null when a style's pattern does not tell (then any may).</summary>
    public required SearchValues<char>? MarkerOpenings { get; init; }
    public required string[] Done { get; init; }
    public required string[] Ongoing { get; init; }
    public required string[] StatusIgnore { get; init; }
    public required HashSet<string> DoneValues { get; init; }
    public required HashSet<string> OngoingValues { get; init; }
    public required Regex[] ProblemPhrases { get; init; }
    public required Regex ProblemFieldHeading { get; init; }
    public required Regex ProblemsPart { get; init; }
    public required Regex RectificationsPart { get; init; }
    public required Regex RectificationsIntro { get; init; }
    public required Regex ProblemsWithRectificationsPart { get; init; }
    public required string[] ProblemCues { get; init; }
    public required string[] ClosingStarts { get; init; }
    public required string[] ClosingContains { get; init; }
    public required CompiledMetadata Metadata { get; init; }
    public required CompiledStat[] Stats { get; init; }
    public required TagRule[] Tags { get; init; }

    private static CompiledRules Compile(RuleSet rules)
    {
        if (rules.Markers.Count == 0) throw new RuleSetException("markers: at least one marker style is needed");
        var markers = new List<CompiledMarker>();
        string? allOpenings = "";
        for (var i = 0; i < rules.Markers.Count; i++)
        {
            var m = rules.Markers[i];
            var field = $"markers[{i}]";
            if (string.IsNullOrWhiteSpace(m.Style)) throw new RuleSetException($"{field}.style: a style name is needed");
            var numerals = m.Numerals switch
            {
                "chinese" => NumeralKind.Chinese,
                "arabic" => NumeralKind.Arabic,
                "circled" => NumeralKind.Circled,
                _ => throw new RuleSetException($"{field}.numerals: '{m.Numerals}' is not one of chinese, arabic, circled"),
            };
            var regex = Pattern(m.Pattern, $"{field}.pattern", required: true);
            if (Array.IndexOf(regex.GetGroupNames(), "number") < 0)
                throw new RuleSetException($"{field}.pattern: the pattern needs a group named 'number'");
            if (m.MaxNumber < 1) throw new RuleSetException($"{field}.maxNumber: must be at least 1");
            var openings = RegexOpenings.Of(m.Pattern);
            allOpenings = openings is null || allOpenings is null ? null : allOpenings + openings;
            markers.Add(new CompiledMarker(m.Style, regex, numerals, m.MaxNumber, i, openings is null ? null : SearchValues.Create(openings), m.NamesProblem));
        }

        var md = rules.Metadata;
        return new CompiledRules
        {
            Markers = markers,
            Labels = new LabelMatcher(rules.Labels, Pattern(rules.Labels.BareLabelFollower, "labels.bareLabelFollower")),
            TableColumns = ColumnRoles(rules.TableColumns),
            SecondaryMarker = Pattern(rules.SecondaryMarker, "secondaryMarker"),
            MeasureOrdinal = Pattern(rules.MeasureOrdinal, "measureOrdinal"),
            RectificationOpeners = [.. rules.RectificationOpeners.Select((p, i) => Pattern("^(?:" + p + ")", $"rectificationOpeners[{i}]", required: true))],
            GuessProblemColumn = Pattern(rules.TableColumns.GuessProblem, "tableColumns.guessProblem"),
            GuessRectificationColumn = Pattern(rules.TableColumns.GuessRectification, "tableColumns.guessRectification"),
            TableCategoryField = rules.TableColumns.CategoryField,
            ChromeLine = Pattern(rules.Chrome.Line, "chrome.line"),
            PageNumber = Pattern(rules.Chrome.PageNumber, "chrome.pageNumber"),
            Breadcrumb = Pattern(rules.Chrome.Breadcrumb, "chrome.breadcrumb"),
            BreadcrumbSeparator = Pattern(rules.Chrome.BreadcrumbSeparator, "chrome.breadcrumbSeparator"),
            EdgeLine = Either(Pattern(rules.Chrome.PageNumber, "chrome.pageNumber"), Pattern(rules.Chrome.PrintEdge, "chrome.printEdge")),
            MarkerOpenings = allOpenings is null ? null : SearchValues.Create(allOpenings),
            Done = Words(rules.Status.Done),
            Ongoing = Words(rules.Status.Ongoing),
            StatusIgnore = Words(rules.Status.Ignore),
            DoneValues = new HashSet<string>(rules.Status.DoneValues, StringComparer.Ordinal),
            OngoingValues = new HashSet<string>(rules.Status.OngoingValues, StringComparer.Ordinal),
            ProblemPhrases = [.. rules.ProblemPhrases.Select((p, i) => Pattern(p, $"problemPhrases[{i}]", required: true))],
            ProblemCues = Words(rules.ProblemCues),
            ProblemFieldHeading = Pattern(rules.ProblemFieldHeading, "problemFieldHeading"),
            ProblemsPart = Pattern(rules.Parts.Problems, "parts.problems"),
            RectificationsPart = Pattern(rules.Parts.Rectifications, "parts.rectifications"),
            RectificationsIntro = Pattern(rules.Parts.RectificationsIntro, "parts.rectificationsIntro"),
            ProblemsWithRectificationsPart = Pattern(rules.Parts.ProblemsWithRectifications, "parts.problemsWithRectifications"),
            ClosingStarts = Words(rules.Closing.Starts),
            ClosingContains = Words(rules.Closing.Contains),
            Metadata = new CompiledMetadata
            {
                IssuerLine = Pattern(md.IssuerLine, "metadata.issuerLine"),
                IssuerInTitle = Pattern(md.IssuerInTitle, "metadata.issuerInTitle"),
                Title = Pattern(md.Title, "metadata.title"),
                TitleStart = Pattern(md.TitleStart, "metadata.titleStart"),
                TitleTag = Pattern(md.TitleTag, "metadata.titleTag"),
                TitleDate = Pattern(md.TitleDate, "metadata.titleDate"),
                DateLine = Pattern(md.DateLine, "metadata.dateLine"),
                Inspector = Pattern(md.Inspector, "metadata.inspector"),
                Target = Pattern(md.Target, "metadata.target"),
                Kind = Pattern(md.Kind, "metadata.kind"),
                Period = Pattern(md.Period, "metadata.period"),
                Feedback = Pattern(md.Feedback, "metadata.feedback"),
                Phone = Pattern(md.Phone, "metadata.phone"),
                Email = Pattern(md.Email, "metadata.email"),
                Postal = Pattern(md.Postal, "metadata.postal"),
                FieldLine = FieldLine(md),
                FieldRoles = FieldRoles(md),
                TitlePrefix = Pattern(md.TitlePrefix, "metadata.titlePrefix"),
                SpeakerLine = Pattern(md.SpeakerLine, "metadata.speakerLine"),
                AttachmentLine = Pattern(md.AttachmentLine, "metadata.attachmentLine"),
                TitleOpening = Pattern(md.TitleOpening, "metadata.titleOpening"),
                ReportDate = Pattern(md.ReportDate, "metadata.reportDate"),
                BulletinIssuer = Pattern(md.BulletinIssuer, "metadata.bulletinIssuer"),
                IssuerField = Pattern(md.IssuerField, "metadata.issuerField"),
                ReportIntro = Pattern(md.ReportIntro, "metadata.reportIntro"),
                RunInTitle = Pattern(md.RunInTitle, "metadata.runInTitle"),
                SiteSeparator = Pattern(md.SiteSeparator, "metadata.siteSeparator"),
                NotTitle = Pattern(md.NotTitle, "metadata.notTitle"),
                FieldDateAnywhere = FieldDateAnywhere(md),
                DateFieldOrder = [.. md.DateFields],
            },
            Stats = [.. rules.Stats.Select((s, i) => new CompiledStat(
                string.IsNullOrWhiteSpace(s.Name) ? throw new RuleSetException($"stats[{i}].name: a name is needed") : s.Name,
                Pattern(s.Pattern, $"stats[{i}].pattern", required: true), s.Unit))],
            Tags = [.. rules.Tags.Select((t, i) => string.IsNullOrWhiteSpace(t.Name) || t.Keywords.Count == 0
                ? throw new RuleSetException($"tags[{i}]: a tag needs a name and at least one keyword")
                : t)],
        };
    }

    private static Dictionary<string, TableColumnRole> ColumnRoles(TableColumnRules columns)
    {
        var roles = new Dictionary<string, TableColumnRole>(StringComparer.Ordinal);
        void Add(IEnumerable<string> names, TableColumnRole role)
        {
            foreach (var name in names) roles.TryAdd(name, role);
        }
        Add(columns.Problem, TableColumnRole.Problem);
        Add(columns.Rectification, TableColumnRole.Rectification);
        Add(columns.Status, TableColumnRole.Status);
        Add(columns.Index, TableColumnRole.Index);
        Add(columns.Category, TableColumnRole.Category);
        return roles;
    }

    /// <summary>
    /// A line <c>LABEL：VALUE</c> whose label is one of the metadata field labels, however letter-spaced
    /// (<c>标  题：</c>), after an optional bullet; a table's cell border or a space may stand for the colon
    /// (<c>发布机构 | 南县审计局</c>).
    /// </summary>
    private static Regex FieldLine(MetadataRules md)
    {
        var labels = md.TitleFields.Concat(md.DateFields).Concat(md.PageFields).Where(l => l.Length > 0).Distinct(StringComparer.Ordinal)
            .OrderByDescending(l => l.Length).Select(l => string.Join(@"\s*", l.Select(c => Regex.Escape(c.ToString())))).ToList();
        if (labels.Count == 0) return Never;
        return new Regex($@"^[\s•·▪◆●■\-*]*(?<label>{string.Join("|", labels)})(?:\s*[:：|｜]\s*|\s+(?=\S)|\s*$)(?<value>.*)$",
            RegexOptions.CultureInvariant, TimeSpan.FromSeconds(2));
    }

    private static Regex FieldDateAnywhere(MetadataRules md)
    {
        var labels = md.DateFields.Where(l => l.Length > 0).Distinct(StringComparer.Ordinal).OrderByDescending(l => l.Length)
            .Select(l => string.Join(@"\s*", l.Select(c => Regex.Escape(c.ToString())))).ToList();
        if (labels.Count == 0) return Never;
        return new Regex($@"(?<label>{string.Join("|", labels)})(?:\s*[:：|｜]\s*\|?\s*|\s+)(?<y>\d{{4}})\s*[-年./]\s*(?<m>\d{{1,2}})\s*[-月./]\s*(?<d>\d{{1,2}})",
            RegexOptions.CultureInvariant, TimeSpan.FromSeconds(2));
    }

    private static Dictionary<string, string> FieldRoles(MetadataRules md)
    {
        var roles = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var l in md.TitleFields) roles.TryAdd(l, "title");
        foreach (var l in md.DateFields) roles.TryAdd(l, "date");
        foreach (var l in md.PageFields) roles.TryAdd(l, "page");
        return roles;
    }

    /// <summary>A pattern that matches where either of two compiled ones does.</summary>
    private static Regex Either(Regex a, Regex b) =>
        a == Never ? b : b == Never ? a : new Regex($"(?:{a})|(?:{b})", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(2));

    /// <summary>A pattern that never matches stands in for an empty optional one.</summary>
    private static readonly Regex Never = new("(?!)", RegexOptions.CultureInvariant);

    private static Regex Pattern(string? pattern, string field, bool required = false)
    {
        if (string.IsNullOrEmpty(pattern))
            return required ? throw new RuleSetException($"{field}: a pattern is needed") : Never;
        try
        {
            return new Regex(pattern, RegexOptions.CultureInvariant, TimeSpan.FromSeconds(2));
        }
        catch (ArgumentException e)
        {
            throw new RuleSetException($"{field}: invalid pattern: {e.Message}", e);
        }
    }

    private static string[] Words(IEnumerable<string> words) =>
        [.. words.Where(w => w.Length > 0).Distinct(StringComparer.Ordinal).OrderByDescending(w => w.Length).ThenBy(w => w, StringComparer.Ordinal)];
}

/// <summary>How a marker style writes its numbers.</summary>
internal enum NumeralKind { Chinese, Arabic, Circled }

/// <summary>A compiled marker style; <see cref="Canonical"/> is its position in the rule set (the GB/T 9704 order).</summary>
/// <summary>
/// A compiled marker style; <see cref="Canonical"/> is its position in the rule set (the GB/T 9704 order);
/// <see cref="Openings"/> the characters a marker of this style can start with (null: any).
/// </summary>
internal sealed record CompiledMarker(string Style, Regex Pattern, NumeralKind Numerals, int MaxNumber, int Canonical, SearchValues<char>? Openings, bool NamesProblem = false);

/// <summary>A compiled statistics rule.</summary>
internal sealed record CompiledStat(string Name, Regex Pattern, string? Unit);

/// <summary>Compiled metadata patterns.</summary>
internal sealed class CompiledMetadata
{
    public required Regex IssuerLine { get; init; }
    public required Regex IssuerInTitle { get; init; }
    public required Regex Title { get; init; }
    public required Regex TitleStart { get; init; }
    public required Regex TitleTag { get; init; }
    public required Regex TitleDate { get; init; }
    public required Regex DateLine { get; init; }
    public required Regex Inspector { get; init; }
    public required Regex Target { get; init; }
    public required Regex Kind { get; init; }
    public required Regex Period { get; init; }
    public required Regex Feedback { get; init; }
    public required Regex Phone { get; init; }
    public required Regex Email { get; init; }
    public required Regex Postal { get; init; }

    /// <summary>A page's metadata field line: groups <c>label</c> (letter-spacing removed by the caller) and <c>value</c>.</summary>
    public required Regex FieldLine { get; init; }

    /// <summary>The role of each field label: <c>title</c>, <c>date</c> or <c>page</c>.</summary>
    public required IReadOnlyDictionary<string, string> FieldRoles { get; init; }

    public required Regex TitlePrefix { get; init; }
    public required Regex SpeakerLine { get; init; }
    public required Regex AttachmentLine { get; init; }
    public required Regex TitleOpening { get; init; }
    public required Regex ReportDate { get; init; }
    public required Regex BulletinIssuer { get; init; }
    public required Regex IssuerField { get; init; }
    public required Regex ReportIntro { get; init; }
    public required Regex RunInTitle { get; init; }
    public required Regex SiteSeparator { get; init; }
    public required Regex NotTitle { get; init; }

    /// <summary>A date field anywhere in a line (<c>来源：… 发布时间：2025-05-12</c>): groups <c>label</c>, <c>y</c>, <c>m</c>, <c>d</c>.</summary>
    public required Regex FieldDateAnywhere { get; init; }

    /// <summary>The date field labels, most telling first (成文日期 before 发布日期).</summary>
    public required IReadOnlyList<string> DateFieldOrder { get; init; }
}
