using System.Globalization;
using System.Text;
using System.Xml;
using System.Xml.Linq;

namespace Sitrep.Meaning.Training;

/// <summary>One annotated sentence of ECB+ with the cross-document event chains its action mentions belong to.</summary>
/// <param name="Topic">The ECB+ topic (1, 2, …): a kind of event, e.g. "an earthquake".</param>
/// <param name="Document">The document's name without extension, e.g. <c>1_10ecbplus</c>.</param>
/// <param name="Plus">Whether the document tells the topic's second event (<c>*ecbplus.xml</c>) rather than the first (<c>*ecb.xml</c>).</param>
/// <param name="Number">The sentence number inside the document.</param>
/// <param name="Text">The sentence, its tokens joined with spaces (none before closing punctuation).</param>
/// <param name="EventChains">Ids of the cross-document chains of the sentence's action mentions (ACT… / NEG…).</param>
public sealed record EcbSentence(int Topic, string Document, bool Plus, int Number, string Text, IReadOnlyList<string> EventChains);

/// <summary>Two sentences of one topic, from different documents, and whether they tell the same event.</summary>
/// <param name="A">The first sentence.</param>
/// <param name="B">The second sentence.</param>
/// <param name="Same">True when both belong to one sub-event and share an event chain; false when they come from the topic's two different sub-events.</param>
public sealed record EventPair(EcbSentence A, EcbSentence B, bool Same);

/// <summary>
/// Reader of ECB+ (Cybulska and Vossen 2014; CAT/CROMER XML under <c>ECB+/&lt;topic&gt;/</c> and the list of fully
/// annotated sentences <c>ECBplus_coreference_sentences*.csv</c>) and the same-event / different-event pairs made from it.
/// </summary>
public static class EcbPlusDataset
{
    /// <summary>Topics the lead's disputes gold uses for development: report on them, never train on them.</summary>
    public static readonly IReadOnlyList<int> DevelopmentTopics = [8, 12, 16, 18, 20, 23, 24, 32, 33];

    private const long MaxFileBytes = 16 << 20;

    /// <summary>
    /// Reads the annotated sentences (those listed in the sentences CSV) that hold at least one action mention of a
    /// cross-document event chain, from the topics in <paramref name="topics"/> (all when null).
    /// </summary>
    /// <param name="directory">The ECB+ directory holding <c>ECB+/</c> and the sentences CSV (or <c>ECB+</c> itself beside the CSV).</param>
    /// <param name="topics">Topics to read; null for every topic found.</param>
    /// <exception cref="InvalidDataException">The directory lacks the CSV or the XML folder, or a file is malformed.</exception>
    public static List<EcbSentence> Read(string directory, IReadOnlySet<int>? topics = null)
    {
        ArgumentNullException.ThrowIfNull(directory);
        var root = Directory.Exists(Path.Combine(directory, "ECB+")) ? directory : Path.GetDirectoryName(Path.GetFullPath(directory)) ?? directory;
        var xmlRoot = Path.Combine(root, "ECB+");
        var csv = Directory.Exists(root) ? Directory.GetFiles(root, "ECBplus_coreference_sentences*.csv").Order(StringComparer.Ordinal).FirstOrDefault() : null;
        if (!Directory.Exists(xmlRoot) || csv is null)
        {
            throw new InvalidDataException($"'{directory}' is not an ECB+ directory: expected an 'ECB+' folder of topics and an 'ECBplus_coreference_sentences*.csv' file.");
        }

        var selected = ReadSelection(csv);
        var sentences = new List<EcbSentence>();
        foreach (var topicDirectory in Directory.GetDirectories(xmlRoot).Order(StringComparer.Ordinal))
        {
            if (!int.TryParse(Path.GetFileName(topicDirectory), NumberStyles.None, CultureInfo.InvariantCulture, out var topic) || (topics is not null && !topics.Contains(topic)))
            {
                continue;
            }

            foreach (var file in Directory.GetFiles(topicDirectory, "*.xml").Order(StringComparer.Ordinal))
            {
                var document = Path.GetFileNameWithoutExtension(file);
                var underscore = document.IndexOf('_', StringComparison.Ordinal);
                var name = underscore >= 0 ? document[(underscore + 1)..] : document;
                if (!selected.TryGetValue((topic, name), out var numbers))
                {
                    continue;
                }

                sentences.AddRange(ReadDocument(file, topic, document, name.EndsWith("plus", StringComparison.Ordinal), numbers));
            }
        }

        return sentences;
    }

    /// <summary>
    /// Every pair of sentences from different documents of one topic that is either the same event (one sub-event,
    /// a shared event chain) or a different event (the topic's two sub-events); pairs of one sub-event without a
    /// shared chain are left out, since they may or may not tell the same happening.
    /// </summary>
    public static List<EventPair> Pairs(IReadOnlyList<EcbSentence> sentences)
    {
        ArgumentNullException.ThrowIfNull(sentences);
        var pairs = new List<EventPair>();
        foreach (var topic in sentences.GroupBy(s => s.Topic).OrderBy(g => g.Key))
        {
            var list = topic.ToList();
            for (var i = 0; i < list.Count; i++)
            {
                for (var j = i + 1; j < list.Count; j++)
                {
                    var a = list[i];
                    var b = list[j];
                    if (string.Equals(a.Document, b.Document, StringComparison.Ordinal))
                    {
                        continue;
                    }

                    if (a.Plus != b.Plus)
                    {
                        pairs.Add(new EventPair(a, b, Same: false));
                    }
                    else if (a.EventChains.Any(b.EventChains.Contains))
                    {
                        pairs.Add(new EventPair(a, b, Same: true));
                    }
                }
            }
        }

        return pairs;
    }

    /// <summary>Parses a topic list such as <c>8,12,16</c> or <c>1-7,9</c>.</summary>
    /// <exception cref="FormatException">An item is not a number or a range.</exception>
    public static HashSet<int> ParseTopics(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var topics = new HashSet<int>();
        foreach (var item in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var dash = item.IndexOf('-', StringComparison.Ordinal);
            if (dash > 0
                && int.TryParse(item.AsSpan(0, dash), NumberStyles.None, CultureInfo.InvariantCulture, out var from)
                && int.TryParse(item.AsSpan(dash + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var to)
                && from <= to && to - from < 10_000)
            {
                topics.UnionWith(Enumerable.Range(from, to - from + 1));
            }
            else if (int.TryParse(item, NumberStyles.None, CultureInfo.InvariantCulture, out var topic))
            {
                topics.Add(topic);
            }
            else
            {
                throw new FormatException($"'{item}' is not a topic number or a range like 1-7.");
            }
        }

        return topics;
    }

    private static Dictionary<(int Topic, string File), HashSet<int>> ReadSelection(string path)
    {
        var selected = new Dictionary<(int, string), HashSet<int>>();
        foreach (var line in File.ReadLines(path).Skip(1))
        {
            var fields = line.Split(',');
            if (fields.Length < 3
                || !int.TryParse(fields[0], NumberStyles.None, CultureInfo.InvariantCulture, out var topic)
                || !int.TryParse(fields[2], NumberStyles.None, CultureInfo.InvariantCulture, out var number))
            {
                continue;
            }

            var key = (topic, fields[1].Trim());
            if (!selected.TryGetValue(key, out var set))
            {
                selected[key] = set = [];
            }

            set.Add(number);
        }

        return selected;
    }

    private static IEnumerable<EcbSentence> ReadDocument(string path, int topic, string document, bool plus, HashSet<int> numbers)
    {
        if (new FileInfo(path).Length > MaxFileBytes)
        {
            throw new InvalidDataException($"'{path}' is larger than {MaxFileBytes >> 20} MB; not an ECB+ document.");
        }

        XDocument xml;
        try
        {
            using var reader = XmlReader.Create(path, new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit });
            xml = XDocument.Load(reader);
        }
        catch (XmlException ex)
        {
            throw new InvalidDataException($"'{path}' is not well-formed ECB+ XML: {ex.Message}", ex);
        }

        var tokens = new Dictionary<string, (int Sentence, string Text)>(StringComparer.Ordinal);
        var order = new List<string>();
        foreach (var token in xml.Root?.Elements("token") ?? [])
        {
            var id = (string?)token.Attribute("t_id") ?? string.Empty;
            if (!int.TryParse((string?)token.Attribute("sentence"), NumberStyles.None, CultureInfo.InvariantCulture, out var sentence))
            {
                throw new InvalidDataException($"'{path}': token '{id}' has no sentence number.");
            }

            tokens[id] = (sentence, token.Value);
            order.Add(id);
        }

        // Action mentions (ACTION_* and NEG_* markables with token anchors) → the sentence of their first token.
        var actions = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var markable in xml.Root?.Element("Markables")?.Elements() ?? [])
        {
            var name = markable.Name.LocalName;
            var anchor = (string?)markable.Element("token_anchor")?.Attribute("t_id");
            if ((name.StartsWith("ACTION", StringComparison.Ordinal) || name.StartsWith("NEG", StringComparison.Ordinal))
                && anchor is not null && tokens.TryGetValue(anchor, out var first) && (string?)markable.Attribute("m_id") is { } mention)
            {
                actions.TryAdd(mention, first.Sentence);
            }
        }

        var chains = new Dictionary<int, SortedSet<string>>();
        foreach (var relation in xml.Root?.Element("Relations")?.Elements("CROSS_DOC_COREF") ?? [])
        {
            var chain = (string?)relation.Attribute("note");
            if (chain is null || !(chain.StartsWith("ACT", StringComparison.Ordinal) || chain.StartsWith("NEG", StringComparison.Ordinal)))
            {
                continue;
            }

            foreach (var source in relation.Elements("source"))
            {
                if (actions.TryGetValue((string?)source.Attribute("m_id") ?? string.Empty, out var at))
                {
                    if (!chains.TryGetValue(at, out var set))
                    {
                        chains[at] = set = new SortedSet<string>(StringComparer.Ordinal);
                    }

                    set.Add(chain);
                }
            }
        }

        foreach (var (number, set) in chains.OrderBy(c => c.Key))
        {
            if (numbers.Contains(number))
            {
                var text = Detokenise(order.Select(t => tokens[t]).Where(t => t.Sentence == number).Select(t => t.Text));
                yield return new EcbSentence(topic, document, plus, number, text, [.. set]);
            }
        }
    }

    private static string Detokenise(IEnumerable<string> tokens)
    {
        var text = new StringBuilder();
        foreach (var token in tokens)
        {
            var glued = token is "," or "." or ":" or ";" or "!" or "?" or ")" or "'s" or "n't" or "''" or "%"
                || (text.Length > 0 && text[^1] is '(' or '$');
            if (text.Length > 0 && !glued)
            {
                text.Append(' ');
            }

            text.Append(token switch
            {
                "``" or "''" => "\"",
                _ => token,
            });
        }

        return text.ToString();
    }
}
