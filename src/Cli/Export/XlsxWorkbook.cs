using System.Text.Json;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Extractor.Cli.Export;

/// <summary>
/// Writes an Excel workbook (DocumentFormat.OpenXml) whose sheets are streamed: rows are spooled to a temporary file
/// while the batch runs and written with <see cref="OpenXmlWriter"/> at the end, so memory stays flat. Each sheet has a
/// bold, frozen header row, an autofilter and column widths fitted to the content.
/// </summary>
/// <param name="spoolDirectory">Where the rows are spooled: the output's folder, so that a run killed before it could
/// remove them leaves them where the next run sweeps them (<see cref="IO.AtomicFile.Sweep"/>).</param>
internal sealed class XlsxWorkbook(string spoolDirectory) : IDisposable
{
    /// <summary>Excel's limit on the characters of a cell.</summary>
    private const int MaxCell = 32_767;

    /// <summary>
    /// The text without what XML 1.0 cannot hold — control characters but tab and line ends, U+FFFE, U+FFFF, a lone
    /// surrogate — each replaced by U+FFFD: one such character in a notice once failed the whole workbook.
    /// </summary>
    internal static string XmlSafe(string text)
    {
        var bad = -1;
        for (var i = 0; i < text.Length && bad < 0; i++)
            if (!System.Xml.XmlConvert.IsXmlChar(text[i]) && !(i + 1 < text.Length && System.Xml.XmlConvert.IsXmlSurrogatePair(text[i + 1], text[i]))) bad = i;
            else if (char.IsHighSurrogate(text[i])) i++;
        if (bad < 0) return text;
        var safe = new System.Text.StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (i + 1 < text.Length && System.Xml.XmlConvert.IsXmlSurrogatePair(text[i + 1], text[i])) { safe.Append(text, i, 2); i++; }
            else safe.Append(System.Xml.XmlConvert.IsXmlChar(text[i]) ? text[i] : '\uFFFD');
        }
        return safe.ToString();
    }

    private sealed class Sheet(string name, IReadOnlyList<Column> columns, string headers, string spool)
    {
        public string Name { get; } = name;
        public IReadOnlyList<Column> Columns { get; } = columns;
        public string[] Headers { get; } = [.. columns.Select(c => c.Header(headers))];
        public string Spool { get; } = spool;
        public StreamWriter? Writer { get; set; }
        public int Rows { get; set; }
        public double[] Widths { get; } = [.. columns.Select(c => Width(c.Header(headers)))];
    }

    private readonly List<Sheet> _sheets = [];

    /// <summary>Adds a sheet whose header row names the columns in <paramref name="headers"/> (<c>en</c> or <c>zh</c>).</summary>
    public int AddSheet(string name, IReadOnlyList<Column> columns, string headers = "en")
    {
        var sheet = new Sheet(name, columns, headers, IO.AtomicFile.TempFile(spoolDirectory));
        sheet.Writer = new StreamWriter(sheet.Spool, append: false, new System.Text.UTF8Encoding(false));
        _sheets.Add(sheet);
        return _sheets.Count - 1;
    }

    public void Write(int sheetIndex, string[] row)
    {
        var sheet = _sheets[sheetIndex];
        for (var i = 0; i < row.Length && i < sheet.Widths.Length; i++) sheet.Widths[i] = Math.Max(sheet.Widths[i], Width(row[i]));
        sheet.Writer!.WriteLine(JsonSerializer.Serialize(row, SpoolJson.Default.StringArray));
        sheet.Rows++;
    }

    /// <summary>Writes the workbook to <paramref name="stream"/>.</summary>
    public void Save(Stream stream)
    {
        foreach (var sheet in _sheets) sheet.Writer!.Flush();
        using var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook);
        // Relationship ids are given, not drawn at random, so that the same batch writes the same workbook content.
        var workbook = document.AddNewPart<WorkbookPart>("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml", "rId1");
        workbook.Workbook = new Workbook();
        var styles = workbook.AddNewPart<WorkbookStylesPart>("rIdStyles");
        styles.Stylesheet = new Stylesheet(
            new Fonts(new Font(), new Font(new Bold())) { Count = 2 },
            new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 })) { Count = 2 },
            new Borders(new Border()) { Count = 1 },
            new CellFormats(new CellFormat(), new CellFormat { FontId = 1, ApplyFont = true }) { Count = 2 });
        var sheets = workbook.Workbook.AppendChild(new Sheets());
        uint id = 1;
        foreach (var sheet in _sheets)
        {
            var part = workbook.AddNewPart<WorksheetPart>($"rIdSheet{id}");
            WriteSheet(part, sheet);
            sheets.Append(new DocumentFormat.OpenXml.Spreadsheet.Sheet { Id = workbook.GetIdOfPart(part), SheetId = id++, Name = sheet.Name });
        }
        workbook.Workbook.Save();
    }

    private static void WriteSheet(WorksheetPart part, Sheet sheet)
    {
        using var writer = OpenXmlWriter.Create(part);
        writer.WriteStartElement(new Worksheet());
        writer.WriteElement(new SheetViews(new SheetView(new Pane
        {
            VerticalSplit = 1, TopLeftCell = "A2", ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen,
        }) { WorkbookViewId = 0 }));
        writer.WriteElement(new Columns(sheet.Columns.Select((_, i) => new DocumentFormat.OpenXml.Spreadsheet.Column
        {
            Min = (uint)(i + 1), Max = (uint)(i + 1), Width = Math.Clamp(sheet.Widths[i] + 2, 8, 60), CustomWidth = true,
        })));
        writer.WriteStartElement(new SheetData());
        WriteRow(writer, 1, sheet.Columns, sheet.Headers, header: true);
        var rowIndex = 2u;
        using (var reader = new StreamReader(sheet.Spool))
        {
            while (reader.ReadLine() is { } line)
                WriteRow(writer, rowIndex++, sheet.Columns, JsonSerializer.Deserialize(line, SpoolJson.Default.StringArray)!, header: false);
        }
        writer.WriteEndElement();
        writer.WriteElement(new AutoFilter { Reference = $"A1:{ColumnName(sheet.Columns.Count - 1)}{Math.Max(1, rowIndex - 1)}" });
        writer.WriteEndElement();
    }

    private static void WriteRow(OpenXmlWriter writer, uint index, IReadOnlyList<Column> columns, string[] values, bool header)
    {
        writer.WriteStartElement(new Row { RowIndex = index });
        for (var c = 0; c < values.Length && c < columns.Count; c++)
        {
            var reference = ColumnName(c) + index.ToString(System.Globalization.CultureInfo.InvariantCulture);
            var value = values[c];
            if (value.Length == 0) continue;
            if (!header && columns[c].Numeric && decimal.TryParse(value, System.Globalization.NumberStyles.Number, System.Globalization.CultureInfo.InvariantCulture, out _))
            {
                writer.WriteElement(new Cell { CellReference = reference, CellValue = new CellValue(value), DataType = CellValues.Number });
                continue;
            }
            value = XmlSafe(value);
            if (value.Length > MaxCell) value = Cut(value, MaxCell - 1) + "…";
            writer.WriteElement(new Cell
            {
                CellReference = reference,
                DataType = CellValues.InlineString,
                InlineString = new InlineString(new Text(value) { Space = SpaceProcessingModeValues.Preserve }),
                StyleIndex = header ? 1u : null,
            });
        }
        writer.WriteEndElement();
    }

    /// <summary>At most <paramref name="length"/> UTF-16 units, never splitting a surrogate pair (which Excel would refuse).</summary>
    internal static string Cut(string text, int length) =>
        text.Length <= length ? text : text[..(length > 0 && char.IsHighSurrogate(text[length - 1]) ? length - 1 : length)];

    /// <summary>A column's letters: 0 is A, 26 is AA.</summary>
    private static string ColumnName(int index)
    {
        var name = "";
        for (index++; index > 0; index = (index - 1) / 26) name = (char)('A' + (index - 1) % 26) + name;
        return name;
    }

    /// <summary>Display width in Excel character units: CJK and full-width characters count two; the longest line counts.</summary>
    private static double Width(string value)
    {
        double best = 0, current = 0;
        foreach (var c in value)
        {
            if (c == '\n') { best = Math.Max(best, current); current = 0; continue; }
            current += c >= '\u1100' ? 2 : 1;
            if (current > 60) return 60;
        }
        return Math.Max(best, current);
    }

    public void Dispose()
    {
        foreach (var sheet in _sheets)
        {
            sheet.Writer?.Dispose();
            try { File.Delete(sheet.Spool); } catch (IOException) { }
        }
    }
}

[System.Text.Json.Serialization.JsonSerializable(typeof(string[]))]
internal sealed partial class SpoolJson : System.Text.Json.Serialization.JsonSerializerContext;
