using System.Security;
using System.Text;
using DocumentFormat.OpenXml.Packaging;

namespace Extractor.Tests.Support;

/// <summary>Builds small Word documents from WordprocessingML fragments, for reader specs.</summary>
internal static class Docx
{
    public const string W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

    public static byte[] Build(string body, string? numbering = null, string? styles = null, string? header = null)
    {
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, DocumentFormat.OpenXml.WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            Feed(main, $"<w:document xmlns:w=\"{W}\"><w:body>{body}</w:body></w:document>");
            if (numbering is not null) Feed(main.AddNewPart<NumberingDefinitionsPart>(), $"<w:numbering xmlns:w=\"{W}\">{numbering}</w:numbering>");
            if (styles is not null) Feed(main.AddNewPart<StyleDefinitionsPart>(), $"<w:styles xmlns:w=\"{W}\">{styles}</w:styles>");
            if (header is not null) Feed(main.AddNewPart<HeaderPart>(), $"<w:hdr xmlns:w=\"{W}\">{header}</w:hdr>");
        }
        return stream.ToArray();
    }

    private static void Feed(OpenXmlPart part, string xml)
    {
        using var data = new MemoryStream(Encoding.UTF8.GetBytes(xml));
        part.FeedData(data);
    }

    /// <summary>A paragraph of one run, with optional paragraph properties.</summary>
    public static string P(string text, string properties = "") =>
        $"<w:p>{(properties.Length > 0 ? $"<w:pPr>{properties}</w:pPr>" : "")}{R(text)}</w:p>";

    /// <summary>A run.</summary>
    public static string R(string text) => $"<w:r><w:t xml:space=\"preserve\">{SecurityElement.Escape(text)}</w:t></w:r>";

    /// <summary>Numbering properties.</summary>
    public static string Num(int numId, int? level = null) =>
        $"<w:numPr>{(level is { } l ? $"<w:ilvl w:val=\"{l}\"/>" : "")}<w:numId w:val=\"{numId}\"/></w:numPr>";

    /// <summary>A level of an abstract numbering.</summary>
    public static string Level(int ilvl, string format, string text, int start = 1, string extra = "") =>
        $"<w:lvl w:ilvl=\"{ilvl}\"><w:start w:val=\"{start}\"/><w:numFmt w:val=\"{format}\"/><w:lvlText w:val=\"{text}\"/>{extra}</w:lvl>";

    /// <summary>The GB/T 9704 outline: 一、 （一） 1. as levels 0–2 of abstract 0, instance 1.</summary>
    public static string Outline(string more = "") =>
        $"<w:abstractNum w:abstractNumId=\"0\">{Level(0, "chineseCounting", "%1、")}{Level(1, "chineseCounting", "（%2）")}{Level(2, "decimal", "%3.")}</w:abstractNum>"
        + $"<w:num w:numId=\"1\"><w:abstractNumId w:val=\"0\"/></w:num>{more}";
}
