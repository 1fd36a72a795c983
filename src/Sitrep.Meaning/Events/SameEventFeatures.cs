using System.Globalization;
using System.Numerics.Tensors;
using System.Text.RegularExpressions;
using Sitrep.Meaning.Pairs;

namespace Sitrep.Meaning.Events;

/// <summary>
/// The same-event classifier's input for two sentences, symmetric in the two: [|u−v|, u∘v] over their vectors, the
/// cosine, then cheap cues of which happening each tells: numbers, years, months and weekdays, and capitalised names
/// (people, places, organisations) each shared or clashing, and how many content words they share.
/// </summary>
internal static partial class SameEventFeatures
{
    /// <summary>Bumped whenever the layout changes, so a model trained on another layout is refused.</summary>
    public const int LayoutVersion = 1;

    public static readonly string[] Names =
    [
        "number.both", "number.shared", "number.clash",
        "year.both", "year.shared", "year.clash",
        "month.both", "month.shared", "month.clash",
        "weekday.both", "weekday.shared", "weekday.clash",
        "name.both", "name.shared", "name.jaccard", "name.clash", "name.unshared",
        "content.jaccard", "content.shared", "length.log-ratio",
    ];

    private const int MaxWords = 400;

    private static readonly HashSet<string> Months = new(StringComparer.Ordinal)
    {
        "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december",
    };

    private static readonly HashSet<string> Weekdays = new(StringComparer.Ordinal)
    {
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
    };

    // Capitalised words that are not names: sentence openers, titles, days and months (counted on their own).
    private static readonly HashSet<string> NotNames = new(StringComparer.Ordinal)
    {
        "the", "a", "an", "in", "on", "at", "he", "she", "it", "they", "we", "i", "his", "her", "their", "this", "that",
        "but", "and", "or", "after", "before", "when", "while", "police", "mr", "mrs", "ms", "dr", "update", "breaking",
        "news", "video", "photos", "said", "says", "according", "officials", "authorities", "reuters", "ap", "afp",
    };

    public static int Length(int dimensions) => (2 * dimensions) + 1 + Names.Length;

    public static float[] Features(string a, ReadOnlySpan<float> u, string b, ReadOnlySpan<float> v)
    {
        var d = u.Length;
        if (v.Length != d)
        {
            throw new ArgumentException($"The first vector has {d} dimensions, the second {v.Length}.", nameof(v));
        }

        var x = new float[Length(d)];
        var span = x.AsSpan();
        TensorPrimitives.Subtract(u, v, span[..d]);
        TensorPrimitives.Abs(span[..d], span[..d]);
        TensorPrimitives.Multiply(u, v, span.Slice(d, d));
        span[2 * d] = TensorPrimitives.Dot(u, v);
        Cues(a ?? string.Empty, b ?? string.Empty, span[((2 * d) + 1)..]);
        return x;
    }

    /// <summary>Writes the cheap cues of (a, b) into <paramref name="output"/> (length <see cref="Names"/>).</summary>
    public static void Cues(string a, string b, Span<float> output)
    {
        var ta = Tokens(a);
        var tb = Tokens(b);
        var i = 0;
        Compare(Numbers(ta, years: false), Numbers(tb, years: false), output, ref i);
        Compare(Numbers(ta, years: true), Numbers(tb, years: true), output, ref i);
        Compare(Lower(ta).Where(Months.Contains).ToHashSet(StringComparer.Ordinal), Lower(tb).Where(Months.Contains).ToHashSet(StringComparer.Ordinal), output, ref i);
        Compare(Lower(ta).Where(Weekdays.Contains).ToHashSet(StringComparer.Ordinal), Lower(tb).Where(Weekdays.Contains).ToHashSet(StringComparer.Ordinal), output, ref i);

        var na = NameWords(ta);
        var nb = NameWords(tb);
        var sharedNames = na.Count(nb.Contains);
        var unionNames = na.Count + nb.Count - sharedNames;
        output[i++] = na.Count > 0 && nb.Count > 0 ? 1f : 0f;
        output[i++] = Math.Min(sharedNames, 3) / 3f;
        output[i++] = unionNames == 0 ? 0f : sharedNames / (float)unionNames;
        output[i++] = na.Count > 0 && nb.Count > 0 && sharedNames == 0 ? 1f : 0f;
        output[i++] = Math.Min(unionNames - sharedNames, 6) / 6f;

        var ca = Lower(ta).Where(LexicalFeatures.IsContent).Select(LexicalFeatures.Stem).ToHashSet(StringComparer.Ordinal);
        var cb = Lower(tb).Where(LexicalFeatures.IsContent).Select(LexicalFeatures.Stem).ToHashSet(StringComparer.Ordinal);
        var shared = ca.Count(cb.Contains);
        var union = ca.Count + cb.Count - shared;
        output[i++] = union == 0 ? 0f : shared / (float)union;
        output[i++] = Math.Min(shared, 8) / 8f;
        output[i++] = (float)Math.Abs(Math.Log(ta.Count + 1) - Math.Log(tb.Count + 1));
    }

    private static void Compare(HashSet<string> a, HashSet<string> b, Span<float> output, ref int i)
    {
        var both = a.Count > 0 && b.Count > 0;
        var shared = a.Overlaps(b);
        output[i++] = both ? 1f : 0f;
        output[i++] = shared ? 1f : 0f;
        output[i++] = both && !shared ? 1f : 0f;
    }

    private static List<string> Tokens(string text)
    {
        var tokens = new List<string>();
        foreach (var match in TokenPattern().EnumerateMatches(text))
        {
            if (tokens.Count >= MaxWords)
            {
                break;
            }

            tokens.Add(text.Substring(match.Index, match.Length));
        }

        return tokens;
    }

    private static IEnumerable<string> Lower(List<string> tokens) => tokens.Select(t => t.ToLowerInvariant());

    /// <summary>Numbers as written (years apart when <paramref name="years"/> is set: 1900–2099 alone).</summary>
    private static HashSet<string> Numbers(List<string> tokens, bool years)
    {
        var set = new HashSet<string>(StringComparer.Ordinal);
        foreach (var token in tokens)
        {
            if (!char.IsAsciiDigit(token[0]))
            {
                continue;
            }

            var digits = token.Replace(",", string.Empty, StringComparison.Ordinal);
            var isYear = digits.Length == 4 && int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var year) && year is >= 1900 and <= 2099;
            if (isYear == years && double.TryParse(digits, NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
            {
                set.Add(value.ToString("R", CultureInfo.InvariantCulture));
            }
        }

        return set;
    }

    /// <summary>Capitalised words that are not the sentence's first word, titles, months or weekdays (lower-cased).</summary>
    private static HashSet<string> NameWords(List<string> tokens)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        for (var k = 1; k < tokens.Count; k++)
        {
            var token = tokens[k];
            if (token.Length < 2 || !char.IsUpper(token[0]))
            {
                continue;
            }

            var lower = token.ToLowerInvariant();
            if (!NotNames.Contains(lower) && !Months.Contains(lower) && !Weekdays.Contains(lower))
            {
                names.Add(lower.EndsWith("'s", StringComparison.Ordinal) ? lower[..^2] : lower);
            }
        }

        return names;
    }

    [GeneratedRegex(@"[\p{L}\p{N}][\p{L}\p{N}'’.,-]*[\p{L}\p{N}]|[\p{L}\p{N}]", RegexOptions.CultureInvariant)]
    private static partial Regex TokenPattern();
}
