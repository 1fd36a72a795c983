namespace Sitrep.Time.Tagging;

/// <summary>Reference words ("now", "recently", "the future") and recurring times ("daily", "every Monday").</summary>
internal sealed partial class Matcher
{
    private bool TryRef(int i, out int end, out TimexMeaning meaning)
    {
        end = i;
        meaning = null!;
        if (W(i, "the") && W(i + 1, "near") && W(i + 2, "future"))
        {
            return Finish(i, i + 3, TimexMeaning.Of("FUTURE_REF"), out end, out meaning);
        }

        if (W(i, "the") && W(i + 1, "near", "short") && W(i + 2, "term"))
        {
            return Finish(i, i + 3, TimexMeaning.Of("FUTURE_REF"), out end, out meaning);
        }

        if (W(i, "the") && W(i + 1, "future"))
        {
            return Finish(i, i + 2, TimexMeaning.Of("FUTURE_REF"), out end, out meaning);
        }

        if (W(i, "the") && W(i + 1, "past") && !Has(i + 2, WordClass.Unit) && !Has(i + 2, WordClass.Cardinal) && !Has(i + 2, WordClass.Vague) && !Num(i + 2))
        {
            return Finish(i, i + 2, TimexMeaning.Of("PAST_REF"), out end, out meaning);
        }

        if (W(i, "these") && W(i + 1, "days"))
        {
            return Finish(i, i + 2, TimexMeaning.Of("PRESENT_REF"), out end, out meaning);
        }

        if (W(i, "present") && W(i - 1, "at"))
        {
            return Finish(i, i + 1, TimexMeaning.Of("PRESENT_REF"), out end, out meaning);
        }

        if (W(i, "the") && W(i + 1, "time") && W(i + 2, "of") && W(i + 3, "writing"))
        {
            return Finish(i, i + 4, TimexMeaning.Of("PRESENT_REF"), out end, out meaning);
        }

        if (W(i, "recent") && Has(i + 1, WordClass.Unit) && E(i + 1)!.Plural)
        {
            var unit = E(i + 1)!.Unit;
            return unit == TimeUnit.Year
                ? Finish(i, i + 2, TimexMeaning.Of("PAST_REF"), out end, out meaning)
                : Finish(i, i + 2, TimexMeaning.Of(DurationValue(0, unit, vague: true), TimexType.Duration), out end, out meaning);
        }

        if (W(i, "future") && !W(i - 1, "the") && !(W(i - 1, "in") || W(i - 1, "near")))
        {
            return false;
        }

        if (!Has(i, WordClass.Ref))
        {
            return false;
        }

        if (W(i, "now") && (W(i + 1, "that") || P(i + 1, ',') && In(i - 1) && _t[i].LineBefore))
        {
            return false;
        }

        return Finish(i, i + 1, TimexMeaning.Of(E(i)!.Code!), out end, out meaning);
    }

    private bool TrySet(int i, out int end, out TimexMeaning meaning)
    {
        end = i;
        meaning = null!;
        if (!In(i))
        {
            return false;
        }

        var e = E(i);
        if (e is not null && (e.Class & WordClass.SetWord) != WordClass.None && e.Code is { } literal)
        {
            return Finish(i, i + 1, TimexMeaning.Of(literal, TimexType.Set), out end, out meaning);
        }

        if (W(i, "every") || W(i, "each"))
        {
            var j = i + 1;
            if (W(j, "other"))
            {
                j++;
            }

            var amount = 1;
            if (TryCardinal(j, out var afterAmount, out var n, out var vague) && !vague && !W(j, "a", "an"))
            {
                amount = n;
                j = afterAmount;
            }

            if (W(i + 1, "other"))
            {
                amount *= 2;
            }

            if (Has(j, WordClass.Unit))
            {
                return Finish(i, j + 1, TimexMeaning.Of(DurationValue(amount, E(j)!.Unit, vague: false), TimexType.Set), out end, out meaning);
            }

            if (Has(j, WordClass.Weekday))
            {
                return Finish(i, j + 1, TimexMeaning.Of("XXXX-WXX-" + E(j)!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture), TimexType.Set), out end, out meaning);
            }

            if (Has(j, WordClass.PartOfDay))
            {
                return Finish(i, j + 1, TimexMeaning.Of("XXXX-XX-XXT" + E(j)!.Code, TimexType.Set), out end, out meaning);
            }

            return false;
        }

        var k = i;
        if (W(k, "once") || W(k, "twice"))
        {
            k++;
        }
        else if (TryCardinal(k, out var afterCount, out _, out var vagueCount) && !vagueCount && W(afterCount, "times"))
        {
            k = afterCount + 1;
        }
        else
        {
            return false;
        }

        if ((W(k, "a", "an") || W(k, "per") || W(k, "each")) && Has(k + 1, WordClass.Unit) && !E(k + 1)!.Plural)
        {
            return Finish(i, k + 2, TimexMeaning.Of(DurationValue(1, E(k + 1)!.Unit, vague: false), TimexType.Set), out end, out meaning);
        }

        return false;
    }
}
