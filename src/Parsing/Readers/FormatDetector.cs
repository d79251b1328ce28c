namespace Extractor.Parsing.Readers;

/// <summary>
/// Decides the format from the content — magic bytes for PDF, ZIP (DOCX) and other binary formats, markup sniffing
/// for HTML — so that a wrong extension still works. The extension only breaks ties (a text file that merely
/// starts with <c>&lt;</c>).
/// </summary>
internal static class FormatDetector
{
    public static InputFormat Detect(ReadOnlySpan<byte> content, string? fileName)
    {
        var extension = fileName is null ? "" : Path.GetExtension(fileName).ToLowerInvariant();
        var head = content[..Math.Min(content.Length, 1024)];
        if (StartsAfterWhitespace(head, "%PDF-"u8)) return InputFormat.Pdf;
        if (head.StartsWith("PK\x03\x04"u8)) return InputFormat.Docx;
        if (head.StartsWith((ReadOnlySpan<byte>)[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]))
            throw new NoticeFormatException(NoticeErrorKind.UnsupportedFormat,
                "this is a legacy binary Office file (.doc/.xls/.wps); save it as .docx and parse that");
        if (head.StartsWith("{\\rtf"u8))
            throw new NoticeFormatException(NoticeErrorKind.UnsupportedFormat, "this is an RTF document; save it as .docx and parse that");
        if (head.StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47]) || head.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF])
            || head.StartsWith("GIF8"u8) || head.StartsWith("II*\0"u8) || head.StartsWith("MM\0*"u8))
            throw new NoticeFormatException(NoticeErrorKind.NeedsOcr, "this is an image, not a document: it needs OCR");
        if (LooksLikeHtml(head)) return InputFormat.Html;
        return extension is ".html" or ".htm" or ".xhtml" or ".shtml" && head.IndexOf((byte)'<') >= 0 ? InputFormat.Html : InputFormat.Text;
    }

    private static bool StartsAfterWhitespace(ReadOnlySpan<byte> head, ReadOnlySpan<byte> magic)
    {
        var i = 0;
        while (i < head.Length && i < 16 && head[i] is (byte)' ' or (byte)'\r' or (byte)'\n' or (byte)'\t' or 0) i++;
        return head[i..].StartsWith(magic);
    }

    /// <summary>Markup at the start (after a BOM, whitespace and comments) that only HTML has.</summary>
    private static bool LooksLikeHtml(ReadOnlySpan<byte> head)
    {
        var text = System.Text.Encoding.Latin1.GetString(head);
        if (text.StartsWith("\u00EF\u00BB\u00BF", StringComparison.Ordinal)) text = text[3..];
        else if (text.StartsWith("\u00FF\u00FE", StringComparison.Ordinal) || text.StartsWith("\u00FE\u00FF", StringComparison.Ordinal))
            text = text.Replace("\0", "", StringComparison.Ordinal)[2..];
        text = text.TrimStart().ToLowerInvariant();
        while (text.StartsWith("<!--", StringComparison.Ordinal) || text.StartsWith("<?xml", StringComparison.Ordinal))
        {
            var end = text.StartsWith("<!--", StringComparison.Ordinal) ? text.IndexOf("-->", StringComparison.Ordinal) : text.IndexOf("?>", StringComparison.Ordinal);
            if (end < 0) return false;
            text = text[(end + (text[1] == '!' ? 3 : 2))..].TrimStart();
        }
        foreach (var tag in (ReadOnlySpan<string>)["<!doctype html", "<html", "<head", "<body", "<meta", "<title", "<div", "<p>", "<p ", "<table", "<span", "<br", "<h1", "<h2", "<article", "<section", "<font", "<center"])
            if (text.StartsWith(tag, StringComparison.Ordinal)) return true;
        return false;
    }
}
