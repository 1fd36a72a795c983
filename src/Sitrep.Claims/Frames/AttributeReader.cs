using System.Globalization;
using System.Text.RegularExpressions;
using Sitrep.Claims.Quantities;
using Sitrep.Claims.Text;
using Sitrep.Documents;

namespace Sitrep.Claims.Frames;

/// <summary>
/// Reads figures that belong to a named holder rather than to an event: a person's age ("Robert Buckley, 32," or
/// "31-year-old Robert Buckley"), a parent's number of children ("a mother of 12"), and a place's population ("Qeshm
/// island, home to 120,000 people"). The holder is the counted thing, so two sources' figures meet only when they
/// speak of the same full name; a surname alone, or a holder the sentence does not name, gives no figure.
/// </summary>
internal static partial class AttributeReader
{
    private static readonly HashSet<string> NotNames = new(StringComparer.Ordinal)
    {
        "The", "A", "An", "In", "On", "At", "Mr", "Mrs", "Ms", "Miss", "Dr", "Sir", "Lord", "Lady", "Officer", "Deputy", "Sheriff",
        "Police", "President", "Governor", "Gov", "Judge", "Captain", "Sergeant", "Detective", "Brooklyn", "Video", "Mother",
        "Father", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday",
    };

    private static readonly string[] NumberWords =
    [
        "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "thirteen", "fourteen",
        "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty",
    ];

    /// <summary>The attribute figures of tokens <paramref name="first"/>..<paramref name="last"/>.</summary>
    public static IEnumerable<Measure> Read(SentenceWords words, int first, int last)
    {
        var start = words.Tokens[first].Start;
        var text = words.Text[start..words.Tokens[last].End];

        foreach (Match m in AgeAfterName().Matches(text))
        {
            if (Holder(m.Groups["name"].Value) is { } name && Number(m.Groups["n"].Value) is { } age and > 0 and < 120)
            {
                yield return Make(MeasureRoles.Age, name, age, "years", m.Groups["n"], start);
            }
        }

        foreach (Match m in AgeBeforeName().Matches(text))
        {
            if (Holder(m.Groups["name"].Value) is { } name && Number(m.Groups["n"].Value) is { } age and > 0 and < 120)
            {
                yield return Make(MeasureRoles.Age, name, age, "years", m.Groups["n"], start);
            }
        }

        foreach (Match m in ParentOf().Matches(text))
        {
            var name = m.Groups["before"].Success ? Holder(m.Groups["before"].Value) : Holder(m.Groups["after"].Value);
            if (name is not null && Number(m.Groups["n"].Value) is { } children and > 0 and < 40)
            {
                yield return Make(MeasureRoles.Children, name, children, "children", m.Groups["n"], start);
            }
        }

        foreach (var m in Things(text, start))
        {
            yield return m;
        }

        foreach (var m in Crowds(text, start))
        {
            yield return m;
        }

        foreach (Match m in SinceEvent().Matches(text))
        {
            if (Number(m.Groups["n"].Value) is { } n and > 0)
            {
                var days = n * (m.Groups["unit"].Value.ToLowerInvariant() switch { "day" or "days" => 1, "week" or "weeks" => 7, "month" or "months" => 30, _ => 365 });
                var verb = m.Groups["verb"].Value.ToLowerInvariant();
                var what = verb is "married" or "wed" ? "marriage" : verb.StartsWith("moved back", StringComparison.Ordinal) || verb is "returned" ? "return" : "move";
                var (lo, hi, minEx, maxEx) = Hedged(m.Groups["hedge"].Value, days, 0.15);
                var measure = Make(MeasureRoles.Since, what, days, "days", m.Groups["n"], start);
                yield return measure with { Min = lo, Max = hi, MinExclusive = minEx, MaxExclusive = maxEx, Text = m.Groups["n"].Value + " " + m.Groups["unit"].Value };
            }
        }

        // "after a four year spell living in Cardiff", "had been living in South Wales … for the past three years".
        foreach (Match m in StaySpell().Matches(text).Concat(StayFor().Matches(text)))
        {
            if (Number(m.Groups["n"].Value) is { } years and > 0)
            {
                var measure = Make(MeasureRoles.Since, MeasureRoles.StayCounted, years * 365, "days", m.Groups["n"], start);
                yield return measure with { Text = m.Groups["n"].Value + " years" };
            }
        }

        // "fled into an apartment three doors away", "arrested five buildings away": how far from the scene, in buildings.
        foreach (Match m in BuildingsAway().Matches(text))
        {
            if (Number(m.Groups["n"].Value) is { } n and > 0)
            {
                var measure = Make(MeasureRoles.Distance, "the scene", n, "buildings", m.Groups["n"], start);
                yield return measure with { Text = m.Value.Trim() };
            }
        }

        foreach (Match m in StreetBlock().Matches(text))
        {
            if (Number(m.Groups["n"].Value) is { } block)
            {
                var street = StreetPrefix().Replace(m.Groups["street"].Value.ToLowerInvariant(), string.Empty);
                // "the 12000 block" is a round figure: it stands for any block from 12000 to 12999.
                var step = block % 1000 == 0 ? 1000 : block % 100 == 0 ? 100 : 1;
                yield return Make(MeasureRoles.Block, street, block, "block", m.Groups["n"], start) with { Max = block + step - 1 };
            }
        }

        foreach (Match m in Weight().Matches(text))
        {
            if (Number(m.Groups["n"].Value) is { } pounds and >= 60 and < 600)
            {
                var n = m.Groups["n"];
                yield return new Measure(MeasureRoles.Weight, null, pounds, pounds, "lb", n.Value + " pounds", new TextRange(start + n.Index, start + n.Index + n.Length));
            }
        }

        foreach (Match m in VesselLength().Matches(text))
        {
            var factor = m.Groups["unit"].Value.StartsWith('f') ? 0.3048 : 1.0;
            if (Number(m.Groups["n"].Value) is { } a and > 0)
            {
                var b = m.Groups["n2"].Success && Number(m.Groups["n2"].Value) is { } upper ? upper : a;
                var measure = Make(MeasureRoles.Size, "boat", a * factor, "m", m.Groups["n"], start);
                // A length rounded in its own unit: "10-metre" is 9.5 to 10.5 m.
                var half = factor * 0.5;
                yield return measure with
                {
                    Min = (a * factor) - half,
                    Max = (b * factor) + half,
                    Text = m.Value.Trim(),
                    Range = new TextRange(start + m.Index, start + m.Index + m.Length),
                };
            }
        }

        foreach (Match m in Population().Matches(text))
        {
            if (Number(m.Groups["n"].Value) is { } people and >= 10)
            {
                var place = PlaceSuffix().Replace(m.Groups["place"].Value.ToLowerInvariant(), string.Empty);
                var hedged = m.Groups["hedge"].Success;
                var measure = Make(MeasureRoles.Population, place, people, "people", m.Groups["n"], start);
                yield return hedged ? measure with { Min = people * 0.85, Max = people * 1.15 } : measure;
            }
        }
    }

    /// <summary>
    /// Counts of things: "seven AK-47 assault rifles", "three other rifles", "two speed boats", "13 loaded magazines",
    /// "his dozen rounds", and ships or crew held ("holding about a dozen ships and nearly 300 crewmen"). A part ("two of
    /// the three boats") or an addition ("two more boats") is not a count of the whole; rifles are counted only as AK-47s
    /// or as the "other" rifles, since a plain "rifles" is as often the total as a part.
    /// </summary>
    private static IEnumerable<Measure> Things(string text, int start)
    {
        // "In their five operations so far … 14 AK-47 rifles": a running total over several events, not one event's count.
        if (RunningTotal().IsMatch(text))
        {
            yield break;
        }

        var held = HeldCue().IsMatch(text);
        foreach (Match m in ThingCount().Matches(text))
        {
            var before = text.AsSpan(0, m.Index).TrimEnd();
            if (before.EndsWith(" of", StringComparison.OrdinalIgnoreCase) || before.EndsWith(" of the", StringComparison.OrdinalIgnoreCase) || before.EndsWith("remaining", StringComparison.OrdinalIgnoreCase)
                || before.EndsWith("another", StringComparison.OrdinalIgnoreCase) || before.EndsWith("further", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            // "five rounds sooner than", "up from two boats": a difference or a change, not the count.
            if (Difference.After(text[(m.Index + m.Length)..]) || Difference.Before(text[..m.Index]))
            {
                continue;
            }

            var n = m.Groups["n"].Value.ToLowerInvariant() is "dozen" or "a dozen" ? 12 : Number(m.Groups["n"].Value);
            if (n is not { } count || count <= 0)
            {
                continue;
            }

            var mods = m.Groups["mods"].Value.ToLowerInvariant();
            var noun = m.Groups["noun"].Value.ToLowerInvariant();
            var isAk = mods.Contains("ak", StringComparison.Ordinal) || noun.StartsWith("ak", StringComparison.Ordinal);
            var other = mods.Contains("other", StringComparison.Ordinal);
            if (mods.Contains("more", StringComparison.Ordinal))
            {
                continue;
            }

            string? counted = noun switch
            {
                _ when isAk => other ? null : "ak-47 rifles",
                "rifles" or "guns" => other ? "other rifles" : null,
                "boats" => other ? null : Captured().IsMatch(text) ? "boats captured" : "boats",
                // "recovered … three speedboats" counts boats taken; "two speedboats were approaching" counts boats attacking.
                "speedboats" => Captured().IsMatch(text) || text.Contains("recovered", StringComparison.OrdinalIgnoreCase) || text.Contains("confiscated", StringComparison.OrdinalIgnoreCase) ? "speedboats captured" : "speedboats",
                "magazines" => "magazines",
                // A round is also a stage of a bout, a game or a vote: "stopped him in six rounds" counts no ammunition.
                "rounds" => ArmsCue().IsMatch(text) ? "rounds" : null,
                "bullets" => "rounds",
                // "blocked six shots", "took 14 shots on goal": a shot is also a try at a goal or a basket.
                "shots" => GameCue().IsMatch(text) ? null : "rounds",
                "ships" or "vessels" => held && !other ? "ships" : null,
                _ => held && !other ? "crew" : null, // crewmen, crew members, hostages
            };
            if (counted is null)
            {
                continue;
            }

            var role = counted is "ships" or "crew" ? MeasureRoles.Held : MeasureRoles.Count;
            var (lo, hi, minEx, maxEx) = Hedged(m.Groups["hedge"].Value, count, 0.15);
            var range = new TextRange(start + m.Index, start + m.Index + m.Length);
            yield return new Measure(role, counted, lo, hi, "items", m.Value.Trim(), range) { MinExclusive = minEx, MaxExclusive = maxEx };
        }
    }

    /// <summary>
    /// Crowd sizes: "as many as 20,000 people took to the streets of Athens", "police put the march at roughly 30,000
    /// people", "attended by an approximate 200,000". The sentence must speak of a march, rally or protest; the place is the
    /// town named after "in" or "of", when there is one, so that two cities' marches are not set side by side.
    /// </summary>
    private static IEnumerable<Measure> Crowds(string text, int start)
    {
        if (!CrowdCue().IsMatch(text) || HarmCue().IsMatch(text))
        {
            yield break;
        }

        // "an approximate 200,000 (20,000 is the broadcast figure for one march)": two sizes in one sentence are two sources' or two marches'.
        // "Between 5,000 and 8,000 fighters took part in the march": a number of fighters is a force, not a crowd.
        if (CrowdNumber().Count(text) != 1 || ForceFigure().IsMatch(text))
        {
            yield break;
        }

        var place = CrowdPlace().Match(text) is { Success: true } p ? PlaceNames.Of(p.Groups["place"].Value.ToLowerInvariant()) : null;
        foreach (Match m in CrowdNumber().Matches(text))
        {
            if (Number(m.Groups["n"].Value) is not { } n || n < 1000 || (m.Groups["another"].Success && place is null))
            {
                continue;
            }

            var (lo, hi, minEx, maxEx) = Hedged(m.Groups["hedge"].Value, n, 0.15);
            var range = new TextRange(start + m.Groups["n"].Index, start + m.Groups["n"].Index + m.Groups["n"].Length);
            yield return new Measure(MeasureRoles.Crowd, place, lo, hi, "people", m.Value.Trim(), range) { MinExclusive = minEx, MaxExclusive = maxEx };
        }
    }

    /// <summary>The bounds a hedge gives a value: "about" ± <paramref name="spread"/>, "nearly" below it, "more than" above it.</summary>
    private static (double? Min, double? Max, bool MinExclusive, bool MaxExclusive) Hedged(string hedge, double v, double spread) =>
        hedge.Trim().ToLowerInvariant() switch
        {
            "" => (v, v, false, false),
            "at least" or "no fewer than" => (v, null, false, false),
            "more than" or "over" or "upwards of" => (v, null, true, false),
            "up to" or "as many as" or "at most" => (0, v, false, false),
            "nearly" or "almost" or "fewer than" or "less than" or "under" => (v * (1 - spread), v, false, true),
            _ => (v * (1 - spread), v * (1 + spread), false, false), // about, around, some, roughly, an estimated…
        };

    private static Measure Make(string role, string holder, double value, string unit, Group number, int start) =>
        new(role, holder, value, value, unit, number.Value, new TextRange(start + number.Index, start + number.Index + number.Length));

    /// <summary>A full name (two words or more once titles are dropped), lower-cased; null for a surname alone.</summary>
    private static string? Holder(string name)
    {
        var parts = name.Split(' ', StringSplitOptions.RemoveEmptyEntries).SkipWhile(NotNames.Contains).ToList();
        // The last two words: "Englishman Robert Buckley" and "Robert Buckley" are one holder.
        return parts.Count >= 2 && !parts.Exists(NotNames.Contains) ? string.Join(' ', parts.TakeLast(2)).ToLowerInvariant() : null;
    }

    private static double? Number(string text)
    {
        var i = Array.IndexOf(NumberWords, text.ToLowerInvariant());
        if (i >= 0)
        {
            return i;
        }

        // "sixty", "sixty-one", "Seventy - two": a number written in words, tens and units.
        var parts = text.ToLowerInvariant().Split('-', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length is 1 or 2 && QuantityExtractor.NumberWord(parts[0]) is { } tens && tens >= 10)
        {
            if (parts.Length == 1)
            {
                return tens;
            }

            return tens % 10 == 0 && tens >= 20 && QuantityExtractor.NumberWord(parts[1]) is { } unit and > 0 and < 10 ? tens + unit
                : parts[1] == "one" && tens % 10 == 0 && tens >= 20 ? tens + 1 : null;
        }

        return double.TryParse(text.Replace(",", string.Empty, StringComparison.Ordinal), NumberStyles.Float, CultureInfo.InvariantCulture, out var v) ? v : null;
    }

    /// <summary>"Robert Buckley, 32, died…", "Robert Buckley, age 32", "Robert Buckley, aged 32, …".</summary>
    [GeneratedRegex(@"(?<name>\b[A-Z][a-z'’-]+(?:\s+[A-Z][a-z'’-]+){1,3}),\s+(?:(?<n>\d{1,3}),(?!\d)|aged?\s+(?<n>\d{1,3})(?![\d.,]\d|\s*-?\s*(?:months?|weeks?|days?)\b))", RegexOptions.CultureInvariant)]
    private static partial Regex AgeAfterName();

    /// <summary>"31-year-old Robert Buckley", "Sixty-year-old Robert Buckley", "thirty-one-year-old Robert Buckley".</summary>
    [GeneratedRegex(@"\b(?<n>\d{1,3}|(?:[Tt]wenty|[Tt]hirty|[Ff]orty|[Ff]ifty|[Ss]ixty|[Ss]eventy|[Ee]ighty|[Nn]inety)(?:\s*-\s*[a-z]+)?|[A-Za-z]+teen|[Tt]en|[Ee]leven|[Tt]welve)\s*[- ]\s*year\s*[- ]\s*old\s+(?<name>[A-Z][a-z'’-]+(?:\s+[A-Z][a-z'’-]+){1,3})\b", RegexOptions.CultureInvariant)]
    private static partial Regex AgeBeforeName();

    /// <summary>"Zurana Horton, 34, a mother of 12", "Mother of 13 Zurana Horton".</summary>
    [GeneratedRegex(@"(?:(?<before>\b[A-Z][a-z'’-]+(?:\s+[A-Z][a-z'’-]+){1,3}),(?:\s+\d{1,3},)?\s+(?:a|the)\s+(?:mother|father|parent)\s+of\s+(?<n>\d{1,2}|[a-z]+)\b|\b[Mm]other\s+of\s+(?<n>\d{1,2})\s+(?<after>[A-Z][a-z'’-]+(?:\s+[A-Z][a-z'’-]+){1,3}))", RegexOptions.CultureInvariant)]
    private static partial Regex ParentOf();

    /// <summary>"seven AK-47 assault rifles", "three other rifles", "two speed boats", "nearly 300 crewmen".</summary>
    [GeneratedRegex(@"(?<![\w-])(?<hedge>(?:about|around|nearly|almost|some|more\s+than|over|at\s+least|up\s+to|as\s+many\s+as|roughly)\s+)?(?:his\s+|their\s+)?(?<n>\d{1,3}(?:,\d{3})*|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|a\s+dozen|dozen)\s+(?<mods>(?:(?:other|more|AK\s*-?\s*47|assault|automatic|speed|pirate|small|fully|loaded|foreign|hijacked)\s+)*)(?<noun>rifles|guns|AK\s*-?\s*47s|boats|speedboats|magazines|rounds|bullets|shots|ships|vessels|crewmen|crew\s+members|hostages)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ThingCount();

    [GeneratedRegex(@"\b(?:ammunition|ammo|rifles?|guns?|gunfire|pistols?|handguns?|weapons?|firearms?|bullets|shots|magazines?|fired|firing|fire|shooting|shootings|shot|shooter|sniper|snipers|gunman|gunmen|AK)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ArmsCue();

    /// <summary>Words of a game's play, which make "shots" tries at a goal or a basket rather than rounds fired.</summary>
    [GeneratedRegex(@"\b(?:blocked|blocks|rebounds?|points|assists?|baskets?|goals?|goalkeeper|keeper|saves|on\s+target|free\s+throws?|three-pointers?|field\s+goals?|scored|scoring|shooting\s+percentage)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex GameCue();

    [GeneratedRegex(@"\b(?:captured|capture|intercepted|seized|nabbed|boarded|apprehended|detained)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Captured();

    [GeneratedRegex(@"\b(?:so\s+far|thus\s+far|to\s+date|a\s+total\s+of|in\s+total|in\s+all|altogether|operations)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex RunningTotal();

    [GeneratedRegex(@"\b(?:hold|holds|holding|held|captive|hostage|hostages|ransom)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex HeldCue();

    [GeneratedRegex(@"\b(?:marched|march|marches|marchers|took\s+to\s+the\s+streets|rally|rallied|protesters|demonstrators|demonstration|joined|attended|turnout)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex CrowdCue();

    [GeneratedRegex(@"\d\s+(?:fighters|troops|soldiers|mercenaries|militants|men|personnel)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ForceFigure();

    [GeneratedRegex(@"\b(?:killed|dead|died|injured|wounded|hurt|arrested|detained|casualties)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex HarmCue();

    [GeneratedRegex(@"\b(?:[Ii]n|of)\s+(?:the\s+(?:northern|southern|eastern|western|capital|port)\s+(?:city\s+)?(?:of\s+)?)?(?<place>[A-Z][a-z]{3,})\b", RegexOptions.CultureInvariant)]
    private static partial Regex CrowdPlace();

    [GeneratedRegex(@"(?<another>\b(?:another|a\s+further)\s+)?(?<hedge>\b(?:as\s+many\s+as|up\s+to|about|around|some|roughly|an\s+estimated|estimated|approximately|an\s+approximate|approximate|more\s+than|over|at\s+least|nearly|almost)\s+)?(?<n>\d{1,3}(?:,\d{3})+)(?!\s*(?:euros|dollars|pounds|km|kilometres|kilometers|miles|fighters|troops|soldiers|mercenaries|militants|men|police|officers|personnel))", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex CrowdNumber();

    /// <summary>"was married two weeks ago", "who was wed about three weeks ago", "moved back to Millom around six weeks ago".</summary>
    [GeneratedRegex(@"\b(?<verb>married|wed|returned|moved\s+back|moved)\b(?:\s+[\w',]+){0,6}?\s+(?<hedge>(?:about|around|some|roughly|nearly|almost|more\s+than|over)\s+)?(?<n>\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\s+(?<unit>days?|weeks?|months?|years?)\s+(?:ago|before|earlier)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SinceEvent();

    /// <summary>"a four year spell living in Cardiff", "a three-year spell in Wales".</summary>
    [GeneratedRegex(@"\b(?<n>\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\s*-?\s*years?\s*-?\s*(?:long\s+)?spell\s+(?:living\s+)?in\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex StaySpell();

    /// <summary>"had been living in South Wales with his mum for the past three years".</summary>
    [GeneratedRegex(@"\b(?:been\s+)?living\s+in\s+(?:[\w'’]+\s+){1,6}?for\s+the\s+(?:past|last)\s+(?<n>\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\s+years\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex StayFor();

    /// <summary>"three doors away", "five buildings away", "three houses from the scene".</summary>
    [GeneratedRegex(@"\b(?<n>\d{1,2}|two|three|four|five|six|seven|eight|nine|ten)\s+(?:doors|houses|buildings|homes)\s+(?:away|down|from\s+the\s+scene)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex BuildingsAway();

    /// <summary>"the 12200 block of 223rd Street", "the 12500 block of East 223rd Street".</summary>
    [GeneratedRegex(@"\b(?<n>\d{3,6})\s+block\s+of\s+(?<street>(?:(?:East|West|North|South)\s+)?(?:\d+(?:st|nd|rd|th)|[A-Z][a-z]+)\s+(?:Street|Avenue|Road|Boulevard|Drive|Lane))", RegexOptions.CultureInvariant)]
    private static partial Regex StreetBlock();

    [GeneratedRegex(@"^(?:east|west|north|south)\s+", RegexOptions.CultureInvariant)]
    private static partial Regex StreetPrefix();

    /// <summary>"weighing 130 pounds", "5-foot-8, 135 pounds".</summary>
    [GeneratedRegex(@"(?:\bweigh(?:s|ing|ed)?\s+(?:about\s+)?|\b\d\s*-\s*(?:foot|feet)\s*-?\s*\d{1,2}\s*,\s*)(?<n>\d{2,3})\s*(?:pounds|lbs?)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Weight();

    /// <summary>"a 10-metre dhow", "the 10-metre-long dhow", "a 24- to 30-foot dhow".</summary>
    [GeneratedRegex(@"\b(?<n>\d{1,3})\s*-?\s*(?:to\s+(?<n2>\d{1,3})\s*-?\s*)?(?<unit>metre|meter|foot|feet|m|ft)(?:\s*-\s*long)?\s+(?:dhow|boat|craft|skiff|vessel)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex VesselLength();

    /// <summary>" island", " city": dropped so that "Qeshm Island" and "Qeshm" are one holder.</summary>
    [GeneratedRegex(@"\s+(?:island|city|town|province|village)$", RegexOptions.CultureInvariant)]
    private static partial Regex PlaceSuffix();

    /// <summary>"Qeshm island, home to 120,000 people", "Zarand, a town of about 15,000 people".</summary>
    [GeneratedRegex(@"\b(?<place>[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?)(?:\s+(?:[Ii]sland|[Cc]ity|[Tt]own|[Pp]rovince|[Vv]illage))?,\s+(?:which\s+has\s+|(?:a|the)\s+(?:island|city|town|village|province|port)\s+of\s+|home\s+to\s+|with\s+a\s+population\s+of\s+)(?<hedge>about\s+|around\s+|some\s+|roughly\s+|approximately\s+|nearly\s+|almost\s+)?(?<n>\d{1,3}(?:,\d{3})+|\d+)(?:\s+(?:people|residents|inhabitants))?", RegexOptions.CultureInvariant)]
    private static partial Regex Population();
}
