using Sitrep.Errors;

namespace Sitrep.Ingest.Files;

/// <summary>
/// Reads an input file's bytes within the size limit. A file over the limit is refused before it is opened, and a
/// file that grows while being read is cut off at the limit rather than read to the end: memory stays bounded.
/// </summary>
public static class FileLoader
{
    /// <summary>Loads the file, or returns the error entry explaining why it cannot be.</summary>
    public static (RawInput? Input, SitrepError? Error) Load(InputFile file, IngestOptions options)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(options);
        try
        {
            var info = new FileInfo(file.FullPath);
            if (!info.Exists)
            {
                return (null, SitrepErrors.NotRegularFile.At(file.DisplayPath, "device, socket or pipe"));
            }

            if (info.Length > options.MaxBytes)
            {
                return (null, SitrepErrors.TooLarge.At(file.DisplayPath, info.Length, options.MaxBytes));
            }

            using var stream = new FileStream(file.FullPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 1, FileOptions.SequentialScan);
            if (!stream.CanSeek)
            {
                return (null, SitrepErrors.NotRegularFile.At(file.DisplayPath, "pipe or socket"));
            }

            var bytes = ReadBounded(stream, info.Length, options.MaxBytes);
            if (bytes is null)
            {
                return (null, SitrepErrors.TooLarge.At(file.DisplayPath, stream.Length, options.MaxBytes));
            }

            return (new RawInput(file, bytes), null);
        }
        catch (UnauthorizedAccessException)
        {
            return (null, SitrepErrors.AccessDenied.At(file.DisplayPath));
        }
        catch (IOException ex)
        {
            return (null, SitrepErrors.ReadFailed.At(file.DisplayPath, ex.Message));
        }
    }

    private static byte[]? ReadBounded(Stream stream, long expected, long max)
    {
        var buffer = new byte[Math.Min(expected, max) + 1];
        var total = 0;
        while (true)
        {
            if (total == buffer.Length)
            {
                if (buffer.Length > max)
                {
                    return null;
                }

                Array.Resize(ref buffer, (int)Math.Min(max + 1, Math.Max(4096, (long)buffer.Length * 2)));
            }

            var read = stream.Read(buffer, total, buffer.Length - total);
            if (read == 0)
            {
                break;
            }

            total += read;
        }

        if (total > max)
        {
            return null;
        }

        Array.Resize(ref buffer, total);
        return buffer;
    }
}
