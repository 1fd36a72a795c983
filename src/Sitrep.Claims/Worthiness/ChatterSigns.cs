using Sitrep.Claims.Attribution;
using Sitrep.Claims.Modality;
using Sitrep.Claims.Text;

namespace Sitrep.Claims.Worthiness;

/// <summary>
/// Signs that a sentence may state something of its own, whatever a model trained on debates thinks of it: a number,
/// a name inside the sentence, a reporting verb, estimative language or hearsay, a quotation. Only a sentence with none
/// of them, and short, is left to the learned chatter threshold.
/// </summary>
internal static class ChatterSigns
{
    /// <summary>Longer sentences are never judged chatter.</summary>
    public const int MaxWords = 20;

    /// <summary>True when the sentence shows none of the signs of a claim.</summary>
    public static bool NoneIn(SentenceWords words, QuoteRegions quotes)
    {
        var wordCount = 0;
        var first = true;
        for (var i = 0; i < words.Count; i++)
        {
            var start = words.Tokens[i].Start;
            if (char.IsDigit(words.Text[start]) || quotes.Inside(start))
            {
                return false;
            }

            if (!words.IsWord(i))
            {
                continue;
            }

            wordCount++;
            if (!first && words.IsCapitalized(i) && words[i] is not "i" and not "i'm" and not "i've" and not "i'd" and not "i'll")
            {
                return false;
            }

            first = false;
            if (ReportingCues.IsCue(words[i]))
            {
                return false;
            }
        }

        if (wordCount > MaxWords)
        {
            return false;
        }

        var modality = ModalityDetector.Detect(words, 0, words.Count - 1);
        return modality.Likelihood is null && modality.Hearsay is null;
    }
}
