using System.Globalization;
using System.Text;
using System.Text.Json;
using Extractor.Cli.Dedup;
using Extractor.Parsing;

namespace Extractor.Cli.Batch;

/// <summary>
/// The framed messages between <see cref="WorkerPool"/> and a worker (<c>extractor __worker</c>), so that any file name
/// the file system allows travels intact, and the worker never opens a file itself: it parses the bytes the parent read
/// (once, from the path it enumerated, or from standard input). A request is one line of JSON,
/// <c>{"name":…,"format":…,"text":…,"length":…}</c> (the name to record, the format the parent detected, whether to send
/// the extracted text back, the content's length), and that many bytes of content.
/// An answer is a header line and UTF-8 payloads of the lengths it gives: <c>OK ITEMS WARNINGS LENGTH EXTRA</c>, the
/// notice's JSON and a JSON object with its text's fingerprint (and the text and its page starts, when asked); or
/// <c>ERR KIND LENGTH</c> and the reason (KIND is the library's <see cref="NoticeErrorKind"/>, or <c>-</c>).
/// </summary>
internal static class WorkerProtocol
{
    /// <summary>A request: the name to record for the content, its format, whether the text is wanted.</summary>
    public sealed record Request(string Name, string Format, bool Text = false);

    /// <summary>Writes a request and its content.</summary>
    public static async Task WriteRequestAsync(Stream output, Request request, byte[] content, CancellationToken cancellation)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("name", request.Name);
            json.WriteString("format", request.Format);
            json.WriteBoolean("text", request.Text);
            json.WriteNumber("length", content.Length);
            json.WriteEndObject();
        }
        buffer.WriteByte((byte)'\n');
        await output.WriteAsync(buffer.GetBuffer().AsMemory(0, (int)buffer.Length), cancellation).ConfigureAwait(false);
        await output.WriteAsync(content, cancellation).ConfigureAwait(false);
        await output.FlushAsync(cancellation).ConfigureAwait(false);
    }

    /// <summary>Reads a request and its content; null when the input ended.</summary>
    /// <exception cref="InvalidDataException">The input is not a request.</exception>
    public static (Request Request, byte[] Content)? ReadRequest(Stream input)
    {
        var line = new MemoryStream();
        int b;
        while ((b = input.ReadByte()) != '\n')
        {
            if (b < 0) return line.Length == 0 ? null : throw new InvalidDataException("the request ends before its line does");
            if (line.Length > 1 << 20) throw new InvalidDataException("the request's line is too long");
            line.WriteByte((byte)b);
        }
        try
        {
            using var json = JsonDocument.Parse(line.ToArray());
            var root = json.RootElement;
            var request = new Request(root.GetProperty("name").GetString()!, root.GetProperty("format").GetString()!,
                root.TryGetProperty("text", out var text) && text.GetBoolean());
            var content = new byte[root.GetProperty("length").GetInt32()];
            input.ReadExactly(content);
            return (request, content);
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or FormatException or EndOfStreamException)
        {
            throw new InvalidDataException($"the request is not valid: {e.Message}", e);
        }
    }

    /// <summary>Writes a notice's answer: its JSON, its text's fingerprint and, when given, its text.</summary>
    public static void WriteNotice(Stream output, Notice notice, bool indented, TextFingerprint? fingerprint, NoticeText? text)
    {
        var payload = Encoding.UTF8.GetBytes(indented ? NoticeJson.Serialize(notice) : NoticeJson.SerializeLine(notice));
        var extra = Extra(fingerprint, text);
        Write(output, string.Create(CultureInfo.InvariantCulture, $"OK {notice.Items.Count} {notice.Warnings.Count} {payload.Length} {extra.Length}\n"), payload, extra);
    }

    /// <summary>Writes a failure's answer.</summary>
    public static void WriteError(Stream output, string reason, NoticeErrorKind? kind = null)
    {
        var payload = Encoding.UTF8.GetBytes(reason);
        Write(output, string.Create(CultureInfo.InvariantCulture, $"ERR {kind?.ToString() ?? "-"} {payload.Length}\n"), payload, []);
    }

    private static byte[] Extra(TextFingerprint? fingerprint, NoticeText? text)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            if (fingerprint is not null) json.WriteBase64String("fingerprint", fingerprint.ToBytes());
            if (text is not null)
            {
                json.WriteString("text", text.Text);
                json.WriteStartArray("pages");
                foreach (var page in text.Pages)
                {
                    json.WriteNumberValue(page.Offset);
                    json.WriteNumberValue(page.Page);
                }
                json.WriteEndArray();
            }
            json.WriteEndObject();
        }
        return buffer.ToArray();
    }

    private static void Write(Stream output, string header, byte[] payload, byte[] extra)
    {
        output.Write(Encoding.ASCII.GetBytes(header));
        output.Write(payload);
        output.Write(extra);
        output.Flush();
    }

    /// <summary>An answer as read by the parent.</summary>
    public sealed record Answer(bool Ok, string Payload, int Items, int Warnings)
    {
        public NoticeErrorKind? Kind { get; init; }

        public TextFingerprint? Fingerprint { get; init; }

        public NoticeText? Text { get; init; }
    }

    /// <summary>Reads one answer; null when the worker's output ended (it died).</summary>
    /// <exception cref="InvalidDataException">The worker wrote something that is not an answer.</exception>
    public static async Task<Answer?> ReadAnswerAsync(Stream input, CancellationToken cancellation)
    {
        var header = new StringBuilder();
        var one = new byte[1];
        while (true)
        {
            if (await input.ReadAsync(one, cancellation).ConfigureAwait(false) == 0) return null;
            if (one[0] == '\n') break;
            if (header.Length > 100) throw new InvalidDataException($"the worker answered: {header}");
            header.Append((char)one[0]);
        }
        var parts = header.ToString().Split(' ');
        int Number(int i) => i < parts.Length && int.TryParse(parts[i], NumberStyles.None, CultureInfo.InvariantCulture, out var n)
            ? n : throw new InvalidDataException($"the worker answered: {header}");
        var ok = parts[0] == "OK";
        if (!ok && parts[0] != "ERR") throw new InvalidDataException($"the worker answered: {header}");
        var payload = new byte[Number(ok ? 3 : 2)];
        var extra = new byte[ok ? Number(4) : 0];
        try
        {
            await input.ReadExactlyAsync(payload, cancellation).ConfigureAwait(false);
            await input.ReadExactlyAsync(extra, cancellation).ConfigureAwait(false);
        }
        catch (EndOfStreamException)
        {
            return null;
        }
        if (!ok)
            return new Answer(false, Encoding.UTF8.GetString(payload), 0, 0) { Kind = Enum.TryParse<NoticeErrorKind>(parts[1], out var kind) ? kind : null };
        var (fingerprint, text) = ReadExtra(extra, header.ToString());
        return new Answer(true, Encoding.UTF8.GetString(payload), Number(1), Number(2)) { Fingerprint = fingerprint, Text = text };
    }

    private static (TextFingerprint?, NoticeText?) ReadExtra(byte[] extra, string header)
    {
        try
        {
            using var json = JsonDocument.Parse(extra);
            var root = json.RootElement;
            var fingerprint = root.TryGetProperty("fingerprint", out var f) ? TextFingerprint.FromBytes(f.GetBytesFromBase64()) : null;
            if (!root.TryGetProperty("text", out var t)) return (fingerprint, null);
            var numbers = root.GetProperty("pages").EnumerateArray().Select(e => e.GetInt32()).ToList();
            var pages = Enumerable.Range(0, numbers.Count / 2).Select(i => new PageStart(numbers[2 * i], numbers[2 * i + 1])).ToList();
            return (fingerprint, new NoticeText(t.GetString()!, pages));
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or FormatException or KeyNotFoundException)
        {
            throw new InvalidDataException($"the worker answered {header} with extra data that is not valid: {e.Message}");
        }
    }
}
