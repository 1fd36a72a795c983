using System.Collections.Frozen;

namespace Sitrep.Corroboration.Stance;

/// <summary>
/// What the SDQC classifier sees of a post: its text, the claim it answers (the thread's source), the post it
/// replies to, and its place in the thread.
/// </summary>
/// <param name="Text">The post's text.</param>
/// <param name="SourceText">The claim at the root of the thread (the source tweet, or a proposition's label); null when unknown.</param>
/// <param name="ParentText">The post it replies to (equal to the source for a direct reply); null for the source itself.</param>
/// <param name="Depth">0 for the source post, 1 for a direct reply, and so on.</param>
public sealed record SdqcContext(string Text, string? SourceText, string? ParentText, int Depth)
{
    /// <summary>Whether the post is the thread's source (it makes the claim).</summary>
    public bool IsSource => Depth == 0;

    /// <summary>Whether the post is a reply written by the author of the source (who usually adds to the claim).</summary>
    public bool BySourceAuthor { get; init; }

    /// <summary>Whether the post is a reply written by the author of its parent (a thread continued).</summary>
    public bool ByParentAuthor { get; init; }
}

/// <summary>Which optional blocks <see cref="SdqcFeaturizer"/> adds to its inputs (all but <see cref="Authors"/> read word vectors).</summary>
[Flags]
public enum SdqcOptionalFeatures
{
    /// <summary>No word vectors.</summary>
    None = 0,

    /// <summary>The mean of the post's word vectors (length 1).</summary>
    ReplyMean = 1,

    /// <summary>The element-wise maximum of the post's word vectors.</summary>
    ReplyMax = 2,

    /// <summary>The mean of the parent's content-word vectors.</summary>
    ParentMean = 4,

    /// <summary>The mean of the source's content-word vectors.</summary>
    SourceMean = 8,

    /// <summary>Cosine of the post's content words with the source's and with the parent's; a flag for a post without known words.</summary>
    Cosines = 16,

    /// <summary>Whether the reply's author wrote the source, and whether they wrote the parent.</summary>
    Authors = 32,
}

/// <summary>
/// Features of a post for the RumourEval (SDQC) scheme: binary unigrams and bigrams of the normalized text (URLs and
/// user mentions folded to one token each) and cues: question form, denial, support and negation words, laughter and
/// sympathy, URLs, thread depth, overlap with the source and the parent, and the parent's own question and denial cues.
/// </summary>
public sealed class SdqcFeaturizer
{
    private const int DenseCount = 33;

    private static readonly FrozenSet<string> QuestionStarts = FrozenSet.ToFrozenSet(
    [
        "what", "why", "how", "who", "where", "when", "which", "is", "are", "was", "were", "do", "does", "did", "can",
        "could", "will", "would", "has", "have", "should", "any", "really", "source", "proof", "seriously",
    ], StringComparer.Ordinal);

    private static readonly FrozenSet<string> DenyWords = FrozenSet.ToFrozenSet(
    [
        "fake", "hoax", "false", "lie", "lies", "lying", "liar", "untrue", "rumor", "rumour", "rumors", "rumours",
        "debunked", "debunk", "wrong", "bs", "bullshit", "nonsense", "misleading", "doubt", "unconfirmed", "unverified",
        "fabricated", "stupid", "idiot", "ridiculous", "propaganda", "satire", "nope", "retract", "deleted", "photoshop",
        "photoshopped", "incorrect", "denied", "denies", "deny", "misinformation", "speculation",
    ], StringComparer.Ordinal);

    private static readonly FrozenSet<string> StrongDenyWords = FrozenSet.ToFrozenSet(
    [
        "fake", "hoax", "false", "lie", "lies", "lying", "liar", "untrue", "debunked", "debunk", "bs", "bullshit",
        "nonsense", "fabricated", "photoshopped", "photoshop", "misinformation", "propaganda",
    ], StringComparer.Ordinal);

    private static readonly FrozenSet<string> SupportWords = FrozenSet.ToFrozenSet(
    [
        "confirmed", "confirms", "confirm", "true", "indeed", "yes", "breaking", "official", "officially", "reports",
        "reported", "according", "police", "say", "says", "said", "update", "news", "now", "live", "latest", "video",
        "photo", "pic", "identified", "dead", "killed",
    ], StringComparer.Ordinal);

    private static readonly FrozenSet<string> SympathyWords = FrozenSet.ToFrozenSet(
    [
        "rip", "pray", "prayers", "praying", "thoughts", "sad", "tragic", "terrible", "horrible", "awful", "omg",
        "god", "heart", "condolences", "shocking", "sick", "hope", "love",
    ], StringComparer.Ordinal);

    private static readonly FrozenSet<string> LaughWords = FrozenSet.ToFrozenSet(["lol", "haha", "hahaha", "lmao", "rofl", "lmfao", "jk"], StringComparer.Ordinal);

    /// <summary>Creates a featurizer over <paramref name="vocabulary"/> (unigrams and bigrams), without word vectors.</summary>
    public SdqcFeaturizer(Vocabulary vocabulary)
        : this(vocabulary, null, SdqcOptionalFeatures.None, 1f)
    {
    }

    /// <summary>
    /// Creates a featurizer over <paramref name="vocabulary"/> that also adds the optional <paramref name="embedding"/>
    /// blocks, those of word vectors read from <paramref name="vectors"/> (none when it is null) and multiplied by
    /// <paramref name="embeddingScale"/>.
    /// </summary>
    public SdqcFeaturizer(Vocabulary vocabulary, WordVectors? vectors, SdqcOptionalFeatures embedding, float embeddingScale)
    {
        ArgumentNullException.ThrowIfNull(vocabulary);
        EmbeddingScale = embeddingScale;
        Vocabulary = vocabulary;
        Vectors = (embedding & VectorBlocks) == SdqcOptionalFeatures.None ? null : vectors;
        Embedding = Vectors is null ? embedding & ~VectorBlocks : embedding;
        var dim = Vectors?.Dimension ?? 0;
        _embeddingCount = (Embedding.HasFlag(SdqcOptionalFeatures.ReplyMean) ? dim : 0)
            + (Embedding.HasFlag(SdqcOptionalFeatures.ReplyMax) ? dim : 0)
            + (Embedding.HasFlag(SdqcOptionalFeatures.ParentMean) ? dim : 0)
            + (Embedding.HasFlag(SdqcOptionalFeatures.SourceMean) ? dim : 0)
            + (Embedding.HasFlag(SdqcOptionalFeatures.Cosines) ? 3 : 0)
            + (Embedding.HasFlag(SdqcOptionalFeatures.Authors) ? 2 : 0);
    }

    /// <summary>Whether <paramref name="features"/> include blocks read from word vectors.</summary>
    public static bool NeedsVectors(SdqcOptionalFeatures features) => (features & VectorBlocks) != SdqcOptionalFeatures.None;

    private const SdqcOptionalFeatures VectorBlocks = SdqcOptionalFeatures.ReplyMean | SdqcOptionalFeatures.ReplyMax
        | SdqcOptionalFeatures.ParentMean | SdqcOptionalFeatures.SourceMean | SdqcOptionalFeatures.Cosines;

    private readonly int _embeddingCount;

    /// <summary>The n-gram vocabulary.</summary>
    public Vocabulary Vocabulary { get; }

    /// <summary>The word vectors the embedding blocks read (null: no embedding features).</summary>
    public WordVectors? Vectors { get; }

    /// <summary>
    /// Factor applied to the pooled vectors (each of length 1): at 1 their components (about 0.1) are small beside
    /// the other inputs and the networks hardly used them.
    /// </summary>
    public float EmbeddingScale { get; }

    /// <summary>Which optional blocks are inputs.</summary>
    public SdqcOptionalFeatures Embedding { get; }

    /// <summary>Total input dimension.</summary>
    public int Dimension => Vocabulary.Count + DenseCount + _embeddingCount;

    /// <summary>The terms (tokens and bigrams) the vocabulary is built from and looked up with.</summary>
    public static List<string> Terms(string text)
    {
        var tokens = Tokens(text);
        var terms = new List<string>(tokens.Count * 2);
        terms.AddRange(tokens);
        for (var i = 0; i + 1 < tokens.Count; i++)
        {
            terms.Add(tokens[i] + " " + tokens[i + 1]);
        }

        return terms;
    }

    /// <summary>The feature vector of one post.</summary>
    public SparseVector Featurize(SdqcContext post)
    {
        ArgumentNullException.ThrowIfNull(post);
        var v = new SparseVectorBuilder();
        var terms = Terms(post.Text);
        var present = new HashSet<int>();
        foreach (var term in terms)
        {
            var i = Vocabulary.IndexOf(term);
            if (i >= 0)
            {
                present.Add(i);
            }
        }

        var weight = present.Count > 0 ? 1f / MathF.Sqrt(present.Count) : 0f;
        foreach (var i in present)
        {
            v.Add(i, weight);
        }

        var d = Vocabulary.Count;
        var tokens = Tokens(post.Text);
        var words = tokens.Where(t => t != UrlToken && t != UserToken).ToList();
        var text = post.Text;
        var stripped = StripTail(text);
        v.Add(d + 0, post.IsSource ? 1f : 0f);
        v.Add(d + 1, post.Depth == 1 ? 1f : 0f);
        v.Add(d + 2, post.Depth == 2 ? 1f : 0f);
        v.Add(d + 3, post.Depth >= 3 ? 1f : 0f);
        var questionMarks = text.Count(c => c == '?');
        v.Add(d + 4, questionMarks > 0 ? 1f : 0f);
        v.Add(d + 5, stripped.EndsWith('?') ? 1f : 0f);
        v.Add(d + 6, Math.Min(3, questionMarks) / 3f);
        v.Add(d + 7, words.Count > 0 && QuestionStarts.Contains(words[0]) ? 1f : 0f);
        v.Add(d + 8, Math.Min(2, words.Count(StanceText.Negations.Contains)) / 2f);
        v.Add(d + 9, Math.Min(2, words.Count(DenyWords.Contains)) / 2f);
        v.Add(d + 10, Math.Min(3, words.Count(SupportWords.Contains)) / 3f);
        v.Add(d + 11, tokens.Contains(UrlToken) ? 1f : 0f);
        v.Add(d + 12, Math.Min(3, text.Count(c => c == '!')) / 3f);
        var letters = text.Count(char.IsLetter);
        v.Add(d + 13, letters > 0 ? text.Count(char.IsUpper) / (float)letters : 0f);
        v.Add(d + 14, MathF.Log(1 + words.Count) / 4f);
        v.Add(d + 15, Math.Min(3, tokens.Count(t => t == UserToken)) / 3f);
        v.Add(d + 16, post.SourceText is null || post.IsSource ? 0f : Overlap(words, post.SourceText));
        v.Add(d + 17, post.ParentText is null ? 0f : Overlap(words, post.ParentText));
        var parent = post.ParentText ?? string.Empty;
        var parentWords = Tokens(parent);
        v.Add(d + 18, parent.Contains('?', StringComparison.Ordinal) ? 1f : 0f);
        v.Add(d + 19, post.Depth == 1 ? 1f : 0f);
        v.Add(d + 20, parentWords.Any(DenyWords.Contains) ? 1f : 0f);
        v.Add(d + 21, Math.Min(2, words.Count(SympathyWords.Contains)) / 2f);
        v.Add(d + 22, words.Any(LaughWords.Contains) ? 1f : 0f);
        v.Add(d + 23, post.SourceText?.Contains('?', StringComparison.Ordinal) == true ? 1f : 0f);
        v.Add(d + 24, words.Count == 0 ? 1f : 0f);
        v.Add(d + 25, text.StartsWith("RT ", StringComparison.Ordinal) ? 1f : 0f);
        v.Add(d + 26, words.Count(StanceText.HedgeWords.Contains) > 0 ? 1f : 0f);
        v.Add(d + 27, parentWords.Any(StanceText.Negations.Contains) ? 1f : 0f);
        var quotes = IsQuoteOrRetweet(text);
        var sourceOverlap = post.SourceText is null || post.IsSource ? 0f : Overlap(words, post.SourceText);
        v.Add(d + 28, quotes ? 1f : 0f);
        v.Add(d + 29, sourceOverlap >= 0.5f ? 1f : 0f);
        v.Add(d + 30, quotes ? sourceOverlap : 0f);
        v.Add(d + 31, text.Any(char.IsDigit) ? 1f : 0f);
        v.Add(d + 32, text.Contains('#', StringComparison.Ordinal) ? 1f : 0f);
        var offset = d + DenseCount;
        if (Vectors is not null)
        {
            offset = AddEmbeddings(v, offset, words, post);
        }

        if (Embedding.HasFlag(SdqcOptionalFeatures.Authors))
        {
            v.Add(offset, post.BySourceAuthor ? 1f : 0f);
            v.Add(offset + 1, post.ByParentAuthor ? 1f : 0f);
        }

        return v.Build();
    }

    private int AddEmbeddings(SparseVectorBuilder v, int offset, List<string> words, SdqcContext post)
    {
        var vectors = Vectors!;
        var dim = vectors.Dimension;
        Span<float> reply = stackalloc float[dim];
        Span<float> max = stackalloc float[dim];
        Span<float> parent = stackalloc float[dim];
        Span<float> source = stackalloc float[dim];
        var found = vectors.Pool(words, reply, Embedding.HasFlag(SdqcOptionalFeatures.ReplyMax) ? max : []);
        var parentFound = post.ParentText is null ? 0 : vectors.Pool(ContentWords(post.ParentText), parent, []);
        var sourceFound = post.SourceText is null || post.IsSource ? 0 : vectors.Pool(ContentWords(post.SourceText), source, []);
        void Block(ReadOnlySpan<float> values)
        {
            for (var i = 0; i < values.Length; i++)
            {
                v.Add(offset + i, values[i] * EmbeddingScale);
            }

            offset += values.Length;
        }

        if (Embedding.HasFlag(SdqcOptionalFeatures.ReplyMean))
        {
            Block(reply);
        }

        if (Embedding.HasFlag(SdqcOptionalFeatures.ReplyMax))
        {
            Block(max);
        }

        if (Embedding.HasFlag(SdqcOptionalFeatures.ParentMean))
        {
            Block(parent);
        }

        if (Embedding.HasFlag(SdqcOptionalFeatures.SourceMean))
        {
            Block(source);
        }

        if (Embedding.HasFlag(SdqcOptionalFeatures.Cosines))
        {
            // Both pooled means have length 1 (or are zero), so the dot product is the cosine.
            var reply2 = vectors.Pool(words.Where(StanceText.IsContent), max, []) > 0 ? max : reply;
            v.Add(offset, sourceFound > 0 && found > 0 ? Dot(reply2, source) : 0f);
            v.Add(offset + 1, parentFound > 0 && found > 0 ? Dot(reply2, parent) : 0f);
            v.Add(offset + 2, found == 0 ? 1f : 0f);
            offset += 3;
        }

        return offset;
    }

    private static IEnumerable<string> ContentWords(string text) =>
        Tokens(text).Where(t => t != UrlToken && t != UserToken && StanceText.IsContent(t));

    private static float Dot(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        var sum = 0f;
        for (var i = 0; i < a.Length; i++)
        {
            sum += a[i] * b[i];
        }

        return sum;
    }

    /// <summary>
    /// Whether the post rejects what it answers in so many words: a denial word ("fake", "hoax", "lies", …) or a
    /// negated "true"/"real", in a post that is not itself a question.
    /// </summary>
    public static bool HasDenialCue(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (StripTail(text).EndsWith('?'))
        {
            return false;
        }

        var words = Tokens(text);
        for (var i = 0; i < words.Count; i++)
        {
            if (StrongDenyWords.Contains(words[i]))
            {
                return true;
            }

            if (words[i] is "true" or "real" or "happened" or "happen" && i > 0 && (StanceText.Negations.Contains(words[i - 1]) || (i > 1 && StanceText.Negations.Contains(words[i - 2]))))
            {
                return true;
            }
        }

        return false;
    }

    private const string UrlToken = "_url_";
    private const string UserToken = "_user_";

    /// <summary>Whether the post repeats another (a retweet, a modified or quoted tweet): such posts mostly pass the claim on.</summary>
    private static bool IsQuoteOrRetweet(string text) =>
        text.Contains("RT @", StringComparison.Ordinal) || text.Contains("RT:", StringComparison.Ordinal)
        || text.StartsWith("MT ", StringComparison.Ordinal) || text.Contains("\u201c@", StringComparison.Ordinal)
        || text.Contains("\"@", StringComparison.Ordinal);

    private static List<string> Tokens(string text)
    {
        var tokens = new List<string>();
        foreach (var raw in text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
        {
            if (raw.StartsWith("http", StringComparison.OrdinalIgnoreCase))
            {
                tokens.Add(UrlToken);
            }
            else if (raw.StartsWith('@') && raw.Length > 1)
            {
                tokens.Add(UserToken);
            }
            else
            {
                tokens.AddRange(StanceText.Words(raw));
            }
        }

        return tokens;
    }

    /// <summary>The text without trailing URLs, mentions and hashtags (where a question mark of a tweet usually hides).</summary>
    private static string StripTail(string text)
    {
        var parts = text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).ToList();
        while (parts.Count > 0 && (parts[^1].StartsWith("http", StringComparison.OrdinalIgnoreCase) || parts[^1].StartsWith('@') || parts[^1].StartsWith('#')))
        {
            parts.RemoveAt(parts.Count - 1);
        }

        return string.Join(' ', parts);
    }

    private static float Overlap(List<string> words, string other)
    {
        var mine = words.Where(StanceText.IsContent).ToHashSet(StringComparer.Ordinal);
        if (mine.Count == 0)
        {
            return 0f;
        }

        var theirs = StanceText.Words(other).Where(StanceText.IsContent).ToHashSet(StringComparer.Ordinal);
        return mine.Count(theirs.Contains) / (float)mine.Count;
    }
}
