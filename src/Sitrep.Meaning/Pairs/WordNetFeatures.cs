using Sitrep.Meaning.Lexicon;

namespace Sitrep.Meaning.Pairs;

/// <summary>
/// WordNet relations between the content words one sentence has and the other lacks: a hypothesis word more general
/// than a premise word ("man" → "person", "guitar" → "instrument") keeps an entailment, a more specific one
/// ("person" → "man") makes it neutral, antonyms and siblings ("guitar" / "piano") point to a contradiction.
/// </summary>
/// <remarks>Without WordNet on the machine every feature is 0 (the classifier then leans on its other features).</remarks>
internal static class WordNetFeatures
{
    public static readonly string[] Names =
    [
        "wordnet.hypothesis.synonym", "wordnet.hypothesis.hypernym", "wordnet.hypothesis.hyponym",
        "wordnet.antonym", "wordnet.sibling",
        "wordnet.hypothesis.uncovered", "wordnet.premise.uncovered", "wordnet.hypothesis.unknown",
    ];

    /// <summary>At most this many unmatched words per side are related (pairs of long sentences stay cheap).</summary>
    private const int MaxWords = 20;

    private const WordRelation Covers = WordRelation.Synonym | WordRelation.Hypernym;

    public static void Compute(WordNet? wordNet, string premise, string hypothesis, Span<float> output)
    {
        output[..Names.Length].Clear();
        if (wordNet is null)
        {
            return;
        }

        var p = Content(premise);
        var h = Content(hypothesis);
        var pStems = p.Select(LexicalFeatures.Stem).ToHashSet(StringComparer.Ordinal);
        var hStems = h.Select(LexicalFeatures.Stem).ToHashSet(StringComparer.Ordinal);
        var pOnly = p.Where(w => !hStems.Contains(LexicalFeatures.Stem(w))).Take(MaxWords).ToArray();
        var hOnly = h.Where(w => !pStems.Contains(LexicalFeatures.Stem(w))).Take(MaxWords).ToArray();

        int synonym = 0, hypernym = 0, hyponym = 0, antonym = 0, sibling = 0, hUncovered = 0, unknown = 0;
        var pCovered = new bool[pOnly.Length];
        foreach (var word in hOnly)
        {
            if (!wordNet.Knows(word))
            {
                unknown++;
                hUncovered++;
                continue;
            }

            var all = WordRelation.None;
            for (var k = 0; k < pOnly.Length; k++)
            {
                var relation = wordNet.Relate(pOnly[k], word);
                all |= relation;
                if ((relation & (Covers | WordRelation.Hyponym)) != WordRelation.None)
                {
                    pCovered[k] = true;
                }
            }

            synonym += (all & WordRelation.Synonym) != WordRelation.None ? 1 : 0;
            hypernym += (all & WordRelation.Hypernym) != WordRelation.None ? 1 : 0;
            hyponym += (all & WordRelation.Hyponym) != WordRelation.None ? 1 : 0;
            antonym += (all & WordRelation.Antonym) != WordRelation.None ? 1 : 0;
            sibling += (all & WordRelation.Sibling) != WordRelation.None ? 1 : 0;
            hUncovered += (all & Covers) == WordRelation.None ? 1 : 0;
        }

        var i = 0;
        output[i++] = Math.Min(synonym, 3) / 3f;
        output[i++] = Math.Min(hypernym, 3) / 3f;
        output[i++] = Math.Min(hyponym, 3) / 3f;
        output[i++] = Math.Min(antonym, 2) / 2f;
        output[i++] = Math.Min(sibling, 3) / 3f;
        output[i++] = Math.Min(hUncovered, 5) / 5f;
        output[i++] = Math.Min(pCovered.Count(c => !c), 5) / 5f;
        output[i++] = Math.Min(unknown, 3) / 3f;
    }

    private static List<string> Content(string text) =>
        LexicalFeatures.Words(text).Where(w => LexicalFeatures.IsContent(w) && char.IsLetter(w[0])).Distinct(StringComparer.Ordinal).ToList();
}
