using Extractor.Parsing.Rules;

namespace Extractor.Parsing.Outline.Passes;

/// <summary>
/// A form that has no rectification field often reports the work in its status field: <c>完成情况：全县健全19个禁止三烧
/// 网络……</c>. An item without a rectification whose status line says more than a status (not only <c>已完成</c>) has
/// that line as its rectification.
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
            var line = item.Lines.FirstOrDefault(l => l.Label.Kind == LabelKind.Status && IsAccount(l, rules));
            if (line is null) continue;
            item.Lines.Remove(line);
            var label = line.Label with { Kind = LabelKind.Rectification };
            item.Label = label;
            item.Labels.Add(label.Label);
            item.Rectification.Add(new RectificationPart(line.Paragraph, label));
            foreach (var p in line.More) item.Rectification.Add(new RectificationPart(p));
        }
    }

    private static bool IsAccount(LabelledParagraph line, CompiledRules rules)
    {
        var text = string.Concat(line.Values().Select(v => v.MatchText)).TrimEnd('。', '.', ' ');
        return text.Length >= MinAccountLength && !rules.DoneValues.Contains(text) && !rules.OngoingValues.Contains(text);
    }
}
