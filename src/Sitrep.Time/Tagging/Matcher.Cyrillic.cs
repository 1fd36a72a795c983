namespace Sitrep.Time.Tagging;

/// <summary>
/// Russian and Ukrainian expressions: "вчера", "вчора ввечері", "24 июня 2023 года", "24 червня", "в июне",
/// "в 05:37 по Москве", "о 21:30 за київським часом", "в субботу", "24 часа". They get the same meanings as their
/// English counterparts, so the normaliser resolves them against the same anchors.
/// </summary>
internal sealed partial class Matcher
{
    private CyrillicEntry Cy(int i) =>
        In(i) && _t[i].Kind == TokKind.Word && CyrillicTimexLexicon.Lookup.TryGetValue(S(i), out var entry) ? entry : default;

    private bool CyIs(int i, CyrillicClass cls) => Cy(i).Class == cls;

    /// <summary>True when a Cyrillic rule could start at token <paramref name="i"/> (checked before any rule runs).</summary>
    private bool CyrillicOpens(int i) => Cy(i).Class != CyrillicClass.None;

    private bool TryCyrillic(int i, out int end, out TimexMeaning meaning)
    {
        end = i;
        meaning = null!;
        var lead = CyIs(i, CyrillicClass.Preposition) ? 1 : 0;
        var j = i + lead;
        if (lead == 1 && Num(j) && TryCyrillicClock(j, out end, out meaning))
        {
            meaning.SkipLeading = 1;
            return true;
        }

        if (lead == 0 && CyIs(j, CyrillicClass.DayWord))
        {
            meaning = TimexMeaning.ShiftBy(TimeUnit.Day, Cy(j).Value);
            end = j + 1;
            if (CyIs(end, CyrillicClass.PartOfDay))
            {
                meaning.Type = TimexType.Time;
                meaning.PartOfDay = Cy(end).Code;
                end++;
            }

            return true;
        }

        if (CyIs(j, CyrillicClass.Weekday) && (lead == 1 || _t[j].Capital || j == 0))
        {
            meaning = new TimexMeaning { Kind = MeaningKind.Weekday, Weekday = Cy(j).Value, SkipLeading = lead };
            end = j + 1;
            if (CyIs(end, CyrillicClass.PartOfDay))
            {
                meaning.PartOfDay = Cy(end).Code;
                end++;
            }

            return true;
        }

        if (lead == 0 && DayNumber(j) is { } day && CyIs(j + 1, CyrillicClass.MonthGenitive))
        {
            var month = Cy(j + 1).Value;
            end = j + 2;
            int? year = null;
            if (IsYearNumber(end))
            {
                year = _t[end].Number;
                end++;
                SkipYearWord(ref end);
            }

            if (month < 1 || day > DateTime.DaysInMonth(year ?? 2024, month))
            {
                return false;
            }

            meaning = new TimexMeaning { Kind = MeaningKind.Calendar, Year = year, Month = month, Day = day };

            // "24 июня в 05:37 по Москве", "24 червня, о 21:30": the clock time belongs to the date.
            var k = P(end, ',') ? end + 1 : end;
            k = CyIs(k, CyrillicClass.Preposition) ? k + 1 : k;
            if (In(k) && !_t[k].LineBefore && Num(k) && TryCyrillicClock(k, out var clockEnd, out var clock))
            {
                meaning.Type = TimexType.Time;
                meaning.Hour = clock.Hour;
                meaning.Minute = clock.Minute;
                meaning.OffsetMinutes = clock.OffsetMinutes;
                end = clockEnd;
            }

            return true;
        }

        if (CyIs(j, CyrillicClass.MonthAlone) || (lead == 0 && CyIs(j, CyrillicClass.MonthGenitive) && IsYearNumber(j + 1)))
        {
            var month = Cy(j).Value;
            end = j + 1;
            if (IsYearNumber(end))
            {
                var year = _t[end].Number;
                end++;
                SkipYearWord(ref end);
                meaning = TimexMeaning.Of(Invariant($"{year:D4}-{month:D2}"));
                meaning.SkipLeading = lead;
                return true;
            }

            if (lead == 0)
            {
                // A bare nominative month ("март") is too often something else; "в марте" is not.
                return false;
            }

            meaning = new TimexMeaning { Kind = MeaningKind.Calendar, Month = month, SkipLeading = lead };
            return true;
        }

        if (lead == 1 && IsYearNumber(j) && CyIs(j + 1, CyrillicClass.YearWord))
        {
            // "в 2023 году", "у 2023 році", "в 2023 г.": the year.
            end = j + 1;
            SkipYearWord(ref end);
            meaning = TimexMeaning.Of(Invariant($"{_t[j].Number:D4}"));
            meaning.SkipLeading = 1;
            return true;
        }

        if (lead == 0 && Num(j) && TryCyrillicClock(j, out end, out meaning))
        {
            return true;
        }

        if (lead == 0 && Num(j) && Digits(j) <= 3 && CyIs(j + 1, CyrillicClass.Unit) && !IsYearNumber(j))
        {
            meaning = TimexMeaning.Of(DurationValue(_t[j].Number, Cy(j + 1).Unit, vague: false), TimexType.Duration);
            end = j + 2;
            return true;
        }

        return false;
    }

    private void SkipYearWord(ref int end)
    {
        if (CyIs(end, CyrillicClass.YearWord))
        {
            end++;

            // Only the abbreviations "г." and "р." own their full stop; after "года" it ends the sentence.
            if (_t[end - 1].End - _t[end - 1].Start == 1 && P(end, '.') && Adj(end))
            {
                end++;
            }
        }
    }

    /// <summary>"05:37", "05:37 по Москве", "5:37 (мск)", "21:30 за київським часом": a time with its zone.</summary>
    private bool TryCyrillicClock(int i, out int end, out TimexMeaning meaning)
    {
        meaning = null!;
        if (!TryClock(i, out end, out var hour, out var minute, out var second, out var zone, requireMarker: false))
        {
            return false;
        }

        var j = end;
        var paren = P(j, '(');
        if (paren)
        {
            j++;
        }

        int? cyrillicZone = null;
        var zoneEnd = j;
        if (W(j, "мск"))
        {
            cyrillicZone = 180;
            zoneEnd = j + 1;
        }
        else if (W(j, "по") && (W(j + 1, "Москве") || (W(j + 1, "московскому") && W(j + 2, "времени"))))
        {
            cyrillicZone = 180;
            zoneEnd = W(j + 1, "Москве") ? j + 2 : j + 3;
        }
        else if (W(j, "за") && (W(j + 1, "Москвою") || W(j + 1, "Москвой") || (W(j + 1, "московським") && W(j + 2, "часом"))))
        {
            cyrillicZone = 180;
            zoneEnd = W(j + 2, "часом") ? j + 3 : j + 2;
        }
        else if ((W(j, "по") && (W(j + 1, "Киеву") || (W(j + 1, "киевскому") && W(j + 2, "времени"))))
                 || (W(j, "за") && (W(j + 1, "Києвом") || (W(j + 1, "київським") && W(j + 2, "часом")))))
        {
            // Kyiv time, like "Kyiv time" in English, is kept without an offset: it changes with summer time.
            zoneEnd = W(j + 2, "времени") || W(j + 2, "часом") ? j + 3 : j + 2;
        }

        if (zoneEnd > j && (!paren || P(zoneEnd, ')')))
        {
            end = paren ? zoneEnd + 1 : zoneEnd;
            zone = cyrillicZone ?? zone;
        }

        meaning = new TimexMeaning { Kind = MeaningKind.Calendar, Type = TimexType.Time, Hour = hour, Minute = minute, Second = second, OffsetMinutes = zone };
        return true;
    }
}
