using System.Runtime.InteropServices;

namespace Sitrep.Ingest.Files;

/// <summary>What a path names once symbolic links are followed.</summary>
public enum FileKind
{
    /// <summary>Nothing exists at the path (or a link is broken).</summary>
    Missing,

    /// <summary>A regular file: the only kind Sitrep reads.</summary>
    Regular,

    /// <summary>A directory.</summary>
    Directory,

    /// <summary>A named pipe (FIFO): opening it waits for a writer, reading it may never end.</summary>
    Fifo,

    /// <summary>A Unix domain socket.</summary>
    Socket,

    /// <summary>A character device (<c>/dev/zero</c>, a terminal): endless or interactive.</summary>
    CharacterDevice,

    /// <summary>A block device (a disk).</summary>
    BlockDevice,
}

/// <summary>
/// Tells file kinds apart without opening anything: opening a FIFO blocks until a writer comes, and a device such as
/// <c>/dev/zero</c> never ends, so the kind must be known before the first <c>open</c>. On Linux the kind comes from
/// <c>statx</c>; elsewhere .NET's own view is used (a path that exists and is not a directory counts as regular).
/// </summary>
public static partial class FileKinds
{
    private const int AtFdCwd = -100;
    private const uint StatxType = 0x1;
    private const int ModeOffset = 28;
    private const int StatxSize = 256;
    private static bool _statxMissing = !OperatingSystem.IsLinux();

    /// <summary>The kind of file at <paramref name="path"/>, following symbolic links.</summary>
    public static FileKind Of(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!_statxMissing)
        {
            try
            {
                var buffer = new byte[StatxSize];
                if (Statx(AtFdCwd, path, 0, StatxType, buffer) != 0)
                {
                    return FileKind.Missing;
                }

                var mode = BitConverter.ToUInt16(buffer, ModeOffset);
                return (mode & 0xF000) switch
                {
                    0x8000 => FileKind.Regular,
                    0x4000 => FileKind.Directory,
                    0x1000 => FileKind.Fifo,
                    0xC000 => FileKind.Socket,
                    0x2000 => FileKind.CharacterDevice,
                    0x6000 => FileKind.BlockDevice,
                    _ => FileKind.Missing,
                };
            }
            catch (Exception ex) when (ex is EntryPointNotFoundException or DllNotFoundException)
            {
                _statxMissing = true;
            }
        }

        if (Directory.Exists(path))
        {
            return FileKind.Directory;
        }

        return File.Exists(path) ? FileKind.Regular : FileKind.Missing;
    }

    /// <summary>How the kind is named in error messages.</summary>
    public static string Describe(FileKind kind) => kind switch
    {
        FileKind.Fifo => "named pipe",
        FileKind.Socket => "socket",
        FileKind.CharacterDevice => "character device",
        FileKind.BlockDevice => "block device",
        FileKind.Directory => "directory",
        FileKind.Regular => "regular file",
        _ => "missing",
    };

    // statx(2) rather than stat(2): its struct has one layout on every Linux architecture.
    [LibraryImport("libc", EntryPoint = "statx", StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Statx(int directory, string path, int flags, uint mask, [Out] byte[] buffer);
}
