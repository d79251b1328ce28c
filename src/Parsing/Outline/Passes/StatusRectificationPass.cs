using Extractor.Parsing.Rules;

namespace Extractor.Parsing.Outline.Passes;

/// <summary>
/// A form that has no rectification field often reports the work in its status field: <c>完成情况：全县健全19个禁止三烧
/// 网络……</c>. An item without a rectification whose status line says more than a status (not only <c>已完成</c>) has
/// that line as its rectification. So has a heading that states a problem (<c>问题编号5：省级自然保护区‘瘦身’问题突出。</c>)
/// with no item under it, no sections below it and such a status line among its fields: the heading is the problem of
/// an item whose rectification is that line.
/// </summary>
internal sealed class StatusRectificationPass : IOutlinePass
{
    /// <summary>A status value this long or longer is an account of the work, not only a status.</summary>
    private const int MinAccountLength = 8;

    public void Run(OutlineProcessor processor)
    {
        var rules = processor.Rules;
        foreach (var item in processor.Items)
        {
            if (item.Rectification.Count > 0) continue;
            if (Account(item.Lines, rules) is { } line) Answer(item, line);
        }
        foreach (var section in OutlineSection.Preorder(processor.Root))
        {
            if (section is not { Item: null, RectificationOf: null, Children.Count: 0, Heading: not null, Content: { } content }
                || !StatesProblem(section, content, rules) || Account(section.PendingLabelled, rules) is not { } line) continue;
            var item = new OutlineItem { Section = section, OwnsSection = true, Anchor = section.Heading };
            section.Item = item;
            item.Problem.Add(content);
            item.Problem.AddRange(section.Pending);
            section.Pending.Clear();
            item.Lines.AddRange(section.PendingLabelled);
            section.PendingLabelled.Clear();
            Answer(item, line);
            processor.Items.Add(item);
        }
    }

    private static LabelledParagraph? Account(List<LabelledParagraph> lines, CompiledRules rules) =>
        lines.FirstOrDefault(l => l.Label.Kind == LabelKind.Status && IsAccount(l, rules));

    /// <summary>Makes the status <paramref name="line"/> the rectification of <paramref name="item"/>.</summary>
    private static void Answer(OutlineItem item, LabelledParagraph line)
    {
        item.Lines.Remove(line);
        var label = line.Label with { Kind = LabelKind.Rectification };
        item.Label = label;
        item.Labels.Add(label.Label);
        item.Rectification.Add(new RectificationPart(line.Paragraph, label));
        foreach (var p in line.More) item.Rectification.Add(new RectificationPart(p));
    }

    /// <summary>The heading names a problem by its marker (<c>问题5：</c>) or its wording holds a problem cue (<c>不到位</c>).</summary>
    private static bool StatesProblem(OutlineSection section, Normalization.Paragraph content, CompiledRules rules) =>
        section.Style is { NamesProblem: true } || rules.ProblemCues.Any(c => content.MatchText.Contains(c, StringComparison.Ordinal));

    private static bool IsAccount(LabelledParagraph line, CompiledRules rules)
    {
        var text = string.Concat(line.Values().Select(v => v.MatchText)).TrimEnd('。', '.', ' ');
        return text.Length >= MinAccountLength && !rules.DoneValues.Contains(text) && !rules.OngoingValues.Contains(text);
    }
}
