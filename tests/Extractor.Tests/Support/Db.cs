using DuckDB.NET.Data;

namespace Extractor.Tests.Support;

/// <summary>Opens a DuckDB database the way an analyst would, and reads query results as rows of values.</summary>
internal sealed class Db : IDisposable
{
    private readonly DuckDBConnection _connection;

    public Db(string path)
    {
        _connection = new DuckDBConnection(path == ":memory:" ? "Data Source=:memory:" : $"Data Source={path};ACCESS_MODE=READ_ONLY");
        _connection.Open();
    }

    public static Db InMemory() => new(":memory:");

    public List<object?[]> Query(string sql)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var rows = new List<object?[]>();
        while (reader.Read())
            rows.Add([.. Enumerable.Range(0, reader.FieldCount).Select(i => reader.IsDBNull(i) ? null : reader.GetValue(i))]);
        return rows;
    }

    public object? Scalar(string sql) => Query(sql).Single()[0];

    /// <summary>A count or sum, whatever integer type DuckDB gives it (a sum is a HUGEINT).</summary>
    public long Count(string sql) => long.Parse(Convert.ToString(Scalar(sql), System.Globalization.CultureInfo.InvariantCulture)!, System.Globalization.CultureInfo.InvariantCulture);

    public void Dispose() => _connection.Dispose();
}
