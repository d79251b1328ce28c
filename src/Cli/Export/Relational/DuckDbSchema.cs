using System.Text;

namespace Extractor.Cli.Export.Relational;

/// <summary>The SQL that creates the <see cref="DataSchema"/> tables in DuckDB, and the Chinese-named views over them.</summary>
internal static class DuckDbSchema
{
    /// <summary>The statuses, as the ENUM type <c>status</c> holds them.</summary>
    public const string StatusType = "CREATE TYPE status AS ENUM ('done', 'ongoing', 'unknown')";

    public static string TypeOf(DataType type) => type switch
    {
        DataType.Text => "VARCHAR",
        DataType.Integer => "INTEGER",
        DataType.Boolean => "BOOLEAN",
        DataType.Date => "DATE",
        DataType.Decimal => "DECIMAL(18,4)",
        DataType.Double => "DOUBLE",
        DataType.Status => "status",
        DataType.TextList => "VARCHAR[]",
        DataType.Blob => "BLOB",
        _ => throw new ArgumentOutOfRangeException(nameof(type)),
    };

    /// <summary><c>CREATE TABLE</c> for <paramref name="table"/>, with its primary key.</summary>
    public static string Create(DataTable table)
    {
        var sql = new StringBuilder($"CREATE TABLE {table.Name} (");
        foreach (var c in table.Columns) sql.Append($"{c.Name} {TypeOf(c.Type)}{(c.NotNull ? " NOT NULL" : "")}, ");
        return sql.Append($"PRIMARY KEY ({string.Join(", ", table.Key)}))").ToString();
    }

    /// <summary>A view <c>NAME_zh</c> of <paramref name="table"/> whose columns have their Chinese names.</summary>
    public static string ChineseView(DataTable table) =>
        $"CREATE OR REPLACE VIEW {table.Name}_zh AS SELECT {string.Join(", ", table.Columns.Select(c => $"{c.Name} AS \"{c.Chinese}\""))} FROM {table.Name}";
}
