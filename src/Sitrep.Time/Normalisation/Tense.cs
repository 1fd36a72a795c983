using System.Collections.Frozen;

namespace Sitrep.Time.Normalisation;

/// <summary>The tense of the verb that governs an expression, as far as word cues tell it.</summary>
internal enum VerbTense : byte
{
    /// <summary>No verb cue in the sentence.</summary>
    Unknown,

    /// <summary>A past form ("said", "had", "was", "rose").</summary>
    Past,

    /// <summary>A present form ("is", "says").</summary>
    Present,

    /// <summary>A future form ("will", "is to", "plans to", "scheduled").</summary>
    Future,
}

/// <summary>
/// Finds the tense of the verb that governs a temporal expression, in the manner of HeidelTime's tense rule for
/// underspecified expressions ("Monday", "March", "the third quarter"): the nearest verb cue before the expression in
/// its sentence, else the nearest after it. Without a part-of-speech tagger the cues are words: modals and
/// going-to/plan-to forms for the future, common irregular pasts and "-ed" forms for the past, "is"/"are"/"says" for
/// the present. A past participle inside a future verb group ("will be announced") counts as future.
/// </summary>
internal static class Tense
{
    /// <summary>How far (in characters) the scan looks either side of the expression; bounds the work on long lines.</summary>
    private const int Window = 200;

    private static readonly FrozenDictionary<string, VerbTense> Cues = BuildCues();

    private static readonly FrozenDictionary<string, VerbTense>.AlternateLookup<ReadOnlySpan<char>> Lookup = Cues.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Words ending in "ed" that are not past forms, or whose past reading is rare in news.</summary>
    private static readonly FrozenSet<string> NotPast = FrozenSet.ToFrozenSet(
        ["need", "needed", "speed", "bed", "red", "indeed", "hundred", "proceed", "succeed", "exceed", "feed", "seed", "breed", "embed", "united", "based",
            "shed", "wed", "weed", "greed", "creed", "deed", "reed", "bleed", "led", "fled", "sled", "ted", "med", "ahmed", "mohammed", "muhammad", "limited",
            "detailed", "related", "unnamed", "unidentified", "unspecified", "undisclosed", "so-called", "armed", "advanced", "experienced", "skilled",
            "concerned", "interested", "combined", "revised", "adjusted", "estimated", "proposed", "anticipated", "projected", "intended", "supposed",
            "designed", "aimed"],
        StringComparer.OrdinalIgnoreCase);

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> NotPastLookup = NotPast.GetAlternateLookup<ReadOnlySpan<char>>();

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> Intent =
        FrozenSet.ToFrozenSet(["plans", "plan", "intends", "intend", "hopes", "expects", "aims", "wants", "agreed", "promised", "vowed", "pledged", "threatened", "decided", "planning", "preparing", "set", "due"], StringComparer.OrdinalIgnoreCase)
            .GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>The tense of the verb governing the expression at [<paramref name="start"/>, <paramref name="end"/>).</summary>
    public static VerbTense Of(string text, int start, int end)
    {
        ArgumentNullException.ThrowIfNull(text);
        var from = SentenceStart(text, start);
        var to = SentenceEnd(text, end);
        if (PrecededBy(text, from, start, "since"))
        {
            return VerbTense.Past;
        }

        if (PrecededBy(text, from, start, "as soon as") || PrecededBy(text, from, start, "as early as") || (PrecededBy(text, from, start, "until") && !IsFirstWord(text, from, PrecedingWordStart(text, start))))
        {
            return VerbTense.Future;
        }

        // "the Kremlin said the case would go away, and by Tuesday all charges had been dropped": a verb before a
        // coordinating ", and" governs its own clause; the expression's clause is read first, then what follows it.
        var clause = ClauseStart(text, from, start);
        if (clause > from)
        {
            var inClause = Backward(text, clause, start);
            if (inClause != VerbTense.Unknown)
            {
                return inClause;
            }

            var ahead = Forward(text, end, to);
            if (ahead != VerbTense.Unknown)
            {
                return ahead;
            }
        }

        var before = Backward(text, from, start);
        return before != VerbTense.Unknown ? before : Forward(text, end, to);
    }

    private static int ClauseStart(string text, int from, int start)
    {
        var span = text.AsSpan(from, start - from);
        var best = -1;
        foreach (var joint in (ReadOnlySpan<string>)[", and ", ", but ", ", while ", ", whereas "])
        {
            var at = span.LastIndexOf(joint, StringComparison.Ordinal);
            if (at >= 0)
            {
                best = Math.Max(best, at + joint.Length);
            }
        }

        return best < 0 ? from : from + best;
    }

    private static bool PrecededBy(string text, int from, int start, string word)
    {
        var before = text.AsSpan(from, start - from).TrimEnd();
        return before.EndsWith(word, StringComparison.OrdinalIgnoreCase) && (before.Length == word.Length || !char.IsLetter(before[^(word.Length + 1)]));
    }

    private static int SentenceStart(string text, int start)
    {
        var limit = Math.Max(0, start - Window);
        for (var i = start - 1; i >= limit; i--)
        {
            if (text[i] is '\n' or ';' or '!' or '?' || (text[i] == '.' && i + 1 < text.Length && char.IsWhiteSpace(text[i + 1]) && !Abbreviation(text, i)))
            {
                return i + 1;
            }
        }

        return limit;
    }

    private static int SentenceEnd(string text, int end)
    {
        var limit = Math.Min(text.Length, end + Window);
        for (var i = end; i < limit; i++)
        {
            if (text[i] is '\n' or ';' or '!' or '?' || (text[i] == '.' && (i + 1 == text.Length || char.IsWhiteSpace(text[i + 1])) && !Abbreviation(text, i)))
            {
                return i;
            }
        }

        return limit;
    }

    /// <summary>"a.m.", "Oct.", "Mr.": a full stop after a short word is not a sentence end.</summary>
    private static bool Abbreviation(string text, int dot)
    {
        var i = dot - 1;
        while (i >= 0 && char.IsLetter(text[i]))
        {
            i--;
        }

        var length = dot - 1 - i;
        return length is >= 1 and <= 4 && (length == 1 || char.IsUpper(text[i + 1]) || (i >= 0 && text[i] == '.'));
    }

    private static VerbTense Backward(string text, int from, int start)
    {
        var i = start;
        while (i > from)
        {
            var wordEnd = i;
            while (wordEnd > from && !IsWordChar(text[wordEnd - 1]))
            {
                wordEnd--;
            }

            var wordStart = wordEnd;
            while (wordStart > from && IsWordChar(text[wordStart - 1]))
            {
                wordStart--;
            }

            if (wordStart == wordEnd)
            {
                break;
            }

            var tense = Classify(text, from, wordStart, wordEnd);
            if (tense != VerbTense.Unknown)
            {
                return tense;
            }

            i = wordStart;
        }

        return VerbTense.Unknown;
    }

    private static VerbTense Forward(string text, int end, int to)
    {
        var i = end;
        while (i < to)
        {
            while (i < to && !IsWordChar(text[i]))
            {
                i++;
            }

            var wordStart = i;
            while (i < to && IsWordChar(text[i]))
            {
                i++;
            }

            if (wordStart == i)
            {
                break;
            }

            var tense = Classify(text, wordStart, wordStart, i);
            if (tense != VerbTense.Unknown)
            {
                return tense;
            }
        }

        return VerbTense.Unknown;
    }

    private static bool IsWordChar(char c) => char.IsLetter(c) || c is '\'' or '’';

    private static VerbTense Classify(string text, int sentenceStart, int start, int end)
    {
        var word = text.AsSpan(start, end - start);
        if (word.Length < 2 || char.IsUpper(word[0]) && start > sentenceStart + 1 && !IsFirstWord(text, sentenceStart, start))
        {
            // A capitalised word inside a sentence is a name ("United", "Ahmed"), not a verb.
            return VerbTense.Unknown;
        }

        if (word.EndsWith("'ll", StringComparison.OrdinalIgnoreCase) || word.EndsWith("’ll", StringComparison.OrdinalIgnoreCase))
        {
            return VerbTense.Future;
        }

        if (Intent.Contains(word))
        {
            // "plans to", "intends to": a plan; "the plan", "plans" alone are nouns.
            return !FollowedByTo(text, end) ? VerbTense.Unknown : AfterHadBeen(text, sentenceStart, start) ? VerbTense.Past : VerbTense.Future;
        }

        if (word.Equals("planned", StringComparison.OrdinalIgnoreCase))
        {
            // "planned to leave", "planned a rally": a plan; "the hastily planned meeting": an adjective.
            var rest = text.AsSpan(end, Math.Min(6, text.Length - end));
            return rest.StartsWith(" to ", StringComparison.Ordinal) || rest.StartsWith(" a ", StringComparison.Ordinal) || rest.StartsWith(" an ", StringComparison.Ordinal) || rest.StartsWith(" the ", StringComparison.Ordinal)
                ? VerbTense.Future
                : VerbTense.Unknown;
        }

        if (Lookup.TryGetValue(word, out var tense))
        {
            if (tense == VerbTense.Present && FollowedByTo(text, end))
            {
                // "is to", "are to", "is going to": a plan.
                return VerbTense.Future;
            }

            return tense == VerbTense.Past && InFutureGroup(text, sentenceStart, start) ? VerbTense.Future
                : tense == VerbTense.Future && AfterHadBeen(text, sentenceStart, start) ? VerbTense.Past
                : tense;
        }

        if (word.Length >= 5 && word.EndsWith("ed", StringComparison.OrdinalIgnoreCase) && !NotPastLookup.Contains(word))
        {
            return InFutureGroup(text, sentenceStart, start) ? VerbTense.Future : VerbTense.Past;
        }

        return VerbTense.Unknown;
    }

    /// <summary>"had been due to", "had been expected to": a plan that lies in the past.</summary>
    private static bool AfterHadBeen(string text, int sentenceStart, int start)
    {
        var from = Math.Max(sentenceStart, start - 10);
        return text.AsSpan(from, start - from).EndsWith("had been ", StringComparison.OrdinalIgnoreCase);
    }

    private static int PrecedingWordStart(string text, int start)
    {
        var i = start;
        while (i > 0 && !char.IsLetter(text[i - 1]))
        {
            i--;
        }

        while (i > 0 && char.IsLetter(text[i - 1]))
        {
            i--;
        }

        return i;
    }

    private static bool IsFirstWord(string text, int sentenceStart, int start) => text.AsSpan(sentenceStart, start - sentenceStart).Trim().IsEmpty;

    private static bool FollowedByTo(string text, int end)
    {
        var rest = text.AsSpan(end, Math.Min(12, text.Length - end));
        return rest.StartsWith(" to ", StringComparison.Ordinal) || rest.StartsWith(" going to ", StringComparison.Ordinal);
    }

    /// <summary>"will be announced", "would be held": a participle after a modal and "be".</summary>
    private static bool InFutureGroup(string text, int sentenceStart, int start)
    {
        var from = Math.Max(sentenceStart, start - 20);
        var before = text.AsSpan(from, start - from);
        return before.EndsWith("be ", StringComparison.OrdinalIgnoreCase)
            && (before.Contains("will ", StringComparison.OrdinalIgnoreCase) || before.Contains("would ", StringComparison.OrdinalIgnoreCase)
                || before.Contains("to be ", StringComparison.OrdinalIgnoreCase) || before.Contains("'ll ", StringComparison.OrdinalIgnoreCase));
    }

    private static FrozenDictionary<string, VerbTense> BuildCues()
    {
        var d = new Dictionary<string, VerbTense>(StringComparer.OrdinalIgnoreCase);
        foreach (var w in new[] { "will", "shall", "won't", "scheduled", "expected", "slated", "upcoming", "tomorrow", "would", "might", "soon" })
        {
            d[w] = VerbTense.Future;
        }

        foreach (var w in new[] { "is", "are", "am", "says", "say", "remains", "continues", "isn't", "aren't", "does", "doesn't" })
        {
            d[w] = VerbTense.Present;
        }

        foreach (var w in new[]
                 {
                     "was", "were", "had", "did", "said", "told", "made", "came", "went", "took", "gave", "met", "held", "began", "left", "got", "saw", "found",
                     "became", "fell", "rose", "won", "lost", "sent", "shot", "ran", "paid", "sold", "bought", "brought", "thought", "felt", "kept", "spent",
                     "struck", "led", "fled", "flew", "drove", "wrote", "spoke", "broke", "chose", "froze", "stole", "wore", "swore",
                     "tore", "threw", "grew", "knew", "drew", "blew", "withdrew", "overthrew", "sought", "fought", "caught", "taught", "built", "meant", "heard",
                     "stood", "understood", "sat", "lay", "laid", "slid", "hid", "bit", "rode", "rang", "sang", "sank", "swam", "ate", "forgot", "hung",
                     "wasn't", "weren't", "hadn't", "didn't", "ago", "yesterday", "earlier", "previously", "recently",
                 })
        {
            d[w] = VerbTense.Past;
        }

        return d.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
    }
}
