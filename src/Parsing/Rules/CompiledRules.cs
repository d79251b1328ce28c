using System.Buffers;
using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using Extractor.Parsing.Tables;

namespace Extractor.Parsing.Rules;

/// <summary>
/// A <see cref="RuleSet"/> made ready for matching: patterns compiled, word lists ordered longest first.
/// Immutable and safe to share between threads; build one per rule set and reuse it.
/// The default rules' patterns are compiled at build time (<see cref="DefaultPatterns"/>). Any other pattern is first
/// made for the regex interpreter, which costs nothing at start-up; once a process has spent as long matching with it
/// as compiling the patterns to IL takes, they are compiled in the background and the compiled set takes over
/// (<see cref="RuleTiers"/>): a one-file run pays no JIT, a batch runs the patterns some three times faster. All forms
/// match alike.
/// </summary>
internal sealed class CompiledRules
{
    private static readonly ConditionalWeakTable<RuleSet, RuleTiers> Cache = new();

    /// <summary>The compiled default rule set.</summary>
    public static CompiledRules Default => For(RuleSet.Default);

    private CompiledRules() { }

    /// <summary>The compiled form of <paramref name="rules"/>, compiled once per rule set (rule sets are immutable).</summary>
    /// <exception cref="RuleSetException">A pattern does not compile or a required part is missing; the message names the field.</exception>
    public static CompiledRules For(RuleSet rules) => TiersOf(rules).Current;

    /// <summary>The tiers of <paramref name="rules"/>: the interpreted set now, the IL-compiled one once it has paid.</summary>
    /// <exception cref="RuleSetException">A pattern does not compile or a required part is missing; the message names the field.</exception>
    public static RuleTiers TiersOf(RuleSet rules) => Cache.GetValue(rules, r => new RuleTiers(Compile(r, new PatternFactory(RegexOptions.None)), r));

    /// <summary>The patterns this set was made with (to warm compiled ones up before they take over).</summary>
    public required IReadOnlyList<Regex> Patterns { get; init; }

    /// <summary>Whether every pattern came compiled from the build: then there is nothing left to compile at run time.</summary>
    public required bool Prebuilt { get; init; }

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
    public required Regex RestatedProblem { get; init; }
    public required Regex ProblemCaseNumber { get; init; }
    public required Regex RestatedLead { get; init; }
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

    /// <summary>Compiles <paramref name="rules"/>, every pattern made by <paramref name="patterns"/>.</summary>
    internal static CompiledRules Compile(RuleSet rules, PatternFactory patterns)
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
            var regex = patterns.Make(m.Pattern, $"{field}.pattern", required: true);
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
            Labels = new LabelMatcher(rules.Labels, patterns.Make(rules.Labels.BareLabelFollower, "labels.bareLabelFollower")),
            TableColumns = ColumnRoles(rules.TableColumns),
            SecondaryMarker = patterns.Make(rules.SecondaryMarker, "secondaryMarker"),
            MeasureOrdinal = patterns.Make(rules.MeasureOrdinal, "measureOrdinal"),
            RectificationOpeners = [.. rules.RectificationOpeners.Select((p, i) => patterns.Make("^(?:" + p + ")", $"rectificationOpeners[{i}]", required: true))],
            GuessProblemColumn = patterns.Make(rules.TableColumns.GuessProblem, "tableColumns.guessProblem"),
            GuessRectificationColumn = patterns.Make(rules.TableColumns.GuessRectification, "tableColumns.guessRectification"),
            TableCategoryField = rules.TableColumns.CategoryField,
            ChromeLine = patterns.Make(rules.Chrome.Line, "chrome.line"),
            PageNumber = patterns.Make(rules.Chrome.PageNumber, "chrome.pageNumber"),
            Breadcrumb = patterns.Make(rules.Chrome.Breadcrumb, "chrome.breadcrumb"),
            BreadcrumbSeparator = patterns.Make(rules.Chrome.BreadcrumbSeparator, "chrome.breadcrumbSeparator"),
            EdgeLine = patterns.Either(patterns.Make(rules.Chrome.PageNumber, "chrome.pageNumber"), patterns.Make(rules.Chrome.PrintEdge, "chrome.printEdge")),
            MarkerOpenings = allOpenings is null ? null : SearchValues.Create(allOpenings),
            Done = Words(rules.Status.Done),
            Ongoing = Words(rules.Status.Ongoing),
            StatusIgnore = Words(rules.Status.Ignore),
            DoneValues = new HashSet<string>(rules.Status.DoneValues, StringComparer.Ordinal),
            OngoingValues = new HashSet<string>(rules.Status.OngoingValues, StringComparer.Ordinal),
            ProblemPhrases = [.. rules.ProblemPhrases.Select((p, i) => patterns.Make(p, $"problemPhrases[{i}]", required: true))],
            ProblemCues = Words(rules.ProblemCues),
            ProblemFieldHeading = patterns.Make(rules.ProblemFieldHeading, "problemFieldHeading"),
            RestatedProblem = patterns.Make(rules.RestatedProblem, "restatedProblem"),
            ProblemCaseNumber = patterns.Make(rules.ProblemCaseNumber, "problemCaseNumber"),
            RestatedLead = patterns.Make(rules.RestatedLead, "restatedLead"),
            ProblemsPart = patterns.Make(rules.Parts.Problems, "parts.problems"),
            RectificationsPart = patterns.Make(rules.Parts.Rectifications, "parts.rectifications"),
            RectificationsIntro = patterns.Make(rules.Parts.RectificationsIntro, "parts.rectificationsIntro"),
            ProblemsWithRectificationsPart = patterns.Make(rules.Parts.ProblemsWithRectifications, "parts.problemsWithRectifications"),
            ClosingStarts = Words(rules.Closing.Starts),
            ClosingContains = Words(rules.Closing.Contains),
            Metadata = new CompiledMetadata
            {
                IssuerLine = patterns.Make(md.IssuerLine, "metadata.issuerLine"),
                IssuerInTitle = patterns.Make(md.IssuerInTitle, "metadata.issuerInTitle"),
                Title = patterns.Make(md.Title, "metadata.title"),
                TitleStart = patterns.Make(md.TitleStart, "metadata.titleStart"),
                TitleTag = patterns.Make(md.TitleTag, "metadata.titleTag"),
                TitleDate = patterns.Make(md.TitleDate, "metadata.titleDate"),
                DateLine = patterns.Make(md.DateLine, "metadata.dateLine"),
                Inspector = patterns.Make(md.Inspector, "metadata.inspector"),
                Target = patterns.Make(md.Target, "metadata.target"),
                Kind = patterns.Make(md.Kind, "metadata.kind"),
                Period = patterns.Make(md.Period, "metadata.period"),
                Feedback = patterns.Make(md.Feedback, "metadata.feedback"),
                Phone = patterns.Make(md.Phone, "metadata.phone"),
                Email = patterns.Make(md.Email, "metadata.email"),
                Postal = patterns.Make(md.Postal, "metadata.postal"),
                FieldLine = FieldLine(md, patterns),
                FieldRoles = FieldRoles(md),
                TitlePrefix = patterns.Make(md.TitlePrefix, "metadata.titlePrefix"),
                SpeakerLine = patterns.Make(md.SpeakerLine, "metadata.speakerLine"),
                AttachmentLine = patterns.Make(md.AttachmentLine, "metadata.attachmentLine"),
                TitleOpening = patterns.Make(md.TitleOpening, "metadata.titleOpening"),
                ReportDate = patterns.Make(md.ReportDate, "metadata.reportDate"),
                BulletinIssuer = patterns.Make(md.BulletinIssuer, "metadata.bulletinIssuer"),
                IssuerField = patterns.Make(md.IssuerField, "metadata.issuerField"),
                ReportIntro = patterns.Make(md.ReportIntro, "metadata.reportIntro"),
                RunInTitle = patterns.Make(md.RunInTitle, "metadata.runInTitle"),
                SiteSeparator = patterns.Make(md.SiteSeparator, "metadata.siteSeparator"),
                NotTitle = patterns.Make(md.NotTitle, "metadata.notTitle"),
                FieldDateAnywhere = FieldDateAnywhere(md, patterns),
                DateFieldOrder = [.. md.DateFields],
            },
            Stats = [.. rules.Stats.Select((s, i) => new CompiledStat(
                string.IsNullOrWhiteSpace(s.Name) ? throw new RuleSetException($"stats[{i}].name: a name is needed") : s.Name,
                patterns.Make(s.Pattern, $"stats[{i}].pattern", required: true), s.Unit))],
            Patterns = patterns.Made,
            Prebuilt = patterns.AllPrebuilt,
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
    private static Regex FieldLine(MetadataRules md, PatternFactory patterns)
    {
        var labels = md.TitleFields.Concat(md.DateFields).Concat(md.PageFields).Where(l => l.Length > 0).Distinct(StringComparer.Ordinal)
            .OrderByDescending(l => l.Length).Select(LetterSpaced).ToList();
        if (labels.Count == 0) return PatternFactory.Never;
        return patterns.Built($@"^[\s•·▪◆●■\-*]*(?<label>{string.Join("|", labels)})(?:\s*[:：|｜]\s*|\s+(?=\S)|\s*$)(?<value>.*)$");
    }

    /// <summary>A pattern for <paramref name="label"/> however letter-spaced (<c>标  题</c>): its characters with any spaces between.</summary>
    private static string LetterSpaced(string label)
    {
        var pattern = new System.Text.StringBuilder();
        foreach (var c in label)
        {
            if (pattern.Length > 0) pattern.Append(@"\s*");
            pattern.Append(Regex.Escape(c.ToString()));
        }
        return pattern.ToString();
    }

    private static Regex FieldDateAnywhere(MetadataRules md, PatternFactory patterns)
    {
        var labels = md.DateFields.Where(l => l.Length > 0).Distinct(StringComparer.Ordinal).OrderByDescending(l => l.Length)
            .Select(LetterSpaced).ToList();
        if (labels.Count == 0) return PatternFactory.Never;
        return patterns.Built($@"(?<label>{string.Join("|", labels)})(?:\s*[:：|｜]\s*\|?\s*|\s+)(?<y>\d{{4}})\s*[-年./]\s*(?<m>\d{{1,2}})\s*[-月./]\s*(?<d>\d{{1,2}})");
    }

    private static Dictionary<string, string> FieldRoles(MetadataRules md)
    {
        var roles = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var l in md.TitleFields) roles.TryAdd(l, "title");
        foreach (var l in md.DateFields) roles.TryAdd(l, "date");
        foreach (var l in md.PageFields) roles.TryAdd(l, "page");
        return roles;
    }

    private static string[] Words(IEnumerable<string> words) =>
        [.. words.Where(w => w.Length > 0).Distinct(StringComparer.Ordinal).OrderByDescending(w => w.Length).ThenBy(w => w, StringComparer.Ordinal)];
}

/// <summary>How a marker style writes its numbers.</summary>
internal enum NumeralKind { Chinese, Arabic, Circled }

/// <summary>
/// A compiled marker style; <see cref="Canonical"/> is its position in the rule set (the GB/T 9704 order);
/// <see cref="Openings"/> the characters a marker of this style can start with (null: any). Each style of a rule set
/// is one instance, so a style is itself (reference equality): the outline keys its per-style state by style many
/// times a parse, and a record's hash of every member (the style's name hashed each time) is not needed for that.
/// </summary>
internal sealed record CompiledMarker(string Style, Regex Pattern, NumeralKind Numerals, int MaxNumber, int Canonical, SearchValues<char>? Openings, bool NamesProblem = false)
{
    public bool Equals(CompiledMarker? other) => ReferenceEquals(this, other);

    public override int GetHashCode() => System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(this);
}

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
