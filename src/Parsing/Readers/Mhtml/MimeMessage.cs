using System.Text;

namespace Extractor.Parsing.Readers.Mhtml;

/// <summary>A MIME part: its headers (names lower-cased, folded lines unfolded) and its body, still transfer-encoded.</summary>
internal sealed record MimePart(IReadOnlyDictionary<string, string> Headers, int BodyStart, int BodyEnd)
{
    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;

    /// <summary>The media type of <c>Content-Type</c>, lower-cased (<c>text/html</c>), or null.</summary>
    public string? MediaType => Header("content-type")?.Split(';')[0].Trim().ToLowerInvariant();

    /// <summary>A parameter of <c>Content-Type</c> (<c>boundary</c>, <c>charset</c>), unquoted.</summary>
    public string? Parameter(string name) => MimeMessage.Parameter(Header("content-type"), name);
}

/// <summary>
/// Reads the MIME structure of a web archive (RFC 2557 <c>multipart/related</c>, as Chromium's "Save as MHTML" and
/// Word's "single file web page" write it): the message headers, the parts between boundary lines, and a part's body
/// decoded from quoted-printable or base64. Parts are found by scanning for the boundary, never by recursion.
/// </summary>
internal static class MimeMessage
{
    /// <summary>The headers at <paramref name="start"/> up to the first empty line, and where the body begins.</summary>
    public static (Dictionary<string, string> Headers, int BodyStart) Headers(ReadOnlySpan<byte> content, int start)
    {
        var headers = new Dictionary<string, string>(StringComparer.Ordinal);
        string? last = null;
        var at = start;
        while (at < content.Length)
        {
            var end = content[at..].IndexOf((byte)'\n');
            var lineEnd = end < 0 ? content.Length : at + end;
            var line = Encoding.Latin1.GetString(content[at..lineEnd]).TrimEnd('\r');
            at = end < 0 ? content.Length : lineEnd + 1;
            if (line.Length == 0) break;
            if (line[0] is ' ' or '\t')
            {
                if (last is not null) headers[last] += " " + line.Trim();
                continue;
            }
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0) continue;
            last = line[..colon].Trim().ToLowerInvariant();
            headers[last] = line[(colon + 1)..].Trim();
        }
        return (headers, at);
    }

    /// <summary>The parts of a multipart body delimited by <c>--boundary</c> lines.</summary>
    public static List<MimePart> Parts(ReadOnlySpan<byte> content, int start, string boundary)
    {
        var delimiter = Encoding.Latin1.GetBytes("--" + boundary);
        var parts = new List<MimePart>();
        var at = Next(content, start, delimiter);
        while (at >= 0)
        {
            var after = at + delimiter.Length;
            if (after + 1 < content.Length && content[after] == '-' && content[after + 1] == '-') break; // the closing delimiter
            var lineEnd = content[after..].IndexOf((byte)'\n');
            if (lineEnd < 0) break;
            var (headers, bodyStart) = Headers(content, after + lineEnd + 1);
            var next = Next(content, bodyStart, delimiter);
            var bodyEnd = next < 0 ? content.Length : next;
            // The line break before the delimiter belongs to the delimiter.
            if (bodyEnd > bodyStart && content[bodyEnd - 1] == '\n') bodyEnd--;
            if (bodyEnd > bodyStart && content[bodyEnd - 1] == '\r') bodyEnd--;
            parts.Add(new MimePart(headers, bodyStart, Math.Max(bodyStart, bodyEnd)));
            at = next;
        }
        return parts;
    }

    /// <summary>The next delimiter that starts a line, at or after <paramref name="from"/>, or -1.</summary>
    private static int Next(ReadOnlySpan<byte> content, int from, byte[] delimiter)
    {
        while (from < content.Length)
        {
            var found = content[from..].IndexOf(delimiter);
            if (found < 0) return -1;
            var at = from + found;
            if (at == 0 || content[at - 1] == '\n') return at;
            from = at + 1;
        }
        return -1;
    }

    /// <summary>A body decoded by its <c>Content-Transfer-Encoding</c>.</summary>
    public static byte[] Decode(ReadOnlySpan<byte> body, string? transferEncoding) =>
        transferEncoding?.Trim().ToLowerInvariant() switch
        {
            "quoted-printable" => QuotedPrintable(body),
            "base64" => Base64(body),
            _ => body.ToArray(),
        };

    private static byte[] QuotedPrintable(ReadOnlySpan<byte> body)
    {
        var result = new byte[body.Length];
        var n = 0;
        for (var i = 0; i < body.Length; i++)
        {
            var b = body[i];
            if (b != '=')
            {
                result[n++] = b;
                continue;
            }
            if (i + 1 < body.Length && body[i + 1] == '\n') { i += 1; continue; }                       // soft break, LF
            if (i + 2 < body.Length && body[i + 1] == '\r' && body[i + 2] == '\n') { i += 2; continue; } // soft break, CRLF
            if (i + 2 < body.Length && Hex(body[i + 1]) is { } high && Hex(body[i + 2]) is { } low)
            {
                result[n++] = (byte)(high * 16 + low);
                i += 2;
                continue;
            }
            result[n++] = b;
        }
        return result[..n];
    }

    private static int? Hex(byte b) => b switch
    {
        >= (byte)'0' and <= (byte)'9' => b - '0',
        >= (byte)'A' and <= (byte)'F' => b - 'A' + 10,
        >= (byte)'a' and <= (byte)'f' => b - 'a' + 10,
        _ => null,
    };

    private static byte[] Base64(ReadOnlySpan<byte> body)
    {
        var clean = new StringBuilder(body.Length);
        foreach (var b in body)
            if (char.IsAsciiLetterOrDigit((char)b) || b is (byte)'+' or (byte)'/') clean.Append((char)b);
        while (clean.Length % 4 != 0) clean.Append('=');
        try
        {
            return Convert.FromBase64String(clean.ToString());
        }
        catch (FormatException e)
        {
            throw new NoticeFormatException(NoticeErrorKind.Corrupt, "the web archive's page is damaged: its base64 does not decode", e);
        }
    }

    /// <summary>A parameter of a header value (<c>multipart/related; boundary="…"</c>), unquoted; null when absent.</summary>
    public static string? Parameter(string? value, string name)
    {
        if (value is null) return null;
        foreach (var piece in value.Split(';').Skip(1))
        {
            var eq = piece.IndexOf('=', StringComparison.Ordinal);
            if (eq < 0 || !piece[..eq].Trim().Equals(name, StringComparison.OrdinalIgnoreCase)) continue;
            return piece[(eq + 1)..].Trim().Trim('"');
        }
        return null;
    }
}
