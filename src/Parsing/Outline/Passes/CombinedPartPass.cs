using Extractor.Parsing.Normalization;
using Extractor.Parsing.Rules;
using Extractor.Parsing.Text;

namespace Extractor.Parsing.Outline.Passes;

/// <summary>
/// A part whose heading names its problem and what was done about it together (<c>三、审计发现的主要问题及整改情况</c>,
/// <c>…问题及处理意见</c>), with no subheadings and no labels, states the problem in its first paragraphs and reports
/// the rectification in a later one, from the clause that opens as a rectification does (<c>…，义马市水利局已按审计报告
/// 核算的工程价款据实结算。</c>): one item, its problem the paragraphs before that clause, its rectification the rest.
/// </summary>
internal sealed class CombinedPartPass : IOutlinePass
{
    public void Run(OutlineProcessor processor)
    {
        var rules = processor.Rules;
        foreach (var section in OutlineSection.Preorder(processor.Root))
        {
            Checkpoint.Tick();
            if (section is not { Item: null, Children.Count: 0, Heading: not null, Content: { } heading } || section.Pending.Count < 2
                || section.PendingLabelled.Count > 0 || !BoundedMatches.IsLine(rules.ProblemsWithRectificationsPart, heading.MatchText.TrimEnd()))
                continue;
            var pending = section.Pending;
            for (var k = 1; k < pending.Count; k++)
            {
                var text = pending[k].MatchText;
                var at = UnlabelledRectificationPass.RectificationClause(processor, text, 0, Math.Min(text.Length, BoundedMatches.MaxLine));
                if (at < 0) continue;
                List<Paragraph> problem = [.. pending.Take(k)];
                if (at > 0) problem.Add(pending[k].Slice(0, at));
                List<Paragraph> rectification = [pending[k].Slice(at, pending[k].Text.Length), .. pending.Skip(k + 1)];
                UnlabelledRectificationPass.AddItem(processor, section, problem, rectification);
                break;
            }
        }
    }
}
