using Extractor.Parsing.Documents;
using Extractor.Parsing.Rules;
using Extractor.Parsing.Text;

namespace Extractor.Parsing.Outline;

/// <summary>
/// How a table-form notice (整改台账) is laid out: how many header rows, and what each column holds. The header is the
/// first rows (up to three) that name known columns; with a multi-row header each column takes its lowest name
/// (<c>整改情况</c> over <c>整改措施</c> and <c>整改进展</c> gives those two), and the role of the name above when its own
/// is not known. A table is a table-form notice when it has a problem column and a rectification column.
/// </summary>
internal sealed record TableLayout(int HeaderRows, IReadOnlyList<string> Names, IReadOnlyList<TableColumnRole> Roles)
{
    /// <summary>The first problem column.</summary>
    public int ProblemColumn => Roles.ToList().IndexOf(TableColumnRole.Problem);

    public static TableLayout? Analyze(ExtractedTable table, Func<TableCell?, Paragraph?> text, CompiledRules rules)
    {
        if (table.Rows.Count < 2) return null;
        var width = table.Rows[0].Count;
        var headerRows = 0;
        for (var r = 0; r < Math.Min(3, table.Rows.Count - 1); r++)
        {
            var names = table.Rows[r].Select(c => Name(text(c))).ToList();
            if (names.Any(n => n.Length > 30) || !names.Any(n => rules.TableColumns.ContainsKey(n))) break;
            headerRows = r + 1;
        }
        if (headerRows == 0) return null;

        var columnNames = new string[width];
        var roles = new TableColumnRole[width];
        for (var c = 0; c < width; c++)
        {
            string? name = null;
            TableColumnRole? role = null;
            for (var r = headerRows - 1; r >= 0; r--)
            {
                var n = Name(text(table.Rows[r][c]));
                if (n.Length == 0) continue;
                name ??= n;
                if (rules.TableColumns.TryGetValue(n, out var known)) { role ??= known; break; }
            }
            columnNames[c] = name ?? "";
            roles[c] = role ?? Guess(name ?? "");
        }
        if (!roles.Contains(TableColumnRole.Problem) || !roles.Contains(TableColumnRole.Rectification)) return null;
        return new TableLayout(headerRows, columnNames, roles);
    }

    /// <summary>A header cell's name without spaces or line breaks.</summary>
    private static string Name(Paragraph? p) => p is null ? "" : string.Concat(p.Text.Where(c => !CharClass.IsSpace(c) && c is not ('\n' or '\r')));

    /// <summary>A role for an unknown name by its words: 问题 → problem; 整改 with 措施/情况/进展 → rectification.</summary>
    private static TableColumnRole Guess(string name) =>
        name.Contains("问题", StringComparison.Ordinal) ? TableColumnRole.Problem
        : name.Contains("整改", StringComparison.Ordinal) && (name.Contains("措施", StringComparison.Ordinal) || name.Contains("情况", StringComparison.Ordinal)
            || name.Contains("进展", StringComparison.Ordinal)) ? TableColumnRole.Rectification
        : TableColumnRole.Field;
}
