using Extractor.Parsing.Rules;
using System.Text.RegularExpressions;
using Extractor.Parsing.Normalization;

namespace Extractor.Parsing.Outline.Passes;

/// <summary>
/// A notice may state its problems in one part and report their rectification in a later one. Two forms are read,
/// where nothing in them is an item yet:
/// <list type="bullet">
/// <item>a heading names the problems part (rule <c>parts.problems</c>) and a later heading of the same level the
/// rectifications part (<c>parts.rectifications</c>), as audit results bulletins do;</item>
/// <item>a numbered list of problems is followed by a sentence announcing the rectifications
/// (<c>parts.rectificationsIntro</c>, <c>现将整改情况报告如下：</c>) and a list of the same style numbered again from 1.</item>
/// </list>
/// The problems — the part's subheadings, or else its paragraphs — are paired in order with the rectifications — the
/// later part's subheadings, or else its paragraphs: one by one when they number the same, all of them with a single
/// problem; a single paragraph that answers several problems is cut where it turns to each (it restates the problem). Each such rectification is marked <see cref="RectificationPlacement.LaterPart"/> and a warning says the
/// pairing is by order; when the numbers differ nothing is paired and the warning says so.
/// </summary>
/// <example><code>
/// 二、审计发现的主要问题
/// 多计工程价款7.03万元。                 ← problem
/// 三、审计处理情况
/// 四、被审计单位的整改情况
/// 对施工单位多计工程价款问题，被审计单位已…  ← its rectification (warning: paired-by-order)
/// </code></example>
internal sealed class SplitPartsPass : IOutlinePass
{
    public void Run(OutlineProcessor processor)
    {
        var rules = processor.Rules;
        foreach (var section in OutlineSection.Preorder(processor.Root).ToList())
        {
            var children = section.Children;
            for (var a = 0; a < children.Count; a++)
            {
                if (!Names(rules.ProblemsPart, children[a]) || HasItems(children[a])) continue;
                for (var b = a + 1; b < children.Count; b++)
                {
                    if (!Names(rules.RectificationsPart, children[b])) continue;
                    if (!HasItems(children[b])) PairParts(processor, children[a], children[b]);
                    break;
                }
            }
            PairRestartedLists(processor, children);
        }
    }

    private static bool Names(Regex pattern, OutlineSection section) =>
        section.Content is { } content && BoundedMatches.IsLine(pattern, content.MatchText.TrimEnd());

    private static bool HasItems(OutlineSection section) =>
        OutlineSection.Preorder(section).Any(s => s.Item is not null || s.PendingLabelled.Count > 0);

    /// <summary>Subheadings that can each be one problem or rectification: leaves with text.</summary>
    private static bool AreLeaves(List<OutlineSection> sections) => sections.All(c => c.Children.Count == 0 && c.Content is not null);

    private static void PairParts(OutlineProcessor processor, OutlineSection problems, OutlineSection answers)
    {
        if (problems.Children.Count > 0 && !AreLeaves(problems.Children) || answers.Children.Count > 0 && !AreLeaves(answers.Children)) return;
        List<Problem> stated = problems.Children.Count > 0
            ? [.. problems.Children.Select(c => new Problem(c, [c.Content!, .. c.Pending]))]
            : [.. problems.Pending.Select(p => new Problem(problems, [p]))];
        List<Answer> answered = answers.Children.Count > 0
            ? [.. answers.Children.Select(c => new Answer(c, [c.Content!, .. c.Pending]))]
            : [.. answers.Pending.Select(p => new Answer(null, [p]))];
        if (stated.Count == 0 || answered.Count == 0) return;
        if (stated.Count > 1 && answered is [{ Section: null, Paragraphs: [var whole] }] && SplitAtRestatements(stated, whole) is { } split) answered = split;
        if (Pair(processor, stated, answered, problems.MarkerText, answers.MarkerText) && answers.Children.Count == 0) answers.Pending.Clear();
    }

    /// <summary>The shortest start of a problem that is looked for where one paragraph answers several.</summary>
    private const int MinRestatement = 4;

    /// <summary>
    /// One paragraph that answers several problems names each problem after the first as it turns to it (<c>…调整了会计
    /// 账目，并回复说明：多支付工程款23.52万元将在…中予以扣除</c>): it is cut at the start of the clause that restates each
    /// later problem's first clause, in order. Null when a problem is not restated, or not in order.
    /// </summary>
    private static List<Answer>? SplitAtRestatements(List<Problem> stated, Paragraph whole)
    {
        var text = whole.MatchText;
        var cuts = new List<int> { 0 };
        foreach (var problem in stated.Skip(1))
        {
            var first = problem.Paragraphs[0].MatchText;
            var end = 0;
            while (end < first.Length && !Text.Sentences.IsClauseBreak(first[end])) end++;
            var words = first[..end].Trim();
            if (words.Length < MinRestatement) return null;
            var at = text.IndexOf(words, cuts[^1] + 1, StringComparison.Ordinal);
            if (at < 0) return null;
            while (at > cuts[^1] && !OpensClause(text[at - 1])) at--;
            if (at <= cuts[^1]) return null;
            cuts.Add(at);
        }
        cuts.Add(text.Length);
        return [.. cuts.Zip(cuts.Skip(1)).Select(c => new Answer(null, [whole.Slice(c.First, c.Second)]))];
    }

    /// <summary>What a clause of an answer starts after: a clause break, or the colon of what it reports (<c>回复说明：</c>).</summary>
    private static bool OpensClause(char c) => Text.Sentences.IsClauseBreak(c) || c is '：' or ':';

    /// <summary>
    /// A list numbered from 1 that starts again at 1 after a sentence announcing the rectifications: the first run
    /// states the problems, the second their rectifications.
    /// </summary>
    private static void PairRestartedLists(OutlineProcessor processor, List<OutlineSection> children)
    {
        for (var r = 1; r < children.Count; r++)
        {
            var last = children[r - 1];
            if (children[r].Number != 1 || children[r].Style != last.Style || last.Pending.Count == 0) continue;
            var intro = last.Pending[^1];
            if (!BoundedMatches.IsLine(processor.Rules.RectificationsIntro, intro.MatchText)) continue;
            var count = last.Number;
            if (count < 2 || r - count < 0 || r + count > children.Count) continue;
            var first = children.GetRange(r - count, count);
            var second = children.GetRange(r, count);
            if (!IsRun(first, last.Style) || !IsRun(second, last.Style) || !AreLeaves(first) || !AreLeaves(second)
                || first.Concat(second).Any(HasItems)) continue;
            last.Pending.RemoveAt(last.Pending.Count - 1);
            last.Body.Add(intro);
            var stated = first.Select(c => new Problem(c, [c.Content!, .. c.Pending])).ToList();
            var answered = second.Select(c => new Answer(c, [c.Content!, .. c.Pending])).ToList();
            var span = $"{first[0].MarkerText}…{first[^1].MarkerText}";
            if (!Pair(processor, stated, answered, span, "the second " + span)) last.Pending.Add(intro);
        }
    }

    /// <summary>Sections of one style numbered 1, 2, 3… in order.</summary>
    private static bool IsRun(List<OutlineSection> sections, Rules.CompiledMarker? style)
    {
        for (var i = 0; i < sections.Count; i++)
            if (sections[i].Style != style || sections[i].Number != i + 1) return false;
        return true;
    }

    private readonly record struct Problem(OutlineSection Section, List<Paragraph> Paragraphs);

    /// <summary>A rectification: its paragraphs, and the section whose heading it is (null for paragraphs of a part).</summary>
    private readonly record struct Answer(OutlineSection? Section, List<Paragraph> Paragraphs);

    private static bool Pair(OutlineProcessor processor, List<Problem> stated, List<Answer> answered, string problemsAt, string answersAt)
    {
        var first = answered[0].Paragraphs[0];
        if (stated.Count > 1 && stated.Count != answered.Count)
        {
            processor.Warnings.Add(new OutlineWarning(WarningCodes.PairedByOrder,
                $"{problemsAt} states {stated.Count} problems and {answersAt} answers them in {answered.Count} part{(answered.Count == 1 ? "" : "s")}: they were not paired",
                first));
            return false;
        }
        for (var i = 0; i < stated.Count; i++)
        {
            var (section, paragraphs) = stated[i];
            var owns = section.Content is not null && paragraphs[0] == section.Content;
            var item = new OutlineItem { Section = section, OwnsSection = owns, InLaterPart = true };
            item.Problem.AddRange(paragraphs);
            if (owns)
            {
                section.Item = item;
                section.Pending.Clear();
            }
            foreach (var answer in stated.Count == 1 ? answered : [answered[i]])
            {
                foreach (var p in answer.Paragraphs) item.Rectification.Add(new RectificationPart(p));
                if (answer.Section is { } s)
                {
                    s.RectificationOf = item;
                    s.Pending.Clear();
                }
            }
            processor.Items.Add(item);
        }
        if (stated[0].Section.Content is null || stated[0].Paragraphs[0] != stated[0].Section.Content) stated[0].Section.Pending.Clear();
        processor.Warnings.Add(new OutlineWarning(WarningCodes.PairedByOrder,
            stated.Count == 1
                ? $"the problem under {problemsAt} is answered under {answersAt}: paired with its text"
                : $"the {stated.Count} problems under {problemsAt} are answered under {answersAt}: paired in order",
            first));
        return true;
    }
}
