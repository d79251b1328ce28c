using Extractor.Parsing.Rules;
using Extractor.Parsing.Text;

namespace Extractor.Parsing.Extraction.Metadata;

/// <summary>The title found, where, a date written after it, and the front lines it took.</summary>
internal sealed record TitleFound(string Title, SourceLocation? Location, DateOnly? Date, HashSet<int> Lines);

/// <summary>
/// Finds a notice's title: the page's title field (<c>标题：…</c>, <c>文件名称：</c> with the name on the next line); else
/// the first line of the header zone that reads like a title — or two or three lines that do together — without a tag
/// (<c>【巡察整改】</c>), a bulletin number or category before it (<c>…第3号公告：</c>, <c>政策新闻 | </c>) or a date after
/// it; else a web page's heading that its info bar follows; else the container's own title (HTML <c>&lt;title&gt;</c>, a
/// PDF's or a Word file's document title) without the site's name after it (<c>…_某某纪检监察网</c>). A title is never the
/// page's furniture — a site's name, a category (<c>通知公告</c>) — a sentence, or a producer's default document name
/// (<c>新建 Microsoft Word 文档</c>). A page that repeats its title (a site's heading and the document's own) has every copy
/// taken as the title.
/// </summary>
internal static class TitleFinder
{
    /// <summary>The longest line taken for a title (longer ones are text).</summary>
    private const int MaxTitleLength = 140;

    private static readonly System.Buffers.SearchValues<char> Punctuation = System.Buffers.SearchValues.Create("，,。；;：:");

    /// <summary>The shortest line that may open a title the next line completes (shorter ones are page furniture: 打印, 繁体版).</summary>
    private const int MinOpeningLength = 10;

    /// <summary>The longest line that may continue a title split over lines.</summary>
    private const int MaxContinuationLength = 60;

    public static TitleFound? Find(IReadOnlyList<FrontLine> lines, int zone, string? containerTitle, CompiledRules rules, LocationResolver locations)
    {
        var md = rules.Metadata;
        var found = FromField(lines, md, locations) ?? RunIn(lines, zone, md, locations, OwnHeader(lines, zone, md, locations, FromLines(lines, 0, zone, md, locations)))
            ?? PageHeading(lines, zone, md, locations) ?? ReportIntro(lines, zone, md, locations);
        if (found is null && !string.IsNullOrWhiteSpace(containerTitle) && containerTitle.Length <= BoundedMatches.MaxLine)
        {
            var named = md.SiteSeparator.Split(containerTitle.Trim())[0].Trim();
            var (core, date) = SplitDate(Strip(named, md).Text, md);
            if (!NeverTitle(core, rules)) found = new TitleFound(core, null, date, []);
        }
        if (found is null) return null;
        for (var i = 0; i < zone; i++)
            if (lines[i].Kind == FrontKind.Text && !found.Lines.Contains(i) && SplitDate(Strip(lines[i].Paragraph.Text, md).Text, md).Core == found.Title)
                found.Lines.Add(i);
        return found;
    }

    private static TitleFound? FromField(IReadOnlyList<FrontLine> lines, CompiledMetadata md, LocationResolver locations)
    {
        for (var i = 0; i < lines.Count; i++)
        {
            if (lines[i] is not { Kind: FrontKind.Field, Role: "title" } field || field.Value.Trim().Length == 0) continue;
            var (p, start) = (field.Paragraph, field.ValueStart);
            var (text, offset) = Strip(p.Text[start..], md);
            var (core, date) = SplitDate(text, md);
            if (core.Length is < 4 or > MaxTitleLength) continue;
            return new TitleFound(core, locations.Of(p, start + offset, start + offset + core.Length), date, []);
        }
        return null;
    }

    private static TitleFound? FromLines(IReadOnlyList<FrontLine> lines, int from, int zone, CompiledMetadata md, LocationResolver locations)
    {
        for (var i = from; i < zone; i++)
        {
            if (lines[i].Kind != FrontKind.Text) continue;
            var first = lines[i].Paragraph;
            var (text, offset) = Strip(first.Text, md);
            if (text.Length == 0 || text.Length > MaxTitleLength) continue;
            var (core, date) = SplitDate(text, md);
            if (BoundedMatches.IsLine(md.NotTitle, core)) continue;
            if (BoundedMatches.IsLine(md.Title, HanVariants.Simplify(core)))
                return new TitleFound(core, locations.Of(first, offset, offset + core.Length), date, [i]);
            if (!BoundedMatches.IsLine(md.TitleStart, HanVariants.Simplify(core)))
            {
                if (JoinsNext(lines, i, zone, core, md, locations) is { } joinedNext) return joinedNext;
                continue;
            }
            // A title split over lines: the next one or two text lines complete it.
            var joined = core;
            var taken = new HashSet<int> { i };
            for (var k = i + 1; k < zone && taken.Count < 3; k++)
            {
                if (lines[k].Kind != FrontKind.Text) continue;
                var next = lines[k].Paragraph;
                if (next.Text.Length > MaxContinuationLength) break;
                var (nextCore, nextDate) = SplitDate(next.Text, md);
                joined += nextCore;
                taken.Add(k);
                if (BoundedMatches.IsLine(md.Title, HanVariants.Simplify(joined)))
                    return new TitleFound(joined, locations.Resolve(first.SourceOffset(offset), next.SourceEnd(nextCore.Length)), nextDate ?? date, taken);
            }
        }
        return null;
    }

    /// <summary>
    /// The document's own header under the page's headline: its issuer on a line of its own, then its title
    /// (<c>晋中市煤炭工业局</c> / <c>关于贯彻落实…的公示</c> below the headline <c>晋中市煤炭工业局 关于…的公示</c>). When the two
    /// differ, the title is the document's, the headline the page's copy of it; the headline's lines are taken as the title's.
    /// </summary>
    private static TitleFound? OwnHeader(IReadOnlyList<FrontLine> lines, int zone, CompiledMetadata md, LocationResolver locations, TitleFound? headline)
    {
        if (headline is null || headline.Lines.Count == 0) return headline;
        for (var i = headline.Lines.Max() + 1; i < zone; i++)
        {
            if (lines[i].Kind != FrontKind.Text || !BoundedMatches.IsLine(md.IssuerLine, lines[i].Paragraph.MatchText)) continue;
            var k = i + 1;
            while (k < zone && lines[k].Kind != FrontKind.Text) k++;
            // The same words twice are one title, found where the page first gives it.
            if (FromLines(lines, k, zone, md, locations) is not { } own || own.Lines.Min() != k || own.Title == headline.Title) return headline;
            own.Lines.UnionWith(headline.Lines);
            return own;
        }
        return headline;
    }

    /// <summary>
    /// A document's text run into one paragraph that opens with its title and goes straight on into its first heading
    /// (<c>中央生态环境保护督察“回头看”反馈意见湖北省整改进展清单一、关于…</c>, as a document-sharing site gives it): those words
    /// are the document's own title, before a headline (the site's name for the file) that differs; the headline's
    /// lines are taken as the title's. The paragraph itself stays the notice's text.
    /// </summary>
    private static TitleFound? RunIn(IReadOnlyList<FrontLine> lines, int zone, CompiledMetadata md, LocationResolver locations, TitleFound? headline)
    {
        if (zone >= lines.Count || lines[zone].Kind != FrontKind.Text || md.RunInTitle.Match(lines[zone].Paragraph.MatchText) is not { Success: true } runIn)
            return zone >= lines.Count - 1 ? CutFromHeading(lines, md, locations, headline) : headline;
        var p = lines[zone].Paragraph;
        var name = runIn.Groups["title"];
        var title = p.Text.Substring(name.Index, name.Length).TrimEnd();
        if (!BoundedMatches.IsLine(md.Title, HanVariants.Simplify(title)) || title == headline?.Title) return headline;
        return new TitleFound(title, locations.Of(p, name.Index, name.Index + title.Length), null, headline?.Lines ?? []);
    }

    /// <summary>
    /// The same run-in title once the outline has cut it from the heading it ran into: the front matter then ends with
    /// it (the header zone reaches the body), a paragraph that reads as a whole title, and the body's first heading
    /// follows.
    /// </summary>
    private static TitleFound? CutFromHeading(IReadOnlyList<FrontLine> lines, CompiledMetadata md, LocationResolver locations, TitleFound? headline)
    {
        if (lines.Count < 2 || lines[^1].Kind != FrontKind.Text || headline is null || headline.Lines.Contains(lines.Count - 1)) return headline;
        var p = lines[^1].Paragraph;
        var title = p.Text.TrimEnd();
        if (title.Length > 80 || title == headline.Title || !BoundedMatches.IsLine(md.Title, p.MatchText.TrimEnd())) return headline;
        return new TitleFound(title, locations.Of(p, 0, title.Length), null, headline.Lines);
    }

    /// <summary>
    /// A report whose text opens with the sentence that says who delivered it, and its name in book-title marks
    /// (<c>省审计厅厅长刘文华在…会议上作了《关于…的报告》。报告的主要内容如下：</c>): the name is the title.
    /// </summary>
    private static TitleFound? ReportIntro(IReadOnlyList<FrontLine> lines, int zone, CompiledMetadata md, LocationResolver locations)
    {
        if (zone >= lines.Count || lines[zone].Kind != FrontKind.Text) return null;
        var p = lines[zone].Paragraph;
        if (md.ReportIntro.Match(p.MatchText) is not { Success: true } intro) return null;
        var name = intro.Groups["title"];
        var title = p.Text.Substring(name.Index, name.Length);
        return BoundedMatches.IsLine(md.Title, HanVariants.Simplify(title)) ? new TitleFound(title, locations.Of(p, name.Index, name.Index + name.Length), null, []) : null;
    }

    /// <summary>
    /// A web page's heading: with no line that reads like a title, the first short line of the header zone that the
    /// page's info bar or publication date follows (<c>督察城市生活垃圾填埋场</c> then <c>2019-12-01 08:03:02</c>,
    /// <c>来源：…</c>), when it is no issuer, date or sentence.
    /// </summary>
    private static TitleFound? PageHeading(IReadOnlyList<FrontLine> lines, int zone, CompiledMetadata md, LocationResolver locations)
    {
        for (var i = 0; i + 1 < lines.Count && i < zone; i++)
        {
            if (lines[i].Kind != FrontKind.Text) continue;
            var p = lines[i].Paragraph;
            var (text, offset) = Strip(p.Text, md);
            var next = lines[i + 1];
            if (text.Length is < 4 or > MaxContinuationLength || text.AsSpan().IndexOfAny(Punctuation) >= 0
                || md.IssuerLine.IsMatch(p.MatchText) || md.DateLine.IsMatch(p.Text) || md.SpeakerLine.IsMatch(p.MatchText)) continue;
            if (next.Kind == FrontKind.Chrome || next is { Kind: FrontKind.Field, Role: "date" } || md.DateLine.IsMatch(next.Paragraph.Text))
                return new TitleFound(text, locations.Of(p, offset, offset + text.Length), null, [i]);
        }
        return null;
    }

    /// <summary>
    /// A line that opens a title the next text line completes (<c>清水县省级生态环境保护督察反馈问题</c> then
    /// <c>第二十七项整改任务完成情况公示</c>): the next line is a title on its own, and this one speaks of the subject
    /// (<see cref="Rules.MetadataRules.TitleOpening"/>) and is no issuer, date or sentence.
    /// </summary>
    private static TitleFound? JoinsNext(IReadOnlyList<FrontLine> lines, int i, int zone, string core, CompiledMetadata md, LocationResolver locations)
    {
        var k = i + 1;
        while (k < zone && lines[k].Kind != FrontKind.Text) k++;
        if (k >= zone || core.Length is < MinOpeningLength or > MaxContinuationLength || !BoundedMatches.IsLine(md.TitleOpening, HanVariants.Simplify(core))
            || BoundedMatches.IsLine(md.IssuerLine, core) || BoundedMatches.IsLine(md.DateLine, core) || BoundedMatches.IsLine(md.SpeakerLine, core) || core.AsSpan().IndexOfAny(Punctuation) >= 0) return null;
        var next = lines[k].Paragraph;
        var (nextText, nextOffset) = Strip(next.Text, md);
        var (nextCore, nextDate) = SplitDate(nextText, md);
        var simplifiedNext = HanVariants.Simplify(nextCore);
        if (next.Text.Length > MaxTitleLength || !BoundedMatches.IsLine(md.Title, simplifiedNext) || BoundedMatches.IsLine(md.TitleStart, simplifiedNext)) return null;
        var offset = Strip(lines[i].Paragraph.Text, md).Offset;
        return new TitleFound(core + nextCore, locations.Resolve(lines[i].Paragraph.SourceOffset(offset), next.SourceEnd(nextOffset + nextCore.Length)), nextDate, [i, k]);
    }

    /// <summary>
    /// Text that is no title whatever it says: page furniture (a site's name, a category: the rules' chrome), a producer's
    /// default document name, a sentence, or too short to name a notice.
    /// </summary>
    internal static bool NeverTitle(string text, CompiledRules rules) =>
        text.Length < 4 || BoundedMatches.IsLine(rules.ChromeLine, text) || BoundedMatches.IsLine(rules.Metadata.NotTitle, text)
        || text.AsSpan().IndexOfAny(SentenceMarks) >= 0 || text.EndsWith('：') || text.EndsWith(':');

    private static readonly System.Buffers.SearchValues<char> SentenceMarks = System.Buffers.SearchValues.Create("，。；;");

    /// <summary>The text without a tag or a prefix before the title, and where the rest starts.</summary>
    internal static (string Text, int Offset) Strip(string text, CompiledMetadata md)
    {
        var offset = 0;
        foreach (var pattern in (ReadOnlySpan<System.Text.RegularExpressions.Regex>)[md.TitlePrefix, md.TitleTag])
        {
            var m = pattern.Match(text, offset);
            if (m.Success && m.Index == offset && m.Length < text.Length - offset) offset += m.Length;
        }
        return (text[offset..], offset);
    }

    /// <summary>The title without a date written after it, and that date.</summary>
    internal static (string Core, DateOnly? Date) SplitDate(string text, CompiledMetadata md)
    {
        var m = BoundedMatches.Line(md.TitleDate, text);
        if (!m.Success || m.Index == 0) return (text, null);
        return (text[..m.Index].TrimEnd(), Text.TextTools.Date(m.Groups["y"].Value, m.Groups["m"].Value, m.Groups["d"].Value));
    }
}
