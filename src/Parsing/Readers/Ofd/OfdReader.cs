using System.Xml.Linq;
using Extractor.Parsing.Readers.Containers;
using Extractor.Parsing.Readers.Pdf;

namespace Extractor.Parsing.Readers.Ofd;

/// <summary>
/// Reads an OFD document (GB/T 33190, the national format for electronic official documents: a ZIP package of XML
/// parts): <c>OFD.xml</c> → its first <c>DocBody</c>'s <c>DocRoot</c> (<c>Doc_0/Document.xml</c>) → the pages in the
/// order <c>Pages</c> lists them, each <c>Page/@BaseLoc</c> a <c>Content.xml</c>, with the template pages it names
/// (<c>Template/@TemplateID</c> → <c>CommonData/TemplatePage</c>) laid under or over it. The characters of the text
/// objects (<see cref="OfdText"/>) are grouped into lines as a PDF's letters are, and the PDF layout steps do the rest:
/// running headers, footers and page numbers removed (<see cref="IPdfRunningLineFilter"/>), paragraphs rebuilt across
/// pages (<see cref="IPdfParagraphBuilder"/>). <c>DocInfo/Title</c> is the container title. Location: page and line on
/// the page. Not read: annotations, attachments, signatures' appearance, vertical text as such, text drawn as paths.
/// </summary>
public sealed class OfdReader : INoticeReader
{
    private readonly PdfLayoutOptions _layout;
    private readonly IPdfRunningLineFilter _runningLines;
    private readonly IPdfParagraphBuilder _paragraphs;

    /// <summary>An OFD reader with the PDF reader's built-in layout steps, tuned by <paramref name="layout"/>, and any step replaced.</summary>
    /// <param name="layout">Thresholds of the layout steps; null for <see cref="PdfLayoutOptions.Default"/>.</param>
    /// <param name="runningLines">Running-line removal; null for <see cref="RunningLineFilter"/>.</param>
    /// <param name="paragraphs">Lines to paragraphs; null for <see cref="LineParagraphBuilder"/>.</param>
    public OfdReader(PdfLayoutOptions? layout = null, IPdfRunningLineFilter? runningLines = null, IPdfParagraphBuilder? paragraphs = null)
    {
        _layout = layout ?? PdfLayoutOptions.Default;
        _runningLines = runningLines ?? new RunningLineFilter(layout);
        _paragraphs = paragraphs ?? new LineParagraphBuilder(layout);
    }

    /// <inheritdoc/>
    public InputFormat Format => InputFormat.Ofd;

    /// <summary>Certain for a ZIP package whose directory holds <c>OFD.xml</c>.</summary>
    public FormatConfidence Recognize(ReadOnlySpan<byte> content, string? fileName) =>
        ZipDirectory.Contains(ZipDirectory.Names(content), "OFD.xml") ? FormatConfidence.Certain : FormatConfidence.None;

    /// <inheritdoc/>
    public ExtractedDocument Read(Stream content, ReaderContext context)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(context);
        var limits = context.Limits;
        using var package = new OfdPackage(NoticeReaders.Bytes(content), limits);
        var ofd = package.Load("OFD.xml") ?? throw Damaged("it has no OFD.xml");
        var body = Child(ofd.Root, "DocBody") ?? throw Damaged("OFD.xml has no DocBody");
        var title = Child(Child(body, "DocInfo"), "Title")?.Value.Trim();
        var rootLocation = Child(body, "DocRoot")?.Value ?? throw Damaged("OFD.xml names no DocRoot");
        var documentPath = package.Resolve("OFD.xml", rootLocation) ?? throw Damaged("its DocRoot leaves the package");
        var document = package.Load(documentPath) ?? throw Damaged($"its document {documentPath} is missing");
        var common = Child(document.Root, "CommonData");
        var defaultHeight = Height(Child(common, "PageArea")) ?? 297;
        var templates = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var template in Children(common, "TemplatePage"))
            if (OfdText.Attr(template, "ID") is { } id && OfdText.Attr(template, "BaseLoc") is { } location
                && package.Resolve(documentPath, location) is { } path)
                templates.TryAdd(id, path);
        var pages = Children(Child(document.Root, "Pages"), "Page").ToList();
        if (pages.Count > limits.MaxPages)
            throw new NoticeFormatException(NoticeErrorKind.LimitExceeded, $"the OFD has {pages.Count} pages, more than the {limits.MaxPages}-page limit");

        var warnings = new List<Warning>();
        var lines = new List<IReadOnlyList<PdfLine>>();
        for (var number = 1; number <= pages.Count; number++)
        {
            context.Cancellation.ThrowIfCancellationRequested();
            var location = OfdText.Attr(pages[number - 1], "BaseLoc");
            var path = location is null ? null : package.Resolve(documentPath, location);
            XDocument? page;
            try
            {
                page = path is null ? null : package.Load(path);
            }
            catch (NoticeFormatException e) when (e.Kind == NoticeErrorKind.Corrupt)
            {
                warnings.Add(new Warning { Code = WarningCodes.ContentSkipped, Message = $"page {number} could not be read: {e.Message}" });
                lines.Add([]);
                continue;
            }
            if (page?.Root is null)
            {
                warnings.Add(new Warning { Code = WarningCodes.ContentSkipped, Message = $"page {number} could not be read: its content part {location} is missing" });
                lines.Add([]);
                continue;
            }
            var height = Height(Child(page.Root, "Area")) ?? defaultHeight;
            var glyphs = new List<Glyph>();
            foreach (var template in Children(page.Root, "Template"))
                if (OfdText.Attr(template, "TemplateID") is { } id && templates.TryGetValue(id, out var templatePath)
                    && package.Load(templatePath)?.Root is { } templateRoot)
                    glyphs.AddRange(OfdText.Glyphs(templateRoot, height, limits.MaxDepth, MaxGlyphs));
            glyphs.AddRange(OfdText.Glyphs(page.Root, height, limits.MaxDepth, MaxGlyphs));
            lines.Add(GlyphLines.Page(number, glyphs, _layout));
        }
        if (lines.All(p => p.Count == 0)) throw new NoticeFormatException(NoticeErrorKind.Empty, "the OFD holds no text");

        var builder = new ExtractedDocumentBuilder();
        PagedDocument.AddParagraphs(builder, _paragraphs.Paragraphs(_runningLines.Filter(lines, context.CompiledRules.EdgeLine), PdfLineCues.From(context.CompiledRules)));
        return builder.Build(InputFormat.Ofd, null, warnings, string.IsNullOrWhiteSpace(title) ? null : title);
    }

    /// <summary>Most characters one page may place (a page of a notice holds a few thousand).</summary>
    private const int MaxGlyphs = 1_000_000;

    private static double? Height(XElement? area) =>
        OfdText.Numbers(Child(area, "PhysicalBox")?.Value) is { Count: 4 } box && box[3] > 0 ? box[3] : null;

    private static XElement? Child(XElement? parent, string name) => Children(parent, name).FirstOrDefault();

    private static IEnumerable<XElement> Children(XElement? parent, string name) =>
        parent is null ? [] : parent.Elements().Where(e => e.Name.LocalName == name);

    private static NoticeFormatException Damaged(string why) => new(NoticeErrorKind.Corrupt, $"the OFD package is damaged: {why}");
}
