namespace Extractor.Parsing;

/// <summary>Reads input files and streams into memory within the size limit, turning I/O failures into <see cref="NoticeFormatException"/>s.</summary>
internal static class InputBytes
{
    public static FileStream Open(string path, ParserLimits limits)
    {
        ArgumentNullException.ThrowIfNull(path);
        try
        {
            if (Directory.Exists(path)) throw new NoticeFormatException(NoticeErrorKind.Unreadable, "it is a directory, not a file") { SourcePath = path };
            var info = new FileInfo(path);
            if (!info.Exists) throw new NoticeFormatException(NoticeErrorKind.Unreadable, "no such file") { SourcePath = path };
            // Regular files only: opening a named pipe waits for a writer, and a device can be read without end.
            if (FileEntries.Of(path) is var kind and not (FileEntryKind.Regular or FileEntryKind.Unknown or FileEntryKind.Missing))
                throw new NoticeFormatException(NoticeErrorKind.Unreadable, $"it is {FileEntries.Describe(kind)}, not a regular file") { SourcePath = path };
            if (info.Length > limits.MaxInputBytes) throw TooLarge(limits, path);
            return new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, FileOptions.SequentialScan);
        }
        catch (Exception e) when (IsIo(e))
        {
            throw Unreadable(e, path);
        }
    }

    public static byte[] Read(Stream stream, ParserLimits limits, string? path)
    {
        ArgumentNullException.ThrowIfNull(stream);
        try
        {
            using var buffer = new MemoryStream();
            if (KnownLength(stream, limits, path) is { } length)
            {
                // The usual case, a file: one array of the right size.
                var bytes = new byte[length];
                var read = stream.ReadAtLeast(bytes, bytes.Length, throwOnEndOfStream: false);
                if (read < length) return bytes[..read];
                var next = stream.ReadByte();
                if (next < 0) return bytes;
                buffer.Write(bytes); // the file grew while we read it: go on as with any stream
                buffer.WriteByte((byte)next);
            }
            var chunk = new byte[81920];
            int n;
            while ((n = stream.Read(chunk, 0, chunk.Length)) > 0)
            {
                if (buffer.Length + n > limits.MaxInputBytes) throw TooLarge(limits, path);
                buffer.Write(chunk, 0, n);
            }
            return buffer.ToArray();
        }
        catch (Exception e) when (IsIo(e))
        {
            throw Unreadable(e, path);
        }
    }

    public static async Task<byte[]> ReadAsync(Stream stream, ParserLimits limits, string? path, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(stream);
        try
        {
            using var buffer = new MemoryStream(KnownLength(stream, limits, path) ?? 0);
            var chunk = new byte[81920];
            int n;
            while ((n = await stream.ReadAsync(chunk, cancellation).ConfigureAwait(false)) > 0)
            {
                if (buffer.Length + n > limits.MaxInputBytes) throw TooLarge(limits, path);
                buffer.Write(chunk, 0, n);
            }
            return buffer.ToArray();
        }
        catch (Exception e) when (IsIo(e))
        {
            throw Unreadable(e, path);
        }
    }

    /// <summary>The number of bytes left in a seekable stream (checked against the limit), or null when it cannot tell.</summary>
    private static int? KnownLength(Stream stream, ParserLimits limits, string? path)
    {
        if (!stream.CanSeek) return null;
        var left = stream.Length - stream.Position;
        if (left > limits.MaxInputBytes) throw TooLarge(limits, path);
        return left is > 0 and <= int.MaxValue ? (int)left : null;
    }

    public static NoticeFormatException TooLarge(ParserLimits limits, string? path) =>
        new(NoticeErrorKind.LimitExceeded, $"the input is larger than the {limits.MaxInputBytes / (1024 * 1024)} MiB limit") { SourcePath = path };

    private static bool IsIo(Exception e) => e is IOException or UnauthorizedAccessException or System.Security.SecurityException;

    private static NoticeFormatException Unreadable(Exception e, string? path) => new(NoticeErrorKind.Unreadable, e switch
    {
        UnauthorizedAccessException => "permission denied",
        FileNotFoundException or DirectoryNotFoundException => "no such file",
        PathTooLongException => "the path is too long",
        _ => e.Message,
    }, e) { SourcePath = path };
}
