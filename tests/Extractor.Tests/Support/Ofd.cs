using System.IO.Compression;
using System.Security;
using System.Text;

namespace Extractor.Tests.Support;

/// <summary>
/// Writes OFD packages (GB/T 33190) for reader specs: <c>OFD.xml</c>, <c>Doc_0/Document.xml</c> and a
/// <c>Content.xml</c> per page, each page a list of text objects; page order, templates and parts can be set.
/// </summary>
internal static class Ofd
{
    private const string Ns = "http://www.ofdspec.org/2016";

    /// <summary>A text object: one line at (<paramref name="x"/>, <paramref name="y"/>) mm, characters one em apart unless <paramref name="deltaX"/> says.</summary>
    public static string Text(double x, double y, string text, double size = 5, string? deltaX = null, string extra = "") =>
        $"<ofd:TextObject ID=\"1\" Boundary=\"{x} {y - size} 150 {size * 1.3}\" Font=\"1\" Size=\"{size}\"{extra}>"
        + $"<ofd:TextCode X=\"0\" Y=\"{size}\"{(deltaX is null ? "" : $" DeltaX=\"{deltaX}\"")}>{SecurityElement.Escape(text)}</ofd:TextCode></ofd:TextObject>";

    /// <summary>Paragraphs of one line each down a page, 8 mm apart: the first at the left margin, the others indented two characters.</summary>
    public static string Lines(params string[] lines) =>
        string.Concat(lines.Select((l, i) => Text(i == 0 ? 28 : 38, 40 + i * 8, l)));

    public static string Page(string objects, string? template = null) =>
        $"<?xml version=\"1.0\" encoding=\"UTF-8\"?><ofd:Page xmlns:ofd=\"{Ns}\">{(template is null ? "" : $"<ofd:Template TemplateID=\"{template}\"/>")}"
        + $"<ofd:Area><ofd:PhysicalBox>0 0 210 297</ofd:PhysicalBox></ofd:Area><ofd:Content><ofd:Layer ID=\"2\">{objects}</ofd:Layer></ofd:Content></ofd:Page>";

    /// <summary>
    /// A package of <paramref name="pages"/> (stored as Page_0, Page_1… and listed in <paramref name="order"/>, by
    /// default in that order), with an optional title and template pages, and any part replaced or added.
    /// </summary>
    public static byte[] Build(string[] pages, int[]? order = null, string? title = null, string? template = null,
        string docRoot = "Doc_0/Document.xml", params (string Name, string Content)[] parts)
    {
        var list = string.Concat((order ?? Enumerable.Range(0, pages.Length).ToArray()).Select(i => $"<ofd:Page ID=\"{10 + i}\" BaseLoc=\"Pages/Page_{i}/Content.xml\"/>"));
        var files = new Dictionary<string, string>
        {
            ["OFD.xml"] = $"<?xml version=\"1.0\" encoding=\"UTF-8\"?><ofd:OFD xmlns:ofd=\"{Ns}\" Version=\"1.0\" DocType=\"OFD\"><ofd:DocBody><ofd:DocInfo>"
                + $"<ofd:DocID>0</ofd:DocID>{(title is null ? "" : $"<ofd:Title>{title}</ofd:Title>")}<ofd:Author>作者</ofd:Author><ofd:CreationDate>2023-10-09</ofd:CreationDate>"
                + $"</ofd:DocInfo><ofd:DocRoot>{docRoot}</ofd:DocRoot></ofd:DocBody></ofd:OFD>",
            ["Doc_0/Document.xml"] = $"<?xml version=\"1.0\" encoding=\"UTF-8\"?><ofd:Document xmlns:ofd=\"{Ns}\"><ofd:CommonData><ofd:MaxUnitID>99</ofd:MaxUnitID>"
                + "<ofd:PageArea><ofd:PhysicalBox>0 0 210 297</ofd:PhysicalBox></ofd:PageArea>"
                + (template is null ? "" : "<ofd:TemplatePage ID=\"5\" BaseLoc=\"Tpls/Tpl_0/Content.xml\"/>")
                + $"</ofd:CommonData><ofd:Pages>{list}</ofd:Pages></ofd:Document>",
        };
        if (template is not null) files["Doc_0/Tpls/Tpl_0/Content.xml"] = Page(template);
        for (var i = 0; i < pages.Length; i++) files[$"Doc_0/Pages/Page_{i}/Content.xml"] = pages[i];
        foreach (var (name, content) in parts) files[name] = content;
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create))
            foreach (var (name, content) in files)
                using (var entry = zip.CreateEntry(name, CompressionLevel.Fastest).Open()) entry.Write(Encoding.UTF8.GetBytes(content));
        return stream.ToArray();
    }
}
