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

    public static ulong Of(int template, ulong a) => NonZero(Mix((ulong)template * 0x9E3779B97F4A7C15UL ^ Mix(a)));

    public static ulong Of(int template, ulong a, ulong b) => NonZero(Mix(((ulong)template * 0x9E3779B97F4A7C15UL ^ Mix(a)) * 31 + Mix(b + 0x632BE59BD9B4E019UL)));

    public static ulong Of(int template, ulong a, ulong b, ulong c) =>
        NonZero(Mix((((ulong)template * 0x9E3779B97F4A7C15UL ^ Mix(a)) * 31 + Mix(b + 0x632BE59BD9B4E019UL)) * 31 + Mix(c + 0x8CB92BA72F3D8DD7UL)));

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
