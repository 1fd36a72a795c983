namespace Sitrep.Corroboration.Stance;

/// <summary>
/// Features of a (headline, body) pair for the FNC-1 scheme: the term-frequency vectors of headline and body over a
/// training vocabulary (the UCL model's input), their TF-IDF cosine, and hand features after the official baseline
/// (word and n-gram overlap in the body and its lead, refuting words, polarity) plus sentence-level cues (refuting,
/// negation and hedging words in the body sentences that share the headline's words).
/// </summary>
public sealed class Fnc1Featurizer
{
    private const int FixedDense = 22;

    /// <summary>Creates a featurizer over <paramref name="vocabulary"/>.</summary>
    public Fnc1Featurizer(Vocabulary vocabulary)
    {
        ArgumentNullException.ThrowIfNull(vocabulary);
        Vocabulary = vocabulary;
    }

    /// <summary>The word list of the TF blocks.</summary>
    public Vocabulary Vocabulary { get; }

    /// <summary>Total input dimension.</summary>
    public int Dimension => (2 * Vocabulary.Count) + FixedDense + StanceText.RefutingWords.Length;

    /// <summary>Analyses one text once, so a body can be paired with many headlines cheaply.</summary>
    public PreparedText Prepare(string text) => new(text, Vocabulary);

    /// <summary>The feature vector of a headline against a body.</summary>
    public SparseVector Featurize(PreparedText headline, PreparedText body)
    {
        ArgumentNullException.ThrowIfNull(headline);
        ArgumentNullException.ThrowIfNull(body);
        var v = new SparseVectorBuilder();
        var n = Vocabulary.Count;
        foreach (var (i, w) in headline.Tf)
        {
            v.Add(i, w);
        }

        foreach (var (i, w) in body.Tf)
        {
            v.Add(n + i, w);
        }

        var d = 2 * n;
        var headContent = headline.ContentWords;
        var headCount = Math.Max(1, headContent.Count);
        v.Add(d + 0, Cosine(headline.TfIdf, body.TfIdf));
        v.Add(d + 1, Cosine(headline.TfIdf, body.LeadTfIdf));
        v.Add(d + 2, Jaccard(headline.ContentSet, body.ContentSet));
        v.Add(d + 3, headContent.Count(body.ContentSet.Contains) / (float)headCount);
        v.Add(d + 4, headContent.Count(body.LeadSet.Contains) / (float)headCount);
        v.Add(d + 5, Fraction(headline.Bigrams, body.Bigrams));
        v.Add(d + 6, Fraction(headline.Trigrams, body.Trigrams));
        v.Add(d + 7, Fraction(headline.Bigrams, body.LeadBigrams));

        float best = 0f;
        var bestSentence = -1;
        float nearRefuting = 0f, nearHedge = 0f, nearNegation = 0f;
        var near = 0;
        for (var s = 0; s < body.SentenceSets.Count; s++)
        {
            var set = body.SentenceSets[s];
            var overlap = headline.ContentSet.Count(set.Contains) / (float)headCount;
            if (overlap > best)
            {
                best = overlap;
                bestSentence = s;
            }

            if (overlap >= 0.25f)
            {
                near++;
                nearRefuting += body.SentenceRefuting[s];
                nearHedge += body.SentenceHedges[s];
                nearNegation += body.SentenceNegations[s];
            }
        }

        v.Add(d + 8, best);
        if (bestSentence >= 0)
        {
            v.Add(d + 9, Math.Min(3, body.SentenceRefuting[bestSentence]) / 3f);
            v.Add(d + 10, body.SentenceNegations[bestSentence] > 0 ? 1f : 0f);
        }

        var bodyWords = Math.Max(1, body.WordCount);
        v.Add(d + 11, Math.Min(1f, body.HedgeCount * 10f / bodyWords));
        v.Add(d + 12, Math.Min(1f, body.RefutingCount * 10f / bodyWords));
        v.Add(d + 13, headline.RefutingCount % 2 == 1 ? 1f : 0f);
        v.Add(d + 14, body.RefutingCount % 2 == 1 ? 1f : 0f);
        v.Add(d + 15, headline.HasQuestion ? 1f : 0f);
        v.Add(d + 16, MathF.Log(1 + bodyWords) / 8f);
        v.Add(d + 17, MathF.Log(1 + headContent.Sum(w => body.ContentCounts.GetValueOrDefault(w))) / 5f);
        v.Add(d + 18, IdfOverlap(headline, body));
        v.Add(d + 19, Math.Min(3f, nearRefuting) / 3f);
        v.Add(d + 20, Math.Min(3f, nearHedge) / 3f);
        v.Add(d + 21, Math.Min(3f, nearNegation) / 3f);
        var refuting = StanceText.RefutingWords;
        for (var r = 0; r < refuting.Length; r++)
        {
            if (headline.WordSet.Contains(refuting[r]))
            {
                v.Add(d + FixedDense + r, 1f);
            }
        }

        return v.Build();
    }

    private float IdfOverlap(PreparedText headline, PreparedText body)
    {
        float shared = 0, total = 0;
        foreach (var word in headline.ContentSet)
        {
            var i = Vocabulary.IndexOf(word);
            var idf = i >= 0 ? Vocabulary.Idf(i) : 8f;
            total += idf;
            if (body.ContentSet.Contains(word))
            {
                shared += idf;
            }
        }

        return total > 0 ? shared / total : 0f;
    }

    private static float Cosine(Dictionary<int, float> a, Dictionary<int, float> b)
    {
        if (a.Count > b.Count)
        {
            (a, b) = (b, a);
        }

        var dot = 0f;
        foreach (var (i, w) in a)
        {
            if (b.TryGetValue(i, out var x))
            {
                dot += w * x;
            }
        }

        return dot;
    }

    private static float Jaccard(HashSet<string> a, HashSet<string> b)
    {
        if (a.Count == 0 && b.Count == 0)
        {
            return 0f;
        }

        var shared = a.Count(b.Contains);
        return shared / (float)(a.Count + b.Count - shared);
    }

    private static float Fraction(HashSet<string> part, HashSet<string> whole) =>
        part.Count == 0 ? 0f : part.Count(whole.Contains) / (float)part.Count;
}

/// <summary>A text analysed once for <see cref="Fnc1Featurizer"/>: words, sets, n-grams, vectors, sentence cues.</summary>
public sealed class PreparedText
{
    private const int LeadCharacters = 255;

    internal PreparedText(string text, Vocabulary vocabulary)
    {
        ArgumentNullException.ThrowIfNull(text);
        var words = StanceText.Words(text);
        WordCount = words.Count;
        WordSet = new HashSet<string>(words, StringComparer.Ordinal);
        ContentWords = words.Where(StanceText.IsContent).Distinct(StringComparer.Ordinal).ToList();
        ContentSet = new HashSet<string>(ContentWords, StringComparer.Ordinal);
        ContentCounts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var w in words)
        {
            if (StanceText.IsContent(w))
            {
                ContentCounts[w] = ContentCounts.GetValueOrDefault(w) + 1;
            }
        }

        Bigrams = NGrams(words, 2);
        Trigrams = NGrams(words, 3);
        HasQuestion = text.Contains('?', StringComparison.Ordinal);
        RefutingCount = words.Count(w => Array.IndexOf(StanceText.RefutingWords, w) >= 0);
        HedgeCount = words.Count(StanceText.HedgeWords.Contains);
        (Tf, TfIdf) = Vectors(words, vocabulary);

        var leadWords = StanceText.Words(text.Length > LeadCharacters ? text[..LeadCharacters] : text);
        LeadSet = new HashSet<string>(leadWords, StringComparer.Ordinal);
        LeadBigrams = NGrams(leadWords, 2);
        var sentences = StanceText.Sentences(text);
        var leadSentenceWords = StanceText.Words(string.Join(' ', sentences.Take(2)));
        LeadTfIdf = Vectors(leadSentenceWords, vocabulary).TfIdf;
        foreach (var sentence in sentences.Take(200))
        {
            var sw = StanceText.Words(sentence);
            SentenceSets.Add(new HashSet<string>(sw.Where(StanceText.IsContent), StringComparer.Ordinal));
            SentenceRefuting.Add(sw.Count(w => Array.IndexOf(StanceText.RefutingWords, w) >= 0));
            SentenceHedges.Add(sw.Count(StanceText.HedgeWords.Contains));
            SentenceNegations.Add(sw.Count(StanceText.Negations.Contains));
        }
    }

    internal int WordCount { get; }

    internal HashSet<string> WordSet { get; }

    internal List<string> ContentWords { get; }

    internal HashSet<string> ContentSet { get; }

    internal Dictionary<string, int> ContentCounts { get; }

    internal HashSet<string> Bigrams { get; }

    internal HashSet<string> Trigrams { get; }

    internal HashSet<string> LeadSet { get; }

    internal HashSet<string> LeadBigrams { get; }

    internal bool HasQuestion { get; }

    internal int RefutingCount { get; }

    internal int HedgeCount { get; }

    internal Dictionary<int, float> Tf { get; }

    internal Dictionary<int, float> TfIdf { get; }

    internal Dictionary<int, float> LeadTfIdf { get; }

    internal List<HashSet<string>> SentenceSets { get; } = [];

    internal List<int> SentenceRefuting { get; } = [];

    internal List<int> SentenceHedges { get; } = [];

    internal List<int> SentenceNegations { get; } = [];

    private static HashSet<string> NGrams(List<string> words, int n)
    {
        var set = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i + n <= words.Count; i++)
        {
            set.Add(string.Join(' ', words, i, n));
        }

        return set;
    }

    /// <summary>L2-normalised term frequencies and L2-normalised TF-IDF over the vocabulary.</summary>
    private static (Dictionary<int, float> Tf, Dictionary<int, float> TfIdf) Vectors(List<string> words, Vocabulary vocabulary)
    {
        var counts = new Dictionary<int, float>();
        foreach (var w in words)
        {
            var i = vocabulary.IndexOf(w);
            if (i >= 0)
            {
                counts[i] = counts.GetValueOrDefault(i) + 1f;
            }
        }

        var tf = Normalize(counts, _ => 1f);
        var tfidf = Normalize(counts, vocabulary.Idf);
        return (tf, tfidf);
    }

    private static Dictionary<int, float> Normalize(Dictionary<int, float> counts, Func<int, float> weight)
    {
        var result = new Dictionary<int, float>(counts.Count);
        var norm = 0f;
        foreach (var (i, c) in counts)
        {
            var x = c * weight(i);
            result[i] = x;
            norm += x * x;
        }

        if (norm > 0)
        {
            norm = MathF.Sqrt(norm);
            foreach (var i in counts.Keys)
            {
                result[i] /= norm;
            }
        }

        return result;
    }
}
