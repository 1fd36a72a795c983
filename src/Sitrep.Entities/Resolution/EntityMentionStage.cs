using Sitrep.Entities.Recognition;
using Sitrep.Pipeline;

namespace Sitrep.Entities.Resolution;

/// <summary>
/// Finds entity mentions in a document with the <see cref="PerceptronTagger"/>, then drops what is never an entity:
/// pronouns, and capitalised common words that open a sentence.
/// </summary>
public sealed class EntityMentionStage : PersistedDocumentStage<EntityMentionLayer>
{
    /// <summary>Sentences longer than this many tokens are tagged in slices (bounded work on pathological input).</summary>
    public const int MaxSentenceTokens = 400;

    private readonly PerceptronTagger _tagger;

    /// <summary>Creates the stage over the shipped tagger.</summary>
    public EntityMentionStage()
        : this(PerceptronTagger.Default)
    {
    }

    /// <summary>Creates the stage over a given tagger.</summary>
    public EntityMentionStage(PerceptronTagger tagger)
    {
        ArgumentNullException.ThrowIfNull(tagger);
        _tagger = tagger;
    }

    /// <inheritdoc />
    public override string Name => PerceptronTagger.ComponentName;

    /// <inheritdoc />
    public override string PersistedLayerName => Capabilities.EntityMentions;

    /// <inheritdoc />
    public override IReadOnlyList<string> Requires { get; } = [Capabilities.Sentences];

    /// <inheritdoc />
    public override IReadOnlyList<string> Assigns { get; } = [Capabilities.EntityMentions];

    /// <inheritdoc />
    public override EntityMentionLayer Predict(AnalyzedDocument document, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(document);
        var text = document.Text;
        var slices = new List<(int SentenceIndex, int FirstToken, string[] Words)>();
        var originals = new List<string[]>();
        for (var s = 0; s < document.Sentences.Count; s++)
        {
            var sentence = document.Sentences[s];
            for (var offset = 0; offset < sentence.TokenCount; offset += MaxSentenceTokens)
            {
                var count = Math.Min(MaxSentenceTokens, sentence.TokenCount - offset);
                var words = new string[count];
                var written = new string[count];
                for (var i = 0; i < count; i++)
                {
                    var token = document.Tokens[sentence.FirstToken + offset + i];
                    // The tagger and its gazetteer know names in Latin letters: a Cyrillic word is tagged as its Latin form.
                    written[i] = text.Substring(token.Start, token.Length);
                    words[i] = Gazetteers.CyrillicNames.ToLatin(written[i]);
                }

                slices.Add((s, sentence.FirstToken + offset, words));
                originals.Add(written);
            }
        }

        cancellationToken.ThrowIfCancellationRequested();
        var tags = _tagger.Tag([.. slices.Select(s => s.Words)]);
        var lowerSeen = LowercaseWords(slices.Select(s => s.Words));
        var chunks = tags.Select(t => ConllEvaluator.Chunks(t).OrderBy(c => c.Start).Select(c => new MentionRepair.Chunk(c.Start, c.End, c.Type)).ToList()).ToList();
        MentionRepair.Repair([.. slices.Select(s => s.Words)], chunks, IsFirstName, IsPlace);
        var cased = IsCased(slices);
        var capitalisedInside = CyrillicCapitalisedInside(originals);
        var designations = DesignationPrefixes(slices.Select(s => s.Words));
        var mentions = new List<EntityMention>();
        for (var k = 0; k < slices.Count; k++)
        {
            var (sentenceIndex, firstToken, words) = slices[k];
            var heading = MentionFilter.IsTitleCase(words);
            foreach (var (chunkStart, end, chunkType, charEnd, roleStart) in chunks[k])
            {
                // "HQ", "Jr." alone, and "Il" where the document writes "Il-22": a common noun, a suffix, a model's letters.
                if (end - chunkStart == 1 && (MentionFilter.IsCommonAbbreviation(words[chunkStart]) || designations.Contains(words[chunkStart])))
                {
                    continue;
                }

                // "Il-22", "Ilyushin Il-22": a model of aircraft or weapon is a thing, whatever type the tagger gave it.
                var type = charEnd < 0 && MentionFilter.IsModelDesignation(words[end - 1]) ? EntityType.Miscellaneous : chunkType;
                var start = chunkStart;
                while (start < end && IsCyrillicLead(originals[k], start, capitalisedInside))
                {
                    start++;
                }

                if (end <= start || MentionFilter.IsNeverAnEntity(words, start, end, lowerSeen))
                {
                    continue;
                }

                // In a normally capitalised document a name written all in lowercase is a common word ("kettle").
                if (cased && !words.AsSpan(start, end - start).ToArray().Any(w => w.Any(char.IsUpper)))
                {
                    continue;
                }

                var first = document.Tokens[firstToken + start];
                var last = document.Tokens[firstToken + end - 1];
                var stop = charEnd >= 0 ? last.Start + charEnd : last.End;

                // In a Title Case Heading, a short heading line or a label before a colon every word looks like a
                // name: keep only names the document repeats.
                if ((heading || MentionFilter.InHeadingOrLabel(text, first.Start, stop)) && !MentionFilter.OccursElsewhere(text, first.Start, stop))
                {
                    continue;
                }

                mentions.Add(new EntityMention(
                    document.SpanOf(new Documents.TextRange(first.Start, stop)),
                    type,
                    text[first.Start..stop],
                    sentenceIndex,
                    firstToken + start,
                    end - start)
                {
                    Role = roleStart >= 0 ? text[document.Tokens[firstToken + roleStart].Start..first.Start].TrimEnd() : null,
                });
            }
        }

        return new EntityMentionLayer(mentions, Name);
    }

    /// <inheritdoc />
    public override void Apply(AnalyzedDocument document, EntityMentionLayer prediction)
    {
        ArgumentNullException.ThrowIfNull(document);
        document.Layers.Set(prediction);
    }

    /// <summary>
    /// A Cyrillic word that starts a chunk but is not part of the name: a lowercase word ("по Москве"), or a word that
    /// opens the sentence and is capitalised nowhere else in the document and is not shaped like a surname
    /// ("Колонна", "Фамилию Пригожина"). The English tagger, seeing their transliterations, cannot tell.
    /// </summary>
    private static bool IsCyrillicLead(string[] written, int i, HashSet<string> capitalisedInside)
    {
        var word = written[i];
        if (!Gazetteers.CyrillicNames.IsCyrillic(word))
        {
            return false;
        }

        if (char.IsLower(word[0]))
        {
            return true;
        }

        var nominative = Gazetteers.CyrillicNames.Nominative(word);
        return i == 0 && !capitalisedInside.Contains(nominative) && nominative == word
            && !Gazetteers.CyrillicNames.IsExonym(word)
            && !SurnameEndings.Any(e => word.EndsWith(e, StringComparison.Ordinal));
    }

    private static readonly string[] SurnameEndings = ["ин", "ын", "ов", "ев", "ёв", "ко", "гу", "ук", "юк", "ий", "ой", "ич"];

    /// <summary>The nominative forms of the Cyrillic words written with a capital inside a sentence.</summary>
    private static HashSet<string> CyrillicCapitalisedInside(List<string[]> sentences)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var words in sentences)
        {
            for (var i = 1; i < words.Length; i++)
            {
                if (words[i].Length > 1 && char.IsUpper(words[i][0]) && Gazetteers.CyrillicNames.IsCyrillic(words[i]))
                {
                    seen.Add(Gazetteers.CyrillicNames.Nominative(words[i]));
                }
            }
        }

        return seen;
    }

    private bool IsPlace(string lower) =>
        (_tagger.Lexicon.Lookup(lower) & (Gazetteers.GazetteerCategory.Country | Gazetteers.GazetteerCategory.Capital | Gazetteers.GazetteerCategory.City | Gazetteers.GazetteerCategory.Region)) != Gazetteers.GazetteerCategory.None;

    private bool IsFirstName(string lower) => (_tagger.Lexicon.Lookup(lower) & Gazetteers.GazetteerCategory.FirstName) != Gazetteers.GazetteerCategory.None;

    /// <summary>True when most sentences open with a capital: the writer uses case, so case is evidence.</summary>
    private static bool IsCased(List<(int SentenceIndex, int FirstToken, string[] Words)> slices)
    {
        int upper = 0, total = 0;
        foreach (var (_, _, words) in slices)
        {
            var first = words.FirstOrDefault(w => w.Length > 0 && char.IsLetter(w[0]));
            if (first is not null)
            {
                total++;
                upper += char.IsUpper(first[0]) ? 1 : 0;
            }
        }

        return total > 0 && upper * 10 >= total * 7;
    }

    /// <summary>The letters the document writes before a model number ("Il" of "Il-22", "Mi" of "Mi-8").</summary>
    private static HashSet<string> DesignationPrefixes(IEnumerable<string[]> sentences)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var words in sentences)
        {
            foreach (var word in words)
            {
                if (MentionFilter.DesignationPrefix(word) is { } prefix)
                {
                    seen.Add(prefix);
                }
            }
        }

        return seen;
    }

    private static HashSet<string> LowercaseWords(IEnumerable<string[]> sentences)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var words in sentences)
        {
            for (var i = 1; i < words.Length; i++)
            {
                if (words[i].Length > 1 && char.IsLower(words[i][0]))
                {
                    seen.Add(words[i]);
                }
            }
        }

        return seen;
    }
}
