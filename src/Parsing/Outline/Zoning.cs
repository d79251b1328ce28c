using Extractor.Parsing.Rules;

namespace Extractor.Parsing.Outline;

/// <summary>Where the body of a notice starts and ends: front matter before it, closing text and signature after it.</summary>
/// <param name="BodyStart">The first unit of the body (the unit count when the text has no notice structure).</param>
/// <param name="Closing">The first unit of the closing text (the signature's first unit when there is none).</param>
/// <param name="Signature">The first unit of the signature (<paramref name="Chrome"/> when there is none).</param>
/// <param name="Chrome">The first unit of the page's furniture after the notice (the unit count when there is none).</param>
internal readonly record struct Zones(int BodyStart, int Closing, int Signature, int Chrome)
{
    /// <summary>
    /// The zones of <paramref name="units"/>. The body starts at the first heading numbered 1 or 2 (or any heading that names a problem, 问题5：, or one a
    /// rectification label follows), at the first problem or rectification label, or at a table-form table. Signature
    /// lines (issuer, date) sit at the very end, attachment lines aside; before them, closing paragraphs are recognised by their cues — except
    /// right after a heading, where weak cues (<c>下一步…</c>) are that section's own text (<c>三、下一步工作打算</c>).
    /// A page printed from a web site goes on after the notice with the site's furniture (<c>分享到</c>, <c>【打印本页】</c>,
    /// <c>相关文章</c> and its links, <c>主办单位</c>): the notice ends at the first line of chrome after its last heading,
    /// label or table, and nothing after it is the notice's.
    /// </summary>
    public static Zones Find(IReadOnlyList<Unit> units, CompiledRules rules)
    {
        var bodyStart = FindBodyStart(units);
        var lowest = bodyStart < units.Count ? bodyStart + 1 : 1;
        var chrome = FindChrome(units, bodyStart, rules);
        var signature = chrome;
        // Attachment lines (附件：…) and page furniture (转载请注明…) may follow the signature: they stay with it.
        var end = chrome;
        while (end > lowest && units[end - 1].Kind == UnitKind.Plain
               && (BoundedMatches.IsLine(rules.Metadata.AttachmentLine, units[end - 1].Paragraph.MatchText) || IsChrome(units[end - 1].Paragraph.MatchText, rules))) end--;
        for (var k = end - 1; k >= lowest; k--)
        {
            if (units[k].Kind != UnitKind.Plain || !IsSignatureLine(units[k].Paragraph.MatchText, rules)) break;
            signature = k;
        }
        // An issuer's name too long for one line: the line above the issuer line is its first half.
        if (signature < end && signature - 1 >= lowest && units[signature - 1] is { Kind: UnitKind.Plain } above
            && IsFirstHalfOfIssuer(above.Paragraph.MatchText, units[signature].Paragraph.MatchText, rules))
            signature--;
        var closing = signature;
        for (var k = signature - 1; k >= lowest; k--)
        {
            if (units[k].Kind != UnitKind.Plain || !IsClosing(units[k].Paragraph.MatchText, rules, strongOnly: false)) break;
            closing = k;
        }
        if (closing < signature && closing > 0 && units[closing - 1].Kind == UnitKind.Heading)
            while (closing < signature && !IsClosing(units[closing].Paragraph.MatchText, rules, strongOnly: true)) closing++;
        return new Zones(bodyStart, closing, signature, chrome);
    }

    /// <summary>The first line of site chrome after the body's last heading, label or table (the unit count when there is none).</summary>
    private static int FindChrome(IReadOnlyList<Unit> units, int bodyStart, CompiledRules rules)
    {
        if (bodyStart >= units.Count) return units.Count;
        var last = units.Count - 1;
        while (last > bodyStart && units[last].Kind == UnitKind.Plain) last--;
        for (var k = last + 1; k < units.Count; k++)
            if (IsChrome(units[k].Paragraph.Text, rules)) return k;
        return units.Count;
    }

    private static int FindBodyStart(IReadOnlyList<Unit> units)
    {
        for (var i = 0; i < units.Count; i++)
        {
            var u = units[i];
            if (u.Kind == UnitKind.Heading
                && (u.Marker!.Number <= 2 || u.Marker.Style.NamesProblem || (i + 1 < units.Count && units[i + 1] is { Kind: UnitKind.Label, Label.Kind: LabelKind.Rectification })))
                return i;
            if (u.Kind == UnitKind.Label && u.Label!.Value.Kind is LabelKind.Rectification or LabelKind.Problem) return i;
            if (u is { Kind: UnitKind.Table, Layout: not null }) return i;
        }
        return units.Count;
    }

    private static bool IsChrome(string text, CompiledRules rules) => text.Length <= 120 && rules.ChromeLine.IsMatch(text);

    /// <summary>A short line that is the issuer's name, a date, or both.</summary>
    internal static bool IsSignatureLine(string text, CompiledRules rules)
    {
        if (text.Length > 40) return false;
        var md = rules.Metadata;
        if (BoundedMatches.IsLine(md.DateLine, text) || BoundedMatches.IsLine(md.IssuerLine, text)) return true;
        var date = BoundedMatches.Line(md.TitleDate, text);
        return date.Success && date.Index > 0 && BoundedMatches.IsLine(md.IssuerLine, text[..date.Index].TrimEnd());
    }

    private static readonly System.Buffers.SearchValues<char> Punctuation = System.Buffers.SearchValues.Create("。，,；;：:、！？!?“”\"");

    /// <summary>
    /// <paramref name="line"/> is the first half of an issuer's name that <paramref name="next"/> completes
    /// (<c>和布克赛尔县中央环境保护督察反馈意见</c> / <c>整改工作领导小组办公室</c>): short, without punctuation, and the
    /// two together are an issuer.
    /// </summary>
    internal static bool IsFirstHalfOfIssuer(string line, string next, CompiledRules rules) =>
        line.Length is > 0 and <= 30 && line.AsSpan().IndexOfAny(Punctuation) < 0 && !rules.Metadata.DateLine.IsMatch(line)
        && !rules.Metadata.IssuerLine.IsMatch(line) && BoundedMatches.IsLine(rules.Metadata.IssuerLine, next) && BoundedMatches.IsLine(rules.Metadata.IssuerLine, line + next);

    /// <summary>A paragraph of closing text, by its cues (only the strong ones, those it contains, when <paramref name="strongOnly"/>).</summary>
    internal static bool IsClosing(string text, CompiledRules rules, bool strongOnly)
    {
        foreach (var cue in rules.ClosingContains)
            if (text.Contains(cue, StringComparison.Ordinal)) return true;
        if (strongOnly) return false;
        foreach (var cue in rules.ClosingStarts)
            if (text.StartsWith(cue, StringComparison.Ordinal)) return true;
        return false;
    }
}
