using System.Collections.Concurrent;
using System.Collections.Frozen;

namespace Sitrep.Claims.Text;

/// <summary>Small word sets shared by the claim rules, and a bounded intern pool for lower-case tokens.</summary>
internal static class Words
{
    // Tokens repeat a lot; interning the common ones saves most of the allocations of a sentence view.
    private static readonly ConcurrentDictionary<string, string> Pool = new(StringComparer.Ordinal);
    private static readonly ConcurrentDictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> PoolLookup = Pool.GetAlternateLookup<ReadOnlySpan<char>>();

    private const int MaxPooled = 200_000;
    private static int _pooled;

    public static string Intern(ReadOnlySpan<char> word)
    {
        if (PoolLookup.TryGetValue(word, out var found))
        {
            return found;
        }

        var s = word.ToString();
        // ConcurrentDictionary.Count takes every lock, so the size is tracked here instead.
        if (Volatile.Read(ref _pooled) < MaxPooled && Pool.TryAdd(s, s))
        {
            Interlocked.Increment(ref _pooled);
        }

        return s;
    }

    public static FrozenSet<string> Set(params string[] words) => words.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Auxiliaries and forms of be/have/do: always verbs.</summary>
    public static readonly FrozenSet<string> Auxiliaries = Set(
        "is", "are", "was", "were", "be", "been", "being", "am", "'m", "'re", "has", "have", "had", "'ve", "do", "does", "did",
        "will", "would", "can", "could", "may", "might", "must", "shall", "should", "ca", "wo", "'ll", "'d");

    /// <summary>Common verbs whose forms the suffix rules miss.</summary>
    public static readonly FrozenSet<string> CommonVerbs = Set(
        "took", "take", "takes", "made", "make", "makes", "went", "go", "goes", "came", "come", "comes", "fled", "flee", "flees", "fell",
        "left", "leave", "leaves", "told", "tell", "tells", "held", "hold", "holds", "met", "saw", "see", "sees", "began", "begin", "begins",
        "sent", "send", "sends", "led", "lead", "leads", "won", "win", "wins", "lost", "lose", "loses", "shot", "struck", "strike", "strikes",
        "hit", "hits", "set", "put", "ran", "run", "runs", "got", "get", "gets", "gave", "give", "gives", "kept", "keep", "keeps", "brought",
        "thought", "think", "thinks", "knew", "know", "knows", "found", "find", "finds", "said", "say", "says", "seize", "seizes", "flee",
        "stand", "stands", "stood", "fight", "fights", "fought", "remain", "remains", "seem", "seems", "look", "looks", "face", "faces",
        "collapse", "collapses", "claim", "claims", "deny", "denies", "report", "reports", "indicate", "indicates", "believe", "believes",
        "suggest", "suggests", "need", "needs", "want", "wants", "try", "tries", "hear", "heard", "wrote", "write", "writes", "rose", "rise",
        "rises", "grew", "grow", "grows", "broke", "break", "breaks", "built", "meet", "meets", "spoke", "speak", "speaks", "felt", "feel",
        "feels", "become", "becomes", "became", "mean", "means", "meant", "lay", "lie", "lies", "bring", "brings", "show", "shows", "shown",
        "known", "seen", "taken", "given", "done", "gone", "begun", "fallen", "beaten", "written", "spoken", "stolen", "driven", "risen",
        "cut", "cuts", "let", "lets", "march", "marches", "stop", "stops", "move", "moves", "return", "returns", "exist", "exists", "use",
        "uses", "plan", "plans", "launch", "launches", "sell", "sells", "sold", "buy", "buys", "bought", "pay", "pays", "paid", "hang",
        "hung", "swept", "sweep", "fail", "fails", "flood", "floods", "open", "opens", "close", "closes", "block", "blocks", "happen", "happens",
        "explain", "explains", "argue", "argues", "warn", "warns", "add", "adds", "observe", "observes", "posture", "postures", "continue",
        "continues", "end", "ends", "start", "starts", "attack", "attacks", "kill", "kills", "arrest", "arrests", "deserve", "deserves",
        "require", "requires", "imagine", "withdrew", "withdraw", "withdraws", "drew", "threw", "flew", "blew", "shelled", "stood", "exposes", "expose", "is", "reveal", "reveals", "confirm", "confirms", "admit", "admits");

    /// <summary>Subordinators that open an adverbial clause.</summary>
    public static readonly FrozenSet<string> Subordinators = Set(
        "after", "before", "because", "since", "although", "though", "unless", "until", "whereas", "while", "once");

    /// <summary>Relative pronouns.</summary>
    public static readonly FrozenSet<string> Relatives = Set("who", "which", "whom", "whose");

    /// <summary>Question words that open an open (wh-) question.</summary>
    public static readonly FrozenSet<string> WhWords = Set("what", "why", "who", "whom", "whose", "where", "when", "how", "which");

    /// <summary>Month names, to keep day numbers out of quantities.</summary>
    public static readonly FrozenSet<string> Months = Set(
        "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december",
        "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec");

    /// <summary>Determiners and function words that end a noun phrase scan.</summary>
    public static readonly FrozenSet<string> Function = Set(
        "of", "in", "on", "at", "to", "from", "by", "for", "with", "and", "or", "but", "the", "a", "an", "that", "this", "these", "those",
        "as", "than", "into", "over", "under", "near", "per", "each", "who", "which", "while", "after", "before", "during", "since",
        "ago", "later", "earlier", "south", "north", "east", "west", "away", "if", "when", "so", "it", "its", "their", "his", "her");

    /// <summary>True when a lower-case token looks like a finite or participial verb.</summary>
    public static bool IsVerbLike(string lower) =>
        Auxiliaries.Contains(lower) || CommonVerbs.Contains(lower) || (lower.Length >= 5 && lower.EndsWith("ed", StringComparison.Ordinal));
}
