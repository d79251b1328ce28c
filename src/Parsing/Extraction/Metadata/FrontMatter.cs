using Extractor.Parsing.Normalization;
using Extractor.Parsing.Rules;
using Extractor.Parsing.Text;

namespace Extractor.Parsing.Extraction.Metadata;

/// <summary>What a line before the body is.</summary>
internal enum FrontKind
{
    /// <summary>The notice's own text: a title, an issuer, a date, the preamble.</summary>
    Text,

    /// <summary>The page's furniture: breadcrumbs, info bars, tool links (<see cref="ChromeRules.Line"/>).</summary>
    Chrome,

    /// <summary>A field of the page's metadata block (<c>索引号：</c>, <c>标题：…</c>, <c>成文日期：…</c>).</summary>
    Field,
}

/// <summary>A line before the body: what it is and, for a metadata field, its role and where its value starts.</summary>
/// <param name="Paragraph">The line.</param>
/// <param name="Kind">What it is.</param>
/// <param name="Role">For a field: <c>title</c>, <c>date</c> or <c>page</c>.</param>
/// <param name="ValueStart">For a field: where its value starts in the line.</param>
internal sealed record FrontLine(Paragraph Paragraph, FrontKind Kind, string? Role = null, int ValueStart = 0)
{
    /// <summary>The field's value on its own line; empty when the value is on the next line.</summary>
    public string Value => Paragraph.Text[ValueStart..];
}

/// <summary>
/// Sorts the lines before the body into the notice's text and the page's furniture, and finds the header zone: the
/// lines before the first line of prose, where title, issuer and date lines are looked for. Furniture counts for
/// nothing there and never joins the preamble.
/// </summary>
internal static class FrontMatter
{
    /// <summary>Furniture is short: a longer line is text whatever it starts with.</summary>
    private const int MaxChromeLength = 120;

    public static List<FrontLine> Classify(IReadOnlyList<Paragraph> front, CompiledRules rules)
    {
        var md = rules.Metadata;
        var lines = new List<FrontLine>(front.Count);
        for (var i = 0; i < front.Count; i++)
        {
            var p = front[i];
            var text = p.Text;
            if (BoundedMatches.Line(md.FieldLine, text) is { Success: true } field
                && md.FieldRoles.TryGetValue(string.Concat(field.Groups["label"].Value.Where(c => !char.IsWhiteSpace(c))), out var role))
            {
                lines.Add(new FrontLine(p, FrontKind.Field, role, field.Groups["value"].Index));
                // A label alone (文件名称：) has its value on the next line: that line is the field's too.
                if (field.Groups["value"].Length == 0 && i + 1 < front.Count && !BoundedMatches.IsLine(md.FieldLine, front[i + 1].Text))
                    lines.Add(new FrontLine(front[++i], FrontKind.Field, role, 0));
            }
            else if (text.Length <= MaxChromeLength && rules.ChromeLine.IsMatch(text))
                lines.Add(new FrontLine(p, FrontKind.Chrome));
            else
                lines.Add(new FrontLine(p, FrontKind.Text));
        }
        BreadcrumbParts(lines, rules);
        return lines;
    }

    /// <summary>
    /// A line that is only a part of the page's breadcrumb (<c>环境保护督察“回头看”</c> above <c>当前位置: 首页 - 专题专栏 -
    /// 环境保护督察“回头看” - 正文</c>) is the site's category heading: furniture. The last part is the page itself.
    /// </summary>
    private static void BreadcrumbParts(List<FrontLine> lines, CompiledRules rules)
    {
        var parts = new HashSet<string>(StringComparer.Ordinal);
        foreach (var line in lines)
            if (line.Kind == FrontKind.Chrome && BoundedMatches.IsLine(rules.Breadcrumb, line.Paragraph.MatchText))
            {
                // The last part is the page itself, often the notice's title.
                var split = rules.BreadcrumbSeparator.Split(line.Paragraph.MatchText).Select(t => t.Trim()).Where(t => t.Length > 0).ToList();
                foreach (var part in split.Take(split.Count - 1))
                    if (part.Length >= 2) parts.Add(part);
            }
        if (parts.Count == 0) return;
        for (var i = 0; i < lines.Count; i++)
            if (lines[i].Kind == FrontKind.Text && parts.Contains(lines[i].Paragraph.MatchText.Trim()))
                lines[i] = lines[i] with { Kind = FrontKind.Chrome };
    }

    /// <summary>The index of the first line of prose (the header zone ends there), furniture aside.</summary>
    public static int Zone(IReadOnlyList<FrontLine> lines)
    {
        var zone = 0;
        while (zone < lines.Count && (lines[zone].Kind != FrontKind.Text || !IsProse(lines[zone].Paragraph.Text))) zone++;
        return zone;
    }

    /// <summary>A line of running text rather than a title, issuer or date line.</summary>
    private static bool IsProse(string text) =>
        text.EndsWith('。') || text.EndsWith('：') || text.EndsWith(':') || text.Contains('，', StringComparison.Ordinal)
        || (text.Length > 60 && text.AsSpan().IndexOfAny(SentencePunctuation) >= 0) || text.Length > 200;

    private static readonly System.Buffers.SearchValues<char> SentencePunctuation = System.Buffers.SearchValues.Create("。；;,");

    /// <summary>
    /// The date the page's furniture gives (<c>成文日期：2021-11-15</c>, <c>来源：… 发布时间：2025-05-12</c>, a date field
    /// with its value on the next line): the most telling label's (成文 before 发布), the first of that label.
    /// </summary>
    public static (DateOnly Date, Paragraph Paragraph, int Start, int End)? PageDate(IReadOnlyList<FrontLine> lines, CompiledRules rules)
    {
        var md = rules.Metadata;
        (DateOnly Date, Paragraph Paragraph, int Start, int End)? best = null;
        var bestRank = int.MaxValue;
        for (var i = 0; i < lines.Count; i++)
        {
            if (lines[i].Kind == FrontKind.Text) continue;
            var p = lines[i].Paragraph;
            // A date field alone on its line has its value on the next.
            var text = lines[i] is { Role: "date", ValueStart: var start } && start == p.Text.Length && i + 1 < lines.Count
                ? p.MatchText + lines[i + 1].Paragraph.MatchText : p.MatchText;
            foreach (System.Text.RegularExpressions.Match m in md.FieldDateAnywhere.Matches(text))
            {
                var rank = IndexOf(md.DateFieldOrder, string.Concat(m.Groups["label"].Value.Where(c => !char.IsWhiteSpace(c))));
                if (rank >= bestRank || TextTools.Date(m.Groups["y"].Value, m.Groups["m"].Value, m.Groups["d"].Value) is not { } date) continue;
                var end = Math.Min(m.Index + m.Length, p.Text.Length);
                best = (date, p, Math.Min(m.Index, end), end);
                bestRank = rank;
            }
        }
        return best;
    }

    private static int IndexOf(IReadOnlyList<string> list, string value)
    {
        for (var i = 0; i < list.Count; i++)
            if (list[i] == value) return i;
        return list.Count;
    }
}
