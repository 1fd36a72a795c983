namespace Sitrep.Syntax.Features;

/// <summary>
/// What the tagger and parser read of one word, hashed once per sentence: the normalised lowercase form, affixes, a
/// collapsed shape and a few flags. Curly quotes and long dashes are folded to the ASCII forms the treebank uses, and
/// numbers are folded to their class so that unseen figures behave like seen ones.
/// </summary>
internal readonly record struct WordInfo(ulong Form, ulong Lower, ulong Shape, ulong Prefix1, ulong Prefix2, ulong Prefix3, ulong Suffix1, ulong Suffix2, ulong Suffix3, ulong Suffix4, ulong HyphenTail, int Flags, ulong Clusters)
{
    public const int InitialCapital = 1;
    public const int AllCapitals = 2;
    public const int HasDigit = 4;
    public const int HasHyphen = 8;
    public const int HasLetter = 16;

    private const int MaxChars = 48;

    private static readonly ulong NumberToken = FeatureHash.Chars("<num>");
    private static readonly ulong YearToken = FeatureHash.Chars("<year>");

    /// <summary>Cluster id at <paramref name="level"/> (0 = coarsest of <see cref="WordClusters.Levels"/>), 0 when unclustered.</summary>
    public ulong Cluster(int level) => WordClusters.Level(Clusters, level);

    /// <summary>
    /// The word's features; words longer than 48 characters are read by their first and last 24. A hyphenated word
    /// without clusters of its own takes those of its last part.
    /// </summary>
    public static WordInfo From(ReadOnlySpan<char> raw, WordClusters clusters)
    {
        ArgumentNullException.ThrowIfNull(clusters);
        Span<char> buffer = stackalloc char[MaxChars];
        var n = Normalise(raw, buffer);
        var lower = buffer[..n];
        var form = FeatureHash.Chars(lower);
        Span<char> shapeBuffer = stackalloc char[MaxChars];
        var shapeLength = 0;
        var flags = 0;
        var letters = 0;
        var uppers = 0;
        var digitsOnly = true;
        var lastHyphen = -1;
        for (var i = 0; i < n; i++)
        {
            var c = lower[i];
            char s;
            if (char.IsUpper(c))
            {
                s = 'X';
                uppers++;
                letters++;
                lower[i] = char.ToLowerInvariant(c);
                digitsOnly = false;
            }
            else if (char.IsLetter(c))
            {
                s = 'x';
                letters++;
                digitsOnly = false;
            }
            else if (char.IsDigit(c))
            {
                s = 'd';
                flags |= HasDigit;
            }
            else
            {
                s = c;
                if (c == '-')
                {
                    flags |= HasHyphen;
                    lastHyphen = i;
                }

                if (c is not ('.' or ',' or ':' or '/'))
                {
                    digitsOnly = false;
                }
            }

            if (shapeLength < 2 || shapeBuffer[shapeLength - 1] != s || shapeBuffer[shapeLength - 2] != s)
            {
                shapeBuffer[shapeLength++] = s;
            }
        }

        if (letters > 0)
        {
            flags |= HasLetter;
            if (uppers > 0 && char.IsUpper(raw[0]))
            {
                flags |= InitialCapital;
            }

            if (uppers == letters && letters > 1)
            {
                flags |= AllCapitals;
            }
        }

        ulong word;
        if ((flags & HasDigit) != 0 && digitsOnly)
        {
            word = n == 4 && lower[0] is '1' or '2' ? YearToken : NumberToken;
        }
        else
        {
            word = FeatureHash.Chars(lower);
        }

        var tail = lastHyphen >= 0 && lastHyphen < n - 1 ? FeatureHash.Chars(lower[(lastHyphen + 1)..]) : 0;
        var packed = clusters.Of(word);
        if (packed == 0 && tail != 0)
        {
            packed = clusters.Of(tail);
        }

        return new WordInfo(
            form,
            word,
            FeatureHash.Chars(shapeBuffer[..shapeLength]),
            FeatureHash.Chars(lower[..Math.Min(1, n)]),
            FeatureHash.Chars(lower[..Math.Min(2, n)]),
            FeatureHash.Chars(lower[..Math.Min(3, n)]),
            FeatureHash.Chars(lower[Math.Max(0, n - 1)..]),
            FeatureHash.Chars(lower[Math.Max(0, n - 2)..]),
            FeatureHash.Chars(lower[Math.Max(0, n - 3)..]),
            FeatureHash.Chars(lower[Math.Max(0, n - 4)..]),
            tail,
            flags,
            packed);
    }

    /// <summary>Copies <paramref name="raw"/> into <paramref name="into"/> with treebank quotes and dashes.</summary>
    private static int Normalise(ReadOnlySpan<char> raw, Span<char> into)
    {
        if (raw.Length > into.Length)
        {
            var half = into.Length / 2;
            var a = Normalise(raw[..half], into[..half]);
            var b = Normalise(raw[^half..], into[a..]);
            return a + b;
        }

        // Runs of quotes become one treebank quote: “ ” « » and `` '' are all written " in EWT.
        if (raw.Length == 2 && raw[0] == raw[1] && raw[0] is '`' or '\'')
        {
            into[0] = '"';
            return 1;
        }

        for (var i = 0; i < raw.Length; i++)
        {
            into[i] = raw[i] switch
            {
                '\u201C' or '\u201D' or '\u201E' or '\u00AB' or '\u00BB' or '\u2033' => '"',
                '\u2018' or '\u2019' or '\u201A' or '\u2032' or '`' => '\'',
                '\u2013' or '\u2014' or '\u2012' or '\u2015' or '\u2212' or '\u2010' or '\u2011' => '-',
                '\u2026' => '.',
                '\u00A0' => ' ',
                var c => c,
            };
        }

        return raw.Length;
    }
}
