using Extractor.Parsing.Outline;
using Extractor.Parsing.Rules;

namespace Extractor.Parsing.Tables;

/// <summary>
/// A table-form notice (整改台账) gives an item per row under the current section: the problem column is the problem, the
/// rectification columns (in order, each labelled with its column name) the rectification, the status column a
/// status line, the others fields. A row that spans the whole width is a category: a heading when it opens with a
/// marker, otherwise a category field (<see cref="TableColumnRules.CategoryField"/>) of the rows below; so is a row
/// whose only cell stands left of the problem column (<see cref="IsCategory"/>). A row whose
/// problem cell is merged with the row above adds to that item.
/// </summary>
internal sealed class TableFormRule : OutlineRule
{
    public override bool TryOpen(OutlineProcessor processor, Unit unit)
    {
        if (unit is not { Kind: UnitKind.Table, Layout: { } layout, Table: { } table }) return false;
        var rules = processor.Rules;
        processor.CloseItem();
        LabelledParagraph? category = null;
        TableCell? previousProblem = null;
        for (var r = layout.BodyStart; r < table.Rows.Count; r++)
        {
            var row = table.Rows[r];
            var distinct = TableLayout.Distinct(row).Where(c => unit.CellText(c) is not null).ToList();
            if (distinct.Count == 0) continue;
            if (distinct.Count == 1 && IsCategory(row, distinct[0], layout, unit) && !(row[layout.ProblemColumn] is { } merged && ReferenceEquals(merged, previousProblem)))
            {
                var text = unit.CellText(distinct[0])!;
                processor.CloseItem();
                previousProblem = null;
                var heading = Segmenter.Classify(text, rules);
                if (heading.Kind == UnitKind.Heading)
                {
                    processor.OpenSection(heading);
                    category = null;
                }
                else
                {
                    category = new LabelledParagraph(new LabelMatch(LabelKind.Field, rules.TableCategoryField, 0, 0), text);
                }
                continue;
            }
            var problemCell = row[layout.ProblemColumn];
            var continues = problemCell is not null && ReferenceEquals(problemCell, previousProblem) && processor.Item is not null;
            if (!continues)
            {
                processor.CloseItem();
                var opened = processor.OpenItem(processor.Top, owns: false);
                opened.Anchor = unit.CellText(distinct[0]);
                if (category is { } c) opened.Lines.Add(c);
                if (unit.CellText(problemCell) is { } problem) opened.Problem.Add(problem);
            }
            var item = processor.Item!;
            for (var col = 0; col < row.Count; col++)
            {
                var cell = row[col];
                if (cell is null || (col > 0 && ReferenceEquals(cell, row[col - 1]))) continue;
                if (continues && ReferenceEquals(cell, table.Rows[r - 1][col])) continue; // merged with the row above: already taken
                if (unit.CellText(cell) is not { } value) continue;
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
        processor.CloseItem();
        return true;
    }

    /// <summary>
    /// The only cell of a row is a category when it spans half the row or more, or when it stands left of the problem
    /// column (typed in the 序号 column and left to overflow, as spreadsheets are kept) and is more than a number.
    /// </summary>
    private static bool IsCategory(IReadOnlyList<TableCell?> row, TableCell cell, TableLayout layout, Unit unit)
    {
        if (row.Count(c => ReferenceEquals(c, cell)) * 2 >= row.Count) return true;
        var last = -1;
        for (var c = 0; c < row.Count; c++)
            if (ReferenceEquals(row[c], cell)) last = c;
        return last < layout.ProblemColumn && unit.CellText(cell) is { } text && !text.Text.All(ch => char.IsAsciiDigit(ch) || ch is '.' or ' ');
    }
}
