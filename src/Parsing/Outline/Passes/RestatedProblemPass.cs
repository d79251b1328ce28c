using Extractor.Parsing.Rules;

namespace Extractor.Parsing.Outline.Passes;

/// <summary>
/// A form with no problem field may state the problem only inside its rectification, quoting it before saying what
/// was done (<c>整改情况：省级督察反馈问题第二十七项指出，“…露天堆放…”问题，我县科学制定整改措施…</c>). Where an item's
/// problem is only its heading and that heading only names the rectification part (<c>一、省级生态环境保护督察反馈问题整改
/// 情况</c>), the quoted problem (rule <c>restatedProblem</c>) is the item's problem and the rectification starts after
/// the quotation; the words that introduce it are kept as a label.
/// </summary>
internal sealed class RestatedProblemPass : IOutlinePass
{
    public void Run(OutlineProcessor processor)
    {
        var rules = processor.Rules;
        foreach (var item in processor.Items)
        {
            if (item is not { OwnsSection: true, Problem: [var heading], Rectification: [var first, ..] } || item.Section.Content != heading
                || !BoundedMatches.IsLine(rules.RectificationsPart, heading.MatchText.TrimEnd())) continue;
            var content = first.Content;
            var text = content.MatchText;
            var m = BoundedMatches.Line(rules.RestatedProblem, text.Length > BoundedMatches.MaxLine ? text[..BoundedMatches.MaxLine] : text);
            if (!m.Success || m.Groups["problem"] is not { Success: true } quoted || m.Index + m.Length >= text.Length) continue;
            var (from, to, end) = (quoted.Index, quoted.Index + quoted.Length, m.Index + m.Length);
            item.Problem.Clear();
            item.Problem.Add(content.Slice(from, to));
            if (first.Label is { } label) processor.Labels.Add(first.Paragraph.Slice(0, label.ContentStart));
            processor.Labels.Add(content.Slice(0, from));
            processor.Labels.Add(content.Slice(to, end));
            item.Rectification[0] = new RectificationPart(content.Slice(end, text.Length));
        }
    }
}
