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
internal static partial class FrontMatter
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
        return lines;
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

    /// <summary>The date a field's value opens with (<c>2023-05-04 08:46</c>, <c>2025年09月29日</c>), or null.</summary>
    public static (DateOnly Date, int Start, int End)? FieldDate(FrontLine line)
    {
        var m = FieldDatePattern().Match(line.Paragraph.Text, line.ValueStart);
        if (!m.Success || m.Index != line.ValueStart) return null;
        return TextTools.Date(m.Groups["y"].Value, m.Groups["m"].Value, m.Groups["d"].Value) is { } date ? (date, m.Index, m.Index + m.Length) : null;
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"(?<y>\d{4})\s*[-年./]\s*(?<m>\d{1,2})\s*[-月./]\s*(?<d>\d{1,2})日?", System.Text.RegularExpressions.RegexOptions.CultureInvariant)]
    private static partial System.Text.RegularExpressions.Regex FieldDatePattern();
}
