using System.Runtime.InteropServices;

namespace Extractor.Cli.IO;

/// <summary>
/// Durability as a property of a batch: the files of a batch are each written atomically (a temporary file renamed
/// into the destination's place) without a flush to the disk each, and made durable together when the batch completes,
/// by one sync of the file system that holds them. A crash of the process leaves every output whole or absent (or the
/// last run's, for a file a re-run had not reached yet); a crash of the machine (power loss) before the batch
/// completes may lose, or leave empty, the files it wrote since it started.
/// </summary>
internal static partial class Durability
{
    /// <summary>
    /// Flushes to the disk what has been written to the file system holding <paramref name="folder"/> (Linux: syncfs on
    /// the folder; elsewhere: the whole system's sync where there is one, else nothing is left to do).
    /// </summary>
    public static void SyncFileSystem(string folder)
    {
        if (!OperatingSystem.IsLinux() && !OperatingSystem.IsMacOS() && !OperatingSystem.IsFreeBSD()) return;
        try
        {
            if (OperatingSystem.IsLinux())
            {
                var fd = Open(folder, 0 /* O_RDONLY */);
                if (fd >= 0)
                {
                    try
                    {
                        if (SyncFs(fd) == 0) return;
                    }
                    finally
                    {
                        _ = Close(fd);
                    }
                }
            }
            Sync();
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            // no C library to ask: the files are whole (renamed when complete), the system writes them in its own time
        }
    }

    [LibraryImport("libc", EntryPoint = "open", StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Open(string path, int flags);

    [LibraryImport("libc", EntryPoint = "syncfs")]
    private static partial int SyncFs(int fd);

    [LibraryImport("libc", EntryPoint = "close")]
    private static partial int Close(int fd);

    [LibraryImport("libc", EntryPoint = "sync")]
    private static partial void Sync();
}
