using System.Xml;
using DocumentFormat.OpenXml;
using Extractor.Parsing.Readers.Docx;
using static Extractor.Parsing.Readers.Docx.DocxNumbering;

namespace Extractor.Parsing.Readers.WordXml;

/// <summary>
/// Reads a Word 2003 XML document (WordprocessingML 2003: <c>&lt;?mso-application progid="Word.Document"?&gt;</c>,
/// <c>w:wordDocument</c>), the one-file XML format Word 2003 to 2019 and LibreOffice write, as Word: body paragraphs
/// and tables by the same walk as DOCX (<see cref="WordBodyWalker"/>), lists numbered as displayed — the number Word
/// stored beside the list (<c>wx:t</c>) when it did, else counted from <c>w:lists</c> and the styles. The XML is read
/// with DTDs refused and no resolver, and its nesting is measured before it is parsed. Location: the paragraph index.
/// </summary>
public sealed class WordXmlReader : INoticeReader
{
    private const string Namespace = "http://schemas.microsoft.com/office/word/2003/wordml";

    /// <inheritdoc/>
    public InputFormat Format => InputFormat.WordXml;

    /// <summary>Certain when the head declares Word's XML (<c>progid="Word.Document"</c>) or opens <c>w:wordDocument</c>.</summary>
    public FormatConfidence Recognize(ReadOnlySpan<byte> content, string? fileName)
    {
        var head = Markup.Head(content, 4096);
        return head.Contains("progid=\"Word.Document\"", StringComparison.Ordinal) || head.Contains(Namespace, StringComparison.Ordinal)
            ? FormatConfidence.Certain : FormatConfidence.None;
    }

    /// <inheritdoc/>
    public ExtractedDocument Read(Stream content, ReaderContext context)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(context);
        var bytes = NoticeReaders.Bytes(content);
        try
        {
            var outer = RootXml(bytes, context.Limits.MaxDepth);
            context.Cancellation.ThrowIfCancellationRequested();
            // An unknown element holds the document: the walk goes by local names, as for DOCX.
            var holder = new OpenXmlUnknownElement("x", "holder", "urn:extractor:holder") { InnerXml = outer };
            var root = holder.FirstChild ?? throw new NoticeFormatException(NoticeErrorKind.Corrupt, "the Word 2003 XML document is empty");
            var body = Child(root, "body") ?? throw new NoticeFormatException(NoticeErrorKind.Corrupt, "the Word 2003 XML document has no body");
            var numbering = new DocxNumbering(Child(root, "lists"), Child(root, "styles"));
            var builder = new ExtractedDocumentBuilder();
            new WordBodyWalker(builder, p => Number(p, numbering), context.Limits.MaxDepth, context.Cancellation).Walk(body);
            var title = Child(Child(root, "DocumentProperties"), "Title")?.InnerText;
            return builder.Build(InputFormat.WordXml, null, [], string.IsNullOrWhiteSpace(title) ? null : title.Trim());
        }
        catch (Exception e) when (e is XmlException or InvalidOperationException or ArgumentException or FormatException)
        {
            throw new NoticeFormatException(NoticeErrorKind.Corrupt, $"the Word 2003 XML document is damaged: {ReaderErrors.Describe(e)}", e);
        }
    }

    /// <summary>The number Word stored, else the one counted; counted either way, so that the lists' counters keep step.</summary>
    private static string? Number(OpenXmlElement paragraph, DocxNumbering numbering)
    {
        var counted = numbering.Render(paragraph);
        return StoredNumber(paragraph) ?? counted;
    }

    /// <summary>The number Word stored beside a list paragraph for other readers (<c>wx:t wx:val="一、"</c>).</summary>
    private static string? StoredNumber(OpenXmlElement paragraph) =>
        Child(Child(Child(paragraph, "pPr"), "listPr"), "t") is { } t && Attr(t, "val") is { } number ? number : null;

    /// <summary>
    /// The root element's XML, after a first pass that refuses DTDs, measures the nesting and checks that the root is
    /// Word's: the parse that follows then meets nothing it could overflow on or resolve.
    /// </summary>
    private static string RootXml(byte[] bytes, int maxDepth)
    {
        var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, IgnoreComments = true };
        using (var scan = XmlReader.Create(new MemoryStream(bytes, writable: false), settings))
        {
            scan.MoveToContent();
            if (scan.LocalName != "wordDocument" || scan.NamespaceURI != Namespace)
                throw new NoticeFormatException(NoticeErrorKind.UnsupportedFormat, $"this is an XML document whose root is <{scan.Name}>, not a Word 2003 document");
            while (scan.Read())
                if (scan.Depth > maxDepth)
                    throw new NoticeFormatException(NoticeErrorKind.LimitExceeded, $"the document nests elements more than {maxDepth} levels deep");
        }
        using var reader = XmlReader.Create(new MemoryStream(bytes, writable: false), settings);
        reader.MoveToContent();
        return reader.ReadOuterXml();
    }
}
