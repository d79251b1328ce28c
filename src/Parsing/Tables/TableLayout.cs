using Extractor.Parsing.Normalization;
using Extractor.Parsing.Rules;
using Extractor.Parsing.Text;

namespace Extractor.Parsing.Tables;

/// <summary>
/// How a table-form notice (整改台账) is laid out: where its header is, how many rows it has, and what each column
/// holds. The header is the first rows (up to three) that name known columns; above it may stand up to
/// <see cref="MaxLeadingRows"/> rows that name none — a title merged across the table (巡察反馈问题整改台账), a notes
/// row (填报单位：…), an empty row — which are the notice's text, not data. With a multi-row header each column takes
/// its lowest name (<c>整改情况</c> over <c>整改措施</c> and <c>整改进展</c> gives those two), and the role of the
/// name above when its own is not known. A table is a table-form notice when it has a problem column and a
/// rectification column.
/// </summary>
internal sealed record TableLayout(int HeaderStart, int HeaderRows, IReadOnlyList<string> Names, IReadOnlyList<TableColumnRole> Roles)
{
    /// <summary>Most rows above the header (title, notes, empty rows).</summary>
    public const int MaxLeadingRows = 5;

    /// <summary>The first problem column.</summary>
    public int ProblemColumn => Roles.ToList().IndexOf(TableColumnRole.Problem);

    /// <summary>The first row of data, below the header.</summary>
    public int BodyStart => HeaderStart + HeaderRows;

    public static TableLayout? Analyze(ExtractedTable table, Func<TableCell?, Paragraph?> text, CompiledRules rules)
    {
        var start = FindHeaderStart(table, text, rules);
        if (start < 0 || start >= table.Rows.Count - 1) return null;
        var width = table.Rows[0].Count;
        var headerRows = 0;
        for (var r = start; r < Math.Min(start + 3, table.Rows.Count - 1) && NamesColumns(table.Rows[r], text, rules); r++)
            headerRows++;

        var columnNames = new string[width];
        var roles = new TableColumnRole[width];
        for (var c = 0; c < width; c++)
        {
            string? name = null;
            TableColumnRole? role = null;
            for (var r = start + headerRows - 1; r >= start; r--)
            {
                var n = Name(text(table.Rows[r][c]));
                if (n.Length == 0) continue;
                name ??= n;
                if (rules.TableColumns.TryGetValue(n, out var known)) { role ??= known; break; }
            }
            columnNames[c] = name ?? "";
            roles[c] = role ?? Guess(name ?? "", rules);
        }
        if (!roles.Contains(TableColumnRole.Problem) || !roles.Contains(TableColumnRole.Rectification)) return null;
        return new TableLayout(start, headerRows, columnNames, roles);
    }

    /// <summary>
    /// True when the table has a header that names columns — data, whether or not a notice — as against a table used to
    /// lay text out (the whole notice in one cell, a paragraph per row, markers in a column of their own).
    /// </summary>
    /// <remarks>
    /// A header of data names two columns at least, by the table's column names or the field labels (责任单位, 完成时限):
    /// one name beside its text (整改情况 | 已完成。) is a label, not a header.
    /// </remarks>
    public static bool HasHeader(ExtractedTable table, Func<TableCell?, Paragraph?> text, CompiledRules rules) =>
        FindHeaderStart(table, text, rules, known: 2, labels: true) >= 0;

    /// <summary>The first row among the first few that names <paramref name="known"/> known columns, or -1.</summary>
    private static int FindHeaderStart(ExtractedTable table, Func<TableCell?, Paragraph?> text, CompiledRules rules, int known = 1, bool labels = false)
    {
        for (var r = 0; r <= MaxLeadingRows && r < table.Rows.Count; r++)
            if (NamesColumns(table.Rows[r], text, rules, known, labels)) return r;
        return -1;
    }

    /// <summary>A row of short names of which <paramref name="known"/> at least are column names (or, with <paramref name="labels"/>, label names).</summary>
    private static bool NamesColumns(IReadOnlyList<TableCell?> row, Func<TableCell?, Paragraph?> text, CompiledRules rules, int known = 1, bool labels = false)
    {
        var names = Distinct(row).Select(c => Name(text(c))).ToList();
        return !names.Any(n => n.Length > 30)
            && names.Count(n => rules.TableColumns.ContainsKey(n) || (labels && n.Length > 0 && rules.Labels.MatchAt(n) is { } l && l.ContentStart == n.Length)) >= known;
    }

    /// <summary>A cell's paragraphs joined by line feeds; null for an empty cell.</summary>
    public static Paragraph? CellText(TableCell? cell, IReadOnlyDictionary<int, Paragraph> cells)
    {
        if (cell is null) return null;
        var parts = cell.Blocks.Where(cells.ContainsKey).Select(b => cells[b]).ToList();
        return parts.Count == 0 ? null : Normalizer.Join(parts, "\n");
    }

    /// <summary>The cells of a row, each merged cell once, in column order.</summary>
    public static IEnumerable<TableCell> Distinct(IReadOnlyList<TableCell?> row)
    {
        TableCell? last = null;
        foreach (var cell in row)
        {
            if (cell is not null && !ReferenceEquals(cell, last)) yield return cell;
            last = cell;
        }
    }

    /// <summary>A header cell's name without spaces or line breaks.</summary>
    private static string Name(Paragraph? p) => p is null ? "" : string.Concat(p.Text.Where(c => !CharClass.IsSpace(c) && c is not ('\n' or '\r')));

    /// <summary>A role for a name in no list, by the rule set's guesses (<c>问题</c> → problem; <c>整改</c> with <c>措施</c>/<c>情况</c>/<c>进展</c> → rectification).</summary>
    private static TableColumnRole Guess(string name, CompiledRules rules) =>
        rules.GuessProblemColumn.IsMatch(name) ? TableColumnRole.Problem
        : rules.GuessRectificationColumn.IsMatch(name) ? TableColumnRole.Rectification
        : TableColumnRole.Field;
}

/// <summary>The role of a column of a table-form notice.</summary>
internal enum TableColumnRole { Field, Problem, Rectification, Status, Index, Category }
