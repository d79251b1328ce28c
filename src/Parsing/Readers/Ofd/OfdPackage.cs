using System.IO.Compression;
using System.Xml;
using System.Xml.Linq;

namespace Extractor.Parsing.Readers.Ofd;

/// <summary>
/// The parts of an OFD package (a ZIP), read as XML on demand: a part's path is resolved the way GB/T 33190 writes
/// them (<c>BaseLoc</c> relative to the part that names it, or absolute from the package root with a leading
/// <c>/</c>), no path leaves the package, every part's inflated size counts against
/// <see cref="ParserLimits.MaxDecompressedBytes"/>, and XML is read without DTDs or external entities.
/// </summary>
internal sealed class OfdPackage : IDisposable
{
    private readonly ZipArchive _zip;
    private readonly Dictionary<string, ZipArchiveEntry> _entries = new(StringComparer.OrdinalIgnoreCase);
    private readonly ParserLimits _limits;
    private long _inflated;

    public OfdPackage(byte[] bytes, ParserLimits limits)
    {
        _limits = limits;
        try
        {
            _zip = new ZipArchive(new MemoryStream(bytes, writable: false), ZipArchiveMode.Read);
            foreach (var entry in _zip.Entries) _entries.TryAdd(entry.FullName.TrimStart('/').Replace('\\', '/'), entry);
        }
        catch (InvalidDataException e)
        {
            throw new NoticeFormatException(NoticeErrorKind.Corrupt, "the OFD package is damaged or truncated", e);
        }
    }

    /// <summary>The part at <paramref name="path"/> (from the package root) as XML, or null when there is no such part.</summary>
    /// <exception cref="NoticeFormatException">The part is damaged, is not XML, or inflates past the limit.</exception>
    public XDocument? Load(string path)
    {
        if (!_entries.TryGetValue(path, out var entry)) return null;
        _inflated += entry.Length;
        if (_inflated > _limits.MaxDecompressedBytes || entry.Length < 0)
            throw new NoticeFormatException(NoticeErrorKind.LimitExceeded, $"the OFD package inflates past the {_limits.MaxDecompressedBytes / (1024 * 1024)} MiB limit");
        var settings = new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
            MaxCharactersInDocument = Math.Max(1, _limits.MaxDecompressedBytes),
            IgnoreComments = true,
        };
        try
        {
            using var stream = entry.Open();
            using var reader = XmlReader.Create(stream, settings);
            return XDocument.Load(reader);
        }
        catch (Exception e) when (e is XmlException or InvalidDataException or IOException)
        {
            throw new NoticeFormatException(NoticeErrorKind.Corrupt, $"the OFD package is damaged: its part {path} cannot be read ({e.Message.Split('\n')[0].Trim()})", e);
        }
    }

    /// <summary>
    /// The package path of <paramref name="location"/> named in the part at <paramref name="from"/>: relative to that
    /// part's folder, or from the root with a leading <c>/</c>; a relative location that names no part there is tried
    /// from the root (producers write both). Null when it would leave the package.
    /// </summary>
    public string? Resolve(string from, string location)
    {
        location = location.Trim().Replace('\\', '/');
        if (location.Length == 0) return null;
        if (location.StartsWith('/')) return Normalize(location);
        var folder = from.Contains('/', StringComparison.Ordinal) ? from[..from.LastIndexOf('/')] : "";
        var relative = Normalize(folder.Length == 0 ? location : folder + "/" + location);
        if (relative is not null && _entries.ContainsKey(relative)) return relative;
        return Normalize(location) is { } rooted && _entries.ContainsKey(rooted) ? rooted : relative;
    }

    private static string? Normalize(string path)
    {
        var parts = new List<string>();
        foreach (var part in path.Split('/'))
        {
            if (part is "" or ".") continue;
            if (part == "..")
            {
                if (parts.Count == 0) return null;
                parts.RemoveAt(parts.Count - 1);
                continue;
            }
            parts.Add(part);
        }
        return parts.Count == 0 ? null : string.Join('/', parts);
    }

    public void Dispose() => _zip.Dispose();
}
