using System.Collections.Concurrent;
using System.Diagnostics;

namespace Sitrep.Meaning.Encoding;

/// <summary>
/// Who asked the MiniLM encoder for what (for the end-to-end benchmark's <c>--tally</c>): per caller, the sentences asked
/// for through <see cref="CachingSentenceEncoder"/> and the sentences and token positions the model then ran. Off unless
/// <see cref="Enabled"/> is set before the run, since naming the caller reads the stack.
/// </summary>
internal static class EncoderTally
{
    private static readonly AsyncLocal<string?> CallerName = new();
    private static readonly ConcurrentDictionary<string, long[]> Counts = new(StringComparer.Ordinal);

    /// <summary>Whether callers are counted.</summary>
    public static bool Enabled { get; set; }

    /// <summary>Per caller: sentences asked for, sentences encoded, token positions encoded.</summary>
    public static IReadOnlyDictionary<string, (long Asked, long Encoded, long Positions)> Snapshot() =>
        Counts.ToDictionary(c => c.Key, c => (Interlocked.Read(ref c.Value[0]), Interlocked.Read(ref c.Value[1]), Interlocked.Read(ref c.Value[2])), StringComparer.Ordinal);

    /// <summary>Names the caller for the outermost cached encoding on this flow; true when this call named it.</summary>
    public static bool Enter(int asked)
    {
        if (!Enabled || CallerName.Value is not null)
        {
            return false;
        }

        var name = Name(new StackTrace(2, false));
        CallerName.Value = name;
        Add(name, asked, 0, 0);
        return true;
    }

    /// <summary>Undoes <see cref="Enter"/> when it named the caller.</summary>
    public static void Leave(bool entered)
    {
        if (entered)
        {
            CallerName.Value = null;
        }
    }

    /// <summary>Counts a batch the model ran for the current caller.</summary>
    public static void Ran(long sentences, long positions)
    {
        if (Enabled)
        {
            Add(CallerName.Value ?? "(no cached caller)", 0, sentences, positions);
        }
    }

    private static void Add(string name, long asked, long encoded, long positions)
    {
        var counts = Counts.GetOrAdd(name, _ => new long[3]);
        Interlocked.Add(ref counts[0], asked);
        Interlocked.Add(ref counts[1], encoded);
        Interlocked.Add(ref counts[2], positions);
    }

    // The first frame outside the encoder, its models and the engine's adapters; single words the pair model looks up are
    // told apart from sentences.
    private static string Name(StackTrace trace)
    {
        var words = false;
        foreach (var frame in trace.GetFrames())
        {
            var method = frame.GetMethod();
            var type = method?.DeclaringType;
            if (method is null || type is null)
            {
                continue;
            }

            while (type.DeclaringType is not null && (type.Name.StartsWith('<') || type.Name is "TimelineMeaning"))
            {
                type = type.DeclaringType;
            }

            if (method.Name == "WordVectors")
            {
                words = true;
            }

            var ns = type.Namespace ?? string.Empty;
            if (!ns.StartsWith("Sitrep.", StringComparison.Ordinal) || ns.StartsWith("Sitrep.Meaning", StringComparison.Ordinal)
                || type.Name is "NliAchMeaning" or "DefaultPipeline")
            {
                continue;
            }

            return (words ? "words for " : string.Empty) + type.Name + "." + method.Name;
        }

        return words ? "words" : "(unknown)";
    }
}
