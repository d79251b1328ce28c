using System.IO.Compression;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using Extractor.Parsing.Tables;
using static Extractor.Parsing.Readers.Docx.DocxNumbering;

namespace Extractor.Parsing.Readers.Docx;

/// <summary>
/// Reads a Word document (DocumentFormat.OpenXml): body paragraphs and tables in document order, runs joined, tracked
/// insertions kept and deletions dropped, field codes skipped (their results kept), headers, footers, comments and
/// drawings ignored, and automatic numbering rendered as displayed (<see cref="DocxNumbering"/>). A line break inside a
/// paragraph starts a new block. Location: the 0-based index of the paragraph among all paragraphs of the body.
/// A ZIP package is taken for Word by the parts its directory names (<c>word/document.xml</c>); a package forced to be
/// read as Word that holds no Word document is refused saying what it is.
/// </summary>
public sealed class DocxReader : INoticeReader
{
    /// <inheritdoc/>
    public InputFormat Format => InputFormat.Docx;

    /// <summary>Certain for a ZIP package whose directory holds Word's parts (<c>word/document.xml</c>, or a content-types part and <c>word/</c> parts).</summary>
    public FormatConfidence Recognize(ReadOnlySpan<byte> content, string? fileName) =>
        IsWordPackage(ZipDirectory.Names(content)) ? FormatConfidence.Certain : FormatConfidence.None;

    /// <summary>The package's parts are Word's.</summary>
    internal static bool IsWordPackage(IReadOnlyCollection<string> names) =>
        ZipDirectory.Has(names, "word/document.xml")
        || ZipDirectory.Has(names, "[Content_Types].xml") && names.Any(n => n.TrimStart('/').StartsWith("word/", StringComparison.OrdinalIgnoreCase));

    /// <inheritdoc/>
    public ExtractedDocument Read(Stream content, ReaderContext context)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(context);
        return Read(NoticeReaders.Bytes(content), context.Limits, context.Cancellation);
    }

    private static ExtractedDocument Read(byte[] bytes, ParserLimits limits, CancellationToken cancellation)
    {
        CheckPackage(bytes, limits);
        try
        {
            using var stream = new MemoryStream(bytes, writable: false);
            using var document = WordprocessingDocument.Open(stream, false, new OpenSettings
            {
                MaxCharactersInPart = Math.Max(1, limits.MaxDecompressedBytes / 2),
                AutoSave = false,
            });
            var main = document.MainDocumentPart ?? throw new NoticeFormatException(NoticeErrorKind.Corrupt, "the Word document has no main part");
            var body = main.Document?.Body ?? throw new NoticeFormatException(NoticeErrorKind.Corrupt, "the Word document has no body");
            var numbering = new DocxNumbering(main.NumberingDefinitionsPart?.Numbering, main.StyleDefinitionsPart?.Styles);
            var builder = new ExtractedDocumentBuilder();
            new Walker(builder, numbering, limits.MaxDepth, cancellation).Walk(body);
            var title = document.PackageProperties.Title;
            return builder.Build(InputFormat.Docx, null, [], string.IsNullOrWhiteSpace(title) ? null : title.Trim());
        }
        catch (Exception e) when (e is OpenXmlPackageException or InvalidDataException or System.Xml.XmlException or IOException
                                   or InvalidOperationException or FormatException or ArgumentException)
        {
            if (e.Message.Contains("MaxCharactersInPart", StringComparison.Ordinal))
                throw new NoticeFormatException(NoticeErrorKind.LimitExceeded, $"a part of the Word document decompresses past the {limits.MaxDecompressedBytes / (1024 * 1024)} MiB limit", e);
            throw new NoticeFormatException(NoticeErrorKind.Corrupt, $"the Word document is damaged: {FirstLine(e.Message)}", e);
        }
    }

    private static string FirstLine(string message) => message.Split('\n')[0].Trim();

    /// <summary>Tells a Word document from other ZIP packages, and refuses packages whose declared size is over the limit.</summary>
    private static void CheckPackage(byte[] bytes, ParserLimits limits)
    {
        try
        {
            using var zip = new ZipArchive(new MemoryStream(bytes, writable: false), ZipArchiveMode.Read);
            long total = 0;
            var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            foreach (var entry in zip.Entries)
            {
                names.Add(entry.FullName);
                total += entry.Length;
                if (total > limits.MaxDecompressedBytes)
                    throw new NoticeFormatException(NoticeErrorKind.LimitExceeded,
                        $"the Word package decompresses past the {limits.MaxDecompressedBytes / (1024 * 1024)} MiB limit");
            }
            if (IsWordPackage(names)) return;
            throw new NoticeFormatException(NoticeErrorKind.UnsupportedFormat, $"this is {ZipRefusalReader.What(names)}, not a Word document");
        }
        catch (InvalidDataException e)
        {
            throw new NoticeFormatException(NoticeErrorKind.Corrupt, "the file starts like a ZIP (Word) package but is damaged or truncated", e);
        }
    }

    /// <summary>Walks the body without recursion.</summary>
    private sealed class Walker(ExtractedDocumentBuilder builder, DocxNumbering numbering, int maxDepth, CancellationToken cancellation)
    {
        private int _paragraph = -1;

        public void Walk(OpenXmlElement body)
        {
            var stack = new Stack<(OpenXmlElement Element, int Depth)>();
            Push(stack, body, 0);
            var count = 0;
            while (stack.Count > 0)
            {
                if ((++count & 255) == 0) cancellation.ThrowIfCancellationRequested();
                var (element, depth) = stack.Pop();
                if (depth > maxDepth)
                    throw new NoticeFormatException(NoticeErrorKind.LimitExceeded, $"the document nests elements more than {maxDepth} levels deep");
                switch (element.LocalName)
                {
                    case "p":
                        foreach (var line in Paragraph(element, depth)) builder.Add(line, paragraph: _paragraph);
                        break;
                    case "tbl":
                        Table(element, depth);
                        break;
                    case "sdt":
                        Push(stack, Child(element, "sdtContent"), depth + 1);
                        break;
                    case "customXml" or "ins" or "moveTo" or "sdtContent":
                        Push(stack, element, depth + 1);
                        break;
                }
            }
        }

        private static void Push(Stack<(OpenXmlElement, int)> stack, OpenXmlElement? parent, int depth)
        {
            if (parent is null) return;
            var children = parent.ChildElements;
            for (var i = children.Count - 1; i >= 0; i--) stack.Push((children[i], depth));
        }

        /// <summary>The paragraph's text as displayed: number, then runs; a line break starts a new line.</summary>
        private List<string> Paragraph(OpenXmlElement p, int depth)
        {
            _paragraph++;
            var lines = new List<string>();
            var text = new StringBuilder(numbering.Render(p) ?? "");
            var fields = new Stack<bool>(); // per open field: true while in its code (before 'separate')
            var stack = new Stack<(OpenXmlElement Element, int Depth)>();
            Push(stack, p, depth + 1);
            while (stack.Count > 0)
            {
                var (e, d) = stack.Pop();
                if (d > maxDepth)
                    throw new NoticeFormatException(NoticeErrorKind.LimitExceeded, $"the document nests elements more than {maxDepth} levels deep");
                switch (e.LocalName)
                {
                    case "t":
                        if (!fields.Contains(true)) text.Append(e.InnerText);
                        break;
                    case "tab" or "ptab":
                        if (!fields.Contains(true) && e.Parent?.LocalName == "r") text.Append('\t');
                        break;
                    case "br" or "cr":
                        if (Attr(e, "type") is "page" or "column") break;
                        lines.Add(text.ToString());
                        text.Clear();
                        break;
                    case "noBreakHyphen":
                        text.Append('-');
                        break;
                    case "fldChar":
                        switch (Attr(e, "fldCharType"))
                        {
                            case "begin": fields.Push(true); break;
                            case "separate" when fields.Count > 0: fields.Pop(); fields.Push(false); break;
                            case "end" when fields.Count > 0: fields.Pop(); break;
                        }
                        break;
                    case "r" or "hyperlink" or "smartTag" or "customXml" or "ins" or "moveTo" or "fldSimple" or "dir" or "bdo" or "sdtContent":
                        Push(stack, e, d + 1);
                        break;
                    case "sdt":
                        Push(stack, Child(e, "sdtContent"), d + 1);
                        break;
                    // Dropped: deletions, moved-from text, field codes, properties, drawings, footnote marks, math.
                }
            }
            lines.Add(text.ToString());
            return lines;
        }

        private void Table(OpenXmlElement table, int depth)
        {
            var index = builder.NextTableIndex;
            var grid = new TableGrid();
            foreach (var row in table.ChildElements.Where(e => e.LocalName == "tr"))
            {
                cancellation.ThrowIfCancellationRequested();
                grid.NewRow();
                var header = Child(Child(row, "trPr"), "tblHeader") is { } h && Val(h) is not ("0" or "false");
                foreach (var cell in row.ChildElements.Where(e => e.LocalName == "tc"))
                {
                    var tcPr = Child(cell, "tcPr");
                    var span = int.TryParse(Val(Child(tcPr, "gridSpan")), out var s) ? s : 1;
                    if (Child(tcPr, "vMerge") is { } merge && Val(merge) is null or "continue")
                    {
                        // Continues the cell above: the paragraphs of a continuation cell are empty by Word's rules.
                        var column = grid.NextColumn;
                        for (var c = 0; c < Math.Clamp(span, 1, TableGrid.MaxSpan); c++) grid.ContinueFromAbove(column + c);
                        continue;
                    }
                    var blocks = new List<int>();
                    foreach (var p in Paragraphs(cell, depth + 1))
                        foreach (var line in Paragraph(p, depth + 1))
                            if (builder.Add(line, paragraph: _paragraph, table: index) is var b and >= 0) blocks.Add(b);
                    grid.Add(new TableCell(blocks, header), 1, span);
                }
            }
            builder.AddTable(grid.Build());
        }

        /// <summary>The paragraphs of a cell in order, nested tables flattened.</summary>
        private IEnumerable<OpenXmlElement> Paragraphs(OpenXmlElement cell, int depth)
        {
            var stack = new Stack<(OpenXmlElement, int)>();
            Push(stack, cell, depth);
            while (stack.Count > 0)
            {
                var (e, d) = stack.Pop();
                if (d > maxDepth)
                    throw new NoticeFormatException(NoticeErrorKind.LimitExceeded, $"the document nests elements more than {maxDepth} levels deep");
                if (e.LocalName == "p") yield return e;
                else if (e.LocalName is "tbl" or "tr" or "tc" or "sdt" or "sdtContent" or "customXml" or "ins" or "moveTo") Push(stack, e, d + 1);
            }
        }
    }
}
