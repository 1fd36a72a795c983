using System.Globalization;
using System.Text.RegularExpressions;
using Sitrep.Claims;
using Sitrep.Claims.Frames;
using Sitrep.Corroboration.Propositions;

namespace Sitrep.Corroboration.Contradictions;

/// <summary>
/// Finds disputes over the day an act took place: "On November 19, INS Tabar sunk a fishing trawler" against "on
/// November 18, it had sunk Thai trawler". Both claims must come from different documents whose entity profiles are
/// close enough (<see cref="StorySimilarity"/>), name the same act (one predicate lemma, a near synonym, or one narrow
/// event class), share the head word of what was acted on (the patient, never a pronoun or a bare "man"), and be dated
/// inside the claim by a calendar day. A weekday without its week names no day. Days more than <see cref="MaxDayGap"/>
/// apart are taken for two acts (a story tells of several arrests or attacks), as the alignment does; a negative or
/// hedged claim is never compared.
/// </summary>
internal static partial class EventDateContrast
{
    /// <summary>Two days further apart than this are two acts, not a dispute over one (as <c>StoryAlignment</c> holds).</summary>
    public const int MaxDayGap = 3;

    /// <summary>
    /// The entity-profile cosine two documents need for the rule: half the story threshold, since one act, one patient and
    /// days at most <see cref="MaxDayGap"/> apart already tie the two claims to one event.
    /// </summary>
    public const double StorySimilarity = 0.1;

    private const int MaxClaims = 6000;
    private const int MaxTimexDistance = 60;

    /// <summary>Predicates that name one act in different words ("thwart" and "foil" an attack).</summary>
    private static readonly string[][] Synonyms =
    [
        ["thwart", "foil", "repel", "repulse", "avert"],
        ["sink", "scuttle"],
        ["convict", "sentence"],
    ];

    /// <summary>Event classes narrow enough that one class and one patient make one act.</summary>
    private static readonly HashSet<string> NarrowClasses = new(StringComparer.Ordinal)
    {
        "kill", "injure", "seize", "arrest", "sentence", "escape", "resign", "die-accident", "drop-charges", "charge",
    };

    /// <summary>Heads that do not name one participant: pronouns, bare people words, numbers.</summary>
    private static readonly HashSet<string> Vague = new(StringComparer.Ordinal)
    {
        "it", "he", "she", "they", "them", "him", "her", "us", "we", "you", "i", "me", "one", "ones", "man", "men", "woman", "women",
        "people", "person", "persons", "someone", "anyone", "everyone", "who", "which", "that", "this", "these", "those", "all", "some",
        "boy", "girl", "child", "children", "member", "members", "time", "way", "thing", "part", "lot",
    };

    /// <summary>A claim as the rule needs it.</summary>
    /// <param name="Claim">The claim.</param>
    /// <param name="Holder">Who holds it, for the reason.</param>
    /// <param name="Patients">The head words of its patients, lower case and singular.</param>
    /// <param name="DateText">The date as written.</param>
    /// <param name="Act">The act its frame names (see <c>Act</c>: the lemma, past forms brought to their dictionary form).</param>
    internal sealed record Item(ClaimRef Claim, string Holder, IReadOnlyList<string> Patients, string DateText, string? Act);

    /// <summary>
    /// The claim as an item, or null when it cannot take part: no parsed predicate, no patient, no day written inside the
    /// claim near its predicate, a negative, hedged, questioned or reported-speech-only claim.
    /// </summary>
    /// <param name="claim">The claim.</param>
    /// <param name="documentText">Its document's text.</param>
    /// <param name="holder">Who holds it (asked only for a claim that takes part).</param>
    public static Item? ItemOf(ClaimRef claim, string documentText, Func<string> holder)
    {
        var c = claim.Claim;
        if (c.Polarity == ClaimPolarity.Negative || c.Kind is ClaimKind.Question or ClaimKind.Speculation or ClaimKind.Opinion
            || c.Likelihood is not null || c.Frame.Lemma is null || c.Frame.Predicate is not { } predicate
            || c.EventTimex is not { } timex || timex.Start < c.Span.Start || timex.End > c.Span.End
            || Math.Min(Math.Abs(timex.Start - predicate.End), Math.Abs(predicate.Start - timex.End)) > MaxTimexDistance
            || Day(c.EventTime) is null || c.Frame.EventClass == EventClasses.State)
        {
            return null;
        }

        // "Peskov said on the night of 24 June that the case would be dropped": the day dates the saying, and the act is
        // one to come; neither dates the act.
        var (from, to) = (Math.Min(timex.End, predicate.Start), Math.Max(timex.Start, predicate.End));
        var before = documentText[Math.Max(c.Span.Start, predicate.Start - 24)..predicate.Start];
        if ((from < to && Speech().IsMatch(documentText[from..to])) || Modal().IsMatch(before))
        {
            return null;
        }

        var patients = c.Frame.Participants
            .Where(p => p.Role == ParticipantRole.Patient && p.Head.End <= documentText.Length)
            .Select(p => Singular(documentText[p.Head.Start..p.Head.End].ToLowerInvariant()))
            .Where(h => h.Length > 2 && !Vague.Contains(h) && !h.Any(char.IsDigit) && !Irregular.ContainsKey(h))
            .Distinct(StringComparer.Ordinal)
            .ToList();
        return patients.Count == 0 ? null : new Item(claim, holder(), patients, documentText[timex.Start..timex.End], Act(c.Frame, documentText));
    }

    /// <summary>The disputes between the items, one per pair of documents and act.</summary>
    /// <param name="items">The claims that can take part (<see cref="ItemOf"/>).</param>
    /// <param name="sameStory">True when two documents tell one story.</param>
    /// <returns>Pairs of claim keys (the earlier day first) with the reason in words.</returns>
    public static IEnumerable<(string A, string B, string Reason)> Find(IReadOnlyList<Item> items, Func<string, string, bool> sameStory)
    {
        var seen = new HashSet<(string, string)>();
        var list = items.Take(MaxClaims).ToList();
        for (var i = 0; i < list.Count; i++)
        {
            for (var j = i + 1; j < list.Count; j++)
            {
                var (a, b) = (list[i], list[j]);
                var (da, db) = (a.Claim.DocumentId, b.Claim.DocumentId);
                if (string.Equals(da, db, StringComparison.Ordinal) || !SameAct(a, b)
                    || a.Patients.FirstOrDefault(b.Patients.Contains) is not { } patient
                    || Gap(Day(a.Claim.Claim.EventTime)!.Value, Day(b.Claim.Claim.EventTime)!.Value) is not (> 0 and <= MaxDayGap)
                    || !sameStory(da, db)
                    || !seen.Add(string.CompareOrdinal(da, db) < 0 ? (da, db) : (db, da)))
                {
                    continue;
                }

                yield return (a.Claim.Key, b.Claim.Key,
                    $"when the {patient} was {Participle(a.Claim.Claim.Frame)}: {a.Holder} dates it “{a.DateText}” while {b.Holder} dates it “{b.DateText}”; one act cannot fall on both days");
            }
        }
    }

    /// <summary>Past forms the lemmatiser may leave as they are, with their dictionary form.</summary>
    private static readonly Dictionary<string, string> Irregular = new(StringComparer.OrdinalIgnoreCase)
    {
        ["sank"] = "sink",
        ["sunk"] = "sink",
        ["shot"] = "shoot",
        ["struck"] = "strike",
        ["fled"] = "flee",
        ["caught"] = "catch",
        ["held"] = "hold",
        ["fought"] = "fight",
        ["stole"] = "steal",
        ["stolen"] = "steal",
        ["took"] = "take",
        ["taken"] = "take",
        ["found"] = "find",
        ["hit"] = "hit",
        ["seized"] = "seize",
        ["blew"] = "blow",
        ["blown"] = "blow",
        ["threw"] = "throw",
    };

    /// <summary>
    /// The act a frame names: its lemma, or the participle a misparsed perfect leaves as the patient ("it had sunk Thai
    /// trawler" read as "have" with the object "sunk"), past forms brought to their dictionary form.
    /// </summary>
    internal static string? Act(ClaimFrame frame, string documentText)
    {
        var lemma = frame.Lemma;
        if (lemma is "have" or "has" or "had")
        {
            var participle = frame.Participants.FirstOrDefault(p => p.Role == ParticipantRole.Patient && p.Head.End <= documentText.Length
                && Irregular.ContainsKey(documentText[p.Head.Start..p.Head.End]));
            lemma = participle is null ? lemma : documentText[participle.Head.Start..participle.Head.End];
        }

        return lemma is null ? null : Irregular.TryGetValue(lemma, out var form) ? form : lemma.ToLowerInvariant();
    }

    /// <summary>True when the two frames name one act: one lemma, near synonyms, or one narrow event class.</summary>
    internal static bool SameAct(Item x, Item y)
    {
        var (a, b) = (x.Claim.Claim.Frame, y.Claim.Claim.Frame);
        if (x.Act is null || y.Act is null)
        {
            return false;
        }

        if (string.Equals(x.Act, y.Act, StringComparison.Ordinal))
        {
            return true;
        }

        if (Array.Exists(Synonyms, s => s.Contains(x.Act, StringComparer.Ordinal) && s.Contains(y.Act, StringComparer.Ordinal)))
        {
            return true;
        }

        return a.EventClass is { } ca && string.Equals(ca, b.EventClass, StringComparison.Ordinal) && NarrowClasses.Contains(ca);
    }

    /// <summary>A day read from a TIMEX3 value: a calendar day (month and day, year when known) or a weekday.</summary>
    internal readonly record struct DayOf(int? Year, int Month, int DayOfMonth, int Weekday);

    /// <summary>The day a TIMEX3 value names, or null when it names none ("2008-11", "XXXX-XX-XX", a duration); a bare weekday is kept but compares with nothing.</summary>
    internal static DayOf? Day(string? timex)
    {
        if (timex is null)
        {
            return null;
        }

        if (CalendarDay().Match(timex) is { Success: true } m)
        {
            int? year = m.Groups["y"].Value == "XXXX" ? null : int.Parse(m.Groups["y"].Value, CultureInfo.InvariantCulture);
            var month = int.Parse(m.Groups["m"].Value, CultureInfo.InvariantCulture);
            var day = int.Parse(m.Groups["d"].Value, CultureInfo.InvariantCulture);
            return month is >= 1 and <= 12 && day is >= 1 and <= 31 ? new DayOf(year, month, day, 0) : null;
        }

        return WeekDay().Match(timex) is { Success: true } w ? new DayOf(null, 0, 0, int.Parse(w.Groups["w"].Value, CultureInfo.InvariantCulture)) : null;
    }

    /// <summary>
    /// How many days apart two days are, or null when they cannot be compared (a weekday without its week, two
    /// different years).
    /// </summary>
    internal static int? Gap(DayOf a, DayOf b)
    {
        // A weekday without its week ("on Thursday" in a report whose date is unknown) names no day: two reports a week or
        // years apart both say "Saturday" of different acts.
        if (a.Weekday > 0 || b.Weekday > 0)
        {
            return null;
        }

        if (a.Year is { } ya && b.Year is { } yb)
        {
            return ya == yb ? Math.Abs(new DateOnly(ya, a.Month, Math.Min(a.DayOfMonth, DateTime.DaysInMonth(ya, a.Month))).DayNumber - new DateOnly(yb, b.Month, Math.Min(b.DayOfMonth, DateTime.DaysInMonth(yb, b.Month))).DayNumber) : null;
        }

        // Without both years, a leap year is assumed so that 29 February can be read; the gap is within a year.
        var x = new DateOnly(2000, a.Month, Math.Min(a.DayOfMonth, DateTime.DaysInMonth(2000, a.Month))).DayOfYear;
        var y = new DateOnly(2000, b.Month, Math.Min(b.DayOfMonth, DateTime.DaysInMonth(2000, b.Month))).DayOfYear;
        var gap = Math.Abs(x - y);
        return Math.Min(gap, 366 - gap);
    }

    private static string Participle(ClaimFrame frame) => frame.Trigger ?? frame.Lemma ?? "acted on";

    private static string Singular(string word) =>
        word.Length > 3 && word.EndsWith('s') && !word.EndsWith("ss", StringComparison.Ordinal) ? word[..^1] : word;

    [GeneratedRegex(@"\b(?:said|says|say|told|tells|announced|reported|claimed|stated|added|that)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Speech();

    [GeneratedRegex(@"\b(?:will|would|could|might|may|shall|should|must|to|going\s+to)\s+(?:not\s+)?(?:be\s+|have\s+|have\s+been\s+)?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Modal();

    [GeneratedRegex(@"^(?<y>\d{4}|XXXX)-(?<m>\d{2})-(?<d>\d{2})", RegexOptions.CultureInvariant)]
    private static partial Regex CalendarDay();

    [GeneratedRegex(@"^(?:\d{4}|XXXX)-W(?:\d{2}|XX)-(?<w>[1-7])$", RegexOptions.CultureInvariant)]
    private static partial Regex WeekDay();
}
