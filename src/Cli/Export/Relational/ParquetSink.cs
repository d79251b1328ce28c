using Extractor.Cli.Batch;
using Extractor.Cli.IO;
using Parquet;
using Parquet.Schema;
using Parquet.Serialization;

namespace Extractor.Cli.Export.Relational;

/// <summary>
/// Writes the <see cref="DataSchema"/> tables as Parquet files in a folder (<c>notices.parquet</c>, <c>items.parquet</c>…)
/// for Spark, DuckDB or pandas. Rows are buffered per table and written a row group at a time (Parquet.Net), so memory
/// stays flat; each file is written to a temporary file and renamed into place when the batch completes. The
/// <c>fingerprint</c> of <c>notices</c> (bytes only a later <c>--append</c> to a database reads) is left out.
/// </summary>
internal sealed class ParquetSink : IResultSink
{
    /// <summary>Rows per row group.</summary>
    internal const int RowGroupSize = 10_000;

    private sealed class TableFile(DataTable table, AtomicFile file)
    {
        public DataTable Table { get; } = table;
        public AtomicFile File { get; } = file;
        public FileStream Stream { get; } = file.OpenWrite();
        public ParquetSchema Schema { get; } = new(table.Columns.Where(c => c.Type != DataType.Blob).Select(FieldOf));
        public List<IDictionary<string, object?>> Rows { get; } = [];
        public bool Started { get; set; }
    }

    private readonly Dictionary<DataTable, TableFile> _files = [];

    /// <summary>Starts a Parquet file per table in <paramref name="directory"/>.</summary>
    /// <exception cref="AtomicFile.ExistsException">One of the files exists and <paramref name="force"/> is not given.</exception>
    public ParquetSink(string directory, bool force)
    {
        var existing = DataSchema.All.Select(t => Path.Combine(directory, t.Name + ".parquet")).Where(File.Exists).ToList();
        if (!force && existing.Count > 0) throw new AtomicFile.ExistsException(existing[0], existing.Count - 1);
        try
        {
            foreach (var table in DataSchema.All)
                _files[table] = new TableFile(table, AtomicFile.Begin(Path.Combine(directory, table.Name + ".parquet"), force));
        }
        catch
        {
            Dispose();
            throw;
        }
    }

    /// <summary>The file names this sink writes in its folder.</summary>
    public static IEnumerable<string> FileNames => DataSchema.All.Select(t => t.Name + ".parquet");

    public void Write(FileOutcome outcome)
    {
        foreach (var row in DataRows.Of(outcome))
        {
            var file = _files[row.Table];
            var values = new Dictionary<string, object?>(row.Values.Length, StringComparer.Ordinal);
            for (var i = 0; i < row.Values.Length; i++)
                if (row.Table.Columns[i].Type != DataType.Blob) values[row.Table.Columns[i].Name] = ValueOf(row.Table.Columns[i].Type, row.Values[i]);
            file.Rows.Add(values);
            if (file.Rows.Count >= RowGroupSize) Flush(file);
        }
    }

    public void Complete()
    {
        foreach (var file in _files.Values)
        {
            if (file.Rows.Count > 0 || !file.Started) Flush(file); // an empty table is still a file with its schema
            file.Stream.Flush(flushToDisk: true);
            file.Stream.Dispose();
            file.File.Commit();
        }
    }

    public void Dispose()
    {
        foreach (var file in _files.Values)
        {
            file.Stream.Dispose();
            file.File.Dispose();
        }
    }

    /// <summary>Writes the buffered rows as a row group (Parquet.Net is asynchronous; a sink is not, and there is no synchronization context here).</summary>
    private static void Flush(TableFile file)
    {
        var options = new ParquetOptions { UseDateOnlyTypeForDates = true, Append = file.Started };
        ParquetSerializer.SerializeUntypedAsync(file.Rows, file.Schema, file.Stream, options).GetAwaiter().GetResult();
        file.Started = true;
        file.Rows.Clear();
    }

    private static Field FieldOf(DataColumn column) => column.Type switch
    {
        DataType.Text or DataType.Status => new DataField<string>(column.Name, !column.NotNull),
        DataType.Integer => column.NotNull ? new DataField<int>(column.Name) : new DataField<int?>(column.Name),
        DataType.Boolean => new DataField<bool?>(column.Name),
        DataType.Date => new DataField<DateOnly?>(column.Name),
        DataType.Decimal => new DecimalDataField(column.Name, 18, 4, isNullable: true),
        DataType.Double => new DataField<double?>(column.Name),
        DataType.TextList => new ListField(column.Name, new DataField<string>("element", true)),
        _ => throw new ArgumentOutOfRangeException(nameof(column)),
    };

    /// <summary>The value as Parquet.Net's untyped rows take it: the elements of a list of strings as character memory.</summary>
    private static object? ValueOf(DataType type, object? value) => type == DataType.TextList
        ? ((IReadOnlyList<string>?)value ?? []).Select(s => (ReadOnlyMemory<char>?)s.AsMemory()).ToArray()
        : value;
}
