using System.Runtime.CompilerServices;

namespace Sitrep.Entities.Recognition;

/// <summary>
/// 64-bit feature hashing: a feature is a template id mixed with the hashes of its values, so features are computed
/// without allocating strings. Collisions at 64 bits are negligible for a few million features.
/// </summary>
internal static class FeatureHash
{
    private const ulong Offset = 14695981039346656037UL;
    private const ulong Prime = 1099511628211UL;

    /// <summary>FNV-1a over the characters.</summary>
    public static ulong Of(ReadOnlySpan<char> text)
    {
        var h = Offset;
        foreach (var c in text)
        {
            h = (h ^ c) * Prime;
        }

        return Finish(h);
    }

    /// <summary>FNV-1a over the lowercased characters.</summary>
    public static ulong OfLower(ReadOnlySpan<char> text)
    {
        var h = Offset;
        foreach (var c in text)
        {
            h = (h ^ char.ToLowerInvariant(c)) * Prime;
        }

        return Finish(h);
    }

    /// <summary>Combines two hashes (order matters).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Mix(ulong a, ulong b) => Finish((a * 0x9E3779B97F4A7C15UL) ^ b);

    /// <summary>Combines three hashes.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Mix(ulong a, ulong b, ulong c) => Mix(Mix(a, b), c);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong Finish(ulong h)
    {
        h ^= h >> 31;
        h *= 0xBF58476D1CE4E5B9UL;
        h ^= h >> 29;
        return h;
    }
}
