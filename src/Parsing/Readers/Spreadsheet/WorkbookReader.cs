using System.IO.Compression;
using ExcelDataReader;
using ExcelDataReader.Exceptions;
using Extractor.Parsing.Readers.PlainText;

namespace Extractor.Parsing.Readers.Spreadsheet;

/// <summary>
/// Reads a workbook with ExcelDataReader — the same code for Excel 97-2003 (BIFF) and Office Open XML — sheet by sheet
/// in the workbook's order, each laid out by <see cref="SheetLayout"/>. Hidden sheets (lists behind drop-downs) are
/// skipped with a warning. A workbook is refused when its package declares more than the decompression limit or its
/// cells hold more text than half of it.
/// </summary>
internal static class WorkbookReader
{
    /// <summary>The most rows a sheet of an Excel 97-2003 workbook holds ([MS-XLS] 2.4.90: a BIFF8 row index is 16-bit).</summary>
    private const int MaxBiffRows = 65_536;

    public static ExtractedDocument Read(byte[] bytes, bool openXml, InputFormat format, ReaderContext context)
    {
        var limits = context.Limits;
        var what = openXml ? "Excel workbook" : "Excel 97-2003 workbook";
        if (openXml) CheckPackage(bytes, limits);
        TextDecoder.EnsureRegistered();
        var builder = new ExtractedDocumentBuilder();
        var warnings = new List<Warning>();
        var budget = Math.Max(1, limits.MaxDecompressedBytes / 2);
        string? damaged = null;
        try
        {
            using var stream = new MemoryStream(bytes, writable: false);
            var configuration = new ExcelReaderConfiguration { FallbackEncoding = System.Text.Encoding.GetEncoding(936), LeaveOpen = true };
            using var reader = openXml ? ExcelReaderFactory.CreateOpenXmlReader(stream, configuration) : ExcelReaderFactory.CreateBinaryReader(stream, configuration);
            do
            {
                context.Cancellation.ThrowIfCancellationRequested();
                if (reader.VisibleState is "hidden" or "veryhidden")
                {
                    warnings.Add(new Warning { Code = WarningCodes.ContentSkipped, Message = $"the hidden sheet {reader.Name} was not read" });
                    continue;
                }
                if (!openXml && reader.RowCount > MaxBiffRows)
                {
                    // ExcelDataReader walks a .xls sheet's rows up to the count it declares, in blocks of 32, whatever the
                    // sheet holds, and cannot be cancelled meanwhile: a damaged count (two thousand million, in 7 KB files
                    // a fuzzer made) would keep it busy for minutes.
                    var message = string.Create(System.Globalization.CultureInfo.InvariantCulture,
                        $"the sheet {reader.Name} declares {reader.RowCount:N0} rows, more than a sheet of this format holds ({MaxBiffRows:N0})");
                    damaged ??= message;
                    warnings.Add(new Warning { Code = WarningCodes.ContentSkipped, Message = message + ": it is damaged and was not read" });
                    continue;
                }
                var sheet = Worksheet.Read(reader, budget, context.Cancellation);
                budget -= sheet.Characters;
                SheetLayout.Emit(sheet, builder);
            }
            while (reader.NextResult());
        }
        catch (InvalidPasswordException e)
        {
            throw new NoticeFormatException(NoticeErrorKind.Encrypted, $"the {what} is password-protected: it needs its password to be read", e);
        }
        catch (Exception e) when (e is not (NoticeFormatException or OperationCanceledException or OutOfMemoryException))
        {
            throw new NoticeFormatException(NoticeErrorKind.Corrupt, $"the {what} is damaged: {FirstLine(e.Message)}", e);
        }
        // Nothing read because the sheets were damaged is the workbook's damage, not an empty workbook.
        if (builder.Blocks.Count == 0 && damaged is not null)
            throw new NoticeFormatException(NoticeErrorKind.Corrupt, $"the {what} is damaged: {damaged}");
        return builder.Build(format, null, warnings);
    }

    private static string FirstLine(string message) => message.Split('\n')[0].Trim();

    /// <summary>Refuses a package whose parts declare more than the decompression limit, before any is inflated.</summary>
    private static void CheckPackage(byte[] bytes, ParserLimits limits)
    {
        try
        {
            using var zip = new ZipArchive(new MemoryStream(bytes, writable: false), ZipArchiveMode.Read);
            long total = 0;
            foreach (var entry in zip.Entries)
            {
                total += entry.Length;
                if (total > limits.MaxDecompressedBytes)
                    throw new NoticeFormatException(NoticeErrorKind.LimitExceeded,
                        $"the Excel workbook decompresses past the {limits.MaxDecompressedBytes / (1024 * 1024)} MiB limit");
            }
        }
        catch (InvalidDataException e)
        {
            throw new NoticeFormatException(NoticeErrorKind.Corrupt, "the file starts like an Excel workbook (a ZIP package) but is damaged or truncated", e);
        }
    }
}
