namespace Sitrep.Time.Tagging;

/// <summary>Deictic and relative expressions: "yesterday", "last week", "earlier this month", "the year ahead".</summary>
internal sealed partial class Matcher
{
    private bool TryRelative(int i, out int end, out TimexMeaning meaning)
    {
        end = i;
        meaning = null!;
        if (!In(i))
        {
            return false;
        }

        if (Has(i, WordClass.PreMod))
        {
            return TryModified(i, out end, out meaning);
        }

        if (W(i, "the") && W(i + 1, "day") && W(i + 2, "before", "after") && W(i + 3, "yesterday", "tomorrow"))
        {
            meaning = TimexMeaning.ShiftBy(TimeUnit.Day, W(i + 3, "yesterday") ? -2 : 2);
            end = i + 4;
            return true;
        }

        if (Has(i, WordClass.DayWord))
        {
            var e = E(i)!;
            meaning = TimexMeaning.ShiftBy(TimeUnit.Day, e.Value);
            end = i + 1;
            if (e.Code is { } night)
            {
                meaning.Type = TimexType.Time;
                meaning.PartOfDay = night;
            }
            else if (Has(i + 1, WordClass.PartOfDay))
            {
                meaning.Type = TimexType.Time;
                meaning.PartOfDay = E(i + 1)!.Code;
                end = i + 2;
            }

            return true;
        }

        var k = i;
        var the = W(k, "the");
        if (the)
        {
            k++;
        }

        if (the && In(k) && (Has(k, WordClass.Unit) || W(k, "days")) && W(k + 1, "ahead"))
        {
            var unitEntry = E(k)!;
            meaning = unitEntry.Plural ? TimexMeaning.Of("FUTURE_REF") : TimexMeaning.ShiftBy(unitEntry.Unit, 1);
            end = k + 2;
            return true;
        }

        if (the && W(k, "weekend"))
        {
            meaning = TimexMeaning.ShiftBy(TimeUnit.Weekend, 0);
            meaning.Direction = -1;
            end = k + 1;
            return true;
        }

        if (the && TryTheYear(k, out end, out meaning))
        {
            return true;
        }

        if (!Has(k, WordClass.Relational) || W(k, "current") && !Has(k + 1, WordClass.Unit) && !W(k + 1, "fiscal"))
        {
            return false;
        }

        var rel = E(k)!;
        var shift = rel.Value;
        var j = W(k + 1, "fiscal") ? k + 2 : k + 1;
        var word = S(k);
        var isPast = word.Equals("past", StringComparison.OrdinalIgnoreCase);
        var fromDiscourse = W(k, "following", "previous") || W(k, "prior");

        if (Has(j, WordClass.Unit) && !E(j)!.Plural)
        {
            var unit = E(j)!.Unit;
            if (unit is TimeUnit.Second or TimeUnit.Minute or TimeUnit.Hour)
            {
                if (!isPast && !the)
                {
                    return false;
                }

                meaning = TimexMeaning.Of(DurationValue(1, unit, vague: false), TimexType.Duration);
                end = j + 1;
                return true;
            }

            if (isPast || (the && W(k, "last", "next")))
            {
                meaning = TimexMeaning.Of(DurationValue(E(j)!.Value == 2 ? 2 : 1, unit, vague: false), TimexType.Duration);
                end = j + 1;
                return true;
            }

            if (unit == TimeUnit.Day && shift == 0)
            {
                return false;
            }

            if (unit == TimeUnit.Year && (P(j + 1, '\'') || P(j + 1, '’')) && W(j + 2, "s"))
            {
                // "this year's third quarter", "last year's quarter".
                var o = j + 3;
                int? quarter = Has(o, WordClass.Ordinal) && E(o)!.Ordinal is >= 1 and <= 4 ? E(o)!.Ordinal : null;
                var qAt = quarter is null ? o : o + 1;
                if (W(qAt, "quarter"))
                {
                    meaning = new TimexMeaning { Kind = MeaningKind.Calendar, Quarter = quarter, LastCompletedQuarter = quarter is null, ShiftUnit = TimeUnit.Year, Shift = shift };
                    end = qAt + 1;
                    return true;
                }
            }

            meaning = TimexMeaning.ShiftBy(unit, shift);
            meaning.FromDiscourse = fromDiscourse || unit == TimeUnit.Day;
            end = j + 1;
            return true;
        }

        if (Has(j, WordClass.Weekday) && !E(j)!.Plural)
        {
            meaning = new TimexMeaning { Kind = MeaningKind.Weekday, Weekday = E(j)!.Value, Direction = shift == 0 ? 0 : Math.Sign(shift) * 2 };
            end = j + 1;
            if (Has(end, WordClass.PartOfDay))
            {
                meaning.PartOfDay = E(end)!.Code;
                end++;
            }

            return true;
        }

        if (IsMonth(j, contextFree: true))
        {
            meaning = new TimexMeaning { Kind = MeaningKind.Calendar, Month = E(j)!.Value, Direction = shift == 0 ? 0 : Math.Sign(shift) * 2, SameYear = shift == 0 };
            end = j + 1;
            if (DayNumber(end) is { } day && !(P(end + 1, ':') && Adj(end + 1)))
            {
                meaning.Day = day;
                end++;
            }

            return true;
        }

        if (Has(j, WordClass.Season))
        {
            meaning = new TimexMeaning { Kind = MeaningKind.Calendar, Season = E(j)!.Code, Direction = shift == 0 ? 0 : Math.Sign(shift) * 2, SameYear = shift == 0 };
            end = j + 1;
            return true;
        }

        if (Has(j, WordClass.PartOfDay) && !the && (shift == 0 || W(k, "last")))
        {
            meaning = TimexMeaning.ShiftBy(TimeUnit.Day, shift);
            meaning.Type = TimexType.Time;
            meaning.PartOfDay = E(j)!.Code;
            end = j + 1;
            return true;
        }

        return false;
    }

    /// <summary>
    /// "the year", "the full year", "the fiscal year" in a report: the year of the anchor ("for the year, sales rose");
    /// "the year ended March 31" is a year-long period (<c>P1Y</c>).
    /// </summary>
    private bool TryTheYear(int k, out int end, out TimexMeaning meaning)
    {
        end = k;
        meaning = null!;
        var y = W(k, "full") || W(k, "fiscal") ? k + 1 : k;
        if (!W(y, "year") || IsHyphen(y + 1) || Num(y + 1) || Has(y + 1, WordClass.Cardinal) || W(y + 1, "before", "after") || W(y + 1, "that", "when")
            || W(y + 1, "earlier", "later") || W(y + 1, "ago"))
        {
            return false;
        }

        end = y + 1;
        meaning = W(y + 1, "ended", "ending") || W(y + 1, "ends", "to")
            ? TimexMeaning.Of("P1Y", TimexType.Duration)
            : TimexMeaning.ShiftBy(TimeUnit.Year, 0);
        return true;
    }

    /// <summary>"early next year", "late November", "mid-1990s", "earlier this month", "later today".</summary>
    private bool TryModified(int i, out int end, out TimexMeaning meaning)
    {
        end = i;
        meaning = null!;
        var pre = E(i)!;
        var j = IsHyphen(i + 1) && Adj(i + 1) ? i + 2 : i + 1;
        var directional = (pre.Class & WordClass.Direction) != WordClass.None;
        if (directional && !(W(j, "this", "today") || W(j, "tonight", "that") || W(j, "next") || W(j, "last")))
        {
            return false;
        }

        if (W(j, "that") && W(j + 1, "day", "week") || W(j, "that") && W(j + 1, "month", "year"))
        {
            meaning = TimexMeaning.ShiftBy(E(j + 1)!.Unit, 0);
            meaning.FromDiscourse = true;
            end = j + 2;
            return true;
        }

        if (!(TryRelative(j, out end, out meaning) || TryCalendar(j, out end, out meaning)))
        {
            return false;
        }

        if (!directional && meaning.Mod is null)
        {
            meaning.Mod = pre.Code;
        }
        else if (directional)
        {
            // TimeML leaves "earlier" and "later" outside the extent of "earlier this week".
            meaning.SkipLeading += j - i;
        }

        return true;
    }
}
