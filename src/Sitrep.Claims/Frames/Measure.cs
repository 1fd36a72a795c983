using Sitrep.Documents;

namespace Sitrep.Claims.Frames;

/// <summary>
/// A quantity read for what it measures: "at least 12 people were killed" is a <c>killed</c> count of <c>people</c>
/// with a lower bound of 12; "6 miles deep" is a <c>depth</c> of 9.66 km. Only quantities whose role is known become
/// measures, so that two sources' figures are compared only when they count the same thing.
/// </summary>
/// <param name="Role">What is measured: one of <see cref="MeasureRoles"/>.</param>
/// <param name="Counted">
/// Who or what is counted, normalised ("people" for people in general, "airmen", "soldiers", "police"…); for a
/// distance, the place it is measured from ("moscow"); for money, the currency; null where the role says it all.
/// </param>
/// <param name="Min">Lower bound in <paramref name="Unit"/>, or null when unbounded below.</param>
/// <param name="Max">Upper bound in <paramref name="Unit"/>, or null when unbounded above.</param>
/// <param name="Unit">The canonical unit the bounds are in ("people", "km", "magnitude", a currency).</param>
/// <param name="Text">The figure as written.</param>
/// <param name="Range">Where it is written.</param>
public sealed record Measure(string Role, string? Counted, double? Min, double? Max, string Unit, string Text, TextRange Range)
{
    /// <summary>TIMEX3 value of the date written nearest the figure in its sentence, or null.</summary>
    public string? EventTime { get; init; }

    /// <summary>
    /// For a distance, what is located ("building" in "the building, about 15 miles north of Detroit"; "motorist" in
    /// "a motorist 50 miles north of Detroit"), or null when the words before the figure do not name it.
    /// </summary>
    public string? Located { get; init; }

    /// <summary>
    /// For a prison term, the last word of the name that is the subject of the clause giving it, lower case ("genovese" in
    /// "Genovese ran the family while serving a 15-year sentence"), or null when the subject is a pronoun, a common noun or
    /// absent: an obituary tells other men's sentences beside its subject's.
    /// </summary>
    public string? Holder { get; init; }

    /// <summary>
    /// For a named holder's age, true when its sentence writes a year or a month but none of them dates the holder's own
    /// clause: "Sixty-year-old Lena Ortiz is now accused of killing two women in 1967" gives her age now, and the year
    /// dates the killings. Such an age is not kept apart from others by that date.
    /// </summary>
    public bool Undated { get; init; }

    /// <summary>
    /// For a distance, the compass bearing from the place it is measured from, in degrees clockwise from north ("150
    /// nautical miles east of Aden" is 90), or null when no compass word is written.
    /// </summary>
    public double? Bearing { get; init; }

    /// <summary>
    /// True when the lower bound itself is excluded ("more than 300": 300 is not enough), so that it cannot meet an
    /// upper bound that is excluded too ("nearly 300").
    /// </summary>
    public bool MinExclusive { get; init; }

    /// <summary>True when the upper bound itself is excluded ("nearly 300", "fewer than 300").</summary>
    public bool MaxExclusive { get; init; }

    /// <summary>True when the figure says there were none ("no one was killed").</summary>
    public bool IsZero => Max is 0;

    /// <summary>The figure as an interval in words: "12", "at least 12", "5,000–8,000", "up to 20".</summary>
    public string Describe()
    {
        static string N(double v) => v >= 100 ? v.ToString("#,0.##", System.Globalization.CultureInfo.InvariantCulture) : v.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture);
        var unit = Unit is "people" or "magnitude" or "years" or "children" or "items" or "block" or WorkYearReader.YearUnit ? string.Empty : " " + Unit;
        if (Unit is "percent" or ContractReader.ContractUnit or RecordReader.RecordUnit or OccasionReader.OccasionUnit or ClockTimeReader.ClockUnit or RankReader.RankUnit)
        {
            return Text; // "93.87 percent", "almost 90%": the bounds carry the rounding of the last digit, no source wrote them
        }

        if (VagueWord() is { } vague)
        {
            // "dozens" and "thousands" are said as words: their bounds are a reading, not what the source wrote.
            return vague + unit;
        }

        if (Approximation(unit.Length > 0) is { } approximate)
        {
            // "about 5,000": the bounds (4,250–5,750) are kept for comparison, but no source wrote them.
            return approximate;
        }

        return (Min, Max) switch
        {
            ({ } a, { } b) when Math.Abs(a - b) < 1e-9 => N(a) + unit,
            (0, { } b) => "up to " + N(b) + unit,
            ({ } a, { } b) => N(a) + "–" + N(b) + unit,
            ({ } a, null) => "at least " + N(a) + unit,
            (null, { } b) => "up to " + N(b) + unit,
            _ => Text,
        };
    }

    /// <summary>Words that make a written number an approximation ("about 5,000", "roughly 300 km").</summary>
    private static readonly string[] Approximators = ["about", "around", "approximately", "roughly", "some", "nearly", "almost", "an estimated", "close to", "circa", "approx."];

    /// <summary>
    /// The figure as written when it is an approximation of one number ("about 5,000", "roughly 300 km", "nearly 300"):
    /// the approximating words, the number and, when <paramref name="withUnit"/>, the unit word that follows it; null for
    /// anything else (a bound, a range, a bare number).
    /// </summary>
    private string? Approximation(bool withUnit)
    {
        var text = Text.Trim();
        var lower = text.ToLowerInvariant();
        var lead = Array.Find(Approximators, a => lower.StartsWith(a + " ", StringComparison.Ordinal));
        if (lead is null)
        {
            return null;
        }

        var words = text[(lead.Length + 1)..].Split([' ', '\u00a0'], StringSplitOptions.RemoveEmptyEntries);
        if (words.Length == 0 || !char.IsDigit(words[0][0]))
        {
            return null;
        }

        var number = words[0].TrimEnd(',', '.', ';', ':');
        var shown = lead + " " + number;
        if (withUnit && words.Length > 1 && words[1].TrimEnd(',', '.', ';', ':') is { Length: > 0 } unitWord && unitWord.All(char.IsLetter))
        {
            shown += " " + unitWord;
        }

        return shown;
    }

    /// <summary>The vague amount the figure is written as ("dozens", "tens of thousands"), or null for a number.</summary>
    private string? VagueWord()
    {
        var words = Text.ToLowerInvariant().Split([' ', '\u00a0'], StringSplitOptions.RemoveEmptyEntries);
        var at = Array.FindIndex(words, w => w.TrimEnd(',', '.') is "dozens" or "hundreds" or "thousands" or "millions" or "scores" or "tens");
        if (at < 0 || words.Take(at).Any(w => w.Any(char.IsDigit)))
        {
            return null;
        }

        // "tens of thousands", "hundreds of thousands": keep the words up to the last amount word.
        var end = at;
        while (end + 2 < words.Length && words[end + 1] == "of" && words[end + 2].TrimEnd(',', '.') is "thousands" or "millions" or "hundreds")
        {
            end += 2;
        }

        // "at least dozens", "some thousands": a bound said in words stays with the amount.
        var start = words.Take(at).All(w => w is "at" or "least" or "most" or "about" or "around" or "some" or "nearly" or "many" or "several") ? 0 : at;
        return string.Join(' ', words[start..(end + 1)]).TrimEnd(',', '.');
    }
}

/// <summary>The roles a <see cref="Measure"/> can have.</summary>
public static class MeasureRoles
{
    /// <summary>People killed (deaths, the death toll).</summary>
    public const string Killed = "killed";

    /// <summary>People injured or wounded.</summary>
    public const string Injured = "injured";

    /// <summary>Casualties: killed and injured together (a zero here denies both).</summary>
    public const string Casualties = "casualties";

    /// <summary>People missing.</summary>
    public const string Missing = "missing";

    /// <summary>People arrested or detained.</summary>
    public const string Arrested = "arrested";

    /// <summary>People displaced, evacuated or made homeless.</summary>
    public const string Displaced = "displaced";

    /// <summary>The size of a force: fighters, troops, men under arms.</summary>
    public const string Force = "force";

    /// <summary>A distance from a place.</summary>
    public const string Distance = "distance";

    /// <summary>The depth of an earthquake (or anything below ground).</summary>
    public const string Depth = "depth";

    /// <summary>An earthquake's magnitude.</summary>
    public const string Magnitude = "magnitude";

    /// <summary>An amount of money.</summary>
    public const string Money = "money";

    /// <summary>The height a named person fell, in metres (the faller is the counted holder).</summary>
    public const string Fall = "fall";

    /// <summary>A named person's age, in years (the person is the counted holder).</summary>
    public const string Age = "age";

    /// <summary>A named parent's number of children.</summary>
    public const string Children = "children";

    /// <summary>A named place's population.</summary>
    public const string Population = "population";

    /// <summary>A count of things (boats, rifles, magazines, rounds fired): what is counted is the normalised noun.</summary>
    public const string Count = "count";

    /// <summary>Ships or crew held by captors (pirates holding ships for ransom).</summary>
    public const string Held = "held";

    /// <summary>The size of a crowd of marchers or protesters; what is counted is the place, when the sentence names one.</summary>
    public const string Crowd = "crowd";

    /// <summary>How long before the report or the event something happened ("married two weeks ago"), in days; what is counted is the event word.</summary>
    public const string Since = "since";

    /// <summary>What a <see cref="Since"/> figure counts when it is how long someone lived in a place before leaving it ("a four year spell living in Cardiff").</summary>
    public const string StayCounted = "stay";

    /// <summary>The block number of a street ("the 12200 block of 223rd Street"); what is counted is the street.</summary>
    public const string Block = "block";

    /// <summary>A person's weight, in pounds (compared within one story only: the sentence rarely names whose).</summary>
    public const string Weight = "weight";

    /// <summary>The length of a thing ("a 10-metre dhow"), in metres; what is counted is the thing.</summary>
    public const string Size = "size";

    /// <summary>The length of a prison sentence handed down, in years ("sentenced to 2 1/2 years").</summary>
    public const string Term = "term";

    /// <summary>An election's turnout, in percent of the voters (<see cref="TurnoutReader"/>).</summary>
    public const string Turnout = "turnout";

    /// <summary>
    /// The value of a contract a named person signed, in millions of dollars (<see cref="ContractReader"/>); what is counted
    /// is the signer's full name, lower case (compared within one story: a person signs more than one contract in a career).
    /// </summary>
    public const string Contract = "contract";

    /// <summary>
    /// A named competitor's win-loss record (<see cref="RecordReader"/>); what is counted is the holder's name as written
    /// before it, lower case, with "(career)" or "(in PLACE)" when the record is said to be a career's or one club's.
    /// Compared within one story and date only: a record changes with every bout or game.
    /// </summary>
    public const string Record = "record";

    /// <summary>
    /// How many times a named holder did one thing (<see cref="OccasionReader"/>): what is counted is the holder's last name
    /// word, the verb's lemma and its object's lemma ("ortiz marry", "ortiz chair panel"). Compared within one story and
    /// date, and only between counts at most <see cref="MaxOccasionGap"/> apart: such a count grows with the holder's life.
    /// </summary>
    public const string Occasions = "occasions";

    /// <summary>
    /// Most two counts of one holder's occasions may differ by and still be read as one moment: a miscount is of one or two,
    /// while a count told years apart ("hosted four times" before a fifth) is a later moment of the same life.
    /// </summary>
    public const int MaxOccasionGap = 2;

    /// <summary>
    /// The year of a named work (<see cref="WorkYearReader"/>): what is counted is the title, lower case. Compared within
    /// one story whatever date the sentence gives, and only between years at most <see cref="MaxWorkYearGap"/> apart.
    /// </summary>
    public const string WorkYear = "work year";

    /// <summary>
    /// Most two years given to one title may differ by and still be read as one work: a premiere and a release, or a
    /// misremembered year, are a year or two apart, while a remake of a title comes a generation later.
    /// </summary>
    public const int MaxWorkYearGap = 3;

    /// <summary>
    /// The clock time of one holder's act (<see cref="ClockTimeReader"/>), in minutes after midnight: what is counted is the
    /// holder (a name's last word or a common noun's lemma), the act (its event class or lemma), its object when it has one,
    /// and the time zone when one other than local time is written ("earthquake earthquake", "police arrest williams",
    /// "gunman attack (GMT)"). Compared within one story and date.
    /// </summary>
    public const string Clock = "clock";

    /// <summary>
    /// The rank a named holder is given in one sequence (<see cref="RankReader"/>): what is counted is the holder's last name
    /// word, the noun the ordinal is on, the noun's own clause and the window in time its words set ("ortiz coach", "ortiz
    /// woman chair", "ortiz back go (season)"). Tied and compared like counts of occasions (one story and date, a shared
    /// person), and only between ranks at most <see cref="MaxRankGap"/> apart.
    /// </summary>
    public const string Rank = "rank";

    /// <summary>
    /// Most two ranks of one holder in one sequence may differ by and still be read as one place: a miscount of the
    /// predecessors is of one or two, while ranks far apart are more often two sequences the words did not tell apart.
    /// </summary>
    public const int MaxRankGap = 2;

    /// <summary>
    /// True for figures whose reader decides from the parse whether the verb they hang from is negated (counts of occasions,
    /// clock times): the claim's polarity, which one negated conjunct sets for the whole sentence ("… married three times
    /// but had no children"), does not drop them.
    /// </summary>
    public static bool ReadsOwnNegation(string role) => role is Occasions or Clock or Rank;

    /// <summary>
    /// The calibre of the gun a named person had ("Jermayne Timmons had a .32"), in hundredths of an inch; what is counted
    /// is the holder's surname, lower case (compared within one story only: a surname may be shared).
    /// </summary>
    public const string Calibre = "calibre";

    /// <summary>
    /// True for figures of a named holder (a person's age or fall, a parent's children, a place's population): the full name
    /// says which holder is meant, so the figure is compared across stories and dates.
    /// </summary>
    public static bool IsHeld(string role) => role is Age or Children or Population or Fall;

    /// <summary>
    /// True for a figure of a holder named in full, compared across stories and dates; a faller known only by age
    /// ("aged 36") is compared within one story.
    /// </summary>
    public static bool IsNamedHolder(string role, string? counted) =>
        IsHeld(role) && counted is not null && !counted.StartsWith("aged ", StringComparison.Ordinal);

    /// <summary>
    /// The bouts or games a <see cref="Record"/> value counts (wins, losses and draws together), as <see cref="RecordReader"/>
    /// encodes it.
    /// </summary>
    public static int RecordBouts(double value)
    {
        var v = (long)Math.Round(value);
        return (int)((v / 1_000_000) + (v / 1_000 % 1_000) + (v % 1_000));
    }

    /// <summary>
    /// True for figures that do not depend on the date their sentence gives: a height fallen, a time since, a street
    /// block, a length, a weight, a calibre, the value of a contract signed (one person's signed contract in one story:
    /// "signed last summer" dates the signing, not another contract). "Married three weeks ago" is itself a date cue, not an earlier event's.
    /// </summary>
    public static bool IsTimeless(string role) => role is Fall or Since or Block or Size or Weight or Calibre or Contract or WorkYear;

    /// <summary>True for counts that only grow as a story develops (a toll rising is an update, not a dispute).</summary>
    public static bool IsCumulative(string role) => role is Killed or Injured or Casualties or Arrested or Displaced;

    /// <summary>Readable name of a role for the brief ("killed", "force size", "distance from").</summary>
    public static string Label(string role, string? counted) => role switch
    {
        Force => "force size",
        Distance => counted is null ? "distance" : "distance from " + counted,
        Money => "amount",
        Age or Children or Population when counted is not null => role + " of " + counted,
        Fall when counted is not null => "height " + counted + " fell",
        Weight when counted is not null => "weight of " + counted,
        Count when counted is not null => "number of " + counted,
        Held when counted is not null => counted + " held",
        Crowd => counted is null ? "crowd size" : "crowd size in " + counted,
        Since when counted == StayCounted => "time lived there",
        Since when counted is not null => "time since " + counted,
        Block when counted is not null => "block of " + counted,
        Size when counted is not null => "length of the " + counted,
        Term => "prison term",
        Contract when counted is not null => "value of " + counted + "'s contract",
        Record when counted is not null => "record of " + counted,
        Occasions when counted is not null => "times (" + counted + ")",
        Clock when counted is not null => "clock time (" + counted + ")",
        Rank when counted is not null => "rank (" + counted + ")",
        WorkYear when counted is not null => "year of " + counted,
        Calibre when counted is not null => "calibre of the gun " + counted + " had",
        Casualties when counted is not null and not "people" => "casualties among " + counted,
        _ when counted is null or "people" => role,
        _ => counted + " " + role,
    };
}
