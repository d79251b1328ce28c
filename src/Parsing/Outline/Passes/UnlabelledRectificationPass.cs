using Extractor.Parsing.Normalization;
using Extractor.Parsing.Rules;
using Extractor.Parsing.Text;

namespace Extractor.Parsing.Outline.Passes;

/// <summary>
/// A leaf heading without a label or item is a problem with an unlabelled rectification when it states a problem (a
/// problem phrase such as <c>针对…的问题</c>, or a problem cue such as <c>不到位</c>) and the rectification follows:
/// in the same paragraph after the problem's first sentence, or in the paragraphs from one that opens with a measure
/// ordinal or an opener (<c>一是</c>, <c>首先</c>), or (after a problem phrase) in the paragraphs that follow.
/// </summary>
/// <example><code>
/// 三、针对村级财务管理不规范的问题      ← problem
/// 一是建立财务公开制度；二是…           ← its rectification (warning: unlabelled-rectification)
/// </code></example>
internal sealed class UnlabelledRectificationPass : IOutlinePass
{
    /// <summary>How far into a heading its problem may run before the rectification (keeps the search linear).</summary>
    private const int MaxProblemLength = 500;

    public void Run(OutlineProcessor processor)
    {
        var found = new HashSet<OutlineSection>(ReferenceEqualityComparer.Instance);
        foreach (var section in OutlineSection.Preorder(processor.Root))
        {
            Checkpoint.Tick();
            if (section is { Item: null, Children.Count: 0, Heading: not null } && TryUnlabelled(processor, section)) found.Add(section);
        }
        foreach (var section in OutlineSection.Preorder(processor.Root))
            FollowSiblings(processor, section, found);
    }

    /// <summary>
    /// Headings of one list are alike: when most leaf headings of a list (two or more) state a problem with an
    /// unlabelled rectification, a heading of the list whose wording gave no cue (<c>四、物业管理采购项目未将价格作为
    /// 主要考虑因素</c>) is one too when text follows it: the heading is its problem, the text its rectification.
    /// </summary>
    private static void FollowSiblings(OutlineProcessor processor, OutlineSection parent, HashSet<OutlineSection> found)
    {
        var children = parent.Children;
        var alike = children.Count(found.Contains);
        if (alike < 2 || alike * 2 <= children.Count) return;
        foreach (var section in children)
        {
            if (section is not { Item: null, Children.Count: 0, Content: { } content } || section.Pending.Count == 0
                || section.Style != children.First(found.Contains).Style || StartsClosing(processor, content.MatchText)) continue;
            AddItem(processor, section, [content], [.. section.Pending]);
        }
    }

    private static bool StartsClosing(OutlineProcessor processor, string text)
    {
        foreach (var start in processor.Rules.ClosingStarts)
            if (text.StartsWith(start, StringComparison.Ordinal)) return true;
        return false;
    }

    private static bool TryUnlabelled(OutlineProcessor processor, OutlineSection section)
    {
        var rules = processor.Rules;
        var content = section.Content;
        if (content is null) return false;
        var text = content.MatchText;
        var sentenceEnd = ProblemEnd(processor, text);
        var firstSentence = Sentences.TrimEnd(text[..sentenceEnd]);
        var isPhrase = rules.ProblemPhrases.Any(p => BoundedMatches.IsLine(p, firstSentence));
        if (!isPhrase && !ContainsAny(firstSentence, rules.ProblemCues)) return false;

        var rest = sentenceEnd < text.Length ? content.Slice(sentenceEnd, text.Length) : null;
        var pending = section.Pending;
        List<Paragraph> problem = [];
        List<Paragraph> rectification = [];
        if (rest is not null && (isPhrase || OpensRectification(processor, rest.MatchText)))
        {
            problem.Add(content.Slice(0, sentenceEnd));
            rectification.Add(rest);
            rectification.AddRange(pending);
        }
        else if (rest is null && pending.FindIndex(p => OpensRectification(processor, p.MatchText)) is var k and >= 0)
        {
            problem.Add(content);
            problem.AddRange(pending.Take(k));
            rectification.AddRange(pending.Skip(k));
        }
        else if (rest is null && isPhrase && pending.Count > 0)
        {
            problem.Add(content);
            rectification.AddRange(pending);
        }
        else
        {
            return false;
        }
        AddItem(processor, section, problem, rectification);
        return true;
    }

    internal static void AddItem(OutlineProcessor processor, OutlineSection section, List<Paragraph> problem, List<Paragraph> rectification)
    {
        section.Pending.Clear();
        var item = new OutlineItem { Section = section, OwnsSection = true };
        section.Item = item;
        item.Problem.AddRange(problem);
        foreach (var p in rectification) item.Rectification.Add(new RectificationPart(p));
        item.Lines.AddRange(section.PendingLabelled);
        section.PendingLabelled.Clear();
        processor.Items.Add(item);
        processor.Warnings.Add(new OutlineWarning(WarningCodes.UnlabelledRectification,
            $"{section.MarkerText} has no rectification label such as “整改情况：”; the text after the problem is taken as the rectification",
            rectification[0]));
    }

    /// <summary>
    /// Where the problem a heading states ends: after the first sentence that completes a problem phrase
    /// (<c>关于“…。…”的问题。</c> spans sentences), or at the first clause after which the text opens as a rectification
    /// does (<c>…的问题情况属实，鹿城镇高度重视此项工作…</c>), else after the first sentence.
    /// </summary>
    private static int ProblemEnd(OutlineProcessor processor, string text)
    {
        var first = Sentences.FirstEnd(text);
        var reach = Math.Min(text.Length, MaxProblemLength);
        for (var end = first; end < reach; end += Sentences.FirstEnd(text[end..reach]))
            if (processor.Rules.ProblemPhrases.Any(p => BoundedMatches.IsLine(p, Sentences.TrimEnd(text[..end])))) return end;
        return RectificationClause(processor, text, 2, reach) is var clause and >= 0 ? clause : first;
    }

    /// <summary>
    /// Where the first clause of <paramref name="text"/> starting in [<paramref name="from"/>, <paramref name="reach"/>)
    /// — at the start or after a clause break — opens as a rectification does; -1 when none does.
    /// </summary>
    internal static int RectificationClause(OutlineProcessor processor, string text, int from, int reach)
    {
        for (var at = from; at < reach; at++)
        {
            if (at > 0 && !Sentences.IsClauseBreak(text[at - 1])) continue;
            var rest = text.AsSpan(at, Math.Min(text.Length - at, BoundedMatches.Overlap)).TrimStart(' ').ToString();
            if (rest.Length > 0 && OpensRectification(processor, rest)) return at;
        }
        return -1;
    }

    /// <summary>The text opens with a measure ordinal (<c>一是</c>, <c>1.</c>) or as a rectification does (<c>该问题已完成整改</c>, <c>我局…</c>).</summary>
    internal static bool OpensRectification(OutlineProcessor processor, string text)
    {
        if (BoundedMatches.AtStart(processor.Rules.MeasureOrdinal, text)) return true;
        foreach (var opener in processor.Rules.RectificationOpeners)
            if (BoundedMatches.AtStart(opener, text)) return true;
        return false;
    }

    private static bool ContainsAny(string text, string[] words)
    {
        foreach (var w in words)
            if (text.Contains(w, StringComparison.Ordinal)) return true;
        return false;
    }
}
