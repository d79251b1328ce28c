using System.Runtime.InteropServices;

namespace Extractor.Parsing;

/// <summary>
/// What a path names in the file system, links followed: <see cref="NoticeParser.ParseFile"/> reads regular files only,
/// so that a named pipe in a folder of notices cannot hang a batch and a link to <c>/dev/zero</c> cannot fill memory;
/// a pipe or a device is read, when that is meant, as a stream (<see cref="NoticeParser.ReadStream"/>), within the size limit.
/// </summary>
public enum FileEntryKind
{
    /// <summary>Nothing is there (or a link leads nowhere).</summary>
    Missing,

    /// <summary>A regular file.</summary>
    Regular,

    /// <summary>A folder.</summary>
    Directory,

    /// <summary>A named pipe (FIFO): reading waits for a writer.</summary>
    NamedPipe,

    /// <summary>A character device (<c>/dev/zero</c>, a terminal): reading may never end.</summary>
    CharacterDevice,

    /// <summary>A block device (a disk).</summary>
    BlockDevice,

    /// <summary>A socket.</summary>
    Socket,

    /// <summary>Something else, or a system that does not tell: treated as a regular file.</summary>
    Unknown,
}

/// <summary>Tells what a path is, from the file system (Linux: <c>statx</c>; elsewhere only files and folders are told).</summary>
internal static class FileEntries
{
    private const int AtCurrentDirectory = -100;
    private const uint StatxType = 1;

    [DllImport("libc", EntryPoint = "statx", SetLastError = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int Statx(int directory, [MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags, uint mask, byte[] buffer);

    public static FileEntryKind Of(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (OperatingSystem.IsLinux())
        {
            var buffer = new byte[256]; // struct statx; stx_mode is the 16 bits at offset 28
            try
            {
                if (Statx(AtCurrentDirectory, path, 0, StatxType, buffer) != 0) return System.IO.Directory.Exists(path) ? FileEntryKind.Directory : FileEntryKind.Missing;
                return (BitConverter.ToUInt16(buffer, 28) & 0xF000) switch
                {
                    0x8000 => FileEntryKind.Regular,
                    0x4000 => FileEntryKind.Directory,
                    0x1000 => FileEntryKind.NamedPipe,
                    0x2000 => FileEntryKind.CharacterDevice,
                    0x6000 => FileEntryKind.BlockDevice,
                    0xC000 => FileEntryKind.Socket,
                    _ => FileEntryKind.Unknown,
                };
            }
            catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
            {
                // an old C library: fall through to what .NET tells
            }
        }
        return System.IO.Directory.Exists(path) ? FileEntryKind.Directory : File.Exists(path) ? FileEntryKind.Unknown : FileEntryKind.Missing;
    }

    /// <summary>How a kind that is not a file is named to a user.</summary>
    public static string Describe(FileEntryKind kind) => kind switch
    {
        FileEntryKind.NamedPipe => "a named pipe (FIFO)",
        FileEntryKind.CharacterDevice => "a character device",
        FileEntryKind.BlockDevice => "a block device",
        FileEntryKind.Socket => "a socket",
        FileEntryKind.Directory => "a directory",
        _ => "not a regular file",
    };
}
