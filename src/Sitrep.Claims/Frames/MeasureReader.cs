using System.Collections.Frozen;
using System.Text.RegularExpressions;
using Sitrep.Claims.Quantities;
using Sitrep.Claims.Text;
using Sitrep.Documents;
using UnitsNet.Units;
using Length = UnitsNet.Length;

namespace Sitrep.Claims.Frames;

/// <summary>
/// Reads what the quantities of a claim measure: the role a number plays (killed, injured, force size, distance,
/// depth, magnitude…), who or what it counts, and its bounds in a canonical unit (lengths converted with UnitsNet,
/// hedges and vague amounts kept as bounds). A number whose role the words around it do not make clear gives no
/// measure: a figure that cannot be compared safely is better left out than set against the wrong one.
/// </summary>
internal static partial class MeasureReader
{
    private const int RightWindow = 5;
    private const int LeftWindow = 3;

    private static readonly FrozenSet<string> KillCues = Words.Set(
        "killed", "kill", "kills", "killing", "dead", "died", "die", "dies", "dying", "deaths", "death", "fatalities", "perished", "lives",
        "bodies", "toll", "murdered", "slain");

    private static readonly FrozenSet<string> InjureCues = Words.Set(
        "injured", "injuring", "injuries", "injures", "wounded", "wounding", "hurt", "hospitalised", "hospitalized", "injury");

    private static readonly FrozenSet<string> CasualtyCues = Words.Set("casualties", "casualty");

    private static readonly FrozenSet<string> MissingCues = Words.Set("missing", "unaccounted");

    private static readonly FrozenSet<string> ArrestCues = Words.Set("arrested", "arrests", "detained", "detentions", "arresting", "detaining");

    private static readonly FrozenSet<string> DisplacedCues = Words.Set("displaced", "evacuated", "homeless", "evacuees", "refugees");

    private static readonly FrozenSet<string> ForceNouns = Words.Set(
        "fighters", "troops", "soldiers", "mercenaries", "personnel", "servicemen", "militants", "insurgents", "rebels");

    /// <summary>Words that make "men" a force ("he commands 25,000 men"), not a handful of robbers.</summary>
    private static readonly FrozenSet<string> ForceContext = Words.Set(
        "command", "commands", "commanded", "army", "forces", "troops", "fighters", "militia", "march", "column", "battalion", "brigade", "mercenaries");

    private static readonly FrozenSet<string> Demographic = Words.Set("women", "men", "children", "girls", "boys", "woman", "man", "child");

    /// <summary>Counted nouns that mean people in general.</summary>
    private static readonly FrozenSet<string> LostPeople = Words.Set(
        "soldier", "men", "people", "lives", "airmen", "airman", "pilots", "crew", "aircrew", "sailors", "officers");

    /// <summary>"a bloodless coup", "without bloodshed", "no blood was shed": nobody was killed or wounded.</summary>
    private static readonly FrozenSet<string> BloodlessCues = Words.Set("bloodless");

    private static readonly FrozenSet<string> GenericPeople = Words.Set(
        "people", "persons", "person", "civilians", "residents", "individuals", "victims", "dead", "deaths", "fatalities", "lives",
        "bodies", "injured", "wounded", "injuries", "casualties", "others", "villagers", "inhabitants");

    private static readonly FrozenDictionary<string, LengthUnit> LengthUnits = new Dictionary<string, LengthUnit>(StringComparer.Ordinal)
    {
        ["km"] = LengthUnit.Kilometer,
        ["kms"] = LengthUnit.Kilometer,
        ["kilometres"] = LengthUnit.Kilometer,
        ["kilometers"] = LengthUnit.Kilometer,
        ["kilometre"] = LengthUnit.Kilometer,
        ["kilometer"] = LengthUnit.Kilometer,
        ["miles"] = LengthUnit.Mile,
        ["mile"] = LengthUnit.Mile,
        ["mi"] = LengthUnit.Mile,
        ["metres"] = LengthUnit.Meter,
        ["meters"] = LengthUnit.Meter,
        ["m"] = LengthUnit.Meter,
        ["feet"] = LengthUnit.Foot,
        ["ft"] = LengthUnit.Foot,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    private static readonly FrozenDictionary<string, string> Currencies = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["$"] = "USD",
        ["us$"] = "USD",
        ["dollars"] = "USD",
        ["£"] = "GBP",
        ["pounds"] = "GBP",
        ["€"] = "EUR",
        ["euros"] = "EUR",
        ["₽"] = "RUB",
        ["roubles"] = "RUB",
        ["rubles"] = "RUB",
        ["¥"] = "JPY",
        ["yen"] = "JPY",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    private static readonly FrozenSet<string> FallCues = Words.Set("fell", "fall", "falling", "fallen", "falls", "plunged", "plunging", "tumbled", "tumbling");

    private static readonly FrozenSet<string> DepthCues = Words.Set("deep", "depth", "below", "beneath", "underground", "underneath");

    private static readonly FrozenSet<string> GroupNouns = Words.Set(
        "aircrew", "crew", "soldiers", "troops", "civilians", "police", "children", "airmen", "pilots", "servicemen", "militants", "workers", "students", "miners");

    private static readonly FrozenSet<string> Others = Words.Set("other", "more", "another", "further", "additional");

    private static readonly FrozenSet<string> Totals = Words.Set("total", "toll", "tally", "number", "count", "figure", "estimate", "least", "most", "upwards", "excess");

    private static readonly FrozenSet<string> Copulas = Words.Set("was", "were", "is", "are", "stood", "stands", "reached", "totalled", "totaled", "rose", "climbed", "numbered");

    private static readonly FrozenSet<string> Subset = Words.Set("among", "including", "of");

    private static readonly FrozenSet<string> FromWords = Words.Set("from", "of", "outside", "away");

    private static readonly FrozenSet<string> Vague = Words.Set("dozens", "dozen", "hundreds", "thousands", "scores", "tens", "millions");

    /// <summary>The measures of tokens <paramref name="first"/>..<paramref name="last"/> of a sentence.</summary>
    /// <param name="words">The sentence.</param>
    /// <param name="first">First token of the claim.</param>
    /// <param name="last">Last token of the claim.</param>
    /// <param name="quantities">The claim's quantities, as the extractor found them.</param>
    public static IReadOnlyList<Measure> Read(SentenceWords words, int first, int last, IReadOnlyList<Quantity> quantities)
    {
        List<Measure>? found = null;
        for (var k = 0; k < quantities.Count; k++)
        {
            var q = quantities[k];
            var (qs, qe) = TokensOf(words, q.Range, first, last);
            if (qs < 0)
            {
                continue;
            }

            // "between 13 and 15", "from 5,000 to 8,000", "5,000-8,000": one measure with both bounds.
            Quantity? upper = null;
            if (k + 1 < quantities.Count && TokensOf(words, quantities[k + 1].Range, first, last) is var (ns, ne) && ns > qe
                && ns - qe <= 2 && words[ns - 1] is "to" or "and" or "-" or "–")
            {
                upper = quantities[k + 1];
                qe = ne;
                k++;
            }

            if (MeasureOf(words, first, last, q, upper, qs, qe) is { } m)
            {
                (found ??= []).Add(m);
            }
        }

        foreach (var (q, qs, qe) in GluedLengths(words, first, last))
        {
            if (found?.Exists(f => f.Range.Start < q.Range.End && q.Range.Start < f.Range.End) != true && MeasureOf(words, first, last, q, null, qs, qe) is { } m)
            {
                (found ??= []).Add(m);
            }
        }

        foreach (var m in Magnitudes(words, first, last))
        {
            if (found?.Exists(f => f.Range.Start < m.Range.End && m.Range.Start < f.Range.End && f.Role == MeasureRoles.Magnitude) != true)
            {
                (found ??= []).Add(m);
            }
        }

        foreach (var m in AttributeReader.Read(words, first, last))
        {
            // An attribute reading replaces whatever the event reading made of the same number ("home to 120,000 people").
            found?.RemoveAll(f => f.Range.Start < m.Range.End && m.Range.Start < f.Range.End);
            (found ??= []).Add(m);
        }

        foreach (var m in WeaponReader.Read(words, first, last).Concat(PrisonTermReader.Read(words, first, last)).Concat(TurnoutReader.Read(words, first, last)).Concat(ContractReader.Read(words, first, last)).Concat(RecordReader.Read(words, first, last)).Concat(WorkYearReader.Read(words, first, last)))
        {
            found?.RemoveAll(f => f.Range.Start < m.Range.End && m.Range.Start < f.Range.End);
            (found ??= []).Add(m);
        }

        if ((Zero(words, first, last) ?? Bloodless(words, first, last)) is { } zero)
        {
            (found ??= []).Add(zero);
        }

        return found ?? (IReadOnlyList<Measure>)[];
    }

    /// <summary>
    /// Lengths written as one token ("200ft", "60m", "2000ft"), which the quantity extractor does not read, with the
    /// hedge before them ("about 60m").
    /// </summary>
    private static IEnumerable<(Quantity Quantity, int First, int Last)> GluedLengths(SentenceWords words, int first, int last)
    {
        for (var i = first; i <= last; i++)
        {
            var w = words[i];
            if (w.Length < 2 || !char.IsDigit(w[0]) || !char.IsLetter(w[^1]) || GluedLength().Match(w) is not { Success: true } g
                || !double.TryParse(g.Groups["n"].Value.Replace(",", string.Empty, StringComparison.Ordinal), System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var v))
            {
                continue;
            }

            var hedge = i > first && words[i - 1] is "about" or "around" or "some" or "approximately" or "roughly" or "nearly" or "almost" ? words[i - 1] : null;
            var start = hedge is null ? i : i - 1;
            yield return (new Quantity(v, g.Groups["unit"].Value, hedge, words.TextOf(start, i), words.RangeOf(start, i)), start, i);
        }
    }

    [GeneratedRegex(@"^(?<n>\d{1,3}(?:,?\d{3})*(?:\.\d+)?)(?<unit>m|ft|km)$", RegexOptions.CultureInvariant)]
    private static partial Regex GluedLength();

    /// <summary>Counted nouns that are things, not people: "13 shots", "five buildings away" are no toll or arrest count.</summary>
    private static readonly FrozenSet<string> ThingNouns = Words.Set(
        "shots", "bullets", "rounds", "buildings", "houses", "doors", "homes", "blocks", "boats", "ships", "vessels", "rifles", "guns",
        "magazines", "vehicles", "cars", "trucks", "villages", "hours", "minutes", "days", "weeks", "months", "years", "decades", "centuries", "times", "floors",
        "storeys", "stories", "metres", "meters", "feet", "miles", "kilometres", "kilometers", "km");

    private static Measure? MeasureOf(SentenceWords words, int first, int last, Quantity q, Quantity? upper, int qs, int qe)
    {
        var unit = q.Unit ?? upper?.Unit;
        var range = upper is null ? q.Range : new TextRange(q.Range.Start, upper.Range.End);
        var text = words.Text[range.Start..range.End];
        if (unit is not null && Currencies.TryGetValue(unit, out var currency))
        {
            var (lo, hi) = Bounds(q, upper, 1.0);
            return new Measure(MeasureRoles.Money, currency, lo, hi, currency, text, range);
        }

        if (unit is not null && LengthUnits.TryGetValue(unit, out var lengthUnit))
        {
            var factor = Length.From(1, lengthUnit).Kilometers;
            var (lo, hi) = Bounds(q, upper, factor);
            if (lengthUnit != LengthUnit.Kilometer && lo is { } l && hi is { } h && Math.Abs(l - h) < 1e-9)
            {
                // A converted figure was rounded in its own unit: "6 miles" is 9.7 km give or take half a mile.
                (lo, hi) = (l - (factor / 2), h + (factor / 2));
            }

            var unitEnd = UnitEnd(words, qe, last, unit);
            if (Near(words, qs - 3, qs - 1, FallCues, first, last))
            {
                // "Robert Buckley, 32, fell about 600 metres": a height fallen, the faller's; no faller named, no figure.
                var metres = Length.From(1, lengthUnit).Meters;
                var (flo, fhi) = Bounds(q, upper, metres);
                if (upper is null && q.Hedge is "about" or "around" or "approximately" or "roughly" or "some")
                {
                    // A height is rounded to a round number of metres or feet: "about 600 metres" is not 700.
                    (flo, fhi) = (q.Value * metres * 0.9, q.Value * metres * 1.1);
                }

                return (FallerBefore(words, first, qs) ?? AgedBefore(words, first, qs)) is { } faller
                    ? new Measure(MeasureRoles.Fall, faller, flo * 0.99, fhi * 1.01, "m", text, range)
                    : null;
            }

            if (Near(words, qs - 3, unitEnd + 3, DepthCues, first, last))
            {
                return new Measure(MeasureRoles.Depth, null, lo, hi, "km", text, range);
            }

            // "1,150 kilometers (700 miles) southeast of Tehran": the place comes after the conversion in brackets.
            var placeAt = unitEnd + 1;
            if (words[placeAt] == "(")
            {
                for (var k = placeAt + 1; k <= Math.Min(last, placeAt + 5); k++)
                {
                    if (words[k] == ")")
                    {
                        placeAt = k + 1;
                        break;
                    }
                }
            }

            if (PlaceAfter(words, placeAt, last) is { } place)
            {
                return new Measure(MeasureRoles.Distance, place, lo, hi, "km", text, range) { Located = LocatedBefore(words, qs, first), Bearing = Compass.Bearing(words[placeAt]) };
            }

            return null;
        }

        // "Three crew members were among the dead" counts part of a toll, not the toll; "two other victims" likewise;
        // "a mother of 12" counts her children.
        if (Near(words, qe + 1, qe + 4, Subset, first, last) || Near(words, qs, qe + 1, Others, first, last)
            || (qs - 2 >= first && words[qs - 1] == "of" && words.IsWord(qs - 2) && CueRole(words[qs - 2]) is null && !Totals.Contains(words[qs - 2]) && words[qs - 2] is not ("loss" or "losses"))
            || (qs - 3 >= first && words[qs - 1] == "the" && words[qs - 2] == "of" && IsPartWord(words[qs - 3])))
        {
            return null;
        }

        // "ten more people than last year", "up from 12": a difference or a change, not the count.
        if (Difference.After(words.Text[words.Tokens[qe].End..words.Tokens[last].End]) || Difference.Before(words.Text[words.Tokens[first].Start..words.Tokens[qs].Start]))
        {
            return null;
        }

        // "dies at 91", "died aged 91", "dead at 91", "the 91-year-old": a death cue beside an age does not make the age
        // a count of dead.
        if (AgeAtDeath(words, first, last, qs, qe))
        {
            return null;
        }

        var (role, cueAt) = RoleAround(words, first, last, qs, qe, unit);
        if (unit is null && cueAt > first && GroupNouns.Contains(words[cueAt - 1]))
        {
            unit = words[cueAt - 1]; // "aircrew deaths were 13": the deaths are aircrew's
        }

        if (role is null && unit is not null && (ForceNouns.Contains(unit) || (unit == "men" && Near(words, first, last, ForceContext, first, last))))
        {
            role = MeasureRoles.Force;
        }

        // "13 shots", "five buildings away": a count of things, whatever cue stands near it.
        if (role is not null && role != MeasureRoles.Force && unit is not null && ThingNouns.Contains(unit))
        {
            return null;
        }

        // "two women", "three children": a part of the dead named by who they were, not the toll.
        if (role is not null && role != MeasureRoles.Force && unit is not null && Demographic.Contains(unit))
        {
            return null;
        }

        if (role is null)
        {
            return null;
        }

        var counted = role == MeasureRoles.Force ? "fighters"
            : q.Text.Contains("crew", StringComparison.OrdinalIgnoreCase) ? "airmen"
            : Counted(unit);
        var (min, max) = Bounds(q, upper, 1.0);
        return new Measure(role, counted, min, max, "people", text, range);
    }

    private static readonly FrozenSet<string> DeathWords = Words.Set("dies", "died", "dead", "die", "dying");

    /// <summary>
    /// True when the number at tokens <paramref name="qs"/>..<paramref name="qe"/> is an age: "dies at 91", "died
    /// Thursday at 91", "dead at 91", "died aged 91", "at the age of 91", "91-year-old", "91 years old".
    /// </summary>
    private static bool AgeAtDeath(SentenceWords words, int first, int last, int qs, int qe)
    {
        string Lower(int i) => i >= first && i <= last ? words[i] : string.Empty;
        var before = Lower(qs - 1);
        if (before is "aged" || (before == "age" && Lower(qs - 2) == "at") || (before == "of" && Lower(qs - 2) == "age"))
        {
            return true;
        }

        // "died Thursday at 91", "died peacefully in her sleep at 91": the death verb may stand a few words back.
        for (var i = qs - 2; before == "at" && i >= Math.Max(first, qs - 6) && words.IsWord(i); i--)
        {
            if (DeathWords.Contains(words[i]))
            {
                return true;
            }
        }

        var after = Lower(qe + 1);
        return words[qe].Contains("-year", StringComparison.Ordinal) || after.StartsWith("-year", StringComparison.Ordinal) || after.StartsWith("year-old", StringComparison.Ordinal)
            || (after is "-" && Lower(qe + 2) is "year" or "years")
            || (after is "year" or "years" && Lower(qe + 2) is "old" or "-old");
    }

    /// <summary>
    /// The faller: the last full name (two capitalised words or more, not at a title) before the figure, its last two
    /// words lower-cased ("32-year-old Englishman Robert Buckley fell" → "robert buckley"); null when there is none.
    /// </summary>
    private static string? FallerBefore(SentenceWords words, int first, int qs)
    {
        for (var i = qs - 1; i > first; i--)
        {
            // "Inspector Dave Gaskin said the man fell": the speaker is not the faller.
            if (IsNamePart(words, i) && IsNamePart(words, i - 1) && !NotFallers.Contains(words[i]) && !NotFallers.Contains(words[i - 1])
                && words[i + 1] is not ("said" or "says" or "told"))
            {
                return words[i - 1] + " " + words[i];
            }
        }

        return null;
    }

    /// <summary>
    /// A faller the sentence names only by age ("A 36-year-old Australian climber … falling about 150 metres"): "aged 36",
    /// a holder compared within one story only; null when no age stands before the figure.
    /// </summary>
    private static string? AgedBefore(SentenceWords words, int first, int qs)
    {
        var before = words.Text[words.Tokens[first].Start..words.Tokens[qs].Start];
        var matches = AgeWords().Matches(before);
        return matches.Count == 0 ? null : "aged " + matches[^1].Groups["n"].Value;
    }

    [GeneratedRegex(@"(?:\b(?<n>\d{1,2})\s*-\s*year\s*-\s*old\b|\baged\s+(?<n>\d{1,2})\b)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex AgeWords();

    /// <summary>A capitalised word of three letters or more ("U. K." and "Mt." are not names).</summary>
    private static bool IsNamePart(SentenceWords words, int i) =>
        words.IsCapitalized(i) && words[i].Length >= 3 && words[i].All(char.IsLetter);

    private static readonly FrozenSet<string> NotFallers = Words.Set(
        "mount", "mt", "mr", "mrs", "ms", "dr", "police", "the", "a", "on", "in", "national", "park", "new", "zealand", "ridge", "glacier");

    /// <summary>"two of the three victims", "all of the 23", "most of the 80": the number is the whole a part is taken from.</summary>
    private static bool IsPartWord(string w) =>
        char.IsDigit(w[0]) || w is "one" or "two" or "three" or "four" or "five" or "six" or "seven" or "eight" or "nine" or "ten"
            or "all" or "most" or "some" or "none" or "many" or "few" or "half" or "both" or "each";

    /// <summary>The role a cue word next to the number gives it; the nearest cue wins, the left one on a tie.</summary>
    private static (string? Role, int CueAt) RoleAround(SentenceWords words, int first, int last, int qs, int qe, string? unit)
    {
        if (unit is not null && CueRole(unit) is { } own)
        {
            return (own, -1);
        }

        string? best = null;
        var bestDistance = int.MaxValue;
        var cue = -1;
        var reach = LeftWindow;
        for (var d = 1; d <= reach && qs - d >= first; d++)
        {
            var w = words[qs - d];
            if (IsBoundary(w))
            {
                break;
            }

            // "deaths on 24 June were likely between 13 and 15", "the toll stood at 30": across a copula the number
            // is the subject's value, so the subject's noun is looked for further back.
            if (Copulas.Contains(w))
            {
                reach = Math.Max(reach, d + 6);
            }

            if (CueRole(w) is { } r && !IsPunishment(words, qs - d, last))
            {
                (best, bestDistance, cue) = (r, d, qs - d);
                break;
            }

            // "the loss of at least 15 soldiers": a loss of people is a casualty count (killed, or killed and wounded);
            // a loss of money, ground or aircraft is not, so the counted noun must be people.
            if (w is "loss" or "losses" && unit is not null && (ForceNouns.Contains(unit) || LostPeople.Contains(unit)))
            {
                (best, bestDistance, cue) = (MeasureRoles.Casualties, d, qs - d);
                break;
            }
        }

        for (var d = 1; d <= RightWindow && qe + d <= last && d < bestDistance; d++)
        {
            var w = words[qe + d];
            if (IsBoundary(w) || char.IsDigit(w[0]) || OwnClause(words, qe + d, last))
            {
                break;
            }

            if (CueRole(w) is { } r && !IsPunishment(words, qe + d, last))
            {
                return (r, qe + d);
            }
        }

        return (best, cue);
    }

    /// <summary>
    /// "the death penalty", "a death sentence", "death row": a punishment asked for or handed down, not a death.
    /// </summary>
    private static bool IsPunishment(SentenceWords words, int at, int last) =>
        words[at] is "death" && at + 1 <= last && words[at + 1] is "penalty" or "penalties" or "sentence" or "sentences" or "row" or "warrant" or "threat" or "threats";

    /// <summary>
    /// The counted people's own clause starts: "the three who voted against …" counts voters, whatever cue comes after
    /// (a relative pronoun followed by a verb other than "be" or "have", which would carry a cue: "three who were
    /// killed"); "the nine voting to put him to death" likewise counts those voting.
    /// </summary>
    private static bool OwnClause(SentenceWords words, int at, int last)
    {
        var w = words[at];
        if (w is "voting" or "voted" or "vote" or "votes")
        {
            return true;
        }

        if (w is not ("who" or "that") || at + 1 > last)
        {
            return false;
        }

        var next = words[at + 1];
        return CueRole(next) is null && next is not ("was" or "were" or "is" or "are" or "had" or "have" or "has" or "been" or "later" or "then" or "also" or "all" or "both");
    }

    /// <summary>
    /// Where the words that can give a number its role end: a clause or sentence break, and a comma, which in news
    /// copy ends the clause a count belongs to ("shot three people, killing one": three were shot, one killed; "Of the
    /// 23 arrested, 12 are Somali": the twelve are not the arrests). A dash that sets off a phrase does the same ("shot
    /// three co-workers — killing two — at the plant"); a hyphen inside a word is no token of its own.
    /// </summary>
    private static bool IsBoundary(string w) => w is ";" or ":" or "." or "," or "(" or ")" or "?" or "!" or "\u2014" or "\u2013" or "--" or "but" or "while" or "whereas";

    private static string? CueRole(string w) =>
        KillCues.Contains(w) ? MeasureRoles.Killed
        : InjureCues.Contains(w) ? MeasureRoles.Injured
        : CasualtyCues.Contains(w) ? MeasureRoles.Casualties
        : MissingCues.Contains(w) ? MeasureRoles.Missing
        : ArrestCues.Contains(w) ? MeasureRoles.Arrested
        : DisplacedCues.Contains(w) ? MeasureRoles.Displaced
        : null;

    private static string Counted(string? unit)
    {
        if (unit is null || GenericPeople.Contains(unit) || CueRole(unit) is not null || Vague.Contains(unit))
        {
            return "people";
        }

        return unit switch
        {
            "troops" or "servicemen" or "soldier" => "soldiers",
            "aircrew" or "crew" or "pilots" or "airman" => "airmen",
            "policemen" or "officers" or "police" or "policeman" => "police",
            "child" or "kids" => "children",
            _ => unit,
        };
    }

    /// <summary>The bounds of a quantity (and the upper end of a range), multiplied by <paramref name="factor"/>.</summary>
    private static (double? Min, double? Max) Bounds(Quantity q, Quantity? upper, double factor)
    {
        if (upper is not null)
        {
            return (q.Value * factor, upper.Value * factor);
        }

        var v = q.Value * factor;
        if (q.Hedge == "vague")
        {
            // "dozens" is at least two dozen, "thousands" at least two thousand; the ceiling is generous, since a vague
            // amount is often said of a figure two orders of magnitude up.
            var text = q.Text.ToLowerInvariant();
            return text.Contains("a dozen", StringComparison.Ordinal) ? (v, v)
                : text.StartsWith("tens of", StringComparison.Ordinal) || text.StartsWith("hundreds of", StringComparison.Ordinal) ? (v, v * 100)
                : text.StartsWith("dozens", StringComparison.Ordinal) ? (v * 2, 199)
                : (v * 2, (v * 100) - 1);
        }

        return q.Hedge switch
        {
            null => (v, v),
            "at least" or "no fewer than" or "no less than" or "upwards of" => (v, null),
            "more than" or "over" or "just over" => (v, null),
            "up to" or "at most" or "no more than" or "as many as" => (0, v),
            "fewer than" or "less than" or "under" or "just under" => (0, v),
            "nearly" or "almost" or "close to" => (v * 0.85, v),
            "about" or "around" or "approximately" or "roughly" or "some" or "an estimated" => (v * 0.85, v * 1.15),
            _ => (v * 0.85, v * 1.15),
        };
    }

    /// <summary>
    /// The thing a distance locates: the word before the figure, past hedges, commas and "located" ("the building,
    /// about 15 miles…" → "building"; "Qeshm, located 1,150 kilometers…" → "qeshm"); null after a verb or a function
    /// word ("stopped 200 km from Moscow", "and 1,500 kilometers south of Tehran").
    /// </summary>
    private static string? LocatedBefore(SentenceWords words, int qs, int first)
    {
        var i = qs - 1;
        while (i >= first && words[i] is "about" or "some" or "around" or "roughly" or "approximately" or "nearly" or "almost" or "just"
            or "only" or "located" or "situated" or "lying" or "," or "an" or "estimated" or "over" or "more" or "than" or "at" or "least")
        {
            i--;
        }

        // "sailing 150 nautical miles west of Aden" (a verb form right before the figure; "the building, about 15 miles" is
        // a noun), "11 am IST, 150 nautical miles…" (an abbreviation): no located thing is named.
        if (i < first || !words.IsWord(i) || LocatedStop.Contains(words[i]) || words[i].EndsWith("ed", StringComparison.Ordinal)
            || (i == qs - 1 && words[i].EndsWith("ing", StringComparison.Ordinal)) || words[i].Length <= 3)
        {
            return null;
        }

        return words[i];
    }

    private static readonly FrozenSet<string> LocatedStop = Words.Set(
        "and", "or", "the", "a", "of", "in", "on", "to", "by", "for", "with", "from", "within", "is", "was", "were", "are", "be", "been",
        "it", "its", "their", "his", "her", "that", "which", "who", "some", "stopped", "halted", "came", "got", "just", "than", "only");

    /// <summary>"from Moscow", "of the capital", "north of Padang": the place a distance is measured from.</summary>
    private static string? PlaceAfter(SentenceWords words, int i, int last)
    {
        // "100 km north-west of X": skip a compass word.
        if (i <= last && words[i] is "north" or "south" or "east" or "west" or "northeast" or "northwest" or "southeast" or "southwest"
            or "north-east" or "north-west" or "south-east" or "south-west")
        {
            i++;
        }

        if (i > last || !FromWords.Contains(words[i]))
        {
            return null;
        }

        i++;
        if (words[i] == "from" || words[i] == "of")
        {
            i++;
        }

        if (i <= last && words[i] == "the" && words[i + 1] is "capital" or "city")
        {
            return "the " + words[i + 1];
        }

        var start = i;
        while (i <= last && words.IsCapitalized(i) && words.IsWord(i))
        {
            i++;
        }

        return i > start ? words.TextOf(start, i - 1).ToLowerInvariant() : null;
    }

    private static int UnitEnd(SentenceWords words, int qe, int last, string unit)
    {
        for (var i = qe; i <= Math.Min(last, qe + 2); i++)
        {
            if (words[i] == unit)
            {
                return i;
            }
        }

        return qe;
    }

    private static bool Near(SentenceWords words, int from, int to, FrozenSet<string> cues, int first, int last)
    {
        for (var i = Math.Max(first, from); i <= Math.Min(last, to); i++)
        {
            if (cues.Contains(words[i]))
            {
                return true;
            }
        }

        return false;
    }

    private static (int First, int Last) TokensOf(SentenceWords words, TextRange range, int first, int last)
    {
        var s = -1;
        var e = -1;
        for (var i = first; i <= last; i++)
        {
            if (s < 0 && words.Tokens[i].End > range.Start)
            {
                s = i;
            }

            if (words.Tokens[i].Start < range.End)
            {
                e = i;
            }
        }

        return s < 0 || e < s ? (-1, -1) : (s, e);
    }

    /// <summary>"magnitude 6.1", "a 6.1-magnitude quake", "measuring 6.1 on the Richter scale".</summary>
    private static IEnumerable<Measure> Magnitudes(SentenceWords words, int first, int last)
    {
        var start = words.Tokens[first].Start;
        var end = words.Tokens[last].End;
        var text = words.Text[start..end];
        if (!text.Contains("agnitude", StringComparison.Ordinal) && !text.Contains("Richter", StringComparison.Ordinal))
        {
            yield break;
        }

        foreach (Match m in MagnitudePattern().Matches(text))
        {
            var g = m.Groups["a"].Success ? m.Groups["a"] : m.Groups["b"];
            if (double.TryParse(g.Value, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var v) && v is > 0 and < 10.5)
            {
                var range = new TextRange(start + m.Index, start + m.Index + m.Length);
                // Magnitudes are given to one decimal: 6.1 stands for 6.05 to 6.15; "at least magnitude 5.9" has no ceiling.
                var before = text.AsSpan(0, m.Index).TrimEnd();
                double? ceiling = before.EndsWith("at least", StringComparison.OrdinalIgnoreCase) || before.EndsWith("more than", StringComparison.OrdinalIgnoreCase)
                    || before.EndsWith("over", StringComparison.OrdinalIgnoreCase) || before.EndsWith("above", StringComparison.OrdinalIgnoreCase) ? null : v + 0.05;
                yield return new Measure(MeasureRoles.Magnitude, null, v - 0.05, ceiling, "magnitude", m.Value, range);
            }
        }
    }

    [GeneratedRegex(@"(?:magnitude[- ](?:of\s+)?(?<a>\d{1,2}(?:\.\d)?)\b|\b(?<b>\d{1,2}(?:\.\d)?)(?:[- ]magnitude|\s+on the Richter))", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex MagnitudePattern();

    /// <summary>"no one was killed", "there were no casualties", "nobody got hurt": a figure of zero.</summary>
    private static Measure? Zero(SentenceWords words, int first, int last)
    {
        for (var i = first; i <= last; i++)
        {
            var w = words[i];
            int cueAt;
            if (w is "no" && i + 1 <= last && (CasualtyCues.Contains(words[i + 1]) || words[i + 1] is "deaths" or "fatalities" or "injuries" or "dead"))
            {
                cueAt = i + 1;
            }
            else if ((w is "nobody" or "none" || (w == "no" && words[i + 1] is "one" or "-" && (words[i + 1] != "-" || words[i + 2] == "one"))) && i + 1 <= last)
            {
                cueAt = -1;
                for (var j = i + 1; j <= Math.Min(last, i + 5); j++)
                {
                    if (KillCues.Contains(words[j]) || InjureCues.Contains(words[j]))
                    {
                        cueAt = j;
                        break;
                    }
                }

                if (cueAt < 0)
                {
                    continue;
                }
            }
            else
            {
                continue;
            }

            // "no reports of casualties", "no word on deaths", "no figure for losses" say nothing was known, not that none died.
            if (HasNoReportCue(words, i, first))
            {
                continue;
            }

            var cue = words[cueAt];
            var both = cueAt + 2 <= last && words[cueAt + 1] == "or" && (KillCues.Contains(words[cueAt + 2]) || InjureCues.Contains(words[cueAt + 2]));
            var role = both || CasualtyCues.Contains(cue) ? MeasureRoles.Casualties : KillCues.Contains(cue) ? MeasureRoles.Killed : MeasureRoles.Injured;
            var endToken = both ? cueAt + 2 : cueAt;
            return new Measure(role, "people", 0, 0, "people", words.TextOf(i, endToken), words.RangeOf(i, endToken));
        }

        return null;
    }

    /// <summary>
    /// "a bloodless coup", "ended without bloodshed", "no blood was shed": a figure of zero people killed or wounded.
    /// Not "to avoid bloodshed" or "feared bloodshed", which say what was wanted or feared, and not when a negation
    /// stands before it in the clause ("it was not bloodless").
    /// </summary>
    private static Measure? Bloodless(SentenceWords words, int first, int last)
    {
        for (var i = first; i <= last; i++)
        {
            var w = words[i];
            int start, end;
            if (BloodlessCues.Contains(w))
            {
                (start, end) = (i, i);
            }
            else if (w is "bloodshed" && i > first && words[i - 1] is "without" or "no")
            {
                (start, end) = (i - 1, i);
            }
            else if (w is "no" && i + 3 <= last && words[i + 1] == "blood" && words[i + 2] is "was" or "has" or "had" && (words[i + 3] is "shed" || (i + 4 <= last && words[i + 4] == "shed")))
            {
                (start, end) = (i, words[i + 3] == "shed" ? i + 3 : i + 4);
            }
            else
            {
                continue;
            }

            var negated = false;
            for (var j = start - 1; j >= first && j >= start - 6; j--)
            {
                if (IsBoundary(words[j]))
                {
                    break;
                }

                if (words[j] is "not" or "n't" or "never" or "hardly" or "avoid" or "avoiding" or "prevent" or "preventing" or "feared" or "fear" or "if" or "whether" or "hoped" or "hope" or "wanted" or "want" || words[j].EndsWith("n't", StringComparison.Ordinal))
                {
                    negated = true;
                    break;
                }
            }

            if (!negated)
            {
                return new Measure(MeasureRoles.Casualties, "people", 0, 0, "people", words.TextOf(start, end), words.RangeOf(start, end));
            }
        }

        return null;
    }

    private static bool HasNoReportCue(SentenceWords words, int i, int first)
    {
        for (var j = i + 1; j <= i + 3 && j < words.Count; j++)
        {
            if (words[j] is "reports" or "report" or "word" or "figure" or "figures" or "information" or "confirmation" or "immediate" or "sign" or "news")
            {
                return true;
            }
        }

        for (var j = Math.Max(first, i - 3); j < i; j++)
        {
            if (words[j] is "reports" or "reported" or "known" or "confirm" or "confirmed" or "unclear" or "whether" or "if")
            {
                return true;
            }
        }

        return false;
    }
}
