using Sitrep.Documents;

namespace Sitrep.Time.Tagging;

/// <summary>
/// Finds temporal expressions (DATE, TIME, DURATION, SET) in English text, and the common Russian and Ukrainian ones
/// (<c>Matcher.Cyrillic.cs</c>), with hand-written rules in the manner of HeidelTime: a light tokenisation, a frozen
/// lexicon, and at each token the longest rule match. It only finds and
/// understands expressions; <see cref="Normalisation.TimexNormaliser"/> turns them into values against an anchor.
/// </summary>
/// <remarks>Thread-safe and allocation-light: the rules keep no state between calls.</remarks>
public sealed partial class TimexTagger
{
    /// <summary>Versioned component name.</summary>
    public const string Name = "time.rules.v3";

    /// <summary>The shared instance.</summary>
    public static TimexTagger Default { get; } = new();

    /// <summary>Tags all of <paramref name="text"/>.</summary>
    internal List<TaggedTimex> Tag(string text) => Tag(text, new TextRange(0, text.Length));

    /// <summary>Tags the characters of <paramref name="range"/> in <paramref name="text"/>.</summary>
    internal List<TaggedTimex> Tag(string text, TextRange range)
    {
        ArgumentNullException.ThrowIfNull(text);
        var tokens = new List<Tok>(Math.Max(16, range.Length / 5));
        TimexTokenizer.Tokenize(text, range.Start, range.End, tokens);
        var found = new List<TaggedTimex>();
        new Matcher(text, tokens).Run(found);
        return found;
    }

    /// <summary>Counts the expressions in a text (for benchmarks and quick checks).</summary>
    public int Count(string text) => Tag(text).Count;
}
