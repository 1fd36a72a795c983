using System.Globalization;
using Sitrep.Documents;
using Sitrep.Time.Tagging;

namespace Sitrep.Time.Normalisation;

/// <summary>The reference time that applies at one place in a text, and why it is ambiguous when it is.</summary>
/// <param name="Reference">The post or document time, or null when none is known there.</param>
/// <param name="Note">Why the reference is ambiguous, or null.</param>
public readonly record struct AnchorContext(ReferenceTime? Reference, string? Note = null);

/// <summary>
/// Turns tagged expressions into TIMEX3 values. Each expression is resolved against the best reference time: the post or
/// document time at its offset, else the nearest explicit date earlier in the text, else nothing, in which case the
/// unknown parts stay <c>X</c> and a relative expression keeps its <see cref="Timex.Offset"/>. The machine clock is
/// never read.
/// </summary>
internal static class TimexNormaliser
{
    public static List<Timex> Normalise(string text, IReadOnlyList<TaggedTimex> tagged, Func<int, AnchorContext> anchorAt)
    {
        var result = new List<Timex>(tagged.Count);
        ReferenceTime? discourse = null;
        foreach (var tag in tagged)
        {
            var context = anchorAt(tag.Start);
            var timex = Resolve(text, tag, context, discourse);
            result.Add(timex);
            UpdateDiscourse(tag, timex, ref discourse);
        }

        return result;
    }

    /// <summary>How far (in characters) a written date still gives its day to a bare clock time after it.</summary>
    private const int NearbyDate = 120;

    /// <summary>An explicit date written in the text becomes the discourse anchor for what follows.</summary>
    public static void UpdateDiscourse(TaggedTimex tag, Timex timex, ref ReferenceTime? discourse)
    {
        if (timex.Type is TimexType.Date or TimexType.Time && tag.Meaning.Kind is MeaningKind.Calendar or MeaningKind.Literal
            && ReferenceTime.TryParse(timex.Value, AnchorKind.Discourse) is { } explicitDay)
        {
            discourse = explicitDay with { TimeOfDay = null, OffsetMinutes = null, EndsAt = timex.Range.End };
        }
    }

    public static Timex Resolve(string text, TaggedTimex tag, AnchorContext context, ReferenceTime? discourse)
    {
        var m = tag.Meaning;
        var range = new TextRange(tag.Start, tag.End);
        if (m.Kind == MeaningKind.Literal)
        {
            return new Timex(range, m.Type, m.Literal!, AnchorKind.Absolute, m.Mod);
        }

        if (m.Kind == MeaningKind.Calendar && m.Year is not null && m.Month is not null && m.Day is > 0 || m.Kind == MeaningKind.Calendar && m.Year is not null && m.Hour is null && !m.LastCompletedQuarter)
        {
            return new Timex(range, m.Type, Calendar(m, null, text, tag), AnchorKind.Absolute, m.Mod);
        }

        // A shift by hours or minutes counts from a reference with a clock (a live-blog marker) before a bare day.
        var clockShift = m.Kind == MeaningKind.Shift && m.ShiftUnit is TimeUnit.Hour or TimeUnit.Minute or TimeUnit.Second && context.Reference is { TimeOfDay: not null };
        // A bare clock time right after a written date ("Oct. 23 ... at 10 p.m.") is on that date.
        var clockOnly = m.Kind == MeaningKind.Calendar && m.Hour is not null && m.Month is null && m.Year is null;
        var nearby = clockOnly && discourse is { EndsAt: { } endsAt } && tag.Start - endsAt is >= 0 and <= NearbyDate ? discourse : null;
        var anchor = nearby is not null ? nearby
            : m.SpeechTimeOnly ? context.Reference
            : m.FromDiscourse && !clockShift ? discourse ?? context.Reference
            : context.Reference ?? discourse;
        var kind = anchor?.Kind ?? AnchorKind.None;
        var note = anchor is null || nearby is not null ? null
            : anchor.Value.Kind != AnchorKind.Discourse ? context.Note
            : m.FromDiscourse ? null
            : string.Create(CultureInfo.InvariantCulture, $"no report time: resolved against {TimexFormat.Day(anchor.Value.Date)}, the last date written before it, which may not be when the text was written");
        var value = m.Kind switch
        {
            MeaningKind.Weekday => Weekday(m, anchor, text, tag),
            MeaningKind.Shift => Shift(m, anchor),
            _ => Calendar(m, anchor, text, tag),
        };
        var offset = m.Kind == MeaningKind.Shift && anchor is null ? OffsetOf(m) : null;
        return new Timex(range, m.Type, value, kind, m.Mod, offset, note);
    }

    private static string? OffsetOf(TimexMeaning m)
    {
        var amount = Math.Abs(m.Shift);
        var d = TimexMatcherValues.Duration(amount, m.ShiftUnit);
        return m.Shift < 0 ? "-" + d : d;
    }

    private static bool Possessive(string text, int end) =>
        end + 1 < text.Length && text[end] is '\'' or '’' && text[end + 1] is 's' or 'S';

    private static bool FutureTense(string text, TaggedTimex tag) => Tense.Of(text, tag.Start, tag.End) == VerbTense.Future;

    private static string Weekday(TimexMeaning m, ReferenceTime? anchor, string text, TaggedTimex tag)
    {
        string day;
        if (anchor is not { } a)
        {
            day = "XXXX-WXX-" + m.Weekday.ToString(CultureInfo.InvariantCulture);
        }
        else
        {
            var adow = a.Date.DayOfWeek == DayOfWeek.Sunday ? 7 : (int)a.Date.DayOfWeek;
            // "Wednesday's ruling" names an event already reported: TimeBank never values a possessive weekday ahead.
            var direction = m.Direction != 0 ? m.Direction
                : Possessive(text, tag.End) ? -1
                : NamesComingDay(text, tag) || FutureTense(text, tag) ? 1
                : -1;
            int delta;
            if (direction > 0)
            {
                delta = (m.Weekday - adow + 7) % 7;
                if (delta == 0 && direction == 2)
                {
                    delta = 7;
                }
            }
            else
            {
                delta = -((adow - m.Weekday + 7) % 7);
                if (delta == 0 && direction == -2)
                {
                    delta = -7;
                }
            }

            day = TimexFormat.Day(CalendarMath.AddDays(a.Date, delta));
        }

        return day + TimeSuffix(m);
    }

    private static readonly string[] DayPrepositions = ["on", "by", "since", "until", "till", "last", "next", "this", "before", "after", "from", "early", "late", "of", "that", "every", "each"];

    /// <summary>
    /// A bare weekday that is the object of what is declared or planned ("declared Monday a non-working day", "said Monday
    /// would be a day off") names a coming day, whatever the tense of the verb that declares it.
    /// </summary>
    private static bool NamesComingDay(string text, TaggedTimex tag)
    {
        var before = text.AsSpan(Math.Max(0, tag.Start - 16), tag.Start - Math.Max(0, tag.Start - 16)).TrimEnd();
        var space = before.LastIndexOfAny(' ', '\n', '\t');
        var previous = (space < 0 ? before : before[(space + 1)..]).ToString();
        if (DayPrepositions.Contains(previous, StringComparer.OrdinalIgnoreCase))
        {
            return false;
        }

        var after = text.AsSpan(tag.End, Math.Min(48, text.Length - tag.End)).ToString();
        var words = after.Split([' ', '\n', '\t', ',', '.'], StringSplitOptions.RemoveEmptyEntries);
        if (words.Length == 0)
        {
            return false;
        }

        if (words[0] is "would" or "will" or "shall")
        {
            return true;
        }

        return words[0] is "a" or "an" && words.Skip(1).Take(3).Any(w => w.StartsWith("day", StringComparison.OrdinalIgnoreCase) || w.StartsWith("holiday", StringComparison.OrdinalIgnoreCase) || w.EndsWith("-day", StringComparison.OrdinalIgnoreCase));
    }

    private static string TimeSuffix(TimexMeaning m)
    {
        if (m.Hour is { } h)
        {
            var clock = m.Second is { } s
                ? string.Create(CultureInfo.InvariantCulture, $"T{h:D2}:{m.Minute ?? 0:D2}:{s:D2}")
                : string.Create(CultureInfo.InvariantCulture, $"T{h:D2}:{m.Minute ?? 0:D2}");
            return clock + TimexFormat.Offset(m.OffsetMinutes);
        }

        return m.PartOfDay is { } pod ? "T" + pod : string.Empty;
    }

    private static string Shift(TimexMeaning m, ReferenceTime? anchor)
    {
        if (anchor is not { } a)
        {
            var unknown = m.Granularity switch
            {
                TimeUnit.Year => "XXXX",
                TimeUnit.Decade => "XXXX",
                TimeUnit.Century => "XX",
                TimeUnit.Month => "XXXX-XX",
                TimeUnit.Quarter => "XXXX-QX",
                TimeUnit.Half => "XXXX-HX",
                TimeUnit.Week => "XXXX-WXX",
                TimeUnit.Weekend => "XXXX-WXX-WE",
                TimeUnit.Hour or TimeUnit.Minute or TimeUnit.Second => "XXXX-XX-XXTXX:XX",
                _ => "XXXX-XX-XX",
            };
            return m.Granularity is TimeUnit.Hour or TimeUnit.Minute or TimeUnit.Second ? unknown : unknown + TimeSuffix(m);
        }

        var n = m.Shift;
        var date = a.Date;
        switch (m.ShiftUnit)
        {
            case TimeUnit.Day:
                return TimexFormat.Day(CalendarMath.AddDays(date, n)) + TimeSuffix(m);
            case TimeUnit.Week:
                return TimexFormat.Week(CalendarMath.AddDays(date, 7L * n));
            case TimeUnit.Weekend:
                {
                    var d = CalendarMath.AddDays(date, 7L * n);
                    if (n == 0 && m.Direction < 0 && d.DayOfWeek is DayOfWeek.Monday or DayOfWeek.Tuesday or DayOfWeek.Wednesday)
                    {
                        d = CalendarMath.AddDays(d, -7);
                    }

                    return TimexFormat.Week(d) + "-WE";
                }

            case TimeUnit.Month:
                return CalendarMath.AddMonths(date, n).ToString("yyyy-MM", CultureInfo.InvariantCulture);
            case TimeUnit.Quarter:
                {
                    var d = CalendarMath.AddMonths(date, 3L * n);
                    return string.Create(CultureInfo.InvariantCulture, $"{d.Year:D4}-Q{((d.Month - 1) / 3) + 1}");
                }

            case TimeUnit.Half:
                {
                    var d = CalendarMath.AddMonths(date, 6L * n);
                    return string.Create(CultureInfo.InvariantCulture, $"{d.Year:D4}-H{((d.Month - 1) / 6) + 1}");
                }

            case TimeUnit.Year:
                return CalendarMath.AddYears(date.Year, n).ToString("D4", CultureInfo.InvariantCulture);
            case TimeUnit.Decade:
                return ((date.Year / 10) + n).ToString(CultureInfo.InvariantCulture) + "X";
            case TimeUnit.Century:
                return ((date.Year / 100) + n).ToString(CultureInfo.InvariantCulture);
            case TimeUnit.Hour or TimeUnit.Minute or TimeUnit.Second:
                {
                    if (a.TimeOfDay is not { } time)
                    {
                        return TimexFormat.Day(date);
                    }

                    var dt = date.ToDateTime(time);
                    dt = m.ShiftUnit switch
                    {
                        TimeUnit.Hour => CalendarMath.Add(dt, TimeSpan.FromHours(n)),
                        TimeUnit.Minute => CalendarMath.Add(dt, TimeSpan.FromMinutes(n)),
                        _ => CalendarMath.Add(dt, TimeSpan.FromSeconds(n)),
                    };
                    return dt.ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture) + TimexFormat.Offset(a.OffsetMinutes);
                }

            default:
                return TimexFormat.Day(date);
        }
    }

    private static string Calendar(TimexMeaning m, ReferenceTime? anchor, string text, TaggedTimex tag)
    {
        var yearShift = m.ShiftUnit == TimeUnit.Year ? m.Shift : 0;
        if (m.LastCompletedQuarter)
        {
            if (anchor is not { } qa)
            {
                return "XXXX-QX";
            }

            var q = ((qa.Date.Month - 1) / 3) + 1 - 1;
            var y = m.Year ?? (qa.Date.Year + yearShift);
            if (q == 0)
            {
                q = 4;
                y -= m.Year is null ? 1 : 0;
            }

            return string.Create(CultureInfo.InvariantCulture, $"{CalendarMath.AddYears(y, 0):D4}-Q{q}");
        }

        if (m.Quarter is { } quarter || m.Half is not null)
        {
            var letter = m.Quarter is not null ? "Q" : "H";
            var number = m.Quarter ?? m.Half!.Value;
            if (m.Year is { } explicitYear)
            {
                return string.Create(CultureInfo.InvariantCulture, $"{explicitYear:D4}-{letter}{number}");
            }

            if (anchor is not { } a)
            {
                return "XXXX-" + letter + number.ToString(CultureInfo.InvariantCulture);
            }

            var y = a.Date.Year + yearShift;
            var current = m.Quarter is not null ? ((a.Date.Month - 1) / 3) + 1 : ((a.Date.Month - 1) / 6) + 1;
            if (yearShift == 0 && number > current && !FutureTense(text, tag))
            {
                y--;
            }

            return string.Create(CultureInfo.InvariantCulture, $"{CalendarMath.AddYears(y, 0):D4}-{letter}{number}");
        }

        if (m.Season is { } season)
        {
            if (anchor is not { } a)
            {
                return "XXXX-" + season;
            }

            var start = season switch { "SP" => 3, "SU" => 6, "FA" => 9, _ => 12 };
            var y = a.Date.Year;
            if (m.SameYear)
            {
            }
            else if (m.Direction < 0 && a.Date.Month <= start + 2)
            {
                y--;
            }
            else if (m.Direction > 0 && a.Date.Month >= start)
            {
                y++;
            }

            return string.Create(CultureInfo.InvariantCulture, $"{CalendarMath.AddYears(y, 0):D4}-{season}");
        }

        string datePart;
        if (m.Month is { } month)
        {
            int? year = m.Year;
            if (year is null && anchor is { } shifted && m.ShiftUnit == TimeUnit.Year)
            {
                year = shifted.Date.Year + m.Shift;
            }
            else if (year is null && anchor is { } a)
            {
                year = a.Date.Year;
                var anchorMonth = a.Date.Month;
                if (m.Direction < 0)
                {
                    year -= month >= anchorMonth ? 1 : 0;
                }
                else if (m.Direction > 0)
                {
                    year += month <= anchorMonth ? 1 : 0;
                }
                else if (!m.SameYear)
                {
                    // The tense of the governing verb picks the previous or the next occurrence, as in HeidelTime; without
                    // one, the nearest year, and within half a year news speaks of the past.
                    var ahead = ((month - anchorMonth) * 31) + ((m.Day ?? 1) - a.Date.Day);
                    var tense = Tense.Of(text, tag.Start, tag.End);
                    if (ahead > 60 && (tense == VerbTense.Past || (ahead > 120 && tense != VerbTense.Future)))
                    {
                        year--;
                    }
                    else if (ahead < -60 && (tense == VerbTense.Future || (ahead < -183 && tense != VerbTense.Past)))
                    {
                        year++;
                    }
                }
            }

            year = year is { } unclamped ? CalendarMath.AddYears(unclamped, 0) : null;
            var y = year is { } yy ? yy.ToString("D4", CultureInfo.InvariantCulture) : "XXXX";
            if (m.Day is not { } day)
            {
                return y + "-" + month.ToString("D2", CultureInfo.InvariantCulture);
            }

            if (day < 0 && year is { } thanksgivingYear)
            {
                var first = new DateOnly(thanksgivingYear, 11, 1);
                var offset = ((int)DayOfWeek.Thursday - (int)first.DayOfWeek + 7) % 7;
                datePart = TimexFormat.Day(first.AddDays(offset + 21));
            }
            else
            {
                datePart = y + "-" + month.ToString("D2", CultureInfo.InvariantCulture) + "-" + (day < 0 ? "XX" : day.ToString("D2", CultureInfo.InvariantCulture));
            }
        }
        else if (m.Year is { } onlyYear)
        {
            return onlyYear.ToString("D4", CultureInfo.InvariantCulture);
        }
        else
        {
            datePart = anchor is { } a ? TimexFormat.Day(a.Date) : "XXXX-XX-XX";
        }

        return datePart + TimeSuffix(m);
    }
}

/// <summary>Duration strings shared by the tagger and the normaliser.</summary>
internal static class TimexMatcherValues
{
    public static string Duration(int amount, TimeUnit unit) => Matcher.DurationValue(amount, unit, vague: false);
}
