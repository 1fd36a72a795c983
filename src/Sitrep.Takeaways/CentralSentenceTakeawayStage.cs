using System.Collections.Frozen;
using Sitrep.Pipeline;
using Sitrep.Text;

namespace Sitrep.Takeaways;

/// <summary>
/// First-generation takeaways: the sentences most central to the whole corpus. A sentence scores by the TF-IDF weight
/// of its content words, boosted by how many <em>other</em> documents share them (cross-source support), and picks
/// are kept diverse (no two takeaways share most of their words). Each takeaway quotes its sentence verbatim and cites
/// it, so the citation is exact by construction.
/// </summary>
public sealed class CentralSentenceTakeawayStage : ICorpusStage
{
    private static readonly FrozenSet<string> StopWords = FrozenSet.ToFrozenSet(
        [
            "a", "an", "the", "and", "or", "but", "if", "then", "so", "of", "to", "in", "on", "at", "by", "for", "with", "from", "as",
            "is", "are", "was", "were", "be", "been", "being", "it", "its", "this", "that", "these", "those", "he", "she", "they",
            "them", "his", "her", "their", "we", "our", "you", "your", "i", "me", "my", "not", "no", "do", "does", "did", "has",
            "have", "had", "will", "would", "can", "could", "may", "might", "should", "must", "there", "here", "what", "which",
            "who", "whom", "when", "where", "why", "how", "all", "any", "some", "more", "most", "other", "than", "too", "very",
            "just", "also", "about", "into", "over", "after", "before", "up", "down", "out", "off", "again", "only", "own", "same",
            "such", "s", "t", "said", "says", "one", "like", "now", "even", "while", "because", "until", "against", "between",
        ],
        StringComparer.Ordinal);

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> StopWordLookup = StopWords.GetAlternateLookup<ReadOnlySpan<char>>();

    private const int MaxTokens = 60;

    private readonly int _count;

    /// <summary>Creates the stage.</summary>
    /// <param name="count">How many takeaways to keep.</param>
    public CentralSentenceTakeawayStage(int count = 7)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        _count = count;
    }

    /// <inheritdoc />
    public string Name => "takeaways.central.v1";

    /// <inheritdoc />
    public IReadOnlyList<string> Requires { get; } = [Capabilities.Sentences];

    /// <inheritdoc />
    public IReadOnlyList<string> Assigns { get; } = [Capabilities.Takeaways];

    /// <inheritdoc />
    public void Process(Corpus corpus, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(corpus);

        // Words are interned to ints once; document frequency uses a "last document seen" stamp per word, so the whole
        // pass is linear in the number of tokens and allocates per distinct word, not per token.
        var vocabulary = new Dictionary<string, int>(StringComparer.Ordinal);
        var lookup = vocabulary.GetAlternateLookup<ReadOnlySpan<char>>();
        var documentFrequency = new List<int>();
        var lastSeen = new List<int>();
        var candidates = new List<Candidate>();
        Span<char> lower = stackalloc char[64];
        var sentenceWords = new List<int>();
        for (var d = 0; d < corpus.Documents.Count; d++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var doc = corpus.Documents[d];
            foreach (var sentence in doc.Sentences)
            {
                sentenceWords.Clear();
                var mayBeCandidate = sentence.TokenCount <= MaxTokens;
                foreach (var token in doc.TokensOf(sentence))
                {
                    var span = token.In(doc.Text);
                    if (span.Length < 2 || span.Length > lower.Length || !char.IsLetter(span[0]))
                    {
                        continue;
                    }

                    var word = lower[..span.Length];
                    span.ToLowerInvariant(word);
                    if (StopWordLookup.Contains(word))
                    {
                        continue;
                    }

                    if (!lookup.TryGetValue(word, out var id))
                    {
                        id = vocabulary.Count;
                        lookup[word] = id;
                        documentFrequency.Add(0);
                        lastSeen.Add(-1);
                    }

                    if (lastSeen[id] != d)
                    {
                        lastSeen[id] = d;
                        documentFrequency[id]++;
                    }

                    if (mayBeCandidate && !sentenceWords.Contains(id))
                    {
                        sentenceWords.Add(id);
                    }
                }

                if (IsCandidate(doc, sentence, sentenceWords.Count))
                {
                    candidates.Add(new Candidate(doc, sentence, [.. sentenceWords]));
                }
            }
        }

        var documents = Math.Max(1, corpus.Documents.Count);
        foreach (var candidate in candidates)
        {
            double weight = 0;
            double shared = 0;
            foreach (var word in candidate.Words)
            {
                var df = documentFrequency[word];
                weight += Math.Log(1.0 + (documents / (double)df));
                shared += (df - 1) / (double)documents;
            }

            // Longer sentences carry more words; normalise so that a long sentence does not win on length alone.
            var length = Math.Max(1, candidate.Words.Length);
            candidate.Score = (shared / length * 3.0) + (weight / Math.Sqrt(length) * 0.1);
        }

        var picked = new List<Candidate>();
        var perDocument = new Dictionary<string, int>(StringComparer.Ordinal);
        var perDocumentLimit = Math.Max(1, (int)Math.Ceiling(_count / 2.0));
        candidates.Sort(static (a, b) =>
        {
            var byScore = b.Score.CompareTo(a.Score);
            if (byScore != 0)
            {
                return byScore;
            }

            var byPath = string.CompareOrdinal(a.Document.Document.Path, b.Document.Document.Path);
            return byPath != 0 ? byPath : a.Sentence.Range.Start.CompareTo(b.Sentence.Range.Start);
        });
        foreach (var candidate in candidates)
        {
            if (picked.Count == _count)
            {
                break;
            }

            var id = candidate.Document.Document.Id;
            if (perDocument.GetValueOrDefault(id) >= perDocumentLimit || picked.Any(p => Overlap(p.Words, candidate.Words) > 0.5))
            {
                continue;
            }

            perDocument[id] = perDocument.GetValueOrDefault(id) + 1;
            picked.Add(candidate);
        }

        var takeaways = picked
            .Select(c => new Takeaway(
                Normalize(c.Document.TextOf(c.Sentence)),
                [c.Document.SpanOf(c.Sentence.Range)],
                Math.Round(c.Score, 4)))
            .ToList();
        corpus.Layers.Set(new TakeawayLayer(takeaways));
    }

    private static bool IsCandidate(AnalyzedDocument doc, Sentence sentence, int contentWords)
    {
        if (sentence.TokenCount is < 8 or > MaxTokens || contentWords < 4)
        {
            return false;
        }

        var last = doc.Text[sentence.Range.End - 1];
        return last is '.' or '"' or '”' or '\'' or '’' or ')';
    }

    private static double Overlap(int[] a, int[] b)
    {
        var inter = a.Count(b.Contains);
        return inter / (double)Math.Max(1, Math.Min(a.Length, b.Length));
    }

    private static string Normalize(string text) => WhiteSpace.OneLine(text);

    private sealed class Candidate(AnalyzedDocument document, Sentence sentence, int[] words)
    {
        public AnalyzedDocument Document { get; } = document;

        public Sentence Sentence { get; } = sentence;

        public int[] Words { get; } = words;

        public double Score { get; set; }
    }
}
