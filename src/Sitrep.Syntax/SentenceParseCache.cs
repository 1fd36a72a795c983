using System.Collections.Concurrent;

namespace Sitrep.Syntax;

/// <summary>
/// Parses already made, keyed by a sentence's words: a sentence met again (a wire story's copies, a boilerplate line
/// every page repeats) is not tagged and parsed a second time. The parse of a sentence depends only on its words, so a
/// cached parse is the parse the model would make.
/// </summary>
/// <remarks>
/// Bounded: at most <see cref="Capacity"/> sentences in each of two generations. When the current generation is full it
/// becomes the old one and the one before is dropped, so sentences met recently stay and memory never grows with the
/// corpus. Thread-safe.
/// </remarks>
public sealed class SentenceParseCache
{
    private readonly Lock _gate = new();
    private ConcurrentDictionary<string, ParsedSentence> _current = new(StringComparer.Ordinal);
    private ConcurrentDictionary<string, ParsedSentence> _old = new(StringComparer.Ordinal);
    private long _hits;
    private long _misses;

    // Counted here: ConcurrentDictionary.Count takes every lock of the table.
    private int _count;

    /// <summary>A cache of at most <paramref name="capacity"/> sentences per generation.</summary>
    public SentenceParseCache(int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(capacity);
        Capacity = capacity;
    }

    /// <summary>Most sentences kept per generation (twice this in all).</summary>
    public int Capacity { get; }

    /// <summary>Sentences found in the cache so far.</summary>
    public long Hits => Interlocked.Read(ref _hits);

    /// <summary>Sentences that had to be parsed so far.</summary>
    public long Misses => Interlocked.Read(ref _misses);

    /// <summary>The key of a sentence given as words: the words joined by a separator no token holds.</summary>
    public static string KeyOf(IReadOnlyList<string> words)
    {
        ArgumentNullException.ThrowIfNull(words);
        return string.Join('\u001F', words);
    }

    /// <summary>The cached parse of the sentence with key <paramref name="key"/>, if any.</summary>
    public bool TryGet(string key, out ParsedSentence parse)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (_current.TryGetValue(key, out parse!) || _old.TryGetValue(key, out parse!))
        {
            Interlocked.Increment(ref _hits);
            return true;
        }

        Interlocked.Increment(ref _misses);
        return false;
    }

    /// <summary>Keeps <paramref name="parse"/> for the sentence with key <paramref name="key"/>.</summary>
    public void Add(string key, ParsedSentence parse)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(parse);
        if (Volatile.Read(ref _count) >= Capacity)
        {
            lock (_gate)
            {
                if (_count >= Capacity)
                {
                    _old = _current;
                    _current = new ConcurrentDictionary<string, ParsedSentence>(StringComparer.Ordinal);
                    _count = 0;
                }
            }
        }

        if (_current.TryAdd(key, parse))
        {
            Interlocked.Increment(ref _count);
        }
    }
}
