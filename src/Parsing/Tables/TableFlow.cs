using Extractor.Parsing.Normalization;
using Extractor.Parsing.Outline;
using Extractor.Parsing.Rules;

namespace Extractor.Parsing.Tables;

/// <summary>A paragraph of running text, or a table that stays one unit.</summary>
internal readonly record struct FlowEntry(Paragraph? Paragraph, Unit? Table);

/// <summary>
/// Decides what each table of a document is. A table is data only when its header names columns
/// (<see cref="TableLayout.HasHeader"/>): then it is one unit — with its layout when it is a table-form notice, whose
/// rows above the header (a title merged across the table, notes, empty rows) come first as paragraphs. Any other
/// table only lays text out — the whole notice in one cell, a paragraph per row, markers in a column of their own —
/// and reads as flowing text: each row's cells in order, a row of one-line cells as one paragraph (a lone marker
/// or label joined to the text beside it: <c>一、</c> | <c>总体情况</c> → <c>一、总体情况</c>), a cell of several
/// paragraphs as those paragraphs.
/// </summary>
internal static class TableFlow
{
    public static List<FlowEntry> Expand(IReadOnlyList<Paragraph> paragraphs, CompiledRules rules, IReadOnlyList<ExtractedTable> tables)
    {
        var entries = new List<FlowEntry>(paragraphs.Count);
        for (var i = 0; i < paragraphs.Count; i++)
        {
            var p = paragraphs[i];
            if (p.Block.Table is not { } t)
            {
                entries.Add(new FlowEntry(p, null));
                continue;
            }
            var cells = new Dictionary<int, Paragraph>();
            for (; i < paragraphs.Count && paragraphs[i].Block.Table == t; i++) cells[paragraphs[i].BlockIndex] = paragraphs[i];
            i--;
            if (t >= tables.Count) continue;
            var table = tables[t];
            Paragraph? Text(TableCell? cell) => TableLayout.CellText(cell, cells);
            var layout = TableLayout.Analyze(table, Text, rules);
            if (layout is not null)
            {
                for (var r = 0; r < layout.HeaderStart; r++)
                    foreach (var cell in TableLayout.Distinct(table.Rows[r]))
                        entries.AddRange(Paragraphs(cell, cells).Select(x => new FlowEntry(x, null)));
                entries.Add(new FlowEntry(null, TableUnit(p, table, cells, layout)));
            }
            else if (TableLayout.HasHeader(table, Text, rules))
            {
                entries.Add(new FlowEntry(null, TableUnit(p, table, cells, null)));
            }
            else
            {
                foreach (var row in table.Rows)
                    entries.AddRange(Row(row, cells, rules).Select(x => new FlowEntry(x, null)));
            }
        }
        return entries;
    }

    private static Unit TableUnit(Paragraph first, ExtractedTable table, Dictionary<int, Paragraph> cells, TableLayout? layout) =>
        new(first, UnitKind.Table) { Table = table, Cells = cells, Layout = layout };

    /// <summary>The paragraphs of a cell, in order.</summary>
    private static List<Paragraph> Paragraphs(TableCell cell, Dictionary<int, Paragraph> cells) =>
        [.. cell.Blocks.Where(cells.ContainsKey).Select(b => cells[b])];

    /// <summary>The paragraphs a row of a layout table reads as; a cell merged down from the row above is not read again.</summary>
    private static List<Paragraph> Row(IReadOnlyList<TableCell?> row, Dictionary<int, Paragraph> cells, CompiledRules rules)
    {
        var parts = TableLayout.Distinct(row).Select(c => Paragraphs(c, cells)).Where(c => c.Count > 0).ToList();
        var result = new List<Paragraph>();
        Paragraph? pending = null;
        foreach (var part in parts)
        {
            for (var k = 0; k < part.Count; k++)
            {
                var paragraph = part[k];
                if (pending is not null)
                {
                    paragraph = Normalizer.Join([pending, paragraph], Separator(pending, rules));
                    pending = null;
                }
                var single = parts.Count > 1 && parts.All(x => x.Count == 1);
                var last = ReferenceEquals(part, parts[^1]) && k == part.Count - 1;
                if (!last && (single || (k == part.Count - 1 && IsLone(paragraph, rules))))
                    pending = paragraph;
                else
                    result.Add(paragraph);
            }
        }
        if (pending is not null) result.Add(pending);
        return result;
    }

    /// <summary>A marker or label with nothing after it.</summary>
    private static bool IsLone(Paragraph p, CompiledRules rules) =>
        MarkerRecognizer.Recognize(p.Text, rules) is { } marker && marker.ContentStart == p.Text.Length
        || rules.Labels.MatchAt(p.Text) is { } label && label.ContentStart == p.Text.Length;

    /// <summary>Nothing after a lone marker, a colon after a lone label, a space between other cells.</summary>
    private static string Separator(Paragraph before, CompiledRules rules)
    {
        var text = before.Text;
        if (MarkerRecognizer.Recognize(text, rules) is { } marker && marker.ContentStart == text.Length) return "";
        if (rules.Labels.MatchAt(text) is { } label && label.ContentStart == text.Length)
            return text.EndsWith('：') || text.EndsWith(':') ? "" : "：";
        return " ";
    }
}
