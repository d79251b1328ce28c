namespace Extractor.Parsing.Tables;

/// <summary>Spreads cells with row and column spans over a grid, the way HTML and Word lay tables out.</summary>
internal sealed class TableGrid
{
    /// <summary>Largest span honoured; bigger values are clamped, so a hostile <c>rowspan="100000000"</c> costs nothing.</summary>
    public const int MaxSpan = 1000;

    /// <summary>Most columns kept.</summary>
    public const int MaxColumns = 200;

    /// <summary>Most grid positions spans may fill in one table; past it spans count as 1.</summary>
    public const int MaxPositions = 500_000;

    private readonly List<List<TableCell?>> _rows = [];
    private int _current = -1;
    private int _filled;

    /// <summary>Starts the next row.</summary>
    public void NewRow()
    {
        _current++;
        while (_rows.Count <= _current) _rows.Add([]);
    }

    /// <summary>Places a cell at the first free position of the current row, covering its spans.</summary>
    public void Add(TableCell cell, int rowSpan, int colSpan)
    {
        if (_current < 0) NewRow();
        rowSpan = Math.Clamp(rowSpan, 1, MaxSpan);
        colSpan = Math.Clamp(colSpan, 1, MaxSpan);
        if (_filled + (long)rowSpan * colSpan > MaxPositions) rowSpan = colSpan = 1;
        _filled += rowSpan * colSpan;
        var row = _rows[_current];
        var c = 0;
        while (c < row.Count && row[c] is not null) c++;
        if (c >= MaxColumns) return;
        for (var dr = 0; dr < rowSpan; dr++)
        {
            while (_rows.Count <= _current + dr) _rows.Add([]);
            var target = _rows[_current + dr];
            for (var dc = 0; dc < colSpan && c + dc < MaxColumns; dc++)
            {
                while (target.Count <= c + dc) target.Add(null);
                target[c + dc] ??= cell;
            }
        }
    }

    /// <summary>Marks cells of the current row that continue a vertically merged cell from the row above (Word's <c>vMerge</c>).</summary>
    public void ContinueFromAbove(int column)
    {
        if (_current <= 0) return;
        var above = _rows[_current - 1];
        var row = _rows[_current];
        while (row.Count <= column) row.Add(null);
        if (column < above.Count) row[column] ??= above[column];
    }

    /// <summary>The number of columns a cell placed now would start at.</summary>
    public int NextColumn
    {
        get
        {
            if (_current < 0) return 0;
            var row = _rows[_current];
            var c = 0;
            while (c < row.Count && row[c] is not null) c++;
            return c;
        }
    }

    /// <summary>The grid: rows a span reached past the last real row are dropped, and every row padded to the same width.</summary>
    public ExtractedTable Build()
    {
        var rows = _rows.Take(_current + 1).ToList();
        var width = rows.Count == 0 ? 0 : rows.Max(r => r.Count);
        foreach (var row in rows)
            while (row.Count < width) row.Add(null);
        return new ExtractedTable(rows);
    }
}
