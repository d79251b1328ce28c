using System.Text.RegularExpressions;
using Extractor.Parsing.Normalization;
using Extractor.Parsing.Outline;
using Extractor.Parsing.Rules;
using Extractor.Parsing.Text;

namespace Extractor.Parsing.Extraction;

/// <summary>What the metadata extractor finds, with where it found it.</summary>
internal sealed record NoticeMetadata
{
    public string? Title { get; init; }
    public string? Issuer { get; init; }
    public DateOnly? Date { get; init; }
    public string? Preamble { get; init; }
    public string? Closing { get; init; }
    public Inspection Inspection { get; init; } = new();
    public Contacts Contacts { get; init; } = new();
    public Provenance Provenance { get; init; } = new();

    /// <summary>The preamble's paragraphs.</summary>
    public IReadOnlyList<Paragraph> PreambleParagraphs { get; init; } = [];
}

/// <summary>
/// Reads the notice's metadata: title, issuer and preamble from the front matter; issuer and date from the
/// signature; inspector, target, kind, period and feedback date from the preamble (or, failing that, from section
/// text); contacts from the closing.
/// </summary>
internal static class MetadataExtractor
{
    public static NoticeMetadata Extract(OutlineDocument outline, string? containerTitle, CompiledRules rules, LocationResolver locations, List<Warning> warnings)
    {
        var md = rules.Metadata;
        var front = outline.Front;

        // The header zone: the short lines before the first line of prose. Title, issuer and date lines are found there.
        var zone = 0;
        while (zone < front.Count && !IsProse(front[zone].Text)) zone++;

        // Title: a line that reads like one, or two lines that do together, after an optional tag.
        string? title = null;
        SourceLocation? titleLocation = null;
        DateOnly? titleDate = null;
        var titleLines = new HashSet<int>();
        for (var i = 0; i < zone && title is null; i++)
        {
            var (text, offset) = StripTag(front[i].Text, md);
            if (text.Length == 0 || text.Length > 120) continue;
            var (core, lineDate) = SplitTitleDate(text, md);
            if (md.Title.IsMatch(core))
            {
                title = core;
                titleDate = lineDate;
                titleLines.Add(i);
                titleLocation = locations.Of(front[i], offset, offset + core.Length);
            }
            else if (i + 1 < zone && md.TitleStart.IsMatch(core) && front[i + 1].Text.Length <= 60)
            {
                var (secondCore, secondDate) = SplitTitleDate(front[i + 1].Text, md);
                if (md.Title.IsMatch(core + secondCore))
                {
                    title = core + secondCore;
                    titleDate = secondDate ?? lineDate;
                    titleLines.Add(i);
                    titleLines.Add(i + 1);
                    titleLocation = locations.Resolve(front[i].SourceOffset(offset), front[i + 1].SourceEnd(secondCore.Length));
                }
            }
        }
        if (title is null && !string.IsNullOrWhiteSpace(containerTitle))
        {
            var (core, containerDate) = SplitTitleDate(StripTag(containerTitle.Trim(), md).Text, md);
            title = core;
            titleDate = containerDate;
        }
        // A page may repeat its title (a site's heading and the document's own): both are the title.
        for (var i = 0; i < zone && title is not null; i++)
            if (!titleLines.Contains(i) && SplitTitleDate(StripTag(front[i].Text, md).Text, md).Core == title) titleLines.Add(i);

        // Issuer: a line of its own in the header zone, else the title's own opening, else the signature.
        string? issuer = null;
        SourceLocation? issuerLocation = null;
        var issuerLines = new HashSet<int>();
        for (var i = 0; i < zone; i++)
        {
            if (titleLines.Contains(i) || md.IssuerLine.Match(front[i].Text) is not { Success: true } m) continue;
            var name = m.Groups["issuer"].Value;
            if (issuer is null || !issuer.Split('、').Contains(name)) issuer = issuer is null ? name : issuer + "、" + name;
            issuerLines.Add(i);
            issuerLocation ??= locations.Of(front[i]);
        }
        if (issuer is null && title is not null && md.IssuerInTitle.Match(title) is { Success: true } inTitle)
        {
            issuer = inTitle.Groups["issuer"].Value;
            issuerLocation = titleLocation;
        }

        // Signature: issuer and date lines at the end.
        DateOnly? date = null;
        SourceLocation? dateLocation = null;
        foreach (var p in outline.Signature)
        {
            if (md.DateLine.Match(p.Text) is { Success: true } d)
            {
                date = TextTools.Date(d.Groups["y"].Value, d.Groups["m"].Value, d.Groups["d"].Value) ?? date;
                dateLocation = locations.Of(p);
                continue;
            }
            var text = p.Text;
            if (md.TitleDate.Match(text) is { Success: true, Index: > 0 } trailing)
            {
                date = TextTools.Date(trailing.Groups["y"].Value, trailing.Groups["m"].Value, trailing.Groups["d"].Value) ?? date;
                dateLocation = locations.Of(p, trailing.Index, text.Length);
                text = text[..trailing.Index].TrimEnd();
            }
            if (issuer is null && md.IssuerLine.Match(text) is { Success: true } si)
            {
                issuer = si.Groups["issuer"].Value;
                issuerLocation = locations.Of(p, 0, text.Length);
            }
        }
        var frontDateLines = new HashSet<int>();
        for (var i = 0; i < zone; i++)
        {
            if (titleLines.Contains(i) || issuerLines.Contains(i) || md.DateLine.Match(front[i].Text) is not { Success: true } d) continue;
            frontDateLines.Add(i);
            if (date is null)
            {
                date = TextTools.Date(d.Groups["y"].Value, d.Groups["m"].Value, d.Groups["d"].Value);
                dateLocation = locations.Of(front[i]);
            }
        }
        if (date is null && titleDate is not null)
        {
            date = titleDate;
            dateLocation = titleLocation;
        }

        // Paragraphs under no heading at the start of the body (a label that follows no problem) continue the preamble.
        var preamble = front.Where((_, i) => !titleLines.Contains(i) && !issuerLines.Contains(i) && !frontDateLines.Contains(i))
            .Concat(outline.Root.Body).ToList();
        var inspection = ExtractInspection(preamble.Concat(outline.SectionBodies()), rules, locations, out var inspectorLocation, out var periodLocation, out var feedbackLocation);

        if (date is { } issued && dateLocation is not null)
        {
            var (what, when) = inspection.Start is { } start && issued < start ? ("began", start)
                : inspection.FeedbackDate is { } feedback && issued < feedback ? ("gave its feedback", feedback)
                : default;
            if (what is not null)
                warnings.Add(new Warning
                {
                    Code = WarningCodes.DateInconsistent,
                    Message = $"the notice is dated {issued:yyyy-MM-dd}, before the inspection it reports on {what} ({when:yyyy-MM-dd}); the date may be mistyped",
                    Location = dateLocation,
                });
        }

        var closing = outline.Closing;
        return new NoticeMetadata
        {
            Title = title,
            Issuer = issuer,
            Date = date,
            Preamble = preamble.Count > 0 ? Paragraph.JoinText(preamble) : null,
            Closing = closing.Count > 0 ? Paragraph.JoinText(closing) : null,
            Inspection = inspection,
            Contacts = ExtractContacts([.. closing, .. outline.Signature, .. preamble], rules),
            PreambleParagraphs = preamble,
            Provenance = new Provenance
            {
                Title = titleLocation,
                Issuer = issuerLocation,
                Date = dateLocation,
                Preamble = preamble.Count > 0 ? locations.Of(preamble) : null,
                Closing = closing.Count > 0 ? locations.Of(closing) : null,
                Signature = outline.Signature.Count > 0 ? locations.Of(outline.Signature) : null,
                Inspector = inspectorLocation,
                Period = periodLocation,
                FeedbackDate = feedbackLocation,
            },
        };
    }

    /// <summary>A line of running text rather than a title, issuer or date line.</summary>
    private static bool IsProse(string text) =>
        text.Length > 60 || text.EndsWith('。') || text.EndsWith('：') || text.EndsWith(':') || text.Contains('，', StringComparison.Ordinal);

    private static (string Text, int Offset) StripTag(string text, CompiledMetadata md)
    {
        var m = md.TitleTag.Match(text);
        return m.Success && m.Index == 0 && m.Length < text.Length ? (text[m.Length..], m.Length) : (text, 0);
    }

    private static (string Core, DateOnly? Date) SplitTitleDate(string text, CompiledMetadata md)
    {
        var m = md.TitleDate.Match(text);
        if (!m.Success || m.Index == 0) return (text, null);
        return (text[..m.Index].TrimEnd(), TextTools.Date(m.Groups["y"].Value, m.Groups["m"].Value, m.Groups["d"].Value));
    }

    private static Inspection ExtractInspection(IEnumerable<Paragraph> paragraphs, CompiledRules rules, LocationResolver locations,
        out SourceLocation? inspectorLocation, out SourceLocation? periodLocation, out SourceLocation? feedbackLocation)
    {
        var md = rules.Metadata;
        string? inspector = null, target = null, kind = null;
        DateOnly? start = null, end = null, feedback = null;
        inspectorLocation = periodLocation = feedbackLocation = null;
        foreach (var p in paragraphs)
        {
            var text = p.Text;
            if (inspector is null && md.Inspector.Match(text) is { Success: true } i)
            {
                var g = i.Groups["inspector"];
                inspector = g.Value;
                inspectorLocation = locations.Of(p, g.Index, g.Index + g.Length);
            }
            if (target is null && md.Target.Match(text) is { Success: true } t)
            {
                target = t.Groups["target"].Value;
                if (t.Groups["kind"] is { Success: true } k) kind ??= k.Value;
            }
            if (kind is null && md.Kind.Match(text) is { Success: true } kindMatch)
                kind = kindMatch.Groups["kind"].Value;
            if (start is null && md.Period.Match(text) is { Success: true } period)
            {
                var y1 = ChineseNumerals.ParseAny(period.Groups["y1"].Value);
                var m1 = ChineseNumerals.ParseAny(period.Groups["m1"].Value);
                var d1 = ChineseNumerals.ParseAny(period.Groups["d1"].Value);
                var y2 = period.Groups["y2"].Success ? ChineseNumerals.ParseAny(period.Groups["y2"].Value) : y1;
                var m2 = period.Groups["m2"].Success ? ChineseNumerals.ParseAny(period.Groups["m2"].Value) : m1;
                var d2 = ChineseNumerals.ParseAny(period.Groups["d2"].Value);
                start = TextTools.Date(y1, m1, d1);
                end = TextTools.Date(y2, m2, d2);
                if (start is not null && end is not null && end < start && !period.Groups["y2"].Success)
                    end = TextTools.Date(y2 + 1, m2, d2); // 2022年12月5日至1月20日
                if (start is not null) periodLocation = locations.Of(p, period.Index, period.Index + period.Length);
            }
            if (feedback is null)
                foreach (Match f in md.Feedback.Matches(text))
                {
                    var year = f.Groups["y"].Success ? ChineseNumerals.ParseAny(f.Groups["y"].Value)
                        : LastYearBefore(text, f.Index) ?? start?.Year ?? end?.Year;
                    if (year is not { } y) continue;
                    var m = ChineseNumerals.ParseAny(f.Groups["m"].Value);
                    var d = ChineseNumerals.ParseAny(f.Groups["d"].Value);
                    var date = TextTools.Date(y, m, d);
                    if (date is not null && !f.Groups["y"].Success && start is { } s && date < s) date = TextTools.Date(y + 1, m, d);
                    if (date is null) continue;
                    feedback = date;
                    feedbackLocation = locations.Of(p, f.Index, f.Index + f.Length);
                    break;
                }
        }
        return new Inspection { Inspector = inspector, Target = target, Kind = kind, Start = start, End = end, FeedbackDate = feedback };
    }

    private static readonly Regex YearPattern = new(@"([0-9０-９]{4})年", RegexOptions.Compiled | RegexOptions.CultureInvariant | RegexOptions.RightToLeft);

    private static int? LastYearBefore(string text, int index)
    {
        var m = YearPattern.Match(text, 0, index);
        return m.Success && ChineseNumerals.ParseArabic(m.Groups[1].Value) is var year and >= 0 ? year : null;
    }

    private static Contacts ExtractContacts(IReadOnlyList<Paragraph> paragraphs, CompiledRules rules)
    {
        var md = rules.Metadata;
        var phones = new List<string>();
        var emails = new List<string>();
        var postal = new List<string>();
        foreach (var p in paragraphs)
        {
            foreach (Match m in md.Email.Matches(p.Text)) AddDistinct(emails, m.Value);
            var withoutEmails = md.Email.Replace(p.Text, m => new string(' ', m.Length));
            foreach (Match m in md.Phone.Matches(withoutEmails)) AddDistinct(phones, m.Value);
            foreach (Match m in md.Postal.Matches(p.Text))
                if (m.Groups["value"].Value.Trim() is { Length: > 0 } v && !v.Contains('@')) AddDistinct(postal, v);
        }
        return new Contacts { Phones = phones, Emails = emails, Postal = postal };
    }

    private static void AddDistinct(List<string> list, string value)
    {
        if (!list.Contains(value)) list.Add(value);
    }
}
