using DuckDB.NET.Data;
using Extractor.Cli.Batch;
using Extractor.Cli.Dedup;
using Extractor.Cli.IO;

namespace Extractor.Cli.Export.Relational;

/// <summary>
/// Writes a DuckDB database (<see cref="DataSchema"/>): one transaction for the whole batch, rows streamed in with
/// appenders. A new database is built in a temporary file and renamed into place when committed; with
/// <c>--append</c> an existing one is added to in a transaction, so a batch that fails leaves it as it was. A file
/// whose content hash is already in <c>notices</c> — loaded by an earlier run, or an identical file earlier in this
/// batch — is not loaded again; an earlier error for a file is replaced by what became of it now.
/// </summary>
internal sealed class DuckDbSink : IResultSink
{
    private readonly DuckDBConnection _connection;
    private readonly DuckDBTransaction _transaction;
    private readonly Dictionary<DataTable, DuckDBAppender> _appenders = [];
    private readonly HashSet<string> _loaded = new(StringComparer.Ordinal);
    private readonly HashSet<string> _erred = new(StringComparer.Ordinal);
    private readonly AtomicFile? _file;
    private readonly string _headers;
    private bool _done;

    /// <summary>Opens (with <paramref name="append"/>) or creates the database at <paramref name="path"/>.</summary>
    /// <exception cref="AtomicFile.ExistsException">It exists, and neither replacing nor appending was asked for.</exception>
    /// <exception cref="NotOurDatabaseException">With <paramref name="append"/>, the file is not a database this tool wrote.</exception>
    public DuckDbSink(string path, bool force, bool append, string headers)
    {
        _headers = headers;
        var existing = append && File.Exists(path);
        if (!existing)
        {
            _file = AtomicFile.Begin(path, force);
            File.Delete(_file.TempPath); // DuckDB creates its file itself; an empty one is not a database to it
        }
        _connection = new DuckDBConnection($"Data Source={(existing ? path : _file!.TempPath)}");
        try
        {
            _connection.Open();
            _transaction = _connection.BeginTransaction();
            if (existing) ReadExisting(path);
            else CreateSchema();
            foreach (var table in DataSchema.All) _appenders[table] = _connection.CreateAppender(table.Name);
        }
        catch
        {
            Abandon();
            _connection.Dispose();
            _file?.Dispose();
            throw;
        }
    }

    /// <summary>Files not loaded because their content was already in the database.</summary>
    public int AlreadyLoaded { get; private set; }

    /// <summary>Tells <paramref name="finder"/> the notices loaded before, so that a copy of one is found in this batch too.</summary>
    public void Seed(DuplicateFinder finder)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = "SELECT hash, file, fingerprint FROM notices WHERE duplicateOf IS NULL AND fingerprint IS NOT NULL ORDER BY rowid";
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            using var blob = reader.GetStream(2);
            using var bytes = new MemoryStream();
            blob.CopyTo(bytes);
            if (TextFingerprint.FromBytes(bytes.ToArray()) is { } fingerprint)
                finder.Add(fingerprint, reader.GetString(1), reader.GetString(0), earlierRun: true);
        }
    }

    public void Write(FileOutcome outcome)
    {
        if (_erred.Remove(outcome.File.DisplayPath)) Execute("DELETE FROM errors WHERE file = $1", outcome.File.DisplayPath);
        if (outcome.Parsed && outcome.ContentHash is { } hash && !_loaded.Add(hash))
        {
            AlreadyLoaded++;
            return;
        }
        foreach (var row in DataRows.Of(outcome)) Append(_appenders[row.Table], row);
    }

    public void Complete()
    {
        foreach (var appender in _appenders.Values) appender.Close();
        if (_headers == "zh")
            foreach (var table in DataSchema.All) Execute(DuckDbSchema.ChineseView(table));
        _transaction.Commit();
        _done = true;
        foreach (var appender in _appenders.Values) appender.Dispose();
        _appenders.Clear();
        _connection.Close(); // checkpoints: the database is one file again
        _file?.Commit();
    }

    public void Dispose()
    {
        if (!_done) Abandon();
        _connection.Dispose();
        _file?.Dispose();
    }

    /// <summary>Rolls back whatever this batch wrote and lets go of the database.</summary>
    private void Abandon()
    {
        _done = true;
        foreach (var appender in _appenders.Values)
        {
            try { appender.Dispose(); } catch (DuckDBException) { } // its rows are rolled back with the transaction
        }
        _appenders.Clear();
        try { _transaction?.Rollback(); } catch (Exception e) when (e is DuckDBException or InvalidOperationException) { }
        if (_connection.State == System.Data.ConnectionState.Open) _connection.Close();
        if (_file is not null) File.Delete(_file.TempPath + ".wal");
    }

    private void CreateSchema()
    {
        Execute(DuckDbSchema.StatusType);
        foreach (var table in DataSchema.All) Execute(DuckDbSchema.Create(table));
    }

    private void ReadExisting(string path)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM information_schema.tables WHERE table_name IN ('notices', 'errors')";
        if (Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture) != 2) throw new NotOurDatabaseException(path);
        command.CommandText = "SELECT hash FROM notices";
        using (var reader = command.ExecuteReader())
            while (reader.Read()) _loaded.Add(reader.GetString(0));
        command.CommandText = "SELECT file FROM errors";
        using (var reader = command.ExecuteReader())
            while (reader.Read()) _erred.Add(reader.GetString(0));
    }

    private void Execute(string sql, params object[] parameters)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = sql;
        foreach (var value in parameters) command.Parameters.Add(new DuckDBParameter(value));
        command.ExecuteNonQuery();
    }

    private static void Append(DuckDBAppender appender, DataRow row)
    {
        var r = appender.CreateRow();
        for (var i = 0; i < row.Values.Length; i++)
        {
            var value = row.Values[i];
            if (value is null)
            {
                r.AppendNullValue();
                continue;
            }
            switch (row.Table.Columns[i].Type)
            {
                case DataType.Text or DataType.Status: r.AppendValue((string)value); break;
                case DataType.Integer: r.AppendValue((int?)(int)value); break;
                case DataType.Boolean: r.AppendValue((bool?)(bool)value); break;
                case DataType.Date: r.AppendValue((DateOnly?)(DateOnly)value); break;
                case DataType.Decimal: r.AppendValue((decimal?)(decimal)value); break;
                case DataType.Double: r.AppendValue((double?)(double)value); break;
                case DataType.TextList: r.AppendValue((IEnumerable<string>)value); break;
                case DataType.Blob: r.AppendValue((byte[])value); break;
                default: throw new InvalidOperationException($"no way to append a {row.Table.Columns[i].Type}");
            }
        }
        r.EndRow();
    }
}

/// <summary>The database named for <c>--append</c> was not written by this tool.</summary>
internal sealed class NotOurDatabaseException(string path) : Exception($"{path} is not a database this tool wrote")
{
    public string Path { get; } = path;
}
