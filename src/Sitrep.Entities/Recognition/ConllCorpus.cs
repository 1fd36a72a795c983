using System.Text;

namespace Sitrep.Entities.Recognition;

/// <summary>A sentence of a tagged corpus: its words, the raw lines they came from and BIO tag indices.</summary>
/// <param name="Words">The words.</param>
/// <param name="Lines">The input lines, unchanged (for <c>--predictions</c>).</param>
/// <param name="Tags">Gold tags as <see cref="TagSet"/> indices.</param>
public sealed record TaggedSentence(string[] Words, string[] Lines, int[] Tags);

/// <summary>A document of a tagged corpus.</summary>
/// <param name="Sentences">Its sentences.</param>
/// <param name="Prefix">Lines before the first sentence (the <c>-DOCSTART-</c> line and blank lines).</param>
public sealed record TaggedDocument(IReadOnlyList<TaggedSentence> Sentences, IReadOnlyList<string> Prefix);

/// <summary>
/// Reads CoNLL-2003 (word POS chunk NER, <c>-DOCSTART-</c> lines, IOB1 or IOB2) and the two-column WNUT-2017 format
/// (word TAB tag, types person, location, corporation, group, product, creative-work, mapped to PER, LOC, ORG, ORG,
/// MISC, MISC). The last column is the tag. Without <c>-DOCSTART-</c> lines every sentence is its own document, as
/// tweets are.
/// </summary>
public static class ConllCorpus
{
    /// <summary>Reads a file.</summary>
    public static IReadOnlyList<TaggedDocument> Read(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        using var reader = new StreamReader(path, Encoding.UTF8);
        return Read(reader);
    }

    /// <summary>Reads from a reader.</summary>
    public static IReadOnlyList<TaggedDocument> Read(TextReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var documents = new List<TaggedDocument>();
        var sentences = new List<TaggedSentence>();
        var prefix = new List<string>();
        var words = new List<string>();
        var lines = new List<string>();
        var rawTags = new List<string>();
        var sawDocStart = false;

        void EndSentence()
        {
            if (words.Count > 0)
            {
                sentences.Add(new TaggedSentence([.. words], [.. lines], ToBio(rawTags)));
                words.Clear();
                lines.Clear();
                rawTags.Clear();
            }
        }

        void EndDocument()
        {
            EndSentence();
            if (sentences.Count > 0)
            {
                documents.Add(new TaggedDocument([.. sentences], [.. prefix]));
                sentences.Clear();
                prefix.Clear();
            }
        }

        while (reader.ReadLine() is { } line)
        {
            var trimmed = line.TrimEnd('\r');
            if (trimmed.StartsWith("-DOCSTART-", StringComparison.Ordinal))
            {
                sawDocStart = true;
                EndDocument();
                prefix.Add(trimmed);
                continue;
            }

            if (string.IsNullOrWhiteSpace(trimmed))
            {
                EndSentence();
                if (sentences.Count == 0)
                {
                    prefix.Add(trimmed);
                }

                continue;
            }

            var parts = trimmed.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
            words.Add(parts[0]);
            lines.Add(trimmed);
            rawTags.Add(parts.Length > 1 ? parts[^1] : "O");
        }

        EndDocument();
        if (!sawDocStart)
        {
            // Tweets and other unsegmented data: one sentence per document.
            return [.. documents.SelectMany(d => d.Sentences.Select((s, i) => new TaggedDocument([s], i == 0 ? d.Prefix : [])))];
        }

        return documents;
    }

    /// <summary>Converts IOB1, IOB2 or WNUT tags to BIO tag indices, as conlleval reads chunks.</summary>
    public static int[] ToBio(IReadOnlyList<string> tags)
    {
        ArgumentNullException.ThrowIfNull(tags);
        var result = new int[tags.Count];
        var previousTag = "O";
        var previousType = string.Empty;
        for (var i = 0; i < tags.Count; i++)
        {
            var (tag, type) = Split(tags[i]);
            var mapped = MapType(type);
            if (tag == "O" || mapped is null)
            {
                result[i] = TagSet.Outside;
                (previousTag, previousType) = ("O", string.Empty);
                continue;
            }

            result[i] = ConllEvaluator.StartOfChunk(previousTag, tag, previousType, type)
                ? TagSet.Begin(mapped.Value)
                : TagSet.Inside(mapped.Value);
            (previousTag, previousType) = (tag, type);
        }

        return result;
    }

    /// <summary>Splits <c>B-PER</c> into ("B", "PER"); <c>O</c> into ("O", "").</summary>
    public static (string Tag, string Type) Split(string raw)
    {
        ArgumentNullException.ThrowIfNull(raw);
        if (raw.Length >= 2 && raw[1] == '-')
        {
            return (raw[..1], raw[2..]);
        }

        return raw == "O" ? ("O", string.Empty) : ("I", raw);
    }

    /// <summary>Maps a CoNLL or WNUT type to ours; null for unknown types.</summary>
    public static EntityType? MapType(string type) => type switch
    {
        "PER" or "person" => EntityType.Person,
        "ORG" or "corporation" or "group" => EntityType.Organization,
        "LOC" or "location" => EntityType.Location,
        "MISC" or "product" or "creative-work" => EntityType.Miscellaneous,
        _ => EntityTypes.Parse(type),
    };
}
