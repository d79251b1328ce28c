using System.Text;
using ExcelDataReader;
using Extractor.Parsing.Tables;

namespace Extractor.Parsing.Readers.Spreadsheet;

/// <summary>A merged range of a sheet, 0-based and inclusive.</summary>
internal readonly record struct MergedRange(int FromRow, int FromColumn, int ToRow, int ToColumn);

/// <summary>
/// One sheet as read: the text of each non-empty cell (as displayed, see <see cref="CellFormat"/>) by row and column,
/// and its merged ranges. Only the first <see cref="TableGrid.MaxColumns"/> columns are read.
/// </summary>
internal sealed class Worksheet
{
    /// <summary>Most merged ranges honoured in a sheet; a real ledger has a few hundred.</summary>
    public const int MaxMerges = 10_000;

    private readonly SortedDictionary<int, SortedDictionary<int, string>> _rows = [];

    private Worksheet(string name, IReadOnlyList<MergedRange> merges)
    {
        Name = name;
        Merges = merges;
    }

    /// <summary>The sheet's name.</summary>
    public string Name { get; }

    /// <summary>The merged ranges, clamped to the columns read.</summary>
    public IReadOnlyList<MergedRange> Merges { get; }

    /// <summary>The non-empty rows, in order, each with its non-empty cells in column order.</summary>
    public IEnumerable<KeyValuePair<int, SortedDictionary<int, string>>> Rows => _rows;

    /// <summary>The number of characters the sheet's cells hold.</summary>
    public long Characters { get; private set; }

    /// <summary>The text of a cell, or null.</summary>
    public string? this[int row, int column] => _rows.TryGetValue(row, out var cells) && cells.TryGetValue(column, out var text) ? text : null;

    /// <summary>Reads the reader's current sheet, counting its text against <paramref name="budget"/> characters.</summary>
    /// <exception cref="NoticeFormatException">The cells hold more text than the budget.</exception>
    public static Worksheet Read(IExcelDataReader reader, long budget, CancellationToken cancellation)
    {
        var merges = (reader.MergeCells ?? [])
            .Where(m => m.FromColumn < TableGrid.MaxColumns && m.FromRow >= 0 && m.FromColumn >= 0)
            .Take(MaxMerges)
            .Select(m => new MergedRange(m.FromRow, m.FromColumn, Math.Max(m.FromRow, m.ToRow), Math.Clamp(m.ToColumn, m.FromColumn, TableGrid.MaxColumns - 1)))
            .ToList();
        var sheet = new Worksheet(reader.Name ?? "", merges);
        var row = -1;
        while (reader.Read())
        {
            row++;
            if ((row & 1023) == 0) cancellation.ThrowIfCancellationRequested();
            var width = Math.Min(reader.FieldCount, TableGrid.MaxColumns);
            for (var c = 0; c < width; c++)
            {
                if (reader.GetValue(c) is not { } value) continue;
                var text = Clean(CellFormat.Format(value, reader.GetNumberFormatString(c)));
                if (text.Length == 0) continue;
                sheet.Characters += text.Length;
                if (sheet.Characters > budget)
                    throw new NoticeFormatException(NoticeErrorKind.LimitExceeded, $"the workbook's cells hold more than {budget / (1024 * 1024)} million characters");
                if (!sheet._rows.TryGetValue(row, out var cells)) sheet._rows[row] = cells = [];
                cells[c] = text;
            }
        }
        return sheet;
    }

    /// <summary>Line ends made line feeds and the cell trimmed (Excel keeps Alt+Enter breaks as LF, some producers as CRLF).</summary>
    private static string Clean(string text)
    {
        if (text.Contains('\r')) text = text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n');
        return text.Trim();
    }

    /// <summary>A cell reference such as <c>Sheet1!B3</c> (a name with spaces or punctuation quoted, as Excel writes it).</summary>
    public string Reference(int row, int column)
    {
        var letters = new StringBuilder();
        for (var c = column + 1; c > 0; c = (c - 1) / 26) letters.Insert(0, (char)('A' + (c - 1) % 26));
        var name = Name.All(ch => char.IsLetterOrDigit(ch) || ch == '_') && Name.Length > 0 ? Name : "'" + Name.Replace("'", "''", StringComparison.Ordinal) + "'";
        return $"{name}!{letters}{row + 1}";
    }
}
