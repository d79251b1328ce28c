using System.Text;
using CsvHelper;

namespace Extractor.Cli.Export;

/// <summary>
/// Writes a table as RFC 4180 CSV (CsvHelper): a header row, then rows, CRLF line ends. Text that a spreadsheet would run
/// as a formula (starting with <c>= + - @</c>) is escaped so that it shows as text: notices come from the web.
/// </summary>
internal sealed class CsvTable : IDisposable
{
    private readonly CsvWriter _csv;
    private bool _disposed;

    /// <summary>UTF-8 with a byte-order mark, so that Excel opens Chinese text right.</summary>
    public static readonly Encoding ExcelUtf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: true);

    /// <summary>Starts a table with its header row, the columns' names in <paramref name="headers"/> (<c>en</c> or <c>zh</c>).</summary>
    public CsvTable(TextWriter writer, IReadOnlyList<Column> columns, string headers = "en")
    {
        _csv = CsvWriter.Create(writer, new CsvWriterOptions { Injection = CsvInjection.Escape }, leaveOpen: true);
        _csv.WriteHeader([.. columns.Select(c => c.Header(headers))]);
    }

    public void Write(string[] row) => _csv.WriteRecord(row);

    public void Flush() => _csv.Flush();

    public void Dispose()
    {
        if (_disposed) return;
        _disposed = true;
        _csv.Dispose();
    }
}
