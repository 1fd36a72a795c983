namespace Sitrep.Time.Tagging;

/// <summary>Clock times with zones: "05:37 CET", "9.45 a.m.", "10 p.m. Moscow time", "1430 GMT", "noon".</summary>
internal sealed partial class Matcher
{
    private bool TryTime(int i, out int end, out TimexMeaning meaning)
    {
        meaning = null!;
        if (!TryClock(i, out end, out var hour, out var minute, out var second, out var zoneOffset, requireMarker: false))
        {
            return false;
        }

        meaning = new TimexMeaning { Kind = MeaningKind.Calendar, Type = TimexType.Time, Hour = hour, Minute = minute, Second = second, OffsetMinutes = zoneOffset };

        // A date written right after the time ("10:30 a.m. Friday", "05:37 CET, June 24") makes one expression.
        var j = P(end, ',') ? end + 1 : end;
        if (j < _t.Count && !_t[j].LineBefore && (TryExplicitDate(j, out var dateEnd, out var date) || TryWeekdayDate(j, out dateEnd, out date)))
        {
            CopyDate(date, meaning);
            end = dateEnd;
        }

        return true;
    }

    /// <summary>
    /// A clock time. With <paramref name="requireMarker"/> false a bare "HH:MM" counts; a bare hour needs a.m./p.m.,
    /// "o'clock" or a zone.
    /// </summary>
    private bool TryClock(int i, out int end, out int hour, out int minute, out int? second, out int? zone, bool requireMarker)
    {
        end = i;
        hour = 0;
        minute = 0;
        second = null;
        zone = null;
        if (!In(i))
        {
            return false;
        }

        var marked = false;
        if (Num(i) && Digits(i) <= 2 && _t[i].Number <= 24 && (P(i + 1, ':') || P(i + 1, '.')) && Adj(i + 1) && Num(i + 2) && Adj(i + 2) && Digits(i + 2) == 2 && _t[i + 2].Number < 60)
        {
            var dot = P(i + 1, '.');
            hour = _t[i].Number;
            minute = _t[i + 2].Number;
            end = i + 3;
            if (!dot && P(end, ':') && Adj(end) && Num(end + 1) && Adj(end + 1) && Digits(end + 1) == 2)
            {
                second = _t[end + 1].Number;
                end += 2;
            }

            if (TryAmPm(end, out var ampmEnd, out var pm))
            {
                hour = Meridiem(hour, pm);
                end = ampmEnd;
                marked = true;
            }
            else if (dot)
            {
                // "9.45" alone is a number, not a time.
                return false;
            }
        }
        else if (Num(i) && Digits(i) <= 2 && _t[i].Number is >= 1 and <= 12 && TryAmPm(i + 1, out var ampmEnd, out var pm))
        {
            hour = Meridiem(_t[i].Number, pm);
            end = ampmEnd;
            marked = true;
        }
        else if (Num(i) && Digits(i) <= 2 && _t[i].Number is >= 1 and <= 12 && W(i + 1, "o") && (P(i + 2, '\'') || P(i + 2, '’')) && W(i + 3, "clock"))
        {
            hour = _t[i].Number;
            end = i + 4;
            marked = true;
        }
        else if (W(i, "noon") || W(i, "midday"))
        {
            hour = 12;
            end = i + 1;
            marked = true;
        }
        else if (W(i, "midnight"))
        {
            hour = 24;
            end = i + 1;
            marked = true;
        }
        else if (Num(i) && Digits(i) == 4 && _t[i].Number / 100 <= 23 && _t[i].Number % 100 < 60 && Has(i + 1, WordClass.Zone) && !(IsHyphen(i - 1) && Adj(i)))
        {
            hour = _t[i].Number / 100;
            minute = _t[i].Number % 100;
            end = i + 1;
        }
        else
        {
            return false;
        }

        if (TryZone(end, out var zoneEnd, out zone))
        {
            end = zoneEnd;
            marked = true;
        }

        if (!marked && (requireMarker || P(i - 1, ':') || P(end, ':') && Num(end + 1)))
        {
            return false;
        }

        return true;
    }

    private static int Meridiem(int hour, bool pm) => pm ? (hour == 12 ? 12 : hour + 12) : (hour == 12 ? 0 : hour);

    private bool TryAmPm(int j, out int end, out bool pm)
    {
        end = j;
        pm = false;
        if (W(j, "am") || W(j, "pm"))
        {
            pm = W(j, "pm");
            end = j + 1;
            return true;
        }

        if ((W(j, "a") || W(j, "p")) && P(j + 1, '.') && Adj(j + 1) && W(j + 2, "m") && Adj(j + 2))
        {
            pm = W(j, "p");
            end = P(j + 3, '.') && Adj(j + 3) ? j + 4 : j + 3;
            return true;
        }

        return false;
    }

    /// <summary>A zone: "CET", "UTC+3", "GMT+03:00", "+01:00", "Moscow time", "local time", "(CEST)".</summary>
    private bool TryZone(int j, out int end, out int? offset)
    {
        end = j;
        offset = null;
        if (!In(j) || _t[j].LineBefore)
        {
            return false;
        }

        if (P(j, '(') && TryZone(j + 1, out var inner, out offset) && P(inner, ')'))
        {
            end = inner + 1;
            return true;
        }

        if (Has(j, WordClass.Zone) && (!W(j, "Z") || Adj(j)))
        {
            offset = E(j)!.Value;
            end = j + 1;
            if (W(j, "UTC", "GMT") && TryNumericOffset(end, out var numericEnd, out var numeric))
            {
                offset = numeric;
                end = numericEnd;
            }

            return true;
        }

        if (TryNumericOffset(j, out end, out var o) && Adj(j))
        {
            offset = o;
            return true;
        }

        if (W(j, "Moscow") && W(j + 1, "time"))
        {
            offset = 180;
            end = j + 2;
            return true;
        }

        if ((W(j, "local") || W(j, "Kyiv") || W(j, "Kiev")) && W(j + 1, "time"))
        {
            end = j + 2;
            return true;
        }

        return false;
    }

    private bool TryNumericOffset(int j, out int end, out int offset)
    {
        end = j;
        offset = 0;
        if (!(P(j, '+') || P(j, '-') || P(j, '−')) || !Num(j + 1) || !Adj(j + 1))
        {
            return false;
        }

        var sign = P(j, '+') ? 1 : -1;
        var n = _t[j + 1].Number;
        int minutes;
        if (Digits(j + 1) == 4)
        {
            minutes = ((n / 100) * 60) + (n % 100);
            end = j + 2;
        }
        else if (Digits(j + 1) <= 2 && n <= 14)
        {
            minutes = n * 60;
            end = j + 2;
            if (P(end, ':') && Adj(end) && Num(end + 1) && Adj(end + 1) && Digits(end + 1) == 2)
            {
                minutes += _t[end + 1].Number;
                end += 2;
            }
        }
        else
        {
            return false;
        }

        offset = sign * minutes;
        return true;
    }

    private static void CopyDate(TimexMeaning from, TimexMeaning to)
    {
        to.Year = from.Year;
        to.Month = from.Month;
        to.Day = from.Day;
        to.Weekday = from.Weekday;
        to.Direction = from.Direction;
        if (from.Kind == MeaningKind.Weekday)
        {
            to.Kind = MeaningKind.Weekday;
        }
    }
}
