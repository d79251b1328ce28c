using Extractor.Parsing.Normalization;
using Extractor.Parsing.Rules;

namespace Extractor.Parsing.Outline;

/// <summary>
/// What the outline stage finds: the front matter, the section tree, where each item's problem and rectification
/// are, the closing text and the signature. Every paragraph of the input is in exactly one place.
/// </summary>
internal sealed class OutlineDocument
{
    /// <summary>Paragraphs before the first heading or label: title, issuer, preamble.</summary>
    public required IReadOnlyList<Paragraph> Front { get; init; }

    /// <summary>The root of the section tree (no heading of its own; its body holds stray paragraphs).</summary>
    public required OutlineSection Root { get; init; }

    /// <summary>The items in document order.</summary>
    public required IReadOnlyList<OutlineItem> Items { get; init; }

    /// <summary>Closing paragraphs after the last rectification.</summary>
    public required IReadOnlyList<Paragraph> Closing { get; init; }

    /// <summary>The signature lines at the end (issuer, date).</summary>
    public required IReadOnlyList<Paragraph> Signature { get; init; }

    /// <summary>The page's furniture after the notice (a printed web page's share links, related articles, footer): no part of the notice.</summary>
    public IReadOnlyList<Paragraph> Chrome { get; init; } = [];

    /// <summary>Irregularities of structure.</summary>
    public required IReadOnlyList<OutlineWarning> Warnings { get; init; }

    /// <summary>Text under headings that belongs to no item (narrative sections), in document order.</summary>
    public IEnumerable<Paragraph> SectionBodies()
    {
        var stack = new Stack<OutlineSection>(Root.Children.AsEnumerable().Reverse());
        while (stack.Count > 0)
        {
            var section = stack.Pop();
            foreach (var p in section.Body) yield return p;
            for (var i = section.Children.Count - 1; i >= 0; i--) stack.Push(section.Children[i]);
        }
    }

    /// <summary>Labels cut off the text they open (<c>整改问题：</c> before a problem) that no heading holds.</summary>
    public IReadOnlyList<Paragraph> Labels { get; init; } = [];

    /// <summary>
    /// Every place the outline gave text to, as source ranges with their role: a heading counts its marker (and label),
    /// and its text too unless that text is the problem of the item it opens. Each visible character of the input lies
    /// in exactly one range (for text without tables, whose merged cells may serve several rows).
    /// </summary>
    internal IEnumerable<(string Role, int Start, int End)> Spans()
    {
        foreach (var p in Front) yield return ("front", p.SourceStart, p.SourceStop);
        foreach (var p in Labels) yield return ("label", p.SourceStart, p.SourceStop);
        foreach (var span in SectionSpans(Root)) yield return span;
        foreach (var item in Items)
        {
            foreach (var p in item.Problem) yield return ("problem", p.SourceStart, p.SourceStop);
            foreach (var part in item.Rectification) yield return ("rectification", part.Paragraph.SourceStart, part.Paragraph.SourceStop);
            foreach (var line in item.Lines)
                foreach (var p in line.Paragraphs()) yield return ("field", p.SourceStart, p.SourceStop);
        }
        foreach (var p in Closing) yield return ("closing", p.SourceStart, p.SourceStop);
        foreach (var p in Signature) yield return ("signature", p.SourceStart, p.SourceStop);
        foreach (var p in Chrome) yield return ("chrome", p.SourceStart, p.SourceStop);
    }

    private static IEnumerable<(string, int, int)> SectionSpans(OutlineSection section)
    {
        if (section.Heading is { } heading)
        {
            // The heading's text is the problem of the item that owns it (whole, or cut where an unlabelled rectification starts).
            // A heading that is an item's rectification gives it its text the same way.
            var owned = section.Item is { OwnsSection: true } item && section.Content is { } content
                && item.Problem.Count > 0 && item.Problem[0].SourceStart == content.SourceStart
                || section is { RectificationOf: not null, Content: not null };
            var end = owned ? section.Content!.SourceStart : heading.SourceStop;
            if (end > heading.SourceStart) yield return ("heading", heading.SourceStart, end);
        }
        foreach (var p in section.Body) yield return ("body", p.SourceStart, p.SourceStop);
        foreach (var child in section.Children)
            foreach (var span in SectionSpans(child)) yield return span;
    }
}

/// <summary>A section of the tree.</summary>
internal sealed class OutlineSection
{
    public OutlineSection? Parent { get; init; }
    public List<OutlineSection> Children { get; } = [];

    /// <summary>The marker, or for an inferred section the sibling marker its own is rendered from.</summary>
    public MarkerMatch? Marker { get; init; }

    /// <summary>The style (same as <see cref="Marker"/>'s).</summary>
    public CompiledMarker? Style { get; init; }

    /// <summary>The marker as written or inferred.</summary>
    public string MarkerText { get; set; } = "";

    public int Number { get; set; }
    public bool Inferred { get; init; }
    public int Depth { get; init; }

    /// <summary>The whole heading paragraph (for an inferred section, the unnumbered problem paragraph).</summary>
    public Paragraph? Heading { get; init; }

    /// <summary>The heading text without marker, secondary marker or problem label; null when empty.</summary>
    public Paragraph? Content { get; init; }

    /// <summary>Paragraphs under the heading that belong to no item.</summary>
    public List<Paragraph> Body { get; } = [];

    /// <summary>Labelled lines (status, fields) under the heading that belong to no item.</summary>
    internal List<LabelledParagraph> PendingLabelled { get; } = [];

    /// <summary>Paragraphs after the heading not yet placed (problem text or narrative).</summary>
    internal List<Paragraph> Pending { get; } = [];

    /// <summary>A problem label under the heading stated a problem (<c>督察报告指出：…</c>), held in <see cref="Pending"/>.</summary>
    internal bool ProblemStated { get; set; }

    /// <summary>The item whose problem this section's heading is.</summary>
    public OutlineItem? Item { get; set; }

    /// <summary>The item whose rectification this section's heading is (a list of rectifications answering a list of problems).</summary>
    public OutlineItem? RectificationOf { get; set; }

    /// <summary><paramref name="root"/> and every section below it, in document order (without recursion).</summary>
    public static IEnumerable<OutlineSection> Preorder(OutlineSection root)
    {
        var stack = new Stack<OutlineSection>();
        stack.Push(root);
        while (stack.Count > 0)
        {
            var section = stack.Pop();
            yield return section;
            for (var i = section.Children.Count - 1; i >= 0; i--) stack.Push(section.Children[i]);
        }
    }
}

/// <summary>One problem and its rectification, as places in the text.</summary>
internal sealed class OutlineItem
{
    /// <summary>The section whose heading is the problem, or (for an unnumbered item) the section it sits in.</summary>
    public required OutlineSection Section { get; init; }

    /// <summary>True when <see cref="Section"/>'s heading is this item's problem.</summary>
    public required bool OwnsSection { get; init; }

    /// <summary>The paragraph that opened the item (heading, label or table row): where it is when it has no text.</summary>
    public Paragraph? Anchor { get; set; }

    /// <summary>True when the rectification was found in a later part of the notice, paired by order (<see cref="Passes.SplitPartsPass"/>).</summary>
    public bool InLaterPart { get; init; }

    /// <summary>The problem paragraphs (the first may be the heading text without its marker).</summary>
    public List<Paragraph> Problem { get; } = [];

    /// <summary>The rectification: the label paragraph (from the label on) and what follows.</summary>
    public List<RectificationPart> Rectification { get; } = [];

    /// <summary>The first rectification label; null for an unlabelled rectification.</summary>
    public LabelMatch? Label { get; set; }

    /// <summary>Labelled lines in the order found: status lines (<c>整改状态：完成</c>) and fields (<c>整改时限：…</c>, table columns).</summary>
    public List<LabelledParagraph> Lines { get; } = [];

    /// <summary>The status lines.</summary>
    public IEnumerable<LabelledParagraph> Status => Lines.Where(l => l.Label.Kind == LabelKind.Status);

    /// <summary>Rectification labels seen in this item.</summary>
    internal HashSet<string> Labels { get; } = new(StringComparer.Ordinal);

    /// <summary>Style and last number of a numbered measure list under the label.</summary>
    internal (CompiledMarker? Style, int Number) MeasureList { get; set; }

    public bool InRectification => Label is not null || Rectification.Count > 0;

    /// <summary>Every paragraph of the item: anchor, problem, rectification and fields.</summary>
    public IEnumerable<Paragraph> Paragraphs()
    {
        if (Anchor is not null) yield return Anchor;
        foreach (var p in Problem) yield return p;
        foreach (var part in Rectification) yield return part.Paragraph;
        foreach (var line in Lines)
            foreach (var p in line.Paragraphs()) yield return p;
    }

    /// <summary>Where the item starts in the extracted text: its first paragraph's start.</summary>
    public int Start
    {
        get
        {
            var start = int.MaxValue;
            foreach (var p in Paragraphs()) start = Math.Min(start, p.SourceStart);
            return start != int.MaxValue ? start : throw new InvalidOperationException("an outline item without paragraphs has no start");
        }
    }
}

/// <summary>A paragraph of a rectification: the label paragraph (with its label), a numbered measure, or plain text.</summary>
internal readonly record struct RectificationPart(Paragraph Paragraph, LabelMatch? Label = null, MarkerMatch? Measure = null)
{
    /// <summary>The text after the label, or the whole paragraph.</summary>
    public Paragraph Content => Label is { } l ? Paragraph.Slice(l.ContentStart, Paragraph.Text.Length) : Paragraph;
}

/// <summary>
/// A paragraph opened by a label, and the paragraphs below it that hold its value when the label stood alone on its line
/// (<c>责任单位：</c> then <c>县委办</c>; <c>目标任务</c> then a numbered list).
/// </summary>
internal sealed record LabelledParagraph(LabelMatch Label, Paragraph Paragraph)
{
    /// <summary>Paragraphs below the label that continue its value.</summary>
    public List<Paragraph> More { get; } = [];

    /// <summary>The text after the label on its own line.</summary>
    public Paragraph Value => Paragraph.Slice(Label.ContentStart, Paragraph.Text.Length);

    /// <summary>The value's paragraphs: the text after the label (when there is any), then those below.</summary>
    public IEnumerable<Paragraph> Values()
    {
        if (Label.ContentStart < Paragraph.Text.Length) yield return Value;
        foreach (var p in More) yield return p;
    }

    /// <summary>The label's paragraph and those below it.</summary>
    public IEnumerable<Paragraph> Paragraphs() => More.Prepend(Paragraph);
}

/// <summary>A structural warning about a paragraph (or a part of it).</summary>
internal readonly record struct OutlineWarning(string Code, string Message, Paragraph? Paragraph, int Start = 0, int End = -1);
