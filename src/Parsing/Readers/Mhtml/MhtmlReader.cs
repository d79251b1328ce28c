using System.Text;
using Extractor.Parsing.Readers.Html;

namespace Extractor.Parsing.Readers.Mhtml;

/// <summary>
/// Reads a web archive (<c>.mht</c>/<c>.mhtml</c>: a page saved by a browser or Word as one MIME message): the page's
/// HTML part — the one the message's <c>Snapshot-Content-Location</c> or <c>start</c> names, else the first HTML
/// part — decoded from quoted-printable or base64 and read by <see cref="HtmlReader"/> with the charset its part
/// declares. Images, style sheets and frames are ignored. Location: the element path, as for HTML.
/// </summary>
public sealed class MhtmlReader : INoticeReader
{
    private readonly HtmlReader _html = new();

    /// <inheritdoc/>
    public InputFormat Format => InputFormat.Mhtml;

    /// <summary>Certain when the content opens with MIME headers: a <c>MIME-Version</c> and a multipart or HTML <c>Content-Type</c>.</summary>
    public FormatConfidence Recognize(ReadOnlySpan<byte> content, string? fileName)
    {
        var (headers, _) = MimeMessage.Headers(content[..Math.Min(content.Length, 16 * 1024)], Start(content));
        return IsWebArchive(headers) ? FormatConfidence.Certain : FormatConfidence.None;
    }

    /// <summary>MIME headers of a saved page.</summary>
    internal static bool IsWebArchive(IReadOnlyDictionary<string, string> headers) =>
        headers.ContainsKey("mime-version") && headers.TryGetValue("content-type", out var type)
        && (type.StartsWith("multipart/", StringComparison.OrdinalIgnoreCase) || type.StartsWith("text/html", StringComparison.OrdinalIgnoreCase));

    /// <inheritdoc/>
    public ExtractedDocument Read(Stream content, ReaderContext context)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(context);
        var bytes = NoticeReaders.Bytes(content);
        var (headers, bodyStart) = MimeMessage.Headers(bytes, Start(bytes));
        if (!IsWebArchive(headers))
            throw new NoticeFormatException(NoticeErrorKind.Corrupt, "the web archive (MHTML) has no MIME headers");
        var message = new MimePart(headers, bodyStart, bytes.Length);
        var page = message.MediaType == "text/html" ? message : Page(bytes, message)
            ?? throw new NoticeFormatException(NoticeErrorKind.Corrupt, "the web archive (MHTML) holds no HTML page");
        var html = MimeMessage.Decode(bytes.AsSpan(page.BodyStart, page.BodyEnd - page.BodyStart), page.Header("content-transfer-encoding"));
        context.Cancellation.ThrowIfCancellationRequested();
        var encoding = context.Encoding ?? Charset(page.Parameter("charset"));
        using var stream = new MemoryStream(html, 0, html.Length, writable: false, publiclyVisible: true);
        var document = _html.Read(stream, context with { Encoding = encoding });
        return document with { Format = InputFormat.Mhtml };
    }

    /// <summary>The HTML part the archive is the snapshot of.</summary>
    private static MimePart? Page(byte[] bytes, MimePart message)
    {
        var boundary = message.Parameter("boundary");
        if (string.IsNullOrEmpty(boundary)) return null;
        var parts = MimeMessage.Parts(bytes, message.BodyStart, boundary).Where(p => p.MediaType == "text/html").ToList();
        var location = message.Header("snapshot-content-location");
        var start = message.Parameter("start")?.Trim('<', '>');
        return parts.FirstOrDefault(p => location is not null && p.Header("content-location") == location)
            ?? parts.FirstOrDefault(p => start is not null && p.Header("content-id")?.Trim('<', '>') == start)
            ?? parts.FirstOrDefault();
    }

    /// <summary>The encoding a part's charset names; null for none or an unknown one (the HTML reader then decides).</summary>
    private static Encoding? Charset(string? name)
    {
        if (string.IsNullOrWhiteSpace(name)) return null;
        PlainText.TextDecoder.EnsureRegistered();
        var label = name.Trim().ToLowerInvariant();
        if (label is "gb2312" or "gbk" or "gb18030" or "x-gbk" or "cp936") return Encoding.GetEncoding(54936);
        try
        {
            return Encoding.GetEncoding(label);
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException)
        {
            return null;
        }
    }

    /// <summary>Where the headers start: after a byte-order mark and blank lines.</summary>
    private static int Start(ReadOnlySpan<byte> content)
    {
        var at = content.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]) ? 3 : 0;
        while (at < content.Length && content[at] is (byte)'\r' or (byte)'\n' or (byte)' ' or (byte)'\t') at++;
        return at;
    }
}
