using System.Globalization;
using System.Text;
using System.Text.Json;
using Extractor.Parsing;

namespace Extractor.Cli.Batch;

/// <summary>
/// The framed messages between <see cref="WorkerPool"/> and a worker (<c>extractor __worker</c>), so that any file name
/// the file system allows travels intact. A request is one line of JSON: <c>{"path":…,"name":…,"format":…}</c> (the file
/// to open, the name to record, the format the parent detected). An answer is a header line and a UTF-8 payload of the
/// length it gives: <c>OK ITEMS WARNINGS LENGTH</c> and the notice's JSON, or <c>ERR LENGTH</c> and the reason.
/// </summary>
internal static class WorkerProtocol
{
    /// <summary>A request: the file to open, the name to record for it, its format.</summary>
    public sealed record Request(string Path, string Name, string Format);

    public static string WriteRequest(Request request)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("path", request.Path);
            json.WriteString("name", request.Name);
            json.WriteString("format", request.Format);
            json.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    public static Request ReadRequest(string line)
    {
        using var json = JsonDocument.Parse(line);
        var root = json.RootElement;
        return new Request(root.GetProperty("path").GetString()!, root.GetProperty("name").GetString()!, root.GetProperty("format").GetString()!);
    }

    /// <summary>Writes a notice's answer.</summary>
    public static void WriteNotice(Stream output, Notice notice, bool indented)
    {
        var payload = Encoding.UTF8.GetBytes(indented ? NoticeJson.Serialize(notice) : NoticeJson.SerializeLine(notice));
        Write(output, string.Create(CultureInfo.InvariantCulture, $"OK {notice.Items.Count} {notice.Warnings.Count} {payload.Length}\n"), payload);
    }

    /// <summary>Writes a failure's answer.</summary>
    public static void WriteError(Stream output, string reason)
    {
        var payload = Encoding.UTF8.GetBytes(reason);
        Write(output, string.Create(CultureInfo.InvariantCulture, $"ERR {payload.Length}\n"), payload);
    }

    private static void Write(Stream output, string header, byte[] payload)
    {
        output.Write(Encoding.ASCII.GetBytes(header));
        output.Write(payload);
        output.Flush();
    }

    /// <summary>An answer as read by the parent.</summary>
    public sealed record Answer(bool Ok, string Payload, int Items, int Warnings);

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
        var payload = new byte[Number(ok ? 3 : 1)];
        try
        {
            await input.ReadExactlyAsync(payload, cancellation).ConfigureAwait(false);
        }
        catch (EndOfStreamException)
        {
            return null;
        }
        return new Answer(ok, Encoding.UTF8.GetString(payload), ok ? Number(1) : 0, ok ? Number(2) : 0);
    }
}
