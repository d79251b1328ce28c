using Extractor.Parsing.Documents;
using Extractor.Parsing.Rules;
using Extractor.Parsing.Text;

namespace Extractor.Parsing.Outline;

/// <summary>
/// The outline stage: recognises headings and labels in the normalized paragraphs and builds the section tree and
/// the places of each problem and rectification.
/// <list type="bullet">
/// <item>Nesting follows the order in which marker styles appear, not fixed levels: a style seen for the first time
/// goes below the current heading (a notice may start at <c>（一）</c>, or put <c>1.</c> straight under <c>一、</c>),
/// ties broken by the GB/T 9704 order of the rule set.</item>
/// <item>Inside a rectification, a numbered paragraph of a deeper or unseen style, or one that restarts the item's
/// own numbering at 1, is a measure of the list under the label, not a heading — unless a rectification label follows it.</item>
/// <item>An unnumbered paragraph inside a rectification that a new rectification label follows is a problem of its
/// own: when it sits among numbered siblings it gets an inferred heading.</item>
/// <item>A leaf heading with no label that states a problem (<c>针对…的问题</c>, or problem words and a following
/// <c>一是</c>) has an unlabelled rectification.</item>
/// </list>
/// </summary>
internal sealed class OutlineBuilder
{
    private readonly CompiledRules _rules;
    private readonly List<Unit> _units;
    private readonly OutlineSection _root = new() { Depth = 0 };
    private readonly List<OutlineSection> _stack = [];
    private readonly List<CompiledMarker> _styles = [];
    private readonly List<OutlineItem> _items = [];
    private readonly List<OutlineWarning> _warnings = [];
    private readonly List<Paragraph> _labels = [];
    private OutlineItem? _item;
    private OutlineItem? _last;
    private int _end;

    private OutlineBuilder(CompiledRules rules, List<Unit> units)
    {
        _rules = rules;
        _units = units;
        _stack.Add(_root);
    }

    /// <summary>Builds the outline of <paramref name="paragraphs"/>.</summary>
    public static OutlineDocument Build(IReadOnlyList<Paragraph> paragraphs, CompiledRules rules, IReadOnlyList<ExtractedTable>? tables = null)
    {
        var units = Prepare(paragraphs, rules, tables ?? []);
        var bodyStart = FindBodyStart(units);
        var (closing, signature) = FindTail(units, bodyStart, rules);
        var builder = new OutlineBuilder(rules, units);
        builder.Run(bodyStart, closing);
        if (bodyStart >= units.Count)
            builder._warnings.Add(new OutlineWarning(WarningCodes.NoStructure,
                "no numbered headings and no rectification labels were found: the text has no notice structure", null));
        return new OutlineDocument
        {
            Front = [.. units.Take(Math.Min(bodyStart, closing)).Select(u => u.Paragraph)],
            Root = builder._root,
            Items = builder._items,
            Closing = [.. units.Skip(closing).Take(signature - closing).Select(u => u.Paragraph)],
            Signature = [.. units.Skip(signature).Select(u => u.Paragraph)],
            Warnings = builder._warnings,
            Labels = builder._labels,
        };
    }

    // ------------------------------------------------------------------ classification

    private enum UnitKind { Plain, Heading, Label, Table }

    /// <summary>A paragraph with what it opens with; or a table with its cells' paragraphs.</summary>
    private sealed record Unit(Paragraph Paragraph, UnitKind Kind, MarkerMatch? Marker = null, LabelMatch? Label = null, Paragraph? Content = null, bool HasProblemLabel = false)
    {
        public ExtractedTable? Table { get; init; }
        public IReadOnlyDictionary<int, Paragraph>? Cells { get; init; }
        public TableLayout? Layout { get; init; }
    }

    private static List<Unit> Prepare(IReadOnlyList<Paragraph> input, CompiledRules rules, IReadOnlyList<ExtractedTable> tables)
    {
        var paragraphs = SplitAtSoftBreaks(input, rules);
        var units = new List<Unit>(paragraphs.Count);
        for (var i = 0; i < paragraphs.Count; i++)
        {
            var p = paragraphs[i];
            if (p.Block.Table is { } t)
            {
                // A table is one unit, at the place of its first cell.
                var cells = new Dictionary<int, Paragraph>();
                for (; i < paragraphs.Count && paragraphs[i].Block.Table == t; i++) cells[paragraphs[i].BlockIndex] = paragraphs[i];
                i--;
                if (t < tables.Count) units.Add(TableUnit(p, tables[t], cells, rules));
                continue;
            }
            var marker = MarkerRecognizer.Recognize(p.Text, rules);
            // A marker alone on its line (PDF, or a heading typed over two lines) is one heading with the next line.
            if (marker is not null && marker.ContentStart == p.Text.Length && i + 1 < paragraphs.Count && paragraphs[i + 1].Block.Table is null)
            {
                var next = paragraphs[i + 1];
                if (MarkerRecognizer.Recognize(next.Text, rules) is null && rules.Labels.MatchAt(next.Text) is null)
                {
                    p = Normalizer.Join(p, next);
                    i++;
                }
            }
            // A rectification label after a sentence (…不到位。整改情况：…) starts a paragraph of its own.
            var cut = rules.Labels.FindInlineRectification(p.Text);
            if (cut > 0)
            {
                units.Add(Classify(p.Slice(0, cut), rules));
                units.Add(Classify(p.Slice(cut, p.Text.Length), rules));
            }
            else
            {
                // The marker found above still holds unless the paragraph was joined with the next.
                units.Add(Classify(p, rules, ReferenceEquals(p, paragraphs[i]) ? marker : MarkerRecognizer.Recognize(p.Text, rules)));
            }
        }
        return units;
    }

    private static Unit TableUnit(Paragraph first, ExtractedTable table, Dictionary<int, Paragraph> cells, CompiledRules rules) =>
        new(first, UnitKind.Table)
        {
            Table = table,
            Cells = cells,
            Layout = TableLayout.Analyze(table, cell => CellText(cell, cells), rules),
        };

    /// <summary>A cell's paragraphs joined by line feeds; null for an empty cell.</summary>
    private static Paragraph? CellText(TableCell? cell, IReadOnlyDictionary<int, Paragraph> cells)
    {
        if (cell is null) return null;
        var parts = cell.Blocks.Where(cells.ContainsKey).Select(b => cells[b]).ToList();
        return parts.Count == 0 ? null : Normalizer.Join(parts, "\n");
    }

    /// <summary>
    /// Splits paragraphs where the reader joined lines on no evidence (across a PDF page break) and what follows opens
    /// a heading or a problem or rectification label: a heading at the foot of a page is not the start of the next one.
    /// </summary>
    private static IReadOnlyList<Paragraph> SplitAtSoftBreaks(IReadOnlyList<Paragraph> paragraphs, CompiledRules rules)
    {
        if (!paragraphs.Any(p => p.SoftBreaks.Count > 0)) return paragraphs;
        var result = new List<Paragraph>(paragraphs.Count + 4);
        foreach (var p in paragraphs)
        {
            var from = 0;
            foreach (var at in p.SoftBreaks)
            {
                var rest = p.Text[at..];
                var opens = MarkerRecognizer.Recognize(rest, rules) is not null
                    || rules.Labels.MatchAt(rest) is { Kind: LabelKind.Rectification or LabelKind.Problem };
                if (!opens || at <= from) continue;
                result.Add(p.Slice(from, at));
                from = at;
            }
            result.Add(from == 0 ? p : p.Slice(from, p.Text.Length));
        }
        return result;
    }

    private static Unit Classify(Paragraph p, CompiledRules rules) => Classify(p, rules, MarkerRecognizer.Recognize(p.Text, rules));

    private static Unit Classify(Paragraph p, CompiledRules rules, MarkerMatch? found)
    {
        var text = p.Text;
        if (found is { } marker)
        {
            var start = marker.ContentStart;
            var problemLabel = false;
            if (rules.Labels.MatchAt(text, start) is { Kind: LabelKind.Problem } label)
            {
                start = label.ContentStart;
                problemLabel = true;
            }
            else if (PrefixLength(rules.SecondaryMarker, text, start) is var secondary and > 0)
            {
                start += secondary;
                problemLabel = true;
                while (start < text.Length && text[start] == ' ') start++;
            }
            var content = start < text.Length ? p.Slice(start, text.Length) : null;
            return new Unit(p, UnitKind.Heading, marker, Content: content, HasProblemLabel: problemLabel);
        }
        if (rules.Labels.MatchAt(text) is { } l)
            return new Unit(p, UnitKind.Label, Label: l, Content: LabelContent(p, l.ContentStart));
        if (PrefixLength(rules.SecondaryMarker, text, 0) is var n and > 0)
        {
            var label = new LabelMatch(LabelKind.Problem, text[..n].TrimEnd('：', ':', '.', '．', '、', ' '), 0, n);
            return new Unit(p, UnitKind.Label, Label: label, Content: LabelContent(p, n));
        }
        return new Unit(p, UnitKind.Plain, Content: p);
    }

    private static Paragraph? LabelContent(Paragraph p, int start) => start < p.Text.Length ? p.Slice(start, p.Text.Length) : null;

    /// <summary>Length of the match of <paramref name="pattern"/> at <paramref name="start"/>, or 0.</summary>
    private static int PrefixLength(System.Text.RegularExpressions.Regex pattern, string text, int start)
    {
        foreach (var m in pattern.EnumerateMatches(text.AsSpan(start)))
            return m.Index == 0 ? m.Length : 0;
        return 0;
    }

    // ------------------------------------------------------------------ front and tail

    /// <summary>
    /// The body starts at the first heading numbered 1 or 2 (or any heading a rectification label follows), or at
    /// the first problem or rectification label.
    /// </summary>
    private static int FindBodyStart(List<Unit> units)
    {
        for (var i = 0; i < units.Count; i++)
        {
            var u = units[i];
            if (u.Kind == UnitKind.Heading
                && (u.Marker!.Number <= 2 || (i + 1 < units.Count && units[i + 1] is { Kind: UnitKind.Label, Label.Kind: LabelKind.Rectification })))
                return i;
            if (u.Kind == UnitKind.Label && u.Label!.Value.Kind is LabelKind.Rectification or LabelKind.Problem) return i;
            if (u is { Kind: UnitKind.Table, Layout: not null }) return i;
        }
        return units.Count;
    }

    /// <summary>Signature lines (issuer, date) at the very end; before them, closing paragraphs recognised by their cues.</summary>
    private static (int Closing, int Signature) FindTail(List<Unit> units, int bodyStart, CompiledRules rules)
    {
        var lowest = bodyStart < units.Count ? bodyStart + 1 : 1;
        var signature = units.Count;
        for (var k = units.Count - 1; k >= lowest; k--)
        {
            if (units[k].Kind != UnitKind.Plain || !IsSignatureLine(units[k].Paragraph.Text, rules)) break;
            signature = k;
        }
        var closing = signature;
        for (var k = signature - 1; k >= lowest; k--)
        {
            if (units[k].Kind != UnitKind.Plain || !IsClosing(units[k].Paragraph.Text, rules, strongOnly: false)) break;
            closing = k;
        }
        // Right after a heading, weak cues (下一步…) are that section's own text (三、下一步工作打算).
        if (closing < signature && closing > 0 && units[closing - 1].Kind == UnitKind.Heading)
            while (closing < signature && !IsClosing(units[closing].Paragraph.Text, rules, strongOnly: true)) closing++;
        return (closing, signature);
    }

    internal static bool IsSignatureLine(string text, CompiledRules rules)
    {
        if (text.Length > 40) return false;
        var md = rules.Metadata;
        if (md.DateLine.IsMatch(text) || md.IssuerLine.IsMatch(text)) return true;
        var date = md.TitleDate.Match(text);
        return date.Success && date.Index > 0 && md.IssuerLine.IsMatch(text[..date.Index].TrimEnd());
    }

    internal static bool IsClosing(string text, CompiledRules rules, bool strongOnly)
    {
        foreach (var cue in rules.ClosingContains)
            if (text.Contains(cue, StringComparison.Ordinal)) return true;
        if (strongOnly) return false;
        foreach (var cue in rules.ClosingStarts)
            if (text.StartsWith(cue, StringComparison.Ordinal)) return true;
        return false;
    }

    // ------------------------------------------------------------------ the walk

    private OutlineSection Top => _stack[^1];

    private void Run(int start, int end)
    {
        _end = end;
        for (var i = start; i < end; i++)
        {
            var u = _units[i];
            switch (u.Kind)
            {
                case UnitKind.Heading: OnHeading(i, u); break;
                case UnitKind.Label: OnLabel(i, u); break;
                case UnitKind.Table: OnTable(u); break;
                default: OnPlain(i, u); break;
            }
        }
        CloseItem();
        while (_stack.Count > 1) Pop();
        CloseSection(_root);
        Number(_root);
    }

    private void OnHeading(int i, Unit u)
    {
        var marker = u.Marker!;
        if (_item is { InRectification: true } item && IsMeasure(i, u, item))
        {
            item.Rectification.Add(new RectificationPart(u.Paragraph, Measure: marker));
            item.MeasureList = (marker.Style, marker.Number);
            return;
        }
        var rank = RankOf(marker.Style, insert: true);
        CloseItem();
        while (_stack.Count > 1 && RankOf(Top.Style!, insert: false) >= rank) Pop();
        var parent = Top;
        Flush(parent);
        var section = new OutlineSection
        {
            Parent = parent,
            Marker = marker,
            Style = marker.Style,
            MarkerText = marker.Text,
            Number = marker.Number,
            Depth = parent.Depth + 1,
            Heading = u.Paragraph,
            Content = u.Content,
        };
        parent.Children.Add(section);
        _stack.Add(section);
    }

    /// <summary>
    /// A table-form notice gives an item per row under the current section: the problem column is the problem, the
    /// rectification columns (in order, each labelled with its column name) the rectification, the status column a
    /// status line, the others fields. A row that spans the whole width is a category: a heading when it opens with a
    /// marker, otherwise a <c>类别</c> field of the rows below. A row whose problem cell is merged with the row above adds
    /// to that item. Any other table is read as text, a paragraph per row.
    /// </summary>
    private void OnTable(Unit u)
    {
        var table = u.Table!;
        var cells = u.Cells!;
        if (u.Layout is not { } layout)
        {
            // Not a notice: its rows are text where the table stands (in a rectification, they are part of it).
            foreach (var row in table.Rows)
            {
                var parts = Distinct(row).Select(c => CellText(c, cells)).OfType<Paragraph>().ToList();
                if (parts.Count == 0) continue;
                var text = Normalizer.Join(parts, " ");
                if (_item is { } open)
                {
                    if (open.InRectification) open.Rectification.Add(new RectificationPart(text));
                    else open.Problem.Add(text);
                }
                else
                {
                    Top.Pending.Add(text);
                }
            }
            return;
        }
        CloseItem();
        LabelledParagraph? category = null;
        TableCell? previousProblem = null;
        for (var r = layout.HeaderRows; r < table.Rows.Count; r++)
        {
            var row = table.Rows[r];
            var distinct = Distinct(row).Where(c => CellText(c, cells) is not null).ToList();
            if (distinct.Count == 0) continue;
            if (distinct.Count == 1 && row.Count(c => ReferenceEquals(c, distinct[0])) * 2 >= row.Count && !ReferenceEquals(row[layout.ProblemColumn], previousProblem))
            {
                var text = CellText(distinct[0], cells)!;
                CloseItem();
                previousProblem = null;
                if (MarkerRecognizer.Recognize(text.Text, _rules) is not null)
                {
                    OnHeading(-1, Classify(text, _rules));
                    category = null;
                }
                else
                {
                    category = new LabelledParagraph(new LabelMatch(LabelKind.Field, "类别", 0, 0), text);
                }
                continue;
            }
            var problemCell = row[layout.ProblemColumn];
            var continues = problemCell is not null && ReferenceEquals(problemCell, previousProblem) && _item is not null;
            if (!continues)
            {
                CloseItem();
                _item = NewItem(Top, owns: false);
                _item.Anchor = CellText(distinct[0], cells);
                if (category is { } c) _item.Lines.Add(c);
                AddIfAny(_item.Problem, CellText(problemCell, cells));
            }
            var item = _item!;
            for (var col = 0; col < row.Count; col++)
            {
                var cell = row[col];
                if (cell is null || (col > 0 && ReferenceEquals(cell, row[col - 1]))) continue;
                if (continues && ReferenceEquals(cell, table.Rows[r - 1][col])) continue; // merged with the row above: already taken
                if (CellText(cell, cells) is not { } value) continue;
                var name = layout.Names[col];
                switch (layout.Roles[col])
                {
                    case TableColumnRole.Problem:
                        break;
                    case TableColumnRole.Rectification:
                        var label = new LabelMatch(LabelKind.Rectification, name, 0, 0);
                        item.Label ??= label;
                        item.Labels.Add(name);
                        item.Rectification.Add(new RectificationPart(value, label));
                        break;
                    case TableColumnRole.Status:
                        item.Lines.Add(new LabelledParagraph(new LabelMatch(LabelKind.Status, name, 0, 0), value));
                        break;
                    default:
                        item.Lines.Add(new LabelledParagraph(new LabelMatch(LabelKind.Field, name, 0, 0), value));
                        break;
                }
            }
            previousProblem = problemCell;
        }
        CloseItem();
    }

    /// <summary>The cells of a row, each merged cell once, in column order.</summary>
    private static IEnumerable<TableCell> Distinct(IReadOnlyList<TableCell?> row)
    {
        TableCell? last = null;
        foreach (var cell in row)
        {
            if (cell is not null && !ReferenceEquals(cell, last)) yield return cell;
            last = cell;
        }
    }

    /// <summary>Whether a numbered paragraph inside a rectification is a measure of a list rather than a heading.</summary>
    private bool IsMeasure(int i, Unit u, OutlineItem item)
    {
        if (u.HasProblemLabel || NextOpensRectification(i, item)) return false;
        var style = u.Marker!.Style;
        var styleRank = RankOf(style, insert: false);
        if (styleRank < 0) return true;
        var itemRank = item.OwnsSection ? RankOf(item.Section.Style, insert: false) : RankOf(Top.Style, insert: false);
        if (styleRank > itemRank) return true;
        if (styleRank < itemRank || !item.OwnsSection) return false;
        if (item.MeasureList.Style == style && u.Marker.Number == item.MeasureList.Number + 1) return true;
        return u.Marker.Number == 1 && item.Section.Number != 1;
    }


    private void OnLabel(int i, Unit u)
    {
        var label = u.Label!.Value;
        switch (label.Kind)
        {
            case LabelKind.Rectification:
                OnRectificationLabel(u, label);
                break;
            case LabelKind.Problem:
                if (_item is { InRectification: false } open)
                {
                    AddIfAny(open.Problem, u.Content);
                    KeepLabel(u, label);
                }
                else if (_item is null && Top is { Heading: not null, Item: null, Children.Count: 0 })
                {
                    AddIfAny(Top.Pending, u.Content); // 问题表现：… under a heading that names the problem
                    KeepLabel(u, label);
                }
                else
                {
                    CloseItem();
                    if (!StartUnnumbered(u.Paragraph, u.Content)) KeepLabel(u, label);
                }
                break;
            default:
                var labelled = new LabelledParagraph(label, u.Paragraph);
                if (_item is { } current) current.Lines.Add(labelled);
                else Top.PendingLabelled.Add(labelled);
                break;
        }
        _ = i;
    }

    private void OnRectificationLabel(Unit u, LabelMatch label)
    {
        if (_item is { } item)
        {
            if (!item.InRectification) item.Label = label;
            item.Labels.Add(label.Label);
            item.Rectification.Add(new RectificationPart(u.Paragraph, label));
            return;
        }
        var top = Top;
        if (top is { Heading: not null, Item: null, Children.Count: 0 })
        {
            _item = NewItem(top, owns: true);
        }
        else if (top.Pending.Count > 0)
        {
            // Paragraphs under a category heading (or before any heading) that a label follows: the problem.
            _item = NewItem(top, owns: false);
            _item.Anchor = top.Pending[0];
            _item.Problem.AddRange(top.Pending);
            top.Pending.Clear();
        }
        else
        {
            _warnings.Add(new OutlineWarning(WarningCodes.OrphanRectification,
                $"the label “{label.Label}” follows no problem; its text is kept as section text", u.Paragraph));
            top.Pending.Add(u.Paragraph);
            return;
        }
        _item.Label = label;
        _item.Labels.Add(label.Label);
        _item.Rectification.Add(new RectificationPart(u.Paragraph, label));
    }

    private void OnPlain(int i, Unit u)
    {
        if (_item is { } item)
        {
            if (!item.InRectification)
            {
                item.Problem.Add(u.Paragraph);
                return;
            }
            if (NextOpensRectification(i, item))
            {
                CloseItem();
                StartUnnumbered(u.Paragraph, u.Paragraph);
                return;
            }
            item.Rectification.Add(new RectificationPart(u.Paragraph));
            return;
        }
        Top.Pending.Add(u.Paragraph);
    }

    /// <summary>
    /// Whether the paragraph after <paramref name="i"/> opens the rectification of a new problem: a rectification
    /// label that this item has not used yet and that does not merely continue it (<c>整改成效</c> after <c>整改措施</c>).
    /// </summary>
    private bool NextOpensRectification(int i, OutlineItem item)
    {
        if (i + 1 >= _end || _units[i + 1] is not { Kind: UnitKind.Label, Label: { Kind: LabelKind.Rectification } next }) return false;
        return item.Labels.Contains(next.Label) || !_rules.Labels.IsFollowUp(next.Label);
    }

    /// <summary>A label whose text went elsewhere (or nowhere, when it stands alone) is structure of its own.</summary>
    private void KeepLabel(Unit u, LabelMatch label)
    {
        var end = u.Content is null ? u.Paragraph.Text.Length : label.ContentStart;
        if (end > 0) _labels.Add(u.Paragraph.Slice(0, end));
    }

    /// <summary>Starts an item for a problem that has no heading number; true when it got a section (whose heading holds the paragraph's label).</summary>
    private bool StartUnnumbered(Paragraph paragraph, Paragraph? content)
    {
        var top = Top;
        if (_last is { OwnsSection: true } last && last.Section == top && top.Style is not null && top.Parent is { } parent)
        {
            // Among numbered siblings: the problem gets a section of its own, numbered by inference.
            Pop();
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
            _item = NewItem(inferred, owns: true);
            return true;
        }
        _item = NewItem(top, owns: false);
        _item.Anchor = paragraph;
        AddIfAny(_item.Problem, content);
        return false;
    }

    private OutlineItem NewItem(OutlineSection section, bool owns)
    {
        var item = new OutlineItem { Section = section, OwnsSection = owns, Anchor = section.Heading };
        if (owns)
        {
            section.Item = item;
            AddIfAny(item.Problem, section.Content);
            item.Problem.AddRange(section.Pending);
            section.Pending.Clear();
        }
        item.Lines.AddRange(section.PendingLabelled);
        section.PendingLabelled.Clear();
        _items.Add(item);
        return item;
    }

    private static void AddIfAny(List<Paragraph> list, Paragraph? p)
    {
        if (p is not null) list.Add(p);
    }

    private void CloseItem()
    {
        if (_item is null) return;
        _last = _item;
        _item = null;
    }

    private void Pop()
    {
        var section = _stack[^1];
        _stack.RemoveAt(_stack.Count - 1);
        CloseSection(section);
    }

    private void CloseSection(OutlineSection section)
    {
        if (section is { Item: null, Children.Count: 0, Heading: not null } && TryUnlabelled(section)) return;
        Flush(section);
    }

    /// <summary>Paragraphs left under a heading are its own (narrative) text.</summary>
    private static void Flush(OutlineSection section)
    {
        section.Body.AddRange(section.Pending);
        section.Pending.Clear();
        foreach (var labelled in section.PendingLabelled) section.Body.Add(labelled.Paragraph);
        section.PendingLabelled.Clear();
    }

    /// <summary>
    /// A leaf heading without a label is a problem with an unlabelled rectification when it states a problem and
    /// the rectification follows: in the same paragraph after <c>…的问题。</c>, or in paragraphs from one that
    /// opens with <c>一是</c>, or (for a <c>针对…的问题</c> heading) in the paragraphs that follow.
    /// </summary>
    private bool TryUnlabelled(OutlineSection section)
    {
        var content = section.Content;
        if (content is null) return false;
        var text = content.Text;
        var sentenceEnd = FirstSentenceEnd(text);
        var firstSentence = text[..sentenceEnd].TrimEnd('。', '；', ';', '！', '？');
        var isPhrase = _rules.ProblemPhrases.Any(p => p.IsMatch(firstSentence));
        if (!isPhrase && !ContainsAny(firstSentence, _rules.ProblemCues)) return false;

        var rest = sentenceEnd < text.Length ? content.Slice(sentenceEnd, text.Length) : null;
        var pending = section.Pending;
        List<Paragraph> problem = [];
        List<Paragraph> rectification = [];
        if (rest is not null && (isPhrase || StartsWithOrdinal(rest.Text)))
        {
            problem.Add(content.Slice(0, sentenceEnd));
            rectification.Add(rest);
            rectification.AddRange(pending);
        }
        else if (rest is null && pending.FindIndex(p => StartsWithOrdinal(p.Text)) is var k and >= 0)
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
        pending.Clear();
        var item = new OutlineItem { Section = section, OwnsSection = true };
        section.Item = item;
        item.Problem.AddRange(problem);
        foreach (var p in rectification) item.Rectification.Add(new RectificationPart(p));
        item.Lines.AddRange(section.PendingLabelled);
        section.PendingLabelled.Clear();
        _items.Add(item);
        _warnings.Add(new OutlineWarning(WarningCodes.UnlabelledRectification,
            $"{section.MarkerText} has no rectification label such as “整改情况：”; the text after the problem is taken as the rectification",
            rectification[0]));
        return true;
    }

    private bool StartsWithOrdinal(string text)
    {
        foreach (var m in _rules.MeasureOrdinal.EnumerateMatches(text))
            return m.Index == 0;
        return text.StartsWith("首先", StringComparison.Ordinal);
    }

    internal static int FirstSentenceEnd(string text)
    {
        var quote = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c is '“' or '《' or '（' or '(') quote++;
            else if (c is '”' or '》' or '）' or ')') quote = Math.Max(0, quote - 1);
            else if (quote == 0 && c is '。' or '！' or '？' or '!' or '?') return i + 1;
        }
        return text.Length;
    }

    private static bool ContainsAny(string text, string[] words)
    {
        foreach (var w in words)
            if (text.Contains(w, StringComparison.Ordinal)) return true;
        return false;
    }

    // ------------------------------------------------------------------ style ranks and numbering

    /// <summary>
    /// The rank of <paramref name="style"/> in the document's order of styles; a style seen for the first time goes
    /// below the current heading's style, among the styles already there in rule-set order.
    /// </summary>
    private int RankOf(CompiledMarker? style, bool insert)
    {
        if (style is null) return -1;
        var rank = _styles.IndexOf(style);
        if (rank >= 0 || !insert) return rank;
        var position = Top.Style is { } topStyle ? _styles.IndexOf(topStyle) + 1 : 0;
        while (position < _styles.Count && _styles[position].Canonical < style.Canonical) position++;
        _styles.Insert(position, style);
        return position;
    }

    /// <summary>Numbers inferred sections from their siblings and reports gaps and repeats.</summary>
    private void Number(OutlineSection section)
    {
        var last = new Dictionary<CompiledMarker, OutlineSection>();
        for (var c = 0; c < section.Children.Count; c++)
        {
            var child = section.Children[c];
            last.TryGetValue(child.Style!, out var previous);
            if (child.Inferred)
            {
                child.Number = (previous?.Number ?? 0) + 1;
                child.MarkerText = (previous?.Marker ?? child.Marker!).Render(child.Number);
                var next = section.Children.Skip(c + 1).FirstOrDefault(s => !s.Inferred && s.Style == child.Style);
                _warnings.Add(new OutlineWarning(WarningCodes.InferredHeading,
                    $"the problem “{Extraction.TextTools.Snippet(child.Heading!.Text)}” has no number; inferred {child.MarkerText} "
                    + $"(between {previous?.MarkerText ?? "the start"} and {next?.MarkerText ?? "the end of " + Describe(section)})",
                    child.Heading));
            }
            else
            {
                var expected = (previous?.Number ?? 0) + 1;
                if (previous is not null && child.Number == previous.Number)
                    _warnings.Add(Marker(WarningCodes.NumberingRepeat, $"{child.MarkerText} repeats the number of the heading before it", child));
                else if (child.Number > expected)
                    _warnings.Add(Marker(WarningCodes.NumberingGap,
                        $"{child.MarkerText} follows {previous?.MarkerText ?? "the start of " + Describe(section)}: "
                        + $"{string.Join("", Enumerable.Range(expected, child.Number - expected).Take(5).Select(child.Marker!.Render))}"
                        + $"{(child.Number - expected > 5 ? "…" : "")} missing", child));
                else if (child.Number < expected)
                    _warnings.Add(Marker(WarningCodes.NumberingRepeat, $"{child.MarkerText} goes back after {previous!.MarkerText}", child));
            }
            last[child.Style!] = child;
            Number(child);
        }
    }

    private static OutlineWarning Marker(string code, string message, OutlineSection section) =>
        new(code, message, section.Heading, 0, section.Marker!.ContentStart);

    private static string Describe(OutlineSection section) =>
        section.Heading is null ? "the notice" : section.MarkerText;

}
