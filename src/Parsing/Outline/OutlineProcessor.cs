using Extractor.Parsing.Normalization;
using Extractor.Parsing.Outline.UnitRules;
using Extractor.Parsing.Outline.Passes;
using Extractor.Parsing.Rules;
using Extractor.Parsing.Tables;
using Extractor.Parsing.Text;

namespace Extractor.Parsing.Outline;

/// <summary>
/// The outline stage. The segmenter makes units of the normalized paragraphs, zoning finds the body, and the
/// processor walks the body's units holding the state — the section stack, the open item, the order of marker styles,
/// the warnings — while an ordered list of small unit rules does the work, the way Markdig's block processor drives its
/// block parsers: for each unit, while an item is open, each rule in turn may continue it
/// (<see cref="OutlineRule.TryContinue"/>); otherwise each rule in turn may open something with it
/// (<see cref="OutlineRule.TryOpen"/>). Passes over the finished tree then find unlabelled rectifications, give section
/// bodies their text and check the numbering.
/// <list type="bullet">
/// <item>Nesting follows the order in which marker styles appear, not fixed levels: a style seen for the first time
/// goes below the current heading (a notice may start at <c>（一）</c>, or put <c>1.</c> straight under <c>一、</c>),
/// ties broken by the GB/T 9704 order of the rule set.</item>
/// <item>Every paragraph of the input ends up in exactly one place: front, a heading, a section body, an item's problem,
/// rectification or field, the closing or the signature.</item>
/// </list>
/// </summary>
internal sealed class OutlineProcessor
{
    /// <summary>The unit rules, in the order they are tried. Adding a kind of paragraph is one class and one line here.</summary>
    public static readonly IReadOnlyList<OutlineRule> UnitRules =
    [
        new LabelValueRule(),
        new MeasureRule(),
        new ProblemNumberRule(),
        new HeadingRule(),
        new RectificationLabelRule(),
        new ProblemLabelRule(),
        new FieldLabelRule(),
        new TableFormRule(),
        new TableTextRule(),
        new PlainRule(),
    ];

    /// <summary>The passes over the finished tree, in order.</summary>
    private static readonly IReadOnlyList<IOutlinePass> Passes =
    [
        new SplitPartsPass(),
        new UnlabelledRectificationPass(),
        new CombinedPartPass(),
        new StatusRectificationPass(),
        new RestatedProblemPass(),
        new RepeatedLabelPass(),
        new CaseNumberPass(),
        new SectionBodyPass(),
        new NumberingPass(),
    ];

    private readonly IReadOnlyList<Unit> _units;
    private readonly List<OutlineSection> _stack = [];
    private readonly List<CompiledMarker> _styles = [];
    private int _index;
    private int _end;

    private OutlineProcessor(CompiledRules rules, IReadOnlyList<Unit> units)
    {
        Rules = rules;
        _units = units;
        _stack.Add(Root);
    }

    /// <summary>Builds the outline of <paramref name="paragraphs"/>.</summary>
    public static OutlineDocument Build(IReadOnlyList<Paragraph> paragraphs, CompiledRules rules, IReadOnlyList<ExtractedTable>? tables = null)
    {
        var segmentWarnings = new List<OutlineWarning>();
        var units = Segmenter.Segment(paragraphs, rules, tables ?? [], segmentWarnings);
        var zones = Zones.Find(units, rules);
        var processor = new OutlineProcessor(rules, units);
        processor.Warnings.AddRange(segmentWarnings);
        processor.Run(zones.BodyStart, zones.Closing);
        foreach (var pass in Passes) pass.Run(processor);
        if (processor.Items.Count == 0) processor.Warnings.Add(NothingExtracted(units, zones, processor.Root));
        return new OutlineDocument
        {
            Front = [.. units.Take(Math.Min(zones.BodyStart, zones.Closing)).Select(u => u.Paragraph)],
            Root = processor.Root,
            Items = [.. processor.Items.OrderBy(i => i.Start)],
            Closing = [.. units.Skip(zones.Closing).Take(zones.Signature - zones.Closing).Select(u => u.Paragraph)],
            Signature = [.. units.Skip(zones.Signature).Take(zones.Chrome - zones.Signature).Select(u => u.Paragraph)],
            Chrome = [.. units.Skip(zones.Chrome).Select(u => u.Paragraph)],
            Warnings = processor.Warnings,
            Labels = processor.Labels,
        };
    }

    /// <summary>
    /// The warning for a text that gave no items, saying what was found and that nothing was extracted: no structure at
    /// all (<see cref="WarningCodes.NoStructure"/>), or headings without a problem and rectification under them
    /// (<see cref="WarningCodes.NoItems"/>).
    /// </summary>
    private static OutlineWarning NothingExtracted(List<Unit> units, Zones zones, OutlineSection root)
    {
        var characters = units.Sum(u => u.Paragraph.Text.Length);
        var size = $"{units.Count} paragraph{(units.Count == 1 ? "" : "s")}, {characters} characters";
        if (zones.BodyStart >= units.Count)
            return new OutlineWarning(WarningCodes.NoStructure,
                $"nothing was extracted: the text ({size}) has no numbered headings, no problem or rectification labels and no ledger table", null);
        var headings = new List<OutlineSection>();
        var stack = new Stack<OutlineSection>(root.Children);
        while (stack.Count > 0)
        {
            var section = stack.Pop();
            headings.Add(section);
            foreach (var child in section.Children) stack.Push(child);
        }
        var first = headings.OrderBy(h => h.Heading?.Index ?? int.MaxValue).Take(3).Select(h => h.Heading?.Text is { } t ? TextTools.Snippet(t, 12) : h.MarkerText);
        var found = headings.Count == 0 ? "labels"
            : $"{headings.Count} heading{(headings.Count == 1 ? "" : "s")} ({string.Join("，", first)})";
        return new OutlineWarning(WarningCodes.NoItems,
            $"no items were extracted: the text ({size}) has {found} but no problem paired with a rectification", null);
    }

    /// <summary>The rule set.</summary>
    public CompiledRules Rules { get; }

    /// <summary>The root of the section tree.</summary>
    public OutlineSection Root { get; } = new() { Depth = 0 };

    /// <summary>The innermost open section.</summary>
    public OutlineSection Top => _stack[^1];

    /// <summary>The open item: its problem or rectification takes the paragraphs that follow.</summary>
    public OutlineItem? Item { get; private set; }

    /// <summary>The item closed last.</summary>
    public OutlineItem? Last { get; private set; }

    /// <summary>
    /// Where the lines below a label that stood alone on its line go (<c>责任单位：</c> then <c>县委办</c>), until a line
    /// that is not its value; null when no such label is open.
    /// </summary>
    public LabelValue? Value { get; set; }

    /// <summary>Every item so far, in the order opened.</summary>
    public List<OutlineItem> Items { get; } = [];

    /// <summary>Structural warnings.</summary>
    public List<OutlineWarning> Warnings { get; } = [];

    /// <summary>Labels cut off the text they open that no heading holds (<c>整改问题：</c> before a problem).</summary>
    public List<Paragraph> Labels { get; } = [];

    /// <summary>The unit after the current one, when it is in the body.</summary>
    public Unit? Next => _index + 1 < _end ? _units[_index + 1] : null;

    private void Run(int start, int end)
    {
        _end = end;
        for (_index = start; _index < end; _index++)
        {
            Checkpoint.Tick();
            Take(_units[_index]);
        }
        CloseItem();
        _stack.RemoveRange(1, _stack.Count - 1);
    }

    /// <summary>Takes a unit: the open item continues with it, or a rule opens something with it.</summary>
    public void Take(Unit unit)
    {
        if (!TryContinue(unit) && !TryOpen(unit))
            throw new InvalidOperationException($"no outline rule took the unit “{unit.Paragraph.Text}”");
    }

    /// <summary>
    /// Whether <paramref name="marker"/> continues the numbering: it is the next number after the latest open section of
    /// its style, or the first number of a style not open.
    /// </summary>
    public bool Continues(MarkerMatch marker)
    {
        for (var i = _stack.Count - 1; i > 0; i--)
        {
            if (_stack[i].Style != marker.Style) continue;
            // The number after the last sibling of this style, an inferred one counting as the number after its predecessor.
            var last = 0;
            foreach (var sibling in _stack[i - 1].Children)
                if (sibling.Style == marker.Style) last = sibling.Inferred ? last + 1 : sibling.Number;
            return marker.Number == last + 1;
        }
        return marker.Number == 1;
    }

    private bool TryContinue(Unit unit)
    {
        if (Item is not { } item) return false;
        foreach (var rule in UnitRules)
            if (rule.TryContinue(this, unit, item)) return true;
        return false;
    }

    private bool TryOpen(Unit unit)
    {
        foreach (var rule in UnitRules)
            if (rule.TryOpen(this, unit)) return true;
        return false;
    }

    // ------------------------------------------------------------------ operations the rules share

    /// <summary>Opens a section for a heading: closes the open item and the sections of the same or a lower rank.</summary>
    public void OpenSection(Unit heading)
    {
        var marker = heading.Marker!;
        var rank = RankOf(marker.Style, insert: true);
        CloseItem();
        Value = null;
        while (_stack.Count > 1 && RankOf(Top.Style!, insert: false) >= rank) _stack.RemoveAt(_stack.Count - 1);
        var parent = Top;
        var section = new OutlineSection
        {
            Parent = parent,
            Marker = marker,
            Style = marker.Style,
            MarkerText = marker.Text,
            Number = marker.Number,
            Depth = parent.Depth + 1,
            Heading = heading.Paragraph,
            Content = heading.Content,
        };
        parent.Children.Add(section);
        _stack.Add(section);
    }

    /// <summary>Opens an item in <paramref name="section"/>; when it <paramref name="owns"/> the section, the heading (and the text under it) is its problem.</summary>
    public OutlineItem OpenItem(OutlineSection section, bool owns)
    {
        var item = new OutlineItem { Section = section, OwnsSection = owns, Anchor = section.Heading };
        if (owns)
        {
            section.Item = item;
            // A heading that only names the problem field (一、督察组反馈问题情况) leaves the problem to the text below it.
            if (section.Content is { } content && !(section.Pending.Count > 0 && BoundedMatches.IsLine(Rules.ProblemFieldHeading, content.MatchText))) item.Problem.Add(content);
            item.Problem.AddRange(section.Pending);
            section.Pending.Clear();
        }
        item.Lines.AddRange(section.PendingLabelled);
        section.PendingLabelled.Clear();
        Items.Add(item);
        Item = item;
        return item;
    }

    /// <summary>Closes the open item.</summary>
    public void CloseItem()
    {
        Value = null;
        if (Item is null) return;
        Last = Item;
        Item = null;
    }

    /// <summary>
    /// Opens an item for a problem that has no heading number. Among numbered siblings (the item before owned a
    /// section of the current style) the problem gets a section of its own, numbered later by inference; true then.
    /// </summary>
    public bool OpenUnnumbered(Paragraph paragraph, Paragraph? content)
    {
        var top = Top;
        if (Last is { OwnsSection: true } last && last.Section == top && top.Style is not null && top.Parent is { } parent)
        {
            _stack.RemoveAt(_stack.Count - 1);
            var inferred = new OutlineSection
            {
                Parent = parent,
                Marker = top.Marker,
                Style = top.Style,
                Inferred = true,
                Depth = top.Depth,
                Heading = paragraph,
                Content = content,
            };
            parent.Children.Add(inferred);
            _stack.Add(inferred);
            OpenItem(inferred, owns: true);
            return true;
        }
        var item = OpenItem(top, owns: false);
        item.Anchor = paragraph;
        if (content is not null) item.Problem.Add(content);
        return false;
    }

    /// <summary>
    /// Whether the next unit opens the rectification of a new problem: a rectification label that <paramref name="item"/>
    /// has used already, or one that does not merely continue a rectification (<c>整改成效</c> after <c>整改措施</c>).
    /// </summary>
    public bool NextOpensRectification(OutlineItem item) =>
        Next is { Kind: UnitKind.Label, Label: { Kind: LabelKind.Rectification } next }
        && (item.Labels.Contains(next.Label) || !Rules.Labels.IsFollowUp(next.Label));

    /// <summary>A label whose text went elsewhere (or nowhere, when it stands alone) is structure of its own.</summary>
    public void KeepLabel(Unit unit, LabelMatch label)
    {
        var end = unit.Content is null ? unit.Paragraph.Text.Length : label.ContentStart;
        if (end > 0) Labels.Add(unit.Paragraph.Slice(0, end));
    }

    /// <summary>
    /// The rank of <paramref name="style"/> in the document's order of styles; a style seen for the first time goes
    /// below the current heading's style, among the styles already there in rule-set order (when <paramref name="insert"/>).
    /// </summary>
    public int RankOf(CompiledMarker? style, bool insert)
    {
        if (style is null) return -1;
        var rank = _styles.IndexOf(style);
        if (rank >= 0 || !insert) return rank;
        var position = Top.Style is { } topStyle ? _styles.IndexOf(topStyle) + 1 : 0;
        while (position < _styles.Count && _styles[position].Canonical < style.Canonical) position++;
        _styles.Insert(position, style);
        return position;
    }
}

/// <summary>
/// A unit rule of the outline: one kind of paragraph (a heading, a label, a table…) and what it does to the outline.
/// </summary>
internal abstract class OutlineRule
{
    /// <summary>Takes <paramref name="unit"/> into the open <paramref name="item"/>, if the unit continues it; true when it did.</summary>
    public virtual bool TryContinue(OutlineProcessor processor, Unit unit, OutlineItem item) => false;

    /// <summary>Takes <paramref name="unit"/> when no rule continued the open item with it (closing that item if it must); true when it did.</summary>
    public abstract bool TryOpen(OutlineProcessor processor, Unit unit);
}

/// <summary>A pass over the finished outline.</summary>
internal interface IOutlinePass
{
    void Run(OutlineProcessor processor);
}
