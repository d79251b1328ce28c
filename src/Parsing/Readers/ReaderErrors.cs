using System.Text.RegularExpressions;
using System.Xml;

namespace Extractor.Parsing.Readers;

/// <summary>
/// What a library's exception about a damaged file says, in a user's words: no .NET type, no setting of an XML reader
/// (an XXE document once told the user to "set the DtdProcessing property on XmlReaderSettings").
/// </summary>
internal static partial class ReaderErrors
{
    public static string Describe(Exception e)
    {
        var message = e.Message.Split('\n')[0].Trim();
        if (message.Contains("DTD", StringComparison.OrdinalIgnoreCase) || message.Contains("DtdProcessing", StringComparison.Ordinal))
            return "it declares a document type (DTD), which is refused: a DTD can read other files or expand without end";
        if (e is XmlException xml)
            return xml.LineNumber > 0 ? $"its XML is malformed (line {xml.LineNumber}, position {xml.LinePosition})" : "its XML is malformed";
        return DotNetName().Replace(message, "a value").Trim();
    }

    /// <summary>A .NET type's name in a message (<c>System.Int32</c>, <c>List`1[System.String]</c>).</summary>
    [GeneratedRegex(@"'?(?:System|Microsoft|DocumentFormat|Extractor)\.[\w.`]+(?:\[[^\]\s]*\])?'?", RegexOptions.CultureInvariant)]
    private static partial Regex DotNetName();
}
