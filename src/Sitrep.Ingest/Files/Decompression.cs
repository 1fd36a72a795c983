using System.IO.Compression;

namespace Sitrep.Ingest;

/// <summary>Bounded gzip decompression: a gzip bomb stops at the limit instead of filling memory.</summary>
public static class Decompression
{
    /// <summary>True when the bytes start with the gzip magic number.</summary>
    public static bool IsGzip(ReadOnlySpan<byte> bytes) => bytes.Length >= 2 && bytes[0] == 0x1F && bytes[1] == 0x8B;

    /// <summary>Decompresses; null when the output would exceed <paramref name="maxBytes"/>.</summary>
    /// <exception cref="InvalidDataException">The stream is corrupt.</exception>
    public static byte[]? Gunzip(Stream compressed, long maxBytes)
    {
        ArgumentNullException.ThrowIfNull(compressed);
        using var gzip = new GZipStream(compressed, CompressionMode.Decompress, leaveOpen: true);
        using var output = new MemoryStream();
        var buffer = new byte[81920];
        long total = 0;
        int read;
        while ((read = gzip.Read(buffer, 0, buffer.Length)) > 0)
        {
            total += read;
            if (total > maxBytes)
            {
                return null;
            }

            output.Write(buffer, 0, read);
        }

        return output.ToArray();
    }
}
