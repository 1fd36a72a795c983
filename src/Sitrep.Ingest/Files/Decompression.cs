using System.IO.Compression;

namespace Sitrep.Ingest;

/// <summary>Bounded gzip decompression: a gzip bomb stops at the limit instead of filling memory.</summary>
public static class Decompression
{
    /// <summary>True when the bytes start with the gzip magic number.</summary>
    public static bool IsGzip(ReadOnlySpan<byte> bytes) => bytes.Length >= 2 && bytes[0] == 0x1F && bytes[1] == 0x8B;

    /// <summary>Decompresses; null when the output would exceed <paramref name="maxBytes"/>.</summary>
    /// <exception cref="InvalidDataException">The stream is corrupt.</exception>
    public static byte[]? Gunzip(Stream compressed, long maxBytes) => Gunzip(compressed, maxBytes, budget: null, out _);

    /// <summary>
    /// Decompresses within <paramref name="maxBytes"/> for this file and within what is left of <paramref name="budget"/>
    /// for the run; null when either would be exceeded, with <paramref name="budgetSpent"/> telling which.
    /// </summary>
    /// <exception cref="InvalidDataException">The stream is corrupt.</exception>
    public static byte[]? Gunzip(Stream compressed, long maxBytes, DecompressionBudget? budget, out bool budgetSpent)
    {
        ArgumentNullException.ThrowIfNull(compressed);
        budgetSpent = false;
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

            // Charged as the bytes appear, so files inflating in parallel cannot all pass the check before any counts.
            if (budget is not null && !budget.TryTake(read))
            {
                budgetSpent = true;
                return null;
            }

            output.Write(buffer, 0, read);
        }

        return output.ToArray();
    }
}

/// <summary>
/// How many decompressed bytes one run may still produce, shared by all its compressed inputs: each file is bounded by
/// <see cref="IngestOptions.MaxDecompressedBytes"/>, and together they are bounded by this budget, so many small gzip
/// files that each inflate to just under the per-file limit cannot exhaust memory. Thread-safe.
/// </summary>
public sealed class DecompressionBudget
{
    private long _left;

    /// <summary>Creates a budget of <paramref name="bytes"/> decompressed bytes.</summary>
    public DecompressionBudget(long bytes)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(bytes);
        Total = bytes;
        _left = bytes;
    }

    /// <summary>The budget at the start.</summary>
    public long Total { get; }

    /// <summary>Bytes still available.</summary>
    public long Left => Math.Max(0, Interlocked.Read(ref _left));

    /// <summary>Takes <paramref name="bytes"/> from the budget; false (and nothing more is given) once it is spent.</summary>
    public bool TryTake(long bytes) => Interlocked.Add(ref _left, -bytes) >= 0;
}
