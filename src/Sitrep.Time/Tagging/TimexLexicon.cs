using System.Collections.Frozen;

namespace Sitrep.Time.Tagging;

/// <summary>Word classes the tagger's rules look up. A word can belong to several ("second": ordinal and unit).</summary>
[Flags]
internal enum WordClass
{
    None = 0,
    Month = 1 << 0,
    Weekday = 1 << 1,
    Cardinal = 1 << 2,
    Ordinal = 1 << 3,
    Unit = 1 << 4,
    DayWord = 1 << 5,
    PartOfDay = 1 << 6,
    Season = 1 << 7,
    Zone = 1 << 8,
    PreMod = 1 << 9,
    Relational = 1 << 10,
    Direction = 1 << 11,
    Ref = 1 << 12,
    SetWord = 1 << 13,
    Vague = 1 << 14,
    Approx = 1 << 15,
    Holiday = 1 << 16,

    /// <summary>A word with no class of its own that can still open an expression ("the", "noon", "half").</summary>
    Starter = 1 << 17,
}

/// <summary>What the lexicon knows about one word.</summary>
internal sealed record LexEntry
{
    public WordClass Class { get; init; }

    /// <summary>Month 1–12, weekday 1–7, cardinal or ordinal value, day shift, or relational shift.</summary>
    public int Value { get; init; }

    /// <summary>Second value for words in two numeric classes ("second": ordinal 2).</summary>
    public int Ordinal { get; init; }

    public TimeUnit Unit { get; init; }

    public bool Plural { get; init; }

    /// <summary>Part of day (<c>MO</c>), season (<c>SU</c>), REF value, mod, set value or zone name.</summary>
    public string? Code { get; init; }

    /// <summary>True for abbreviations that may carry a full stop ("Sept.").</summary>
    public bool Abbreviation { get; init; }

    /// <summary>True when the word must be capitalised to count (month names that are also verbs: "May", "March").</summary>
    public bool NeedsCapital { get; init; }
}

/// <summary>The English temporal vocabulary, frozen once and looked up by span without allocating.</summary>
internal static class TimexLexicon
{
    private static readonly FrozenDictionary<string, LexEntry> Words = Build();

    public static FrozenDictionary<string, LexEntry>.AlternateLookup<ReadOnlySpan<char>> Lookup { get; } =
        Words.GetAlternateLookup<ReadOnlySpan<char>>();

    private static FrozenDictionary<string, LexEntry> Build()
    {
        var d = new Dictionary<string, LexEntry>(StringComparer.OrdinalIgnoreCase);

        void Add(string word, LexEntry entry)
        {
            if (d.TryGetValue(word, out var existing))
            {
                entry = existing with
                {
                    Class = existing.Class | entry.Class,
                    Ordinal = existing.Ordinal != 0 ? existing.Ordinal : entry.Ordinal != 0 ? entry.Ordinal : (entry.Class == WordClass.Ordinal ? entry.Value : 0),
                    Unit = existing.Unit != TimeUnit.None ? existing.Unit : entry.Unit,
                    Plural = existing.Plural || entry.Plural,
                    Code = existing.Code ?? entry.Code,
                    Value = existing.Value != 0 ? existing.Value : entry.Value,
                };
            }

            d[word] = entry;
        }

        string[] months = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];
        string[][] monthAbbreviations = [["jan"], ["feb"], ["mar"], ["apr"], [], ["jun"], ["jul"], ["aug"], ["sep", "sept"], ["oct"], ["nov"], ["dec"]];
        for (var m = 0; m < 12; m++)
        {
            Add(months[m], new LexEntry { Class = WordClass.Month, Value = m + 1, NeedsCapital = months[m] is "may" or "march" });
            foreach (var abbreviation in monthAbbreviations[m])
            {
                Add(abbreviation, new LexEntry { Class = WordClass.Month, Value = m + 1, Abbreviation = true, NeedsCapital = true });
            }
        }

        string[] weekdays = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"];
        for (var w = 0; w < 7; w++)
        {
            Add(weekdays[w], new LexEntry { Class = WordClass.Weekday, Value = w + 1 });
            Add(weekdays[w] + "s", new LexEntry { Class = WordClass.Weekday, Value = w + 1, Plural = true });
        }

        string[] ones = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
            "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"];
        for (var n = 0; n < ones.Length; n++)
        {
            Add(ones[n], new LexEntry { Class = WordClass.Cardinal, Value = n });
        }

        string[] tens = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"];
        for (var t = 0; t < tens.Length; t++)
        {
            Add(tens[t], new LexEntry { Class = WordClass.Cardinal, Value = (t + 2) * 10 });
        }

        Add("hundred", new LexEntry { Class = WordClass.Cardinal, Value = 100 });
        Add("dozen", new LexEntry { Class = WordClass.Cardinal, Value = 12 });
        Add("a", new LexEntry { Class = WordClass.Cardinal, Value = 1 });
        Add("an", new LexEntry { Class = WordClass.Cardinal, Value = 1 });

        string[] ordinals = ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth", "eleventh", "twelfth"];
        for (var o = 0; o < ordinals.Length; o++)
        {
            Add(ordinals[o], new LexEntry { Class = WordClass.Ordinal, Value = o + 1, Ordinal = o + 1 });
        }

        Add("1st", new LexEntry { Class = WordClass.Ordinal, Value = 1, Ordinal = 1 });
        Add("2nd", new LexEntry { Class = WordClass.Ordinal, Value = 2, Ordinal = 2 });
        Add("3rd", new LexEntry { Class = WordClass.Ordinal, Value = 3, Ordinal = 3 });
        Add("4th", new LexEntry { Class = WordClass.Ordinal, Value = 4, Ordinal = 4 });
        Add("final", new LexEntry { Class = WordClass.Ordinal, Value = 99, Ordinal = 99 });

        foreach (var (words, unit) in new (string[] Words, TimeUnit Unit)[]
                 {
                     (["second", "seconds", "sec", "secs"], TimeUnit.Second),
                     (["minute", "minutes", "min", "mins"], TimeUnit.Minute),
                     (["hour", "hours", "hr", "hrs"], TimeUnit.Hour),
                     (["day", "days"], TimeUnit.Day),
                     (["weekend", "weekends"], TimeUnit.Weekend),
                     (["week", "weeks"], TimeUnit.Week),
                     (["month", "months"], TimeUnit.Month),
                     (["quarter", "quarters"], TimeUnit.Quarter),
                     (["year", "years", "yr", "yrs"], TimeUnit.Year),
                     (["decade", "decades"], TimeUnit.Decade),
                     (["century", "centuries"], TimeUnit.Century),
                 })
        {
            foreach (var word in words)
            {
                Add(word, new LexEntry { Class = WordClass.Unit, Unit = unit, Plural = word.EndsWith('s') || word == "centuries" });
            }
        }

        Add("fortnight", new LexEntry { Class = WordClass.Unit, Unit = TimeUnit.Week, Value = 2 });

        Add("today", new LexEntry { Class = WordClass.DayWord, Value = 0 });
        Add("yesterday", new LexEntry { Class = WordClass.DayWord, Value = -1 });
        Add("tomorrow", new LexEntry { Class = WordClass.DayWord, Value = 1 });
        Add("tonight", new LexEntry { Class = WordClass.DayWord, Value = 0, Code = "NI" });

        Add("morning", new LexEntry { Class = WordClass.PartOfDay, Code = "MO" });
        Add("afternoon", new LexEntry { Class = WordClass.PartOfDay, Code = "AF" });
        Add("evening", new LexEntry { Class = WordClass.PartOfDay, Code = "EV" });
        Add("night", new LexEntry { Class = WordClass.PartOfDay, Code = "NI" });

        Add("spring", new LexEntry { Class = WordClass.Season, Code = "SP" });
        Add("summer", new LexEntry { Class = WordClass.Season, Code = "SU" });
        Add("fall", new LexEntry { Class = WordClass.Season, Code = "FA" });
        Add("autumn", new LexEntry { Class = WordClass.Season, Code = "FA" });
        Add("winter", new LexEntry { Class = WordClass.Season, Code = "WI" });

        foreach (var (zone, minutes) in new (string, int)[]
                 {
                     ("UTC", 0), ("GMT", 0), ("Z", 0), ("WET", 0), ("BST", 60), ("CET", 60), ("WEST", 60), ("CEST", 120), ("EET", 120),
                     ("EEST", 180), ("MSK", 180), ("EST", -300), ("EDT", -240), ("CST", -360), ("CDT", -300), ("MST", -420),
                     ("MDT", -360), ("PST", -480), ("PDT", -420),
                 })
        {
            Add(zone, new LexEntry { Class = WordClass.Zone, Value = minutes, Code = zone, NeedsCapital = true });
        }

        Add("early", new LexEntry { Class = WordClass.PreMod, Code = "START" });
        Add("late", new LexEntry { Class = WordClass.PreMod, Code = "END" });
        Add("mid", new LexEntry { Class = WordClass.PreMod, Code = "MID" });
        Add("earlier", new LexEntry { Class = WordClass.PreMod | WordClass.Direction, Value = -1 });
        Add("later", new LexEntry { Class = WordClass.PreMod | WordClass.Direction, Value = 1 });

        Add("last", new LexEntry { Class = WordClass.Relational, Value = -1 });
        Add("past", new LexEntry { Class = WordClass.Relational, Value = -1 });
        Add("previous", new LexEntry { Class = WordClass.Relational, Value = -1 });
        Add("prior", new LexEntry { Class = WordClass.Relational, Value = -1 });
        Add("next", new LexEntry { Class = WordClass.Relational, Value = 1 });
        Add("coming", new LexEntry { Class = WordClass.Relational, Value = 1 });
        Add("following", new LexEntry { Class = WordClass.Relational, Value = 1 });
        Add("this", new LexEntry { Class = WordClass.Relational, Value = 0, Code = "this" });
        Add("current", new LexEntry { Class = WordClass.Relational | WordClass.Ref, Value = 0, Code = "PRESENT_REF" });

        Add("ago", new LexEntry { Class = WordClass.Direction, Value = -1, Code = "ago" });
        Add("before", new LexEntry { Class = WordClass.Direction, Value = -1 });
        Add("after", new LexEntry { Class = WordClass.Direction, Value = 1 });
        Add("hence", new LexEntry { Class = WordClass.Direction, Value = 1, Code = "ago" });

        Add("now", new LexEntry { Class = WordClass.Ref, Code = "PRESENT_REF" });
        Add("currently", new LexEntry { Class = WordClass.Ref, Code = "PRESENT_REF" });
        Add("nowadays", new LexEntry { Class = WordClass.Ref, Code = "PRESENT_REF" });
        Add("presently", new LexEntry { Class = WordClass.Ref, Code = "PRESENT_REF" });
        Add("recently", new LexEntry { Class = WordClass.Ref, Code = "PAST_REF" });
        Add("recent", new LexEntry());
        Add("lately", new LexEntry { Class = WordClass.Ref, Code = "PAST_REF" });
        Add("future", new LexEntry { Class = WordClass.Ref, Code = "FUTURE_REF" });

        Add("daily", new LexEntry { Class = WordClass.SetWord, Code = "P1D" });
        Add("nightly", new LexEntry { Class = WordClass.SetWord, Code = "P1D" });
        Add("weekly", new LexEntry { Class = WordClass.SetWord, Code = "P1W" });
        Add("monthly", new LexEntry { Class = WordClass.SetWord, Code = "P1M" });
        Add("annually", new LexEntry { Class = WordClass.SetWord, Code = "P1Y" });
        Add("yearly", new LexEntry { Class = WordClass.SetWord, Code = "P1Y" });
        Add("hourly", new LexEntry { Class = WordClass.SetWord, Code = "PT1H" });
        Add("every", new LexEntry { Class = WordClass.SetWord });
        Add("each", new LexEntry { Class = WordClass.SetWord });

        Add("several", new LexEntry { Class = WordClass.Vague });
        Add("few", new LexEntry { Class = WordClass.Vague });
        Add("many", new LexEntry { Class = WordClass.Vague });
        Add("some", new LexEntry { Class = WordClass.Vague });
        Add("couple", new LexEntry { Class = WordClass.Vague });
        Add("number", new LexEntry { Class = WordClass.Vague });

        Add("about", new LexEntry { Class = WordClass.Approx, Code = "APPROX" });
        Add("around", new LexEntry { Class = WordClass.Approx, Code = "APPROX" });
        Add("approximately", new LexEntry { Class = WordClass.Approx, Code = "APPROX" });
        Add("nearly", new LexEntry { Class = WordClass.Approx, Code = "LESS_THAN" });
        Add("almost", new LexEntry { Class = WordClass.Approx, Code = "LESS_THAN" });

        Add("christmas", new LexEntry { Class = WordClass.Holiday, Code = "12-25", NeedsCapital = true });
        Add("thanksgiving", new LexEntry { Class = WordClass.Holiday, Code = "thanksgiving", NeedsCapital = true });

        foreach (var word in new[] { "the", "noon", "midday", "midnight", "half", "once", "twice", "these", "present", "fiscal", "recent" })
        {
            Add(word, new LexEntry { Class = WordClass.Starter });
        }

        foreach (var word in new[] { "noon", "midday", "midnight", "o", "the", "of", "am", "pm", "time", "local", "moscow", "kyiv", "kiev", "fiscal", "ahead", "weekdays", "once", "twice", "times", "per", "half", "moment", "present", "these", "days", "hours", "since", "from", "until", "that", "same", "year-ago", "year-earlier", "latest", "end", "beginning", "start" })
        {
            if (!d.ContainsKey(word))
            {
                d[word] = new LexEntry();
            }
        }

        return d.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
    }
}
