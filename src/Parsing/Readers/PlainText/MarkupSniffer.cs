using System.Text.RegularExpressions;

namespace Extractor.Parsing.Readers.PlainText;

/// <summary>
/// Tells text that is clearly markup of another format — an XML document, a MIME message, an RTF document — from a
/// notice that merely mentions a tag, by how the text opens: an XML declaration or a root element with namespaces,
/// MIME headers with <c>MIME-Version</c> and <c>Content-Type</c>, <c>{\rtf</c>.
/// </summary>
internal static partial class MarkupSniffer
{
    /// <summary>What markup the text is (<c>an XML document (root &lt;ofd:OFD&gt;)</c>), or null for text.</summary>
    public static string? What(string text)
    {
        var head = text.AsSpan(0, Math.Min(text.Length, 4096)).TrimStart("\uFEFF \t\r\n");
        if (head.StartsWith(@"{\rtf", StringComparison.Ordinal)) return "an RTF document";
        if (head.StartsWith("<?xml", StringComparison.Ordinal) || (head.StartsWith("<", StringComparison.Ordinal) && head.Contains("xmlns", StringComparison.Ordinal)))
        {
            var root = RootElement().Match(head.ToString());
            return root.Success ? $"an XML document (root <{root.Groups[1].Value}>)" : "an XML document";
        }
        // A header line opens with a letter: text that does not (every notice) is not cut out to be matched.
        if (head.IsEmpty || !char.IsAsciiLetter(head[0])) return null;
        var mime = MimeHeader().Matches(head.ToString());
        if (mime.Any(m => m.Groups[1].Value.Equals("MIME-Version", StringComparison.OrdinalIgnoreCase))
            && mime.FirstOrDefault(m => m.Groups[1].Value.Equals("Content-Type", StringComparison.OrdinalIgnoreCase)) is { } type)
            return $"a MIME message ({type.Groups[2].Value.Split(';')[0].Trim()}) without an HTML page";
        return null;
    }

    /// <summary>The first element that is not a declaration, processing instruction, comment or DOCTYPE.</summary>
    [GeneratedRegex(@"<([A-Za-z_][\w.\-]*(?::[A-Za-z_][\w.\-]*)?)[\s/>]", RegexOptions.CultureInvariant)]
    private static partial Regex RootElement();

    /// <summary>Header lines at the very start, before the first empty line.</summary>
    [GeneratedRegex(@"\G([A-Za-z][A-Za-z0-9\-]*):[ \t]*([^\r\n]*(?:\r?\n[ \t][^\r\n]*)*)\r?\n", RegexOptions.CultureInvariant)]
    private static partial Regex MimeHeader();
}
