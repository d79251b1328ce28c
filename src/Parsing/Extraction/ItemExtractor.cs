using Extractor.Parsing.Normalization;
using Extractor.Parsing.Outline;
using Extractor.Parsing.Rules;
using Extractor.Parsing.Text;

namespace Extractor.Parsing.Extraction;

/// <summary>Turns the outline's items into <see cref="Item"/>s: problem title and text, rectification text, measures, status, fields, tags.</summary>
internal static class ItemExtractor
{
    public static Item Extract(OutlineItem item, int index, CompiledRules rules, LocationResolver locations, List<Warning> warnings)
    {
        var problem = ExtractProblem(item, rules, locations);
        var rectification = item.Rectification.Count > 0 ? ExtractRectification(item, rules, locations, warnings) : null;
        if (rectification is null)
            warnings.Add(new Warning
            {
                Code = WarningCodes.MissingRectification,
                Message = $"the problem “{TextTools.Snippet(problem.Title)}” has no rectification",
                Location = problem.Location,
            });
        var fields = item.Lines.Select(f => new Field
        {
            Name = f.Label.Label,
            Value = Paragraph.JoinText(f.Values()),
            Location = locations.Of([.. f.Paragraphs()]),
        }).ToList();
        // The item spans its problem, its rectification and its fields.
        var (start, end) = (problem.Location.Start, problem.Location.End);
        if (rectification is not null) (start, end) = (Math.Min(start, rectification.Location.Start), Math.Max(end, rectification.Location.End));
        foreach (var field in fields) (start, end) = (Math.Min(start, field.Location.Start), Math.Max(end, field.Location.End));
        return new Item
        {
            Index = index,
            Path = PathOf(item),
            Location = locations.Resolve(start, end),
            Problem = problem,
            Rectification = rectification,
            Fields = fields,
            Tags = Tags(problem.Text, rectification?.Text, rules),
        };
    }

    private static List<string> PathOf(OutlineItem item)
    {
        var path = new List<string>();
        for (var s = item.Section; s?.Parent is not null; s = s.Parent) path.Add(s.MarkerText);
        path.Reverse();
        return path;
    }

    private static Problem ExtractProblem(OutlineItem item, CompiledRules rules, LocationResolver locations)
    {
        var paragraphs = item.Problem;
        if (paragraphs.Count == 0)
        {
            var anchor = item.Anchor ?? item.Section.Heading ?? (item.Rectification.Count > 0 ? item.Rectification[0].Paragraph : item.Lines[0].Paragraph);
            var empty = locations.Of(anchor, 0, 0);
            return new Problem { Title = "", Text = "", Location = empty };
        }
        return new Problem
        {
            Title = Title(paragraphs[0].Text, rules, paragraphs[0].MatchText),
            Text = Paragraph.JoinText(paragraphs),
            Location = locations.Of(paragraphs),
        };
    }

    /// <summary>The problem in a phrase: the phrase of <c>针对…的问题</c>, or the first sentence.</summary>
    internal static string Title(string text, CompiledRules rules, string? matchText = null)
    {
        var first = Sentences.First(text);
        var matchFirst = (matchText ?? text)[..first.Length];
        foreach (var pattern in rules.ProblemPhrases)
        {
            var m = BoundedMatches.Line(pattern, matchFirst);
            if (m.Success && m.Groups["phrase"] is { Success: true, Length: > 0 } phrase)
                return TextTools.Unquote(first.Substring(phrase.Index, phrase.Length).Trim());
        }
        return first;
    }

    private static Rectification ExtractRectification(OutlineItem item, CompiledRules rules, LocationResolver locations, List<Warning> warnings)
    {
        var contents = new List<Paragraph>();
        var parts = new List<MeasureSplitter.Part>();
        // A label standing alone whose text opens with another label (a form's 整改措施及成效 cell holding 整改措施：…)
        // only names the field: the label the text opens with is the rectification's own.
        var own = 0;
        while (own + 1 < item.Rectification.Count && item.Rectification[own] is { Label: { } alone } lead
               && alone.ContentStart >= lead.Paragraph.Text.Length && item.Rectification[own + 1].Label is not null)
            own++;
        for (var i = own; i < item.Rectification.Count; i++)
        {
            var part = item.Rectification[i];
            // The first label is the rectification's own; a later one (整改成效：) stays in the text and restarts the ordinals.
            var content = i == own ? part.Content : part.Paragraph;
            if (content.Text.Length == 0) continue;
            contents.Add(content);
            parts.Add(new MeasureSplitter.Part(content, part.Measure, StartsSeries: i > own && part.Label is not null));
        }
        var measures = MeasureSplitter.Split(parts, rules, locations, warnings);
        var (status, cue) = StatusClassifier.Classify([.. item.Status.SelectMany(s => s.Values())], contents, rules, locations);
        return new Rectification
        {
            Label = own > 0 ? item.Rectification[own].Label!.Value.Label : item.Label?.Label,
            Text = Paragraph.JoinText(contents),
            Measures = measures,
            Status = status,
            StatusCue = cue,
            Location = locations.Resolve(item.Rectification[0].Paragraph.SourceOffset(item.Rectification[0].Label?.Start ?? 0),
                item.Rectification[^1].Paragraph.SourceStop),
            Placement = item.InLaterPart ? RectificationPlacement.LaterPart : RectificationPlacement.AfterProblem,
        };
    }

    private static List<string> Tags(string problem, string? rectification, CompiledRules rules)
    {
        var tags = new List<string>();
        foreach (var tag in rules.Tags)
        {
            var hit = tag.Keywords.Any(k => problem.Contains(k, StringComparison.Ordinal)
                || (!tag.ProblemOnly && rectification is not null && rectification.Contains(k, StringComparison.Ordinal)));
            if (hit) tags.Add(tag.Name);
        }
        return tags;
    }

}
