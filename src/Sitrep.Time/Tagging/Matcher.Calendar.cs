namespace Sitrep.Time.Tagging;

/// <summary>Calendar expressions: numeric and written dates, weekdays, months, years, decades, quarters, seasons.</summary>
internal sealed partial class Matcher
{
    private static readonly string[] MonthContext =
        ["in", "since", "until", "till", "by", "of", "early", "late", "mid", "last", "next", "this", "during", "from", "through", "to", "before", "after", "between", "and", "-", "or", "on"];

    private static readonly string[] SeasonContext = ["the", "in", "this", "last", "next", "early", "late", "mid", "during", "since", "until", "by", "through", "over"];

    private bool TryCalendar(int i, out int end, out TimexMeaning meaning)
    {
        if (TryExplicitDate(i, out end, out meaning) || TryWeekdayDate(i, out end, out meaning))
        {
            TryTrailingTime(ref end, meaning);
            return true;
        }

        if (TryQuarter(i, out end, out meaning) || TrySeason(i, out end, out meaning) || TryYear(i, out end, out meaning) || TryHoliday(i, out end, out meaning))
        {
            return true;
        }

        return TryMonthOnly(i, out end, out meaning);
    }

    /// <summary>"24.06.2023 09:12", "June 24, 2023, 10:00": a clock time right after a date belongs to it.</summary>
    private void TryTrailingTime(ref int end, TimexMeaning meaning)
    {
        var j = end;
        if (P(j, ',') || W(j, "T") && Adj(j) || W(j, "at"))
        {
            j++;
        }

        if (In(j) && !_t[j].LineBefore && TryClock(j, out var clockEnd, out var hour, out var minute, out var second, out var zone, requireMarker: false))
        {
            meaning.Type = TimexType.Time;
            meaning.Hour = hour;
            meaning.Minute = minute;
            meaning.Second = second;
            meaning.OffsetMinutes = zone;
            end = clockEnd;
        }
    }

    /// <summary>A date with at least a month and a day: numeric (ISO, D.M.Y, M/D/Y) or written ("June 24", "24 June 2023").</summary>
    private bool TryExplicitDate(int i, out int end, out TimexMeaning meaning)
    {
        end = i;
        meaning = null!;
        if (!In(i))
        {
            return false;
        }

        if (Num(i) && Digits(i) == 4 && IsHyphen(i + 1) && Adj(i + 1) && Num(i + 2) && Adj(i + 2) && IsHyphen(i + 3) && Adj(i + 3) && Num(i + 4) && Adj(i + 4))
        {
            return Date(_t[i].Number, _t[i + 2].Number, _t[i + 4].Number, i + 5, out end, out meaning);
        }

        if (Num(i) && Digits(i) <= 2 && (P(i + 1, '.') || P(i + 1, '/')) && Adj(i + 1) && Num(i + 2) && Adj(i + 2) && Digits(i + 2) <= 2
            && P(i + 3, _text[_t[i + 1].Start]) && Adj(i + 3) && Num(i + 4) && Adj(i + 4) && Digits(i + 4) is 2 or 4)
        {
            var a = _t[i].Number;
            var b = _t[i + 2].Number;
            var y = _t[i + 4].Number;
            y = Digits(i + 4) == 2 ? (y < 50 ? 2000 + y : 1900 + y) : y;
            var european = P(i + 1, '.') || a > 12;
            return european ? Date(y, b, a, i + 5, out end, out meaning) : Date(y, a, b, i + 5, out end, out meaning);
        }

        if (IsMonth(i))
        {
            var month = E(i)!.Value;
            var j = i + 1;
            if (DayNumber(j) is { } day && !(P(j + 1, ':') && Adj(j + 1) && Num(j + 2)) && !(P(j + 1, '.') && Adj(j + 1) && Num(j + 2) && Adj(j + 2)))
            {
                j++;
                var year = OptionalYear(ref j);

                meaning = new TimexMeaning { Kind = MeaningKind.Calendar, Year = year, Month = month, Day = day };
                end = j;
                return true;
            }

            return false;
        }

        if (DayNumber(i) is { } d)
        {
            var j = W(i + 1, "of") ? i + 2 : i + 1;
            if (IsMonth(j, contextFree: true))
            {
                var month = E(j)!.Value;
                j++;
                var year = OptionalYear(ref j);

                meaning = new TimexMeaning { Kind = MeaningKind.Calendar, Year = year, Month = month, Day = d };
                end = j;
                return true;
            }
        }

        return false;
    }

    // ", 2023" or "2023" after a day and month: the year, moving j past it; null (j unchanged) when none follows.
    private int? OptionalYear(ref int j)
    {
        var k = P(j, ',') ? j + 1 : j;
        if (!IsYearNumber(k))
        {
            return null;
        }

        j = k + 1;
        return (int?)_t[k].Number;
    }

    private static bool Date(int year, int month, int day, int next, out int end, out TimexMeaning meaning)
    {
        end = next;
        meaning = null!;
        if (month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(Math.Clamp(year, 1, 9999), month) || year is < 1000 or > 2200)
        {
            return false;
        }

        meaning = new TimexMeaning { Kind = MeaningKind.Calendar, Year = year, Month = month, Day = day };
        return true;
    }

    /// <summary>A weekday, optionally with a date ("Saturday, June 24") or a part of day ("Friday night").</summary>
    private bool TryWeekdayDate(int i, out int end, out TimexMeaning meaning)
    {
        end = i;
        meaning = null!;
        if (!Has(i, WordClass.Weekday) || !_t[i].Capital)
        {
            return false;
        }

        var entry = E(i)!;
        if (entry.Plural)
        {
            meaning = TimexMeaning.Of("XXXX-WXX-" + entry.Value.ToString(System.Globalization.CultureInfo.InvariantCulture), TimexType.Set);
            end = i + 1;
            return true;
        }

        var j = P(i + 1, ',') ? i + 2 : i + 1;
        if (TryExplicitDate(j, out var dateEnd, out var date) && date.Day is not null)
        {
            meaning = date;
            end = dateEnd;
            return true;
        }

        meaning = new TimexMeaning { Kind = MeaningKind.Weekday, Weekday = entry.Value };
        end = i + 1;
        if (Has(i + 1, WordClass.PartOfDay))
        {
            meaning.PartOfDay = E(i + 1)!.Code;
            end = i + 2;
        }

        return true;
    }

    private bool TryMonthOnly(int i, out int end, out TimexMeaning meaning)
    {
        end = i;
        meaning = null!;
        if (!IsMonth(i))
        {
            return false;
        }

        var month = E(i)!.Value;
        var j = i + 1;
        if (W(j, "of") && IsYearNumber(j + 1))
        {
            j++;
        }

        var k = P(j, ',') ? j + 1 : j;
        if (IsYearNumber(k))
        {
            meaning = TimexMeaning.Of(Invariant($"{_t[k].Number:D4}-{month:D2}"));
            end = k + 1;
            return true;
        }

        if (SpelledYear(j, out var spelledEnd) is { } spelled)
        {
            meaning = TimexMeaning.Of(Invariant($"{spelled:D4}-{month:D2}"));
            end = spelledEnd;
            return true;
        }

        if (Has(j, WordClass.Relational) && W(j + 1, "year") && !W(j, "past"))
        {
            // "June last year": TimeML tags the month, valued in the year the phrase names.
            meaning = new TimexMeaning { Kind = MeaningKind.Calendar, Month = month, ShiftUnit = TimeUnit.Year, Shift = E(j)!.Value, SkipTrailing = 2 };
            end = j + 2;
            return true;
        }

        if (E(i)!.NeedsCapital && !E(i)!.Abbreviation && !ContextBefore(i, MonthContext))
        {
            return false;
        }

        if (E(i)!.Abbreviation && S(i)[^1] != '.')
        {
            // "Jan" without its full stop and without a day is more often a name ("Jan Kavan").
            return false;
        }

        meaning = new TimexMeaning { Kind = MeaningKind.Calendar, Month = month };
        end = i + 1;
        return true;
    }

    private bool ContextBefore(int i, string[] words)
    {
        if (!In(i - 1))
        {
            return false;
        }

        foreach (var word in words)
        {
            if (word == "-" ? IsHyphen(i - 1) : W(i - 1, word))
            {
                return true;
            }
        }

        return false;
    }

    private bool IsMonth(int i, bool contextFree = false)
    {
        if (!In(i) || _t[i].Entry is not { } e || (e.Class & WordClass.Month) == WordClass.None || !_t[i].Capital)
        {
            return false;
        }

        _ = contextFree;
        return !(e.Abbreviation && S(i)[^1] != '.' && S(i).Length == 3 && W(i, "mar") && !Num(i + 1));
    }

    private int? DayNumber(int i)
    {
        if (!In(i))
        {
            return null;
        }

        if (Num(i) && Digits(i) <= 2 && _t[i].Number is >= 1 and <= 31)
        {
            return _t[i].Number;
        }

        if (_t[i].Kind == TokKind.Word && _t[i].Number is >= 1 and <= 31)
        {
            return _t[i].Number;
        }

        return null;
    }

    private bool IsYearNumber(int i) =>
        Num(i) && Digits(i) == 4 && _t[i].Number is >= 1000 and <= 2200 && !(P(i + 1, ',') && Adj(i + 1) && Num(i + 2) && Adj(i + 2))
        && !(P(i + 1, '.') && Adj(i + 1) && Num(i + 2) && Adj(i + 2)) && !(P(i + 1, ':') && Adj(i + 1));

    /// <summary>"nineteen ninety-one", as broadcast transcripts write years: the year, and the token after it.</summary>
    private int? SpelledYear(int i, out int next)
    {
        next = i;
        if (!W(i, "nineteen") || !Has(i + 1, WordClass.Cardinal) || !TryCardinal(i + 1, out var end, out var value, out var vague) || vague || value is < 10 or > 99)
        {
            return null;
        }

        next = end;
        return 1900 + value;
    }

    /// <summary>A year, "fiscal 1989", a decade ("the 1990s", "'90s").</summary>
    private bool TryYear(int i, out int end, out TimexMeaning meaning)
    {
        end = i;
        meaning = null!;
        var k = i;
        var the = W(k, "the");
        if (the)
        {
            k++;
        }

        if (W(k, "fiscal"))
        {
            k++;
            if (W(k, "year"))
            {
                k++;
            }

            if (!IsYearNumber(k))
            {
                return false;
            }
        }

        if ((P(k, '\'') || P(k, '’')) && Num(k + 1) && Adj(k + 1) && Digits(k + 1) == 2 && W(k + 2, "s") && Adj(k + 2))
        {
            var yy = _t[k + 1].Number;
            var decade = ((yy < 30 ? 2000 : 1900) + yy) / 10;
            meaning = TimexMeaning.Of(decade.ToString(System.Globalization.CultureInfo.InvariantCulture) + "X");
            end = k + 3;
            return true;
        }

        if (!the && SpelledYear(k, out var spelledEnd) is { } spelled)
        {
            meaning = TimexMeaning.Of(spelled.ToString("D4", System.Globalization.CultureInfo.InvariantCulture));
            end = spelledEnd;
            return true;
        }

        if (!IsYearNumber(k) || P(k - 1, '$') || P(k - 1, '£') || P(k - 1, '€') || P(k + 1, '%') || (P(k - 1, '#') && Adj(k)) || P(k - 1, '©') || W(k - 1, "copyright") || (IsHyphen(k - 1) && Adj(k)) || (IsHyphen(k - 1) && Adj(k) && Num(k - 2)))
        {
            return false;
        }

        var year = _t[k].Number;
        if (W(k + 1, "s") && Adj(k + 1) || (P(k + 1, '\'') && Adj(k + 1) && W(k + 2, "s")))
        {
            var sEnd = W(k + 1, "s") ? k + 2 : k + 3;
            meaning = TimexMeaning.Of((year / 10).ToString(System.Globalization.CultureInfo.InvariantCulture) + "X");
            end = sEnd;
            return true;
        }

        if (the)
        {
            return false;
        }

        if (year is < 1900 or > 2100 && !ContextBefore(k, ["in", "since", "of", "by", "until", "from", "fiscal", "year"]))
        {
            return false;
        }

        // "2000 troops" is a count, not a year.
        if (LowerWord(k + 1) && S(k + 1).EndsWith("s", StringComparison.Ordinal) && !W(k + 1, "levels") && !W(k + 1, "was") && !W(k + 1, "has") && !W(k + 1, "is"))
        {
            return false;
        }

        meaning = TimexMeaning.Of(year.ToString("D4", System.Globalization.CultureInfo.InvariantCulture));
        end = k + 1;
        return true;
    }

    /// <summary>"the third quarter (of 1998)", "third-quarter", "the latest quarter", "the year-ago quarter", "the first half".</summary>
    private bool TryQuarter(int i, out int end, out TimexMeaning meaning)
    {
        end = i;
        meaning = null!;
        var k = i;
        if (W(k, "the"))
        {
            k++;
        }

        if (W(k, "fiscal"))
        {
            k++;
        }

        if (IsYearNumber(k) && k > i)
        {
            var y = _t[k].Number;
            if (W(k + 1, "quarter") || W(k + 1, "period"))
            {
                meaning = new TimexMeaning { Kind = MeaningKind.Calendar, Year = y, LastCompletedQuarter = true };
                end = k + 2;
                return true;
            }

            if (Has(k + 1, WordClass.Ordinal) && E(k + 1)!.Ordinal is >= 1 and <= 4 && W(k + 2, "quarter"))
            {
                meaning = TimexMeaning.Of(Invariant($"{y:D4}-Q{E(k + 1)!.Ordinal}"));
                end = k + 3;
                return true;
            }
        }

        int? q = null;
        var half = false;
        var lastCompleted = false;
        var yearShift = 0;
        var hyphenated = false;
        if (Has(k, WordClass.Ordinal) && E(k)!.Ordinal is >= 1 and <= 4 or 99)
        {
            var ordinal = E(k)!.Ordinal;
            var u = IsHyphen(k + 1) && Adj(k + 1) ? k + 2 : k + 1;
            if (W(u, "quarter"))
            {
                q = ordinal == 99 ? 4 : ordinal;
                k = u + 1;
                hyphenated = u == k - 1 && IsHyphen(u - 1);
            }
            else if (W(u, "half") && ordinal is 1 or 2)
            {
                q = ordinal;
                half = true;
                k = u + 1;
            }
            else
            {
                return false;
            }
        }
        else if (k > i && (W(k, "latest") || W(k, "quarter") || W(k, "current") || W(k, "recent")))
        {
            if (W(k, "quarter"))
            {
                lastCompleted = true;
                k++;
            }
            else if (W(k, "latest") && W(k + 1, "period"))
            {
                lastCompleted = true;
                k += 2;
            }
            else if (W(k + 1, "quarter"))
            {
                lastCompleted = !W(k, "current");
                k += 2;
                if (!lastCompleted)
                {
                    meaning = TimexMeaning.ShiftBy(TimeUnit.Quarter, 0);
                    end = k;
                    return true;
                }
            }
            else
            {
                return false;
            }
        }
        else if (W(k, "year") && (IsHyphen(k + 1) && Adj(k + 1) && W(k + 2, "end") || W(k + 1, "end")))
        {
            // "year-end", "year end": the last day of the anchor's year.
            meaning = new TimexMeaning { Kind = MeaningKind.Calendar, Month = 12, Day = 31, ShiftUnit = TimeUnit.Year, Shift = 0 };
            end = W(k + 1, "end") ? k + 2 : k + 3;
            meaning.SkipLeading = k - i;
            return true;
        }
        else if (W(k, "year") && IsHyphen(k + 1) && Adj(k + 1) && W(k + 2, "earlier", "ago"))
        {
            k += 3;
            if (Has(k, WordClass.Ordinal) && E(k)!.Ordinal is >= 1 and <= 4 && (W(k + 1, "quarter") || W(k + 1, "half")))
            {
                // "the year-ago third quarter".
                meaning = W(k + 1, "quarter")
                    ? new TimexMeaning { Kind = MeaningKind.Calendar, Quarter = E(k)!.Ordinal, ShiftUnit = TimeUnit.Year, Shift = -1 }
                    : new TimexMeaning { Kind = MeaningKind.Calendar, Half = E(k)!.Ordinal, ShiftUnit = TimeUnit.Year, Shift = -1 };
                end = k + 2;
                return true;
            }

            if (W(k, "quarter") || W(k, "period"))
            {
                meaning = new TimexMeaning { Kind = MeaningKind.Calendar, LastCompletedQuarter = true, ShiftUnit = TimeUnit.Year, Shift = -1 };
                end = k + 1;
                return true;
            }

            meaning = SentenceMentions(k - 1, "quarter")
                ? new TimexMeaning { Kind = MeaningKind.Calendar, LastCompletedQuarter = true, ShiftUnit = TimeUnit.Year, Shift = -1 }
                : TimexMeaning.ShiftBy(TimeUnit.Year, -1);
            end = k;
            if (k - i == 4)
            {
                meaning.SkipLeading = 1;
            }

            return true;
        }
        else
        {
            return false;
        }

        var j = k;
        if (W(j, "of") || P(j, ','))
        {
            j++;
        }

        if (IsYearNumber(j))
        {
            var y = _t[j].Number;
            meaning = lastCompleted
                ? TimexMeaning.Of(Invariant($"{y:D4}-QX"))
                : TimexMeaning.Of(Invariant($"{y:D4}-{(half ? "H" : "Q")}{q}"));
            end = j + 1;
            return true;
        }

        if (W(k, "of") && Has(k + 1, WordClass.Relational) && W(k + 2, "year"))
        {
            yearShift = E(k + 1)!.Value;
            k += 3;
        }

        meaning = new TimexMeaning
        {
            SkipLeading = hyphenated && W(i, "the") ? 1 : 0,
            Kind = MeaningKind.Calendar,
            Quarter = half ? null : q,
            Half = half ? q : null,
            LastCompletedQuarter = lastCompleted,
            ShiftUnit = yearShift != 0 ? TimeUnit.Year : TimeUnit.None,
            Shift = yearShift,
        };
        end = k;
        return true;
    }

    private bool TrySeason(int i, out int end, out TimexMeaning meaning)
    {
        end = i;
        meaning = null!;
        var k = W(i, "the") ? i + 1 : i;
        if (!Has(k, WordClass.Season))
        {
            return false;
        }

        var code = E(k)!.Code!;
        var j = W(k + 1, "of") ? k + 2 : k + 1;
        if (IsYearNumber(j))
        {
            meaning = TimexMeaning.Of(Invariant($"{_t[j].Number:D4}-{code}"));
            end = j + 1;
            return true;
        }

        if (SpelledYear(j, out var spelledEnd) is { } spelled)
        {
            meaning = TimexMeaning.Of(Invariant($"{spelled:D4}-{code}"));
            end = spelledEnd;
            return true;
        }

        if (k == i && !ContextBefore(i, SeasonContext))
        {
            return false;
        }

        if (W(k, "fall") && k > i && !ClauseEnd(k + 1) && !W(k + 1, "of"))
        {
            return false;
        }

        meaning = new TimexMeaning { Kind = MeaningKind.Calendar, Season = code };
        end = k + 1;
        return true;
    }

    private bool TryHoliday(int i, out int end, out TimexMeaning meaning)
    {
        end = i;
        meaning = null!;
        if (!Has(i, WordClass.Holiday))
        {
            return false;
        }

        var code = E(i)!.Code!;
        end = i + 1;
        if (code == "thanksgiving")
        {
            meaning = new TimexMeaning { Kind = MeaningKind.Calendar, Month = 11, Day = -4 };
            if (W(end, "day"))
            {
                end++;
            }

            return true;
        }

        var day = 25;
        if (W(end, "eve"))
        {
            day = 24;
            end++;
        }
        else if (W(end, "day"))
        {
            end++;
        }

        meaning = new TimexMeaning { Kind = MeaningKind.Calendar, Month = 12, Day = day };
        return true;
    }

    private static string Invariant(FormattableString text) => text.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
