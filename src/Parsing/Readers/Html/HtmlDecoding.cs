using System.Text;
using System.Text.RegularExpressions;
using Extractor.Parsing.Readers.PlainText;

namespace Extractor.Parsing.Readers.Html;

/// <summary>Decodes an HTML page's bytes as a browser would: byte-order mark, then the <c>&lt;meta&gt;</c> charset, then detection.</summary>
internal static partial class HtmlDecoding
{
    [GeneratedRegex(@"<meta[^>]+?charset\s*=\s*[""']?\s*([A-Za-z0-9_\-:.]+)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex MetaCharset();

    /// <summary>BOM, then the charset a <c>&lt;meta&gt;</c> in the first 1024 bytes declares, then detection.</summary>
    public static (string Text, string Encoding) Decode(byte[] bytes, Encoding? forced, List<Warning> warnings)
    {
        if (forced is not null) return (TextDecoder.Decode(bytes, forced).Text, forced.WebName);
        if (bytes.AsSpan().StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]) || bytes.AsSpan().StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE])
            || bytes.AsSpan().StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            var bom = TextDecoder.Decode(bytes);
            return (bom.Text, bom.Encoding);
        }
        var head = Encoding.Latin1.GetString(bytes, 0, Math.Min(bytes.Length, 1024));
        if (MetaCharset().Match(head) is { Success: true } meta && Declared(meta.Groups[1].Value) is { } declared)
        {
            if (declared.IsSingleByte)
            {
                // A Chinese notice in a Western single-byte encoding is a mislabelled page: trust the bytes if they are
                // UTF-8, GB18030 or Big5, as the label can decode anything into the wrong characters.
                try
                {
                    var bytesSay = TextDecoder.Decode(bytes);
                    if (!bytesSay.Guessed)
                    {
                        warnings.Add(new Warning
                        {
                            Code = WarningCodes.EncodingGuessed,
                            Message = $"the page declares charset {meta.Groups[1].Value} but its bytes are {bytesSay.Encoding}; decoded as {bytesSay.Encoding}",
                        });
                        return (bytesSay.Text, bytesSay.Encoding);
                    }
                }
                catch (NoticeFormatException)
                {
                    // Not a multi-byte text: the declared single-byte encoding it is.
                }
                return (declared.GetString(bytes), declared.WebName);
            }
            try
            {
                var strict = Encoding.GetEncoding(declared.CodePage, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback);
                return (strict.GetString(bytes), declared.WebName == "gb18030" ? "gb18030" : declared.WebName);
            }
            catch (DecoderFallbackException)
            {
                var detected = TextDecoder.Decode(bytes);
                warnings.Add(new Warning
                {
                    Code = WarningCodes.EncodingGuessed,
                    Message = $"the page declares charset {meta.Groups[1].Value} but its bytes are not; decoded as {detected.Encoding}",
                });
                return (detected.Text, detected.Encoding);
            }
        }
        var decoded = TextDecoder.Decode(bytes);
        warnings.AddRange(TextDecoder.Warnings(decoded, $"the page declares no charset; guessed {decoded.Encoding}"));
        return (decoded.Text, decoded.Encoding);
    }

    /// <summary>The encoding a charset label stands for, as browsers map labels (every GB label decodes as GB18030, its superset).</summary>
    private static Encoding? Declared(string label)
    {
        TextDecoder.EnsureRegistered();
        var name = label.Trim().ToLowerInvariant();
        if (name is "gb2312" or "gbk" or "gb18030" or "x-gbk" or "chinese" or "csgb2312" or "iso-ir-58" or "gb_2312-80" or "gb_2312" or "cp936" or "windows-936")
            return Encoding.GetEncoding(54936);
        if (name is "big5" or "big5-hkscs" or "cn-big5" or "x-x-big5" or "csbig5") return Encoding.GetEncoding(950);
        if (name is "utf8" or "unicode-1-1-utf-8") return Encoding.UTF8;
        // Browsers never honour UTF-7 or UTF-32 labels (they are not in the WHATWG Encoding Standard); neither do we.
        if (name.StartsWith("utf-7", StringComparison.Ordinal) || name.StartsWith("utf-32", StringComparison.Ordinal) || name == "unicode-1-1-utf-7")
            return null;
        try
        {
            return Encoding.GetEncoding(name);
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException)
        {
            return null;
        }
    }
}
