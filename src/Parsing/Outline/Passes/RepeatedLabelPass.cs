using Extractor.Parsing.Rules;

namespace Extractor.Parsing.Outline.Passes;

/// <summary>
/// A rectification field may first restate the problem it answers and then give its own label again
/// (<c>整改措施 | 针对“…”问题 整改措施: (一)…</c>). Where the text after an item's first rectification label opens with
/// such a restatement (rule <c>restatedLead</c>) and a rectification label follows it, the rectification starts after that
/// label; the restatement and the repeated label are kept as labels. A restatement that no label follows is the
/// rectification's own first words (<c>针对“…”问题，我局…</c>) and stays.
/// </summary>
internal sealed class RepeatedLabelPass : IOutlinePass
{
    public void Run(OutlineProcessor processor)
    {
        var rules = processor.Rules;
        foreach (var item in processor.Items)
        {
            if (item is not { Rectification: [{ Label: { } label } first, ..] }) continue;
            var paragraph = first.Paragraph;
            var text = paragraph.MatchText;
            var rest = text[label.ContentStart..];
            var m = BoundedMatches.Line(rules.RestatedLead, rest.Length > BoundedMatches.MaxLine ? rest[..BoundedMatches.MaxLine] : rest);
            if (!m.Success || m.Index != 0) continue;
            var at = label.ContentStart + m.Length;
            while (at < text.Length && text[at] == ' ') at++;
            if (rules.Labels.MatchAt(text, at, paragraph.Text) is not { Kind: LabelKind.Rectification } repeated || repeated.ContentStart >= text.Length) continue;
            processor.Labels.Add(paragraph.Slice(0, at));
            item.Labels.Add(repeated.Label);
            item.Rectification[0] = new RectificationPart(paragraph.Slice(at, text.Length), repeated with { Start = 0, ContentStart = repeated.ContentStart - at });
        }
    }
}
