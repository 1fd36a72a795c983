using Sitrep.Errors;
using Sitrep.Ingest.Encoding;

namespace Sitrep.Ingest.Files;

/// <summary>
/// Reads an input file's bytes within the size limit. Only regular files are opened: the kind is checked first, so a
/// named pipe, socket or device is skipped with an error entry instead of blocking or reading for ever. A file over the
/// limit is refused before it is opened, a file whose head looks binary is refused after reading only that head (unless it is a PDF or ZIP container, which
/// binary readers take), and a
/// file that grows while being read is cut off at the limit rather than read to the end: memory stays bounded.
/// </summary>
public static class FileLoader
{
    /// <summary>
    /// The most bytes one file may hold whatever <see cref="IngestOptions.MaxBytes"/> says: its text must fit one .NET
    /// string (about a billion characters), so a bigger file could never be analysed.
    /// </summary>
    public const long MaxReadableBytes = 1L << 30;

    /// <summary>Loads the file, or returns the error entry explaining why it cannot be.</summary>
    public static (RawInput? Input, SitrepError? Error) Load(InputFile file, IngestOptions options)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(options);
        try
        {
            var kind = FileKinds.Of(file.FullPath);
            if (kind == FileKind.Missing)
            {
                return (null, Path.GetFileName(file.FullPath).Contains('\uFFFD', StringComparison.Ordinal)
                    ? SitrepErrors.NameUndecodable.At(file.DisplayPath)
                    : SitrepErrors.ReadFailed.At(file.DisplayPath, "the file no longer exists"));
            }

            if (kind != FileKind.Regular)
            {
                return (null, SitrepErrors.NotRegularFile.At(file.DisplayPath, FileKinds.Describe(kind)));
            }

            var length = new FileInfo(file.FullPath).Length;
            if (length > options.MaxBytes)
            {
                return (null, SitrepErrors.TooLarge.At(file.DisplayPath, length, options.MaxBytes));
            }

            if (length > MaxReadableBytes)
            {
                return (null, SitrepErrors.TooLargeToHold.At(file.DisplayPath, length, MaxReadableBytes));
            }

            using var stream = new FileStream(file.FullPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 1, FileOptions.SequentialScan);
            var max = Math.Min(options.MaxBytes, MaxReadableBytes);
            var bytes = ReadBounded(stream, length, max, options.SniffBytes, out var binary);
            if (binary is not null)
            {
                return (null, SitrepErrors.Binary.At(file.DisplayPath, binary));
            }

            if (bytes is null)
            {
                return (null, SitrepErrors.TooLarge.At(file.DisplayPath, Math.Max(length, max + 1), options.MaxBytes));
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

    // Reads the head first: a binary file (a disk image, a video) is refused after a few kilobytes, not after gigabytes.
    private static byte[]? ReadBounded(Stream stream, long expected, long max, int sniffBytes, out string? binary)
    {
        binary = null;
        var buffer = new byte[Math.Min(Math.Min(expected, max) + 1, Array.MaxLength)];
        var total = 0;
        var sniffed = false;
        while (true)
        {
            if (total == buffer.Length)
            {
                if (buffer.Length > max)
                {
                    return null;
                }

                Array.Resize(ref buffer, (int)Math.Min(Math.Min(max + 1, Array.MaxLength), Math.Max(4096, (long)buffer.Length * 2)));
            }

            var want = sniffed ? buffer.Length - total : Math.Min(buffer.Length - total, Math.Max(1, sniffBytes - total));
            var read = stream.Read(buffer, total, want);
            if (read == 0)
            {
                break;
            }

            total += read;
            if (!sniffed && total >= sniffBytes)
            {
                sniffed = true;
                var head = buffer.AsSpan(0, total);
                if (!Decompression.IsGzip(head) && !ContainerFormats.IsReadable(head) && TextDecoder.SniffBinary(head) is { } why)
                {
                    binary = why;
                    return null;
                }
            }
        }

        if (total > max)
        {
            return null;
        }

        Array.Resize(ref buffer, total);
        return buffer;
    }
}
