using System.Security.Cryptography;
using System.Text;

namespace Extractor.Cli.Export.Html;

/// <summary>Escaping for the review pages: everything written into a page from a notice goes through here.</summary>
internal static class Html
{
    /// <summary>
    /// Appends <paramref name="text"/> escaped for element content and attribute values alike: <c>&amp; &lt; &gt; " '</c>
    /// as references, and control characters HTML does not allow as U+FFFD, so that no text of a notice can open a tag,
    /// end an attribute or start a script, whatever it holds.
    /// </summary>
    public static StringBuilder Escape(StringBuilder html, ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            switch (c)
            {
                case '&': html.Append("&amp;"); break;
                case '<': html.Append("&lt;"); break;
                case '>': html.Append("&gt;"); break;
                case '"': html.Append("&quot;"); break;
                case '\'': html.Append("&#39;"); break;
                case '\t' or '\n': html.Append(c); break;
                case '\r': break; // a line end is its \n; a lone \r would be one to a browser
                case < ' ' or (>= '\u007F' and <= '\u009F') or '\uFFFE' or '\uFFFF': html.Append('\uFFFD'); break;
                default: html.Append(c); break;
            }
        }
        return html;
    }

    /// <summary><paramref name="text"/> escaped (<see cref="Escape(StringBuilder, ReadOnlySpan{char})"/>).</summary>
    public static string Escape(string? text) => text is null ? "" : Escape(new StringBuilder(text.Length + 16), text).ToString();

    /// <summary>A relative link to <paramref name="path"/> ('/'-separated): each segment percent-encoded, so a name with <c>#</c>, <c>?</c> or <c>%</c> still links to its file.</summary>
    public static string Href(string path) => string.Join('/', path.Split('/').Select(Uri.EscapeDataString));

    /// <summary>A Content-Security-Policy source for an inline block: its SHA-256, so that this block runs or applies and nothing else inline does.</summary>
    public static string Hash(string block) => $"'sha256-{Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(block)))}'";

    /// <summary>
    /// The page's Content-Security-Policy: nothing may be fetched, and only the page's own style (and script) run.
    /// Defence in depth: even if a notice's text got past escaping, a browser would neither run it nor load anything.
    /// </summary>
    public static string Policy(string style, string? script) =>
        $"default-src 'none'; style-src {Hash(style)}; script-src {(script is null ? "'none'" : Hash(script))}; img-src data:; base-uri 'none'; form-action 'none'";
}
