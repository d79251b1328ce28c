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
                if (RectificationClause(processor, pending[k].MatchText) is not { } at) continue;
                List<Paragraph> problem = [.. pending.Take(k)];
                if (at > 0) problem.Add(pending[k].Slice(0, at));
                List<Paragraph> rectification = [pending[k].Slice(at, pending[k].Text.Length), .. pending.Skip(k + 1)];
                UnlabelledRectificationPass.AddItem(processor, section, problem, rectification);
                break;
            }
        }
    }

    /// <summary>Where the first clause of <paramref name="text"/> that opens as a rectification does starts, or null.</summary>
    private static int? RectificationClause(OutlineProcessor processor, string text)
    {
        var reach = Math.Min(text.Length, BoundedMatches.MaxLine);
        for (var i = 0; i < reach; i++)
        {
            if (i > 0 && !Sentences.IsClauseBreak(text[i - 1])) continue;
            while (i < reach && text[i] == ' ') i++;
            var rest = text.Substring(i, Math.Min(text.Length - i, BoundedMatches.Overlap));
            if (rest.Length > 0 && UnlabelledRectificationPass.OpensRectification(processor, rest)) return i;
        }
        return null;
    }
}
