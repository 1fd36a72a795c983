namespace Sitrep.Syntax.Features;

/// <summary>
/// 64-bit hashes of words and feature templates, computed without allocating: a feature is a template number mixed
/// with up to three values (word hashes, tag and label ids, small counts).
/// </summary>
internal static class FeatureHash
{
    private const ulong Offset = 14695981039346656037UL;
    private const ulong Prime = 1099511628211UL;

    /// <summary>splitmix64's finaliser: spreads every input bit over the whole word.</summary>
    public static ulong Mix(ulong x)
    {
        x ^= x >> 30;
        x *= 0xbf58476d1ce4e5b9UL;
        x ^= x >> 27;
        x *= 0x94d049bb133111ebUL;
        x ^= x >> 31;
        return x;
    }

    // A feature costs one finaliser: the template's constant, the first value and the others times distinct odd
    // constants are XORed, then mixed. Word values are already hashes and tag values differ from template to template
    // only in the low bits, so two features meet only by a 64-bit accident. Mixing every value first, as before, cost
    // four finalisers a feature.
    public static ulong Of(int template, ulong a) => NonZero(Mix(((ulong)template * 0x9E3779B97F4A7C15UL) ^ a));

    public static ulong Of(int template, ulong a, ulong b) => NonZero(Mix(((ulong)template * 0x9E3779B97F4A7C15UL) ^ a ^ (b * 0xC2B2AE3D27D4EB4FUL)));

    public static ulong Of(int template, ulong a, ulong b, ulong c) =>
        NonZero(Mix(((ulong)template * 0x9E3779B97F4A7C15UL) ^ a ^ (b * 0xC2B2AE3D27D4EB4FUL) ^ (c * 0x165667B19E3779F9UL)));

    /// <summary>FNV-1a over the characters, as they are.</summary>
    public static ulong Chars(ReadOnlySpan<char> chars)
    {
        var h = Offset;
        foreach (var c in chars)
        {
            h = (h ^ c) * Prime;
        }

        return h;
    }

    /// <summary>Zero marks an empty slot in the weight table.</summary>
    private static ulong NonZero(ulong h) => h == 0 ? 1 : h;
}
