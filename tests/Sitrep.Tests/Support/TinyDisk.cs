using System.Diagnostics;

namespace Sitrep.Tests.Support;

/// <summary>
/// A small tmpfs mounted on a fresh folder, to meet a real full or read-only disk: a read-only file made with chmod
/// does not stop root, a read-only file system does. Tests that need one skip when mount is not allowed here.
/// </summary>
public sealed class TinyDisk : IDisposable
{
    private TinyDisk(string path) => Path = path;

    /// <summary>The mount point.</summary>
    public string Path { get; }

    /// <summary>Mounts a tmpfs of <paramref name="kilobytes"/> KiB, or skips the test when mounting is not possible.</summary>
    public static TinyDisk Mount(int kilobytes)
    {
        var path = System.IO.Path.Combine(Some.TempDirectory(), "disk");
        Directory.CreateDirectory(path);
        var (code, error) = Run("mount", "-t", "tmpfs", "-o", $"size={kilobytes}k", "tmpfs", path);
        if (code != 0)
        {
            Assert.Skip($"a tmpfs cannot be mounted here ({error.Trim()}); run as root on Linux to test a full or read-only disk");
        }

        return new TinyDisk(path);
    }

    /// <summary>Remounts the disk read-only: nothing on it can be written, not even by root.</summary>
    public void MakeReadOnly()
    {
        var (code, error) = Run("mount", "-o", "remount,ro", Path);
        if (code != 0)
        {
            throw new InvalidOperationException("remount read-only failed: " + error);
        }
    }

    /// <summary>Fills the disk to the last byte with a file of zeros.</summary>
    public void Fill()
    {
        using var filler = new FileStream(System.IO.Path.Combine(Path, "filler"), FileMode.Create, FileAccess.Write, FileShare.None, bufferSize: 0);
        var block = new byte[4096];
        try
        {
            while (true)
            {
                filler.Write(block);
                filler.Flush();
            }
        }
        catch (IOException)
        {
            // No space left on device: full.
        }
    }

    public void Dispose() => Run("umount", "-l", Path);

    private static (int Code, string Error) Run(string file, params string[] args)
    {
        var info = new ProcessStartInfo(file) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        try
        {
            using var process = Process.Start(info)!;
            var error = process.StandardError.ReadToEnd();
            process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            return (process.ExitCode, error);
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            return (-1, ex.Message);
        }
    }
}
