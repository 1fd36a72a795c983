using Sitrep.Entities.Gazetteers;

namespace Sitrep.Entities.Recognition;

/// <summary>
/// Turns the tokens of a document into hashed features. Static features (word, shape, affixes, neighbours, clusters,
/// gazetteer matches, document-level casing) are computed once per sentence; tag-dependent ones (previous tags,
/// earlier predictions for the same word) are added while decoding, by <see cref="PerceptronTagger"/>.
/// </summary>
internal sealed class FeatureExtractor
{
    /// <summary>Upper bound of static features per token.</summary>
    public const int MaxStatic = 96;

    private const int Window = 2;

    private static readonly ulong Bias = T("bias");
    private static readonly ulong TWord = T("w");
    private static readonly ulong TLower = T("lw");
    private static readonly ulong TLowerM1 = T("lw-1");
    private static readonly ulong TLowerP1 = T("lw+1");
    private static readonly ulong TLowerM2 = T("lw-2");
    private static readonly ulong TLowerP2 = T("lw+2");
    private static readonly ulong TBigramM = T("lw-1|lw");
    private static readonly ulong TBigramP = T("lw|lw+1");
    private static readonly ulong TShape = T("shape");
    private static readonly ulong TShortM1 = T("ss-1");
    private static readonly ulong TShort = T("ss");
    private static readonly ulong TShortP1 = T("ss+1");
    private static readonly ulong TShortTri = T("ss-1|ss|ss+1");
    private static readonly ulong TPrefix = T("pre");
    private static readonly ulong TSuffix = T("suf");
    private static readonly ulong TCluster1 = T("c1");
    private static readonly ulong TCluster2 = T("c2");
    private static readonly ulong TCluster3 = T("c3");
    private static readonly ulong TCluster2M1 = T("c2-1");
    private static readonly ulong TCluster2P1 = T("c2+1");
    private static readonly ulong TClusterLowerM1 = T("c3|lw-1");
    private static readonly ulong TGaz = T("gaz");
    private static readonly ulong TGazM1 = T("gaz-1");
    private static readonly ulong TGazP1 = T("gaz+1");
    private static readonly ulong TFirst = T("first|ss");
    private static readonly ulong TUpperSentence = T("upper-sent|lw");
    private static readonly ulong TDocLowerSeen = T("doc-lower-seen");
    private static readonly ulong TDocCapSeen = T("doc-cap-mid-seen");
    private static readonly ulong TLength = T("len");
    private static readonly ulong TNoCluster = T("no-cluster|ss");
    private static readonly ulong TCluster3M1 = T("c3-1");
    private static readonly ulong TCluster3P1 = T("c3+1");
    private static readonly ulong TCluster2M2 = T("c2-2");
    private static readonly ulong TCluster2P2 = T("c2+2");
    private static readonly ulong TLowerM1Shape = T("lw-1|ss");
    private static readonly ulong TLowerP1Shape = T("ss|lw+1");
    private static readonly ulong TGazShape = T("gaz|ss");
    private static readonly ulong TSuffixM1 = T("suf3-1");
    private static readonly ulong TSuffixP1 = T("suf3+1");
    private static readonly ulong TWordM1 = T("w-1");
    private static readonly ulong TWordP1 = T("w+1");
    private static readonly ulong TCluster4 = T("c4");
    private static readonly ulong TCluster4M1 = T("c4-1");
    private static readonly ulong TCluster4P1 = T("c4+1");
    private static readonly ulong TEntity = T("seen-entity");
    private static readonly ulong TEntityShape = T("seen-entity|ss");
    private static readonly ulong TEntityM1 = T("seen-entity-1");
    private static readonly ulong TEntityP1 = T("seen-entity+1");

    /// <summary>Most names from training data a token may carry features of.</summary>
    private const int MaxEntityFeatures = 8;

    private readonly NerLexicon _lexicon;

    public FeatureExtractor(NerLexicon lexicon) => _lexicon = lexicon;

    /// <summary>Per-document casing evidence: which words appear lowercase, which capitalised mid-sentence.</summary>
    public static DocumentCasing Casing(IReadOnlyList<string[]> sentences)
    {
        var lower = new HashSet<ulong>();
        var capitalMid = new HashSet<ulong>();
        foreach (var words in sentences)
        {
            var upperSentence = IsUpperSentence(words);
            for (var i = 0; i < words.Length; i++)
            {
                var w = words[i];
                if (w.Length == 0 || !char.IsLetter(w[0]))
                {
                    continue;
                }

                if (char.IsLower(w[0]))
                {
                    lower.Add(FeatureHash.OfLower(w));
                }
                else if (i > 0 && !upperSentence && !IsQuoteOrBracket(words[i - 1]))
                {
                    capitalMid.Add(FeatureHash.OfLower(w));
                }
            }
        }

        return new DocumentCasing(lower, capitalMid);
    }

    /// <summary>True when a sentence is a headline in capitals (most letters upper).</summary>
    public static bool IsUpperSentence(string[] words)
    {
        int upper = 0, letters = 0;
        foreach (var w in words)
        {
            foreach (var c in w)
            {
                if (char.IsLetter(c))
                {
                    letters++;
                    if (char.IsUpper(c))
                    {
                        upper++;
                    }
                }
            }
        }

        return letters > 6 && upper > letters * 0.8;
    }

    /// <summary>Fills <paramref name="features"/>[i * MaxStatic ..] with each token's static features and <paramref name="counts"/>[i] with their number; <paramref name="lowerOut"/> gets each token's lowercase hash.</summary>
    public void Extract(string[] words, DocumentCasing casing, ulong[] features, int[] counts, ulong[] lowerOut, EntityGazetteer? entities = null)
    {
        var n = words.Length;
        var lowerHashes = new ulong[n];
        Span<char> buffer = stackalloc char[32];
        var exact = new ulong[n];
        var shortShape = new ulong[n];
        var c2 = new int[n];
        var gaz = new ulong[n];
        for (var i = 0; i < n; i++)
        {
            lowerHashes[i] = FeatureHash.OfLower(words[i]);
            exact[i] = FeatureHash.Of(words[i]);
            shortShape[i] = FeatureHash.Of(buffer[..WordShape.Short(words[i], buffer)]);
        }

        lowerHashes.CopyTo(lowerOut, 0);
        MatchGazetteer(lowerHashes, gaz);
        var upperSentence = IsUpperSentence(words);
        var c1 = new int[n];
        var c3 = new int[n];
        var c4 = new int[n];
        Span<char> lowerWord = stackalloc char[64];
        Span<int> ids = stackalloc int[NerLexicon.MaxClusterLevels];
        var levels = _lexicon.ClusterLevels;
        for (var i = 0; i < n; i++)
        {
            var w = words[i];
            c1[i] = c2[i] = c3[i] = c4[i] = -1;
            if (w.Length <= lowerWord.Length && levels >= 3)
            {
                var lowered = lowerWord[..w.Length];
                w.AsSpan().ToLowerInvariant(lowered);
                if (_lexicon.TryGetClusters(lowered, ids))
                {
                    c1[i] = ids[0];
                    c2[i] = ids[1];
                    c3[i] = ids[2];
                    c4[i] = levels >= 4 ? ids[3] : -1;
                }
            }
        }

        var seen = new ulong[n * MaxEntityFeatures];
        var seenCount = new int[n];
        var seenAny = new ulong[n];
        MatchEntities(entities ?? _lexicon.Entities, lowerHashes, seen, seenCount, seenAny);

        for (var i = 0; i < n; i++)
        {
            var f = features.AsSpan(i * MaxStatic, MaxStatic);
            var k = 0;
            var w = words[i];
            var lw = lowerHashes[i];
            f[k++] = Bias;
            f[k++] = FeatureHash.Mix(TWord, exact[i]);
            f[k++] = FeatureHash.Mix(TLower, lw);
            f[k++] = FeatureHash.Mix(TLowerM1, At(lowerHashes, i - 1));
            f[k++] = FeatureHash.Mix(TLowerP1, At(lowerHashes, i + 1));
            f[k++] = FeatureHash.Mix(TLowerM2, At(lowerHashes, i - 2));
            f[k++] = FeatureHash.Mix(TLowerP2, At(lowerHashes, i + 2));
            f[k++] = FeatureHash.Mix(TBigramM, At(lowerHashes, i - 1), lw);
            f[k++] = FeatureHash.Mix(TBigramP, lw, At(lowerHashes, i + 1));
            f[k++] = FeatureHash.Mix(TShape, FeatureHash.Of(buffer[..WordShape.Long(w, buffer)]));
            f[k++] = FeatureHash.Mix(TShortM1, At(shortShape, i - 1));
            f[k++] = FeatureHash.Mix(TShort, shortShape[i]);
            f[k++] = FeatureHash.Mix(TShortP1, At(shortShape, i + 1));
            f[k++] = FeatureHash.Mix(FeatureHash.Mix(TShortTri, At(shortShape, i - 1)), shortShape[i], At(shortShape, i + 1));
            f[k++] = FeatureHash.Mix(TLength, (ulong)Math.Min(w.Length, 12));
            for (var a = 1; a <= 4 && a < w.Length; a++)
            {
                f[k++] = FeatureHash.Mix(TPrefix + (ulong)a, FeatureHash.OfLower(w.AsSpan(0, a)));
                f[k++] = FeatureHash.Mix(TSuffix + (ulong)a, FeatureHash.OfLower(w.AsSpan(w.Length - a)));
            }

            if (c1[i] >= 0)
            {
                f[k++] = FeatureHash.Mix(TCluster1, (ulong)c1[i]);
                f[k++] = FeatureHash.Mix(TCluster2, (ulong)c2[i]);
                f[k++] = FeatureHash.Mix(TCluster3, (ulong)c3[i]);
                f[k++] = FeatureHash.Mix(TClusterLowerM1, (ulong)c3[i], At(lowerHashes, i - 1));
            }
            else
            {
                f[k++] = FeatureHash.Mix(TNoCluster, shortShape[i]);
            }

            f[k++] = FeatureHash.Mix(TCluster3M1, i > 0 ? (ulong)(c3[i - 1] + 2) : 0);
            f[k++] = FeatureHash.Mix(TCluster3P1, i + 1 < n ? (ulong)(c3[i + 1] + 2) : 0);
            f[k++] = FeatureHash.Mix(TCluster2M2, i > 1 ? (ulong)(c2[i - 2] + 2) : 0);
            f[k++] = FeatureHash.Mix(TCluster2P2, i + 2 < n ? (ulong)(c2[i + 2] + 2) : 0);
            f[k++] = FeatureHash.Mix(TLowerM1Shape, At(lowerHashes, i - 1), shortShape[i]);
            f[k++] = FeatureHash.Mix(TLowerP1Shape, shortShape[i], At(lowerHashes, i + 1));
            f[k++] = FeatureHash.Mix(TGazShape, gaz[i], shortShape[i]);
            f[k++] = FeatureHash.Mix(TSuffixM1, i > 0 ? Suffix3(words[i - 1]) : 1UL);
            f[k++] = FeatureHash.Mix(TSuffixP1, i + 1 < n ? Suffix3(words[i + 1]) : 1UL);
            f[k++] = FeatureHash.Mix(TWordM1, At(exact, i - 1));
            f[k++] = FeatureHash.Mix(TWordP1, At(exact, i + 1));
            f[k++] = FeatureHash.Mix(TCluster2M1, i > 0 ? (ulong)(c2[i - 1] + 2) : 0);
            f[k++] = FeatureHash.Mix(TCluster2P1, i + 1 < n ? (ulong)(c2[i + 1] + 2) : 0);
            if (levels >= 4)
            {
                f[k++] = FeatureHash.Mix(TCluster4, (ulong)(c4[i] + 2));
                f[k++] = FeatureHash.Mix(TCluster4M1, i > 0 ? (ulong)(c4[i - 1] + 2) : 0);
                f[k++] = FeatureHash.Mix(TCluster4P1, i + 1 < n ? (ulong)(c4[i + 1] + 2) : 0);
            }

            for (var e = 0; e < seenCount[i]; e++)
            {
                f[k++] = FeatureHash.Mix(TEntity, seen[(i * MaxEntityFeatures) + e]);
                f[k++] = FeatureHash.Mix(TEntityShape, seen[(i * MaxEntityFeatures) + e], shortShape[i]);
            }

            f[k++] = FeatureHash.Mix(TEntityM1, At(seenAny, i - 1));
            f[k++] = FeatureHash.Mix(TEntityP1, At(seenAny, i + 1));
            if (gaz[i] != 0)
            {
                f[k++] = FeatureHash.Mix(TGaz, gaz[i]);
            }

            f[k++] = FeatureHash.Mix(TGazM1, At(gaz, i - 1));
            f[k++] = FeatureHash.Mix(TGazP1, At(gaz, i + 1));
            if (i == 0 || IsQuoteOrBracket(words[i - 1]))
            {
                f[k++] = FeatureHash.Mix(TFirst, shortShape[i]);
            }

            if (upperSentence)
            {
                f[k++] = FeatureHash.Mix(TUpperSentence, lw);
            }

            if (w.Length > 0 && char.IsUpper(w[0]))
            {
                f[k++] = FeatureHash.Mix(TDocLowerSeen, casing.Lower.Contains(lw) ? 1UL : 0UL, shortShape[i]);
                f[k++] = FeatureHash.Mix(TDocCapSeen, casing.CapitalMid.Contains(lw) ? 1UL : 0UL, i == 0 ? 1UL : 0UL);
            }

            counts[i] = k;
        }
    }

    private static ulong Suffix3(string w) => FeatureHash.OfLower(w.Length > 3 ? w.AsSpan(w.Length - 3) : w);

    private static ulong At(ulong[] values, int i) => i < 0 ? 1UL : i >= values.Length ? 2UL : values[i];

    private static bool IsQuoteOrBracket(string w) => w is "\"" or "``" or "''" or "(" or "[" or "'" or "-" or "--" or ":" or "“" or "‘";

    private static ulong T(string name) => FeatureHash.Of(name);

    /// <summary>
    /// Every name from training data covering a token gives it (type, position in the name) features, for all
    /// matches, not only the longest (Ratinov and Roth 2009); <paramref name="any"/> is a hash of all of them.
    /// </summary>
    private static void MatchEntities(EntityGazetteer entities, ulong[] lowerHashes, ulong[] seen, int[] seenCount, ulong[] any)
    {
        var n = lowerHashes.Length;
        for (var i = 0; i < n; i++)
        {
            var node = 0;
            for (var j = i; j < n && j - i < NerLexicon.MaxPhraseTokens; j++)
            {
                node = entities.Next(node, lowerHashes[j]);
                if (node < 0)
                {
                    break;
                }

                var mask = entities.MaskOf(node);
                if (mask == 0)
                {
                    continue;
                }

                for (var t = i; t <= j; t++)
                {
                    var position = j == i ? 3UL : t == i ? 0UL : t == j ? 2UL : 1UL;
                    var value = ((ulong)mask << 2) | position;
                    var slots = seen.AsSpan(t * MaxEntityFeatures, seenCount[t]);
                    if (seenCount[t] < MaxEntityFeatures && !slots.Contains(value))
                    {
                        seen[(t * MaxEntityFeatures) + seenCount[t]++] = value;
                        any[t] = FeatureHash.Mix(any[t] + 11, value);
                    }
                }
            }
        }
    }

    private void MatchGazetteer(ulong[] lowerHashes, ulong[] gaz)
    {
        var n = lowerHashes.Length;
        for (var i = 0; i < n; i++)
        {
            var node = 0;
            for (var j = i; j < n && j - i < NerLexicon.MaxPhraseTokens; j++)
            {
                node = _lexicon.Next(node, lowerHashes[j]);
                if (node < 0)
                {
                    break;
                }

                var flags = _lexicon.FlagsOf(node);
                if (flags == GazetteerCategory.None)
                {
                    continue;
                }

                // Every token of a match gets the category with its position; longer matches keep their own bits.
                for (var t = i; t <= j; t++)
                {
                    var position = j == i ? 3UL : t == i ? 1UL : 2UL;
                    gaz[t] = FeatureHash.Mix(gaz[t] + 7, ((ulong)flags << 2) | position);
                }
            }
        }
    }
}

/// <summary>Casing evidence gathered over a whole document.</summary>
/// <param name="Lower">Lowercase hashes of words seen in lowercase.</param>
/// <param name="CapitalMid">Lowercase hashes of words seen capitalised in mid-sentence.</param>
internal sealed record DocumentCasing(HashSet<ulong> Lower, HashSet<ulong> CapitalMid);
