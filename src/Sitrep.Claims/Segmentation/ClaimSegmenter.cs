using System.Collections.Frozen;
using Sitrep.Claims.Attribution;
using Sitrep.Claims.Text;

namespace Sitrep.Claims.Segmentation;

/// <summary>A proposition's tokens within a sentence.</summary>
/// <param name="First">First token.</param>
/// <param name="Last">Last token (inclusive).</param>
/// <param name="ElidedSubject">True when the segment starts with a verb whose subject is the previous segment's ("…, and claimed …").</param>
/// <param name="Coordinated">True when the segment follows a coordinating split of the same sentence.</param>
internal readonly record struct Segment(int First, int Last, bool ElidedSubject, bool Coordinated);

/// <summary>
/// Cuts a check-worthy sentence into propositions: at semicolons, and at a comma followed by
/// a coordinator (and, but, although, while, yet) when both sides are clauses; "and"/"but" before a reporting verb
/// ("… and says that …") also starts a new proposition whose subject is elided.
/// </summary>
internal static class ClaimSegmenter
{
    private static readonly FrozenSet<string> Coordinators = Words.Set("and", "but", "although", "though", "while", "whereas", "yet");

    /// <summary>The propositions of tokens <paramref name="first"/>..<paramref name="last"/>.</summary>
    public static List<Segment> Split(SentenceWords words, int first, int last, QuoteRegions quotes)
    {
        var segments = new List<Segment>();
        var start = first;
        var elided = false;
        var coordinated = false;
        for (var i = first + 1; i < last; i++)
        {
            if (quotes.Inside(words.Tokens[i].Start))
            {
                continue;
            }

            var w = words[i];
            if (w == ";" && WordCount(words, start, i - 1) >= 3 && WordCount(words, i + 1, last) >= 3)
            {
                segments.Add(new Segment(start, i - 1, elided, coordinated));
                start = i + 1;
                elided = false;
                coordinated = false;
                continue;
            }

            if (w == "given" && words[i + 1] == "that" && WordCount(words, start, i - 1) >= 3 && HasVerb(words, i + 2, last))
            {
                // "…, given that even US agencies now claim …": the grounds are a proposition of their own.
                segments.Add(new Segment(start, i - 1, elided, coordinated));
                start = i;
                elided = false;
                coordinated = false;
                continue;
            }

            var afterComma = w is "," or "—" or "–" && Coordinators.Contains(words[i + 1]);
            var bareCue = w is "and" or "but" && words[i - 1] != "," && ReportingCues.IsCue(words[i + 1]);
            if (!afterComma && !bareCue)
            {
                continue;
            }

            var conj = afterComma ? i + 1 : i;
            var rightStart = conj + 1;
            if (words[rightStart] == "that")
            {
                continue; // "…, and that …" continues a reported complement
            }

            if (WordCount(words, start, i - 1) < 3 || WordCount(words, rightStart, last) < 3 || !HasVerb(words, rightStart, last))
            {
                continue;
            }

            segments.Add(new Segment(start, i - 1, elided, coordinated));
            elided = Words.IsVerbLike(words[rightStart]) && !Words.Auxiliaries.Contains(words[rightStart]) || ReportingCues.IsCue(words[rightStart])
                || (Words.Auxiliaries.Contains(words[rightStart]) && words[rightStart] is "has" or "had" or "have" or "was" or "is");
            coordinated = true;
            start = words[conj] is "and" or "but" or "yet" ? rightStart : conj;
            i = rightStart;
        }

        segments.Add(new Segment(start, TrimEnd(words, start, last), elided, coordinated));
        for (var k = 0; k < segments.Count; k++)
        {
            var s = segments[k];
            segments[k] = s with { Last = TrimEnd(words, s.First, s.Last) };
        }

        return segments;
    }

    private static int TrimEnd(SentenceWords words, int first, int last)
    {
        while (last > first && words[last] is "," or ";" or "—" or "–" or "-")
        {
            last--;
        }

        return last;
    }

    private static int WordCount(SentenceWords words, int first, int last)
    {
        var n = 0;
        for (var i = first; i <= last && i < words.Count; i++)
        {
            if (words.IsWord(i))
            {
                n++;
            }
        }

        return n;
    }

    private static bool HasVerb(SentenceWords words, int first, int last)
    {
        for (var i = first; i <= last; i++)
        {
            if (Words.IsVerbLike(words[i]) || ReportingCues.IsCue(words[i]))
            {
                return true;
            }
        }

        return false;
    }
}
