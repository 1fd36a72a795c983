namespace Sitrep.Time.Tagging;

/// <summary>The rules, applied to one token list. Each <c>Try…</c> rule returns the end token (exclusive) and a meaning.</summary>
internal sealed partial class Matcher(string text, List<Tok> tokens)
{
    private readonly string _text = text;
    private readonly List<Tok> _t = tokens;

    private delegate bool Rule(int i, out int end, out TimexMeaning meaning);

    public void Run(List<TaggedTimex> found)
    {
        Rule[] rules = [TryTime, TryCalendar, TryRelative, TryQuantity, TryRef, TrySet, TryCyrillic];
        var i = 0;
        while (i < _t.Count)
        {
            var tok = _t[i];
            // Most tokens cannot open an expression: skip them before trying any rule.
            if ((tok.Entry is null || tok.Entry.Class == WordClass.None) && tok.Kind != TokKind.Number && !(tok.Kind == TokKind.Punct && _text[tok.Start] is '\'' or '’') && !CyrillicOpens(i))
            {
                i++;
                continue;
            }

            var bestEnd = -1;
            TimexMeaning? best = null;
            foreach (var rule in rules)
            {
                if (rule(i, out var end, out var meaning) && end > bestEnd)
                {
                    bestEnd = end;
                    best = meaning;
                }
            }

            if (best is null)
            {
                i++;
                continue;
            }

            var start = _t[Math.Min(i + best.SkipLeading, bestEnd - 1)].Start;
            var stop = _t[Math.Max(i + best.SkipLeading, bestEnd - 1 - best.SkipTrailing)].End;
            found.Add(new TaggedTimex(start, stop, best));
            i = bestEnd;
        }
    }

    // ---- token helpers ----------------------------------------------------------------------------------------

    private bool In(int i) => i >= 0 && i < _t.Count;

    private ReadOnlySpan<char> S(int i) => _text.AsSpan(_t[i].Start, _t[i].End - _t[i].Start);

    private bool W(int i, string word) => In(i) && _t[i].Kind == TokKind.Word && S(i).Equals(word, StringComparison.OrdinalIgnoreCase);

    private bool W(int i, string a, string b) => W(i, a) || W(i, b);

    private bool P(int i, char c) => In(i) && _t[i].Kind == TokKind.Punct && _text[_t[i].Start] == c;

    private bool Adj(int i) => In(i) && !_t[i].SpaceBefore;

    private bool Num(int i) => In(i) && _t[i].Kind == TokKind.Number;

    private int Digits(int i) => _t[i].End - _t[i].Start;

    private LexEntry? E(int i) => In(i) ? _t[i].Entry : null;

    private bool Has(int i, WordClass c)
    {
        var e = E(i);
        return e is not null && (e.Class & c) != WordClass.None && (!e.NeedsCapital || _t[i].Capital);
    }

    private bool IsHyphen(int i) => In(i) && _t[i].Kind == TokKind.Punct && _text[_t[i].Start] is '-' or '‐' or '–';

    /// <summary>True at a clause end: end of text, punctuation, or a conjunction.</summary>
    private bool ClauseEnd(int i) =>
        !In(i) || (_t[i].Kind == TokKind.Punct && _text[_t[i].Start] is '.' or ',' or ';' or ':' or ')' or '!' or '?' or '"' or '”')
        || W(i, "and", "but") || W(i, "or", "when") || _t[i].LineBefore;

    private bool LowerWord(int i) => In(i) && _t[i].Kind == TokKind.Word && !_t[i].Capital;

    /// <summary>A cardinal: digits, number words ("twenty-four"), "a"/"an", or a vague amount ("several", "a few").</summary>
    private bool TryCardinal(int i, out int end, out int value, out bool vague)
    {
        end = i;
        value = 0;
        vague = false;
        if (!In(i))
        {
            return false;
        }

        if (Num(i))
        {
            if (Digits(i) > 4 || (P(i + 1, ',') && Adj(i + 1) && Num(i + 2) && Adj(i + 2)) || (P(i - 1, '.') && Adj(i)))
            {
                return false;
            }

            if (P(i + 1, '.') && Adj(i + 1) && Num(i + 2) && Adj(i + 2))
            {
                // "1.5 years": keep the whole part for the value, cover the fraction in the extent.
                value = _t[i].Number;
                end = i + 3;
                vague = true;
                return true;
            }

            value = _t[i].Number;
            end = i + 1;
            return true;
        }

        if (W(i, "a", "an"))
        {
            if (W(i + 1, "couple") && W(i + 2, "of"))
            {
                value = 2;
                end = i + 3;
                return true;
            }

            if (Has(i + 1, WordClass.Vague) && W(i + 1, "few", "couple"))
            {
                vague = true;
                end = W(i + 2, "of") ? i + 3 : i + 2;
                return true;
            }

            if (W(i + 1, "half"))
            {
                return false;
            }

            value = 1;
            end = i + 1;
            return true;
        }

        if (Has(i, WordClass.Vague))
        {
            if (W(i, "couple") || W(i, "number"))
            {
                return false;
            }

            vague = true;
            end = i + 1;
            return true;
        }

        if (!Has(i, WordClass.Cardinal) || W(i, "zero"))
        {
            return false;
        }

        value = E(i)!.Value;
        end = i + 1;
        if (value >= 20 && value % 10 == 0 && value < 100)
        {
            var j = IsHyphen(i + 1) && Adj(i + 1) ? i + 2 : i + 1;
            if (Has(j, WordClass.Cardinal) && E(j)!.Value is > 0 and < 10 && !W(j, "a", "an"))
            {
                value += E(j)!.Value;
                end = j + 1;
            }
        }
        else if (value == 100 || value == 12)
        {
            if (value == 12 && W(i, "dozen"))
            {
                return true;
            }
        }

        if (W(end, "hundred"))
        {
            value *= 100;
            end++;
        }

        return true;
    }
}
