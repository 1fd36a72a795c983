using System.Globalization;

namespace Sitrep.Time.Tagging;

/// <summary>
/// Amounts of time: durations ("24 hours", "the past three years", "two-year"), and amounts that shift the anchor
/// ("1 year ago", "three days later", "two hours after").
/// </summary>
internal sealed partial class Matcher
{
    private static readonly string[] BareUnitTriggers = ["for", "over", "within", "in", "took", "take", "takes", "lasted", "spent", "spend", "last", "lasting"];

    private bool TryQuantity(int i, out int end, out TimexMeaning meaning)
    {
        end = i;
        meaning = null!;
        var k = i;
        string? mod = null;
        var skip = 0;
        if (Has(k, WordClass.Approx) && !W(k + 1, "the"))
        {
            mod = E(k)!.Code;
            k++;
            skip = 1;
        }

        var the = false;
        if (W(k, "the"))
        {
            the = true;
            k++;
        }

        var relational = false;
        if (Has(k, WordClass.Relational) && !W(k, "this") && !W(k, "current"))
        {
            relational = true;
            k++;
        }
        else if (the && Has(k, WordClass.Ordinal) && E(k)!.Ordinal is 1 or 99)
        {
            relational = true;
            k++;
        }

        // "half an hour", "a half hour", "half-hour".
        if (W(k, "half") || (W(k, "a", "an") && W(k + 1, "half")))
        {
            var h = W(k, "half") ? k + 1 : k + 2;
            if (W(h, "an", "a"))
            {
                h++;
            }
            else if (IsHyphen(h) && Adj(h))
            {
                h++;
            }

            if (Has(h, WordClass.Unit) && !E(h)!.Plural && E(h)!.Unit is TimeUnit.Hour or TimeUnit.Day or TimeUnit.Year)
            {
                var unit = E(h)!.Unit;
                var halfValue = unit switch
                {
                    TimeUnit.Hour => "PT30M",
                    TimeUnit.Day => "PT12H",
                    _ => "P6M",
                };
                return Finish(i, h + 1, TimexMeaning.Of(halfValue, TimexType.Duration, mod), out end, out meaning, skip);
            }
        }

        var hasAmount = TryCardinal(k, out var unitAt, out var amount, out var vague);
        if (hasAmount && Num(k) && Digits(k) == 4 && amount >= 1000)
        {
            // "the 1988 quarter", "the 1988 second quarter": a year, not an amount.
            return false;
        }

        if (hasAmount && W(k, "a", "an") && (relational || the))
        {
            return false;
        }

        var half = false;
        if (hasAmount && Num(k) && Num(unitAt) && _t[unitAt].Number == 1 && P(unitAt + 1, '/') && Adj(unitAt + 1) && Num(unitAt + 2) && _t[unitAt + 2].Number == 2)
        {
            half = true;
            unitAt += 3;
        }
        else if (hasAmount && !vague && W(unitAt, "and") && W(unitAt + 1, "a") && W(unitAt + 2, "half"))
        {
            half = true;
            unitAt += 3;
        }

        var adjectival = false;
        if (hasAmount && IsHyphen(unitAt) && Adj(unitAt) && Has(unitAt + 1, WordClass.Unit) && Adj(unitAt + 1))
        {
            if (IsHyphen(unitAt + 2) && W(unitAt + 3, "old"))
            {
                return false;
            }

            adjectival = true;
            unitAt++;
        }

        if (!hasAmount)
        {
            unitAt = k;
            vague = true;
            amount = 0;
        }

        if (!Has(unitAt, WordClass.Unit) || unitAt >= _t.Count)
        {
            return false;
        }

        var entry = E(unitAt)!;
        if (entry.Unit == TimeUnit.Quarter && (W(unitAt + 1, "of") || adjectival && entry.Plural || W(unitAt + 1, "century", "mile")))
        {
            // "three-quarters of its food", "a quarter of the vote": a fraction, not a period.
            return false;
        }

        if (!hasAmount && !entry.Plural)
        {
            return false;
        }

        if (W(unitAt + 1, "old") || (_t[unitAt].Capital && In(k) && !_t[k].Capital))
        {
            // "37 years old" is an age; "60 Minutes" is a programme.
            return false;
        }

        if (hasAmount && amount == 1 && W(k, "a", "an") && !the && !relational
            && (entry.Unit == TimeUnit.Second && !W(unitAt + 1, "later") && !W(unitAt + 1, "ago") && !ClauseEnd(unitAt + 1)
                || Num(k - 1) || P(k - 1, '$') || (LowerWord(k - 1) && S(k - 1).EndsWith("s", StringComparison.Ordinal) && !W(k - 1, "was", "has") && !W(k - 1, "is", "this"))))
        {
            // "a second betrayal" is an ordinal; "700 seats a week" and "$1.76 a year" are rates.
            return false;
        }

        if (hasAmount && !vague && amount != 1 && !entry.Plural && !adjectival && entry.Value == 0)
        {
            // "two week" only in the adjectival use ("a two week break"); allowed, TimeBank tags it.
        }

        if (hasAmount && vague && !entry.Plural)
        {
            return false;
        }

        if (entry.Value == 2)
        {
            amount = Math.Max(1, amount) * 2;
        }

        var unitEnd = unitAt + 1;
        var direction = Direction(unitEnd, out var directionEnd, out var fromDocument);
        if (direction != 0 && !adjectival && !the && !relational)
        {
            meaning = vague || !hasAmount
                ? TimexMeaning.Of(direction < 0 ? "PAST_REF" : "FUTURE_REF")
                : TimexMeaning.ShiftBy(entry.Unit, direction * amount);
            if (entry.Unit == TimeUnit.Year && amount == 1 && direction < 0 && !vague && QuarterlyReport(unitAt))
            {
                // Financial news: "a year ago" beside a quarter means the same quarter a year before.
                meaning = new TimexMeaning { Kind = MeaningKind.Calendar, LastCompletedQuarter = true, ShiftUnit = TimeUnit.Year, Shift = -1 };
            }
            meaning.FromDiscourse = !fromDocument;
            meaning.SpeechTimeOnly = fromDocument;
            meaning.Mod = mod;
            if (entry.Unit is TimeUnit.Hour or TimeUnit.Minute or TimeUnit.Second && meaning.Kind == MeaningKind.Shift)
            {
                meaning.Type = TimexType.Time;
            }

            return Finish(i, directionEnd, meaning, out end, out meaning, skip);
        }

        if (!hasAmount && !the && !relational && !ContextBefore(unitAt, BareUnitTriggers))
        {
            return false;
        }

        if (!hasAmount && the && !relational)
        {
            return false;
        }

        if (hasAmount && amount == 1 && !vague && W(k, "a", "an") && !relational && !the && (W(unitEnd, "or") || P(k - 1, '$')))
        {
            return false;
        }

        var value = half && !vague ? HalfMore(amount, entry.Unit) : DurationValue(amount, entry.Unit, vague);
        return Finish(i, unitEnd, TimexMeaning.Of(value, TimexType.Duration, mod), out end, out meaning, skip);
    }

    private static bool Finish(int i, int stop, TimexMeaning built, out int end, out TimexMeaning meaning, int skip = 0)
    {
        _ = i;
        end = stop;
        meaning = built;
        meaning.SkipLeading += skip;
        return true;
    }

    /// <summary>"ago", "from now", "hence" shift from the document time; "earlier", "later", "before", "after" from the discourse.</summary>
    private int Direction(int j, out int end, out bool fromDocument)
    {
        end = j;
        fromDocument = false;
        if (W(j, "ago") || W(j, "hence"))
        {
            fromDocument = true;
            end = j + 1;
            return W(j, "ago") ? -1 : 1;
        }

        if (W(j, "from") && W(j + 1, "now"))
        {
            fromDocument = true;
            end = j + 2;
            return 1;
        }

        if (W(j, "earlier") || W(j, "later"))
        {
            end = j + 1;
            return W(j, "earlier") ? -1 : 1;
        }

        if ((W(j, "before") || W(j, "after")) && ClauseEnd(j + 1))
        {
            end = j + 1;
            return W(j, "before") ? -1 : 1;
        }

        return 0;
    }

    /// <summary>How far back (in characters) a mention of a quarter makes "a year earlier" mean the same quarter a year before.</summary>
    private const int QuarterContext = 1500;

    /// <summary>
    /// True in an earnings report: the sentence mentions a quarter, or the text shortly before does and this sentence
    /// compares figures ("from $58 million … a year earlier").
    /// </summary>
    private bool QuarterlyReport(int i)
    {
        if (SentenceMentions(i, "quarter"))
        {
            return true;
        }

        var from = Math.Max(0, _t[i].Start - QuarterContext);
        var before = _text.AsSpan(from, _t[i].Start - from);
        return before.Contains("quarter", StringComparison.OrdinalIgnoreCase) && SentenceMentions(i, "$");
    }

    /// <summary>True when the sentence around token <paramref name="i"/> contains <paramref name="word"/>.</summary>
    private bool SentenceMentions(int i, string word)
    {
        var from = Math.Max(0, _t[i].Start - 160);
        var to = Math.Min(_text.Length, _t[i].End + 160);
        var window = _text.AsSpan(from, to - from);
        var at = _t[i].Start - from;
        var left = window[..at].LastIndexOf(". ");
        var right = window[at..].IndexOf(". ");
        var sentence = window[(left < 0 ? 0 : left)..(right < 0 ? window.Length : at + right)];
        return sentence.Contains(word, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>"5 1/2 hours" is PT5H30M: the half is written in the next smaller unit.</summary>
    private static string HalfMore(int amount, TimeUnit unit)
    {
        var n = amount.ToString(CultureInfo.InvariantCulture);
        return unit switch
        {
            TimeUnit.Year => "P" + n + "Y6M",
            TimeUnit.Month => "P" + n + "M15D",
            TimeUnit.Week => "P" + n + "W3DT12H",
            TimeUnit.Day => "P" + n + "DT12H",
            TimeUnit.Hour => "PT" + n + "H30M",
            TimeUnit.Minute => "PT" + n + "M30S",
            _ => DurationValue(amount, unit, vague: false),
        };
    }

    internal static string DurationValue(int amount, TimeUnit unit, bool vague)
    {
        var n = vague ? "X" : amount.ToString(CultureInfo.InvariantCulture);
        return unit switch
        {
            TimeUnit.Second => "PT" + n + "S",
            TimeUnit.Minute => "PT" + n + "M",
            TimeUnit.Hour => "PT" + n + "H",
            TimeUnit.Day => "P" + n + "D",
            TimeUnit.Weekend => "P" + n + "WE",
            TimeUnit.Week => "P" + n + "W",
            TimeUnit.Month => "P" + n + "M",
            TimeUnit.Quarter => "P" + n + "Q",
            TimeUnit.Year => "P" + n + "Y",
            TimeUnit.Decade => vague ? "PXDE" : "P" + (amount * 10).ToString(CultureInfo.InvariantCulture) + "Y",
            TimeUnit.Century => vague ? "PXCE" : "P" + (amount * 100).ToString(CultureInfo.InvariantCulture) + "Y",
            _ => "P" + n + "D",
        };
    }
}
