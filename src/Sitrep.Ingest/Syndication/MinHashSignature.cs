using Sitrep.Documents;
using Sitrep.Ingest.Text;

namespace Sitrep.Ingest.Syndication;

/// <summary>
/// A MinHash signature over the word 5-gram shingles of a document's analysable text (boilerplate excluded, matching
/// normalisation applied). Two signatures agree in a share of positions that estimates the Jaccard similarity of the
/// two shingle sets.
/// </summary>
public sealed class MinHashSignature
{
    /// <summary>Number of hash functions.</summary>
    public const int Size = 128;

    /// <summary>Words per shingle.</summary>
    public const int ShingleWords = 5;

    private static readonly ulong[] A = Seeds(0x9E3779B97F4A7C15UL);
    private static readonly ulong[] B = Seeds(0xC2B2AE3D27D4EB4FUL);

    private MinHashSignature(ulong[] values, int shingles)
    {
        Values = values;
        Shingles = shingles;
    }

    /// <summary>The minimum hash per function.</summary>
    public IReadOnlyList<ulong> Values { get; }

    /// <summary>Number of shingles the text gave (0: too short to compare).</summary>
    public int Shingles { get; }

    /// <summary>The signature of a document, skipping its boilerplate.</summary>
    public static MinHashSignature Of(Document document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var values = new ulong[Size];
        Array.Fill(values, ulong.MaxValue);
        var window = new ulong[ShingleWords];
        var filled = 0;
        var shingles = 0;
        var text = document.Text;
        var boilerplate = document.Boilerplate;
        var nextBoilerplate = 0;
        var i = 0;
        while (i < text.Length)
        {
            while (nextBoilerplate < boilerplate.Count && boilerplate[nextBoilerplate].End <= i)
            {
                nextBoilerplate++;
            }

            if (nextBoilerplate < boilerplate.Count && boilerplate[nextBoilerplate].Contains(i))
            {
                i = boilerplate[nextBoilerplate].End;
                continue;
            }

            if (!char.IsLetterOrDigit(text[i]))
            {
                i++;
                continue;
            }

            var hash = 14695981039346656037UL;
            while (i < text.Length && (char.IsLetterOrDigit(text[i]) || text[i] is '\'' or '\u2019'))
            {
                var c = MatchNormalizer.Fold(text[i]);
                if (c != '\'')
                {
                    hash = (hash ^ c) * 1099511628211UL;
                }

                i++;
            }

            window[filled % ShingleWords] = hash;
            filled++;
            if (filled >= ShingleWords)
            {
                var shingle = 0UL;
                for (var k = 0; k < ShingleWords; k++)
                {
                    shingle = (shingle * 31) ^ window[(filled + k) % ShingleWords];
                }

                // The shingle is mixed once; each hash function is then a multiply-add with an odd multiplier, a
                // permutation of the 64-bit values whose order is set by the well-mixed high bits.
                shingle = Mix(shingle);
                shingles++;
                for (var h = 0; h < Size; h++)
                {
                    var v = (A[h] * shingle) + B[h];
                    if (v < values[h])
                    {
                        values[h] = v;
                    }
                }
            }
        }

        return new MinHashSignature(values, shingles);
    }

    /// <summary>The estimated Jaccard similarity of the two shingle sets.</summary>
    public double Similarity(MinHashSignature other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (Shingles == 0 || other.Shingles == 0)
        {
            return 0;
        }

        var same = 0;
        for (var h = 0; h < Size; h++)
        {
            if (Values[h] == other.Values[h])
            {
                same++;
            }
        }

        return (double)same / Size;
    }

    private static ulong Mix(ulong x)
    {
        x ^= x >> 33;
        x *= 0xFF51AFD7ED558CCDUL;
        x ^= x >> 33;
        x *= 0xC4CEB9FE1A85EC53UL;
        x ^= x >> 33;
        return x;
    }

    private static ulong[] Seeds(ulong seed)
    {
        var values = new ulong[Size];
        var state = seed;
        for (var i = 0; i < Size; i++)
        {
            state += 0x9E3779B97F4A7C15UL;
            values[i] = Mix(state) | 1;
        }

        return values;
    }
}
