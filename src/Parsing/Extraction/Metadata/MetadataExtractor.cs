using System.Text.RegularExpressions;
using Extractor.Parsing.Normalization;
using Extractor.Parsing.Outline;
using Extractor.Parsing.Rules;
using Extractor.Parsing.Text;

namespace Extractor.Parsing.Extraction.Metadata;

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
        var lines = FrontMatter.Classify(outline.Front, rules);
        var zone = FrontMatter.Zone(lines);

        var found = TitleFinder.Find(lines, zone, containerTitle, rules, locations);
        var title = found?.Title;
        var titleLocation = found?.Location;
        var titleLines = found?.Lines ?? [];

        // Issuer: a line of its own in the header zone (a masthead's with its date after it, a labelled one: 公示单位：…),
        // else the body whose bulletin the notice is, else the signature, else the title's own opening, else the
        // report's speaker.
        string? issuer = null;
        SourceLocation? issuerLocation = null;
        var issuerLines = new HashSet<int>();
        var siteLines = new HashSet<int>();
        (DateOnly Date, SourceLocation Location)? headerDate = null;
        for (var i = 0; i < zone; i++)
        {
            if (lines[i].Kind != FrontKind.Text || titleLines.Contains(i)) continue;
            if (IsSiteName(lines, i, titleLines))
            {
                siteLines.Add(i);
                continue;
            }
            if (HeaderIssuer(lines[i].Paragraph, md) is not { } named) continue;
            var p = lines[i].Paragraph;
            var name = p.Text.Substring(named.Start, named.Length);
            if (named.Date is { } dated) headerDate ??= (dated, locations.Of(p, named.DateStart, p.Text.Length));
            // Joint issuers are named line by line; a line naming an office of a body already named (牟定县审计局 /
            // 牟定县审计局办公室, a masthead) is not another issuer.
            if (issuer is not null && issuer.Split('、').Any(n => name.StartsWith(n, StringComparison.Ordinal) || n.StartsWith(name, StringComparison.Ordinal))) continue;
            issuer = issuer is null ? name : issuer + "、" + name;
            issuerLines.Add(i);
            issuerLocation ??= locations.Of(p, named.Start, named.Start + named.Length);
        }
        // A bulletin's number names the body whose bulletin it is (安徽省审计厅2024年第3号公告：关于…).
        for (var i = 0; i < zone && issuer is null; i++)
        {
            if (lines[i].Kind != FrontKind.Text || md.BulletinIssuer.Match(lines[i].Paragraph.MatchText) is not { Success: true } bulletin) continue;
            issuer = Written(lines[i].Paragraph, bulletin.Groups["issuer"]);
            issuerLocation = locations.Of(lines[i].Paragraph, bulletin.Groups["issuer"].Index, bulletin.Groups["issuer"].Index + bulletin.Groups["issuer"].Length);
        }

        // Date: the signature's, else a date line of the header zone, else one after the title, else the page's date field.
        DateOnly? date = null;
        SourceLocation? dateLocation = null;
        Paragraph? firstHalf = null;
        foreach (var p in outline.Signature)
        {
            var half = firstHalf;
            firstHalf = null;
            if (half is not null && issuer is null && BoundedMatches.IsLine(md.IssuerLine, p.MatchText) && Zones.IsFirstHalfOfIssuer(half.MatchText, p.MatchText, rules))
            {
                issuer = half.Text + p.Text;
                issuerLocation = locations.Resolve(half.SourceStart, p.SourceStop);
                continue;
            }
            if (BoundedMatches.Line(md.DateLine, p.Text) is { Success: true } d)
            {
                date = TextTools.Date(d.Groups["y"].Value, d.Groups["m"].Value, d.Groups["d"].Value) ?? date;
                dateLocation = locations.Of(p);
                continue;
            }
            var text = p.Text;
            if (BoundedMatches.Line(md.TitleDate, text) is { Success: true, Index: > 0 } trailing)
            {
                date = TextTools.Date(trailing.Groups["y"].Value, trailing.Groups["m"].Value, trailing.Groups["d"].Value) ?? date;
                dateLocation = locations.Of(p, trailing.Index, text.Length);
                text = text[..trailing.Index].TrimEnd();
            }
            if (issuer is null && BoundedMatches.Line(md.IssuerLine, HanVariants.Simplify(text)) is { Success: true } si)
            {
                issuer = text.Substring(si.Groups["issuer"].Index, si.Groups["issuer"].Length);
                issuerLocation = locations.Of(p, 0, text.Length);
            }
            else if (text == p.Text)
            {
                firstHalf = p;
            }
        }
        // A letter whose ledger follows as its attachment is signed in its front matter, after its prose and before the
        // table: an issuer line with a date line under it.
        for (var i = zone + 1; i + 1 < lines.Count && (issuer is null || date is null); i++)
        {
            if (lines[i].Kind != FrontKind.Text || lines[i + 1].Kind != FrontKind.Text || titleLines.Contains(i)
                || md.IssuerLine.Match(lines[i].Paragraph.MatchText) is not { Success: true } named
                || md.DateLine.Match(lines[i + 1].Paragraph.Text) is not { Success: true } d
                || TextTools.Date(d.Groups["y"].Value, d.Groups["m"].Value, d.Groups["d"].Value) is not { } signed) continue;
            if (issuer is null) (issuer, issuerLocation) = (Written(lines[i].Paragraph, named.Groups["issuer"]), locations.Of(lines[i].Paragraph));
            if (date is null) (date, dateLocation) = (signed, locations.Of(lines[i + 1].Paragraph));
            issuerLines.Add(i);
            issuerLines.Add(i + 1);
            break;
        }
        if (issuer is null && title is not null && BoundedMatches.Line(md.IssuerInTitle, HanVariants.Simplify(title)) is { Success: true } inTitle)
        {
            issuer = title.Substring(inTitle.Groups["issuer"].Index, inTitle.Groups["issuer"].Length);
            issuerLocation = titleLocation;
        }
        // A report's speaker (市审计局局长 李火生, 省审计厅厅长刘文华在…会议上作了《…》) speaks for the body they head, on its
        // behalf or on behalf of whoever the title or the signature names.
        for (var i = 0; i < zone && issuer is null; i++)
        {
            if (lines[i].Kind != FrontKind.Text || titleLines.Contains(i) || BoundedMatches.Line(md.SpeakerLine, lines[i].Paragraph.MatchText) is not { Success: true } speaker) continue;
            issuer = Written(lines[i].Paragraph, speaker.Groups["issuer"]);
            issuerLines.Add(i);
            issuerLocation = locations.Of(lines[i].Paragraph, speaker.Groups["issuer"].Index, speaker.Groups["issuer"].Index + speaker.Groups["issuer"].Length);
        }
        if (issuer is null && zone < lines.Count && lines[zone].Kind == FrontKind.Text && md.ReportIntro.Match(lines[zone].Paragraph.MatchText) is { Success: true } intro)
        {
            issuer = Written(lines[zone].Paragraph, intro.Groups["issuer"]);
            issuerLocation = locations.Of(lines[zone].Paragraph, intro.Groups["issuer"].Index, intro.Groups["issuer"].Index + intro.Groups["issuer"].Length);
        }
        var frontDateLines = new HashSet<int>();
        for (var i = 0; i < zone; i++)
        {
            if (lines[i].Kind != FrontKind.Text || titleLines.Contains(i) || issuerLines.Contains(i)
                || BoundedMatches.Line(md.DateLine, lines[i].Paragraph.Text) is not { Success: true } d) continue;
            frontDateLines.Add(i);
            if (date is null)
            {
                date = TextTools.Date(d.Groups["y"].Value, d.Groups["m"].Value, d.Groups["d"].Value);
                dateLocation = locations.Of(lines[i].Paragraph);
            }
        }
        if (date is null && headerDate is { } masthead) (date, dateLocation) = masthead;
        // A report delivered to a congress is dated by the line under its title (——2022年7月27日在…会议上).
        for (var i = 0; i < lines.Count && date is null && i <= zone; i++)
        {
            if (lines[i].Kind != FrontKind.Text || md.ReportDate.Match(lines[i].Paragraph.MatchText) is not { Success: true } report) continue;
            date = TextTools.Date(report.Groups["y"].Value, report.Groups["m"].Value, report.Groups["d"].Value);
            if (date is not null) dateLocation = locations.Of(lines[i].Paragraph, report.Index, report.Index + report.Length);
        }
        if (date is null && found?.Date is { } titleDate)
        {
            date = titleDate;
            dateLocation = titleLocation;
        }
        if (date is null && FrontMatter.PageDate(lines, rules) is { } published)
        {
            date = published.Date;
            dateLocation = locations.Of(published.Paragraph, published.Start, published.End);
        }

        // Paragraphs under no heading at the start of the body (a label that follows no problem) continue the preamble;
        // the page's furniture never does.
        var preamble = lines.Where((l, i) => l.Kind == FrontKind.Text && !titleLines.Contains(i) && !issuerLines.Contains(i) && !frontDateLines.Contains(i) && !siteLines.Contains(i))
            .Select(l => l.Paragraph).Concat(outline.Root.Body).ToList();
        var inspection = InspectionExtractor.Extract(preamble.Concat(outline.SectionBodies()), rules, locations, out var inspectorLocation, out var periodLocation, out var feedbackLocation);

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
            Contacts = ContactsExtractor.Extract([.. closing, .. outline.Signature, .. preamble], rules),
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

    /// <summary>
    /// The page's first line naming a body right above the page's headline that its info bar follows (<c>深圳市罗湖区人民政府</c>
    /// / <c>罗湖区…整改情况的报告</c> / <c>来源：… 发布时间：…</c>): the site's name, not the notice's issuer.
    /// </summary>
    private static bool IsSiteName(List<FrontLine> lines, int i, HashSet<int> titleLines)
    {
        if (lines.Take(i).Any(l => l.Kind == FrontKind.Text) || !titleLines.Contains(i + 1)) return false;
        var k = i + 1;
        while (titleLines.Contains(k)) k++;
        return k < lines.Count && lines[k].Kind is FrontKind.Chrome or FrontKind.Field;
    }

    /// <summary>An issuer named in a line of the header zone, and a date after it.</summary>
    private readonly record struct NamedIssuer(int Start, int Length, DateOnly? Date, int DateStart);

    /// <summary>
    /// The issuer a line of the header zone names: the whole line (<c>中共某某县委员会</c>), a masthead's issuer with the
    /// date after it (<c>…指挥部办公室     2021年1月13日</c>), or a labelled one (<c>公示单位：盘龙区人民政府 2025年10月14日</c>).
    /// </summary>
    private static NamedIssuer? HeaderIssuer(Paragraph p, CompiledMetadata md)
    {
        var text = p.MatchText;
        if (BoundedMatches.Line(md.IssuerLine, text) is { Success: true } whole) return new NamedIssuer(whole.Groups["issuer"].Index, whole.Groups["issuer"].Length, null, 0);
        var trailing = BoundedMatches.Line(md.TitleDate, text);
        var dated = trailing is { Success: true, Index: > 0 } ? TextTools.Date(trailing.Groups["y"].Value, trailing.Groups["m"].Value, trailing.Groups["d"].Value) : null;
        if (dated is not null && BoundedMatches.Line(md.IssuerLine, text[..trailing.Index].TrimEnd()) is { Success: true } masthead)
            return new NamedIssuer(masthead.Groups["issuer"].Index, masthead.Groups["issuer"].Length, dated, trailing.Index);
        // The label's value is the issuer alone, or the issuer and the date (the space between them may be gone).
        if (md.IssuerField.Match(text) is not { Success: true } field) return null;
        var (start, valueEnd) = (field.Groups["issuer"].Index, field.Groups["issuer"].Index + field.Groups["issuer"].Length);
        var end = dated is not null && trailing.Index > start ? trailing.Index : text.Length;
        if (text.AsSpan(Math.Min(valueEnd, end), end - Math.Min(valueEnd, end)).Trim().Length > 0) return null;
        var name = text[start..Math.Min(valueEnd, end)].TrimEnd();
        return name.Length < 2 ? null : new NamedIssuer(start, name.Length, dated is not null && trailing.Index > start ? dated : null, trailing.Index);
    }

    /// <summary>What a group matched in a paragraph's match text, as written in the paragraph.</summary>
    private static string Written(Paragraph p, Group group) => p.Text.Substring(group.Index, group.Length);
}
