using System.Globalization;
using System.Text;
using System.Xml;
using System.Xml.Linq;

namespace Sitrep.Entities.Evaluation;

/// <summary>One gold entity mention of ECB+ (a participant or a location, never an action or a time).</summary>
/// <param name="Id">The mention's <c>m_id</c> in its file.</param>
/// <param name="Start">Start offset in <see cref="EcbPlusEntityDocument.Text"/>.</param>
/// <param name="End">End offset (exclusive).</param>
/// <param name="Text">The mention as written in the rebuilt text.</param>
/// <param name="Tag">Its ECB+ tag (<c>HUMAN_PART_PER</c>, <c>LOC_GEO</c>…), the chain's tag when it is linked across documents.</param>
/// <param name="Chain">Id of its coreference chain; a mention in no chain has a chain of its own.</param>
/// <param name="Scored">Whether its sentence is one of the fully annotated ones (the sentences CSV).</param>
public sealed record GoldEntityMention(string Id, int Start, int End, string Text, string Tag, string Chain, bool Scored);

/// <summary>One ECB+ document rebuilt as text, with its gold entity mentions as offsets into that text.</summary>
/// <param name="Name">File name without <c>.xml</c> (<c>1_10ecbplus</c>).</param>
/// <param name="Topic">The topic number.</param>
/// <param name="Text">The text: tokens joined as they were most likely spaced, one paragraph per ECB+ sentence.</param>
/// <param name="Mentions">Gold entity mentions in text order.</param>
public sealed record EcbPlusEntityDocument(string Name, int Topic, string Text, IReadOnlyList<GoldEntityMention> Mentions)
{
    /// <summary>The sub-event: <c>ecbplus</c> for the newer component of a topic, <c>ecb</c> for the original one.</summary>
    public string SubEvent => Name.EndsWith("ecbplus", StringComparison.Ordinal) ? "ecbplus" : "ecb";
}

/// <summary>
/// Reads ECB+ (Cybulska and Vossen 2014) for entity coreference: each file's tokens become text with a token → character
/// map, and its participant and location markables (<c>HUMAN_PART_*</c>, <c>NON_HUMAN_PART*</c>, <c>LOC_*</c>) become
/// spans linked into chains by <c>INTRA_DOC_COREF</c> and <c>CROSS_DOC_COREF</c> relations.
/// </summary>
/// <remarks>
/// A space goes between tokens except before closing punctuation and clitics and after opening ones; numbers split by the
/// ECB+ tokenizer (<c>6 . 1</c>) and hyphenated words (<c>south - west</c>) are joined again. Sentence 0 of an
/// <c>*ecbplus.xml</c> file, the page address, is left out.
/// </remarks>
public static class EcbPlusEntityCorpus
{
    private const long MaxFileBytes = 16 << 20;

    private static readonly HashSet<string> NoSpaceBefore = new(StringComparer.Ordinal) { ",", ".", ":", ";", "!", "?", ")", "'s", "n't", "%", "'", "]", "}", "''", "’s" };

    private static readonly HashSet<string> NoSpaceAfter = new(StringComparer.Ordinal) { "(", "$", "[", "{", "``" };

    /// <summary>Whether an ECB+ tag marks an entity (participant or location) rather than an action or a time.</summary>
    public static bool IsEntityTag(string tag)
    {
        ArgumentNullException.ThrowIfNull(tag);
        return tag.StartsWith("HUMAN_PART", StringComparison.Ordinal) || tag.StartsWith("NON_HUMAN_PART", StringComparison.Ordinal) || tag.StartsWith("LOC_", StringComparison.Ordinal);
    }

    /// <summary>Parses a topic list such as <c>1-35</c> or <c>1,3,5-9</c>.</summary>
    /// <exception cref="FormatException">A part is not a number or a range.</exception>
    public static SortedSet<int> ParseTopics(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var topics = new SortedSet<int>();
        foreach (var part in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var dash = part.IndexOf('-', StringComparison.Ordinal);
            var from = int.Parse(dash < 0 ? part : part[..dash], NumberStyles.None, CultureInfo.InvariantCulture);
            var to = dash < 0 ? from : int.Parse(part[(dash + 1)..], NumberStyles.None, CultureInfo.InvariantCulture);
            if (to < from || to - from > 10_000)
            {
                throw new FormatException($"'{part}' is not a range from low to high");
            }

            for (var t = from; t <= to; t++)
            {
                topics.Add(t);
            }
        }

        return topics;
    }

    /// <summary>Reads the documents of the given topics, in topic then name order; topics without a folder are skipped.</summary>
    /// <param name="directory">The ECB+ directory holding <c>ECB+/&lt;topic&gt;/*.xml</c> and <c>ECBplus_coreference_sentences*.csv</c>.</param>
    /// <param name="topics">The topics to read.</param>
    /// <exception cref="InvalidDataException">The directory is not ECB+, or a file is malformed.</exception>
    public static IReadOnlyList<EcbPlusEntityDocument> Read(string directory, IEnumerable<int> topics)
    {
        ArgumentNullException.ThrowIfNull(directory);
        ArgumentNullException.ThrowIfNull(topics);
        var xmlRoot = Path.Combine(directory, "ECB+");
        var csv = Directory.Exists(directory) ? Directory.GetFiles(directory, "ECBplus_coreference_sentences*.csv").Order(StringComparer.Ordinal).FirstOrDefault() : null;
        if (!Directory.Exists(xmlRoot) || csv is null)
        {
            throw new InvalidDataException($"'{directory}' is not an ECB+ directory: expected an 'ECB+' folder of topics and an 'ECBplus_coreference_sentences*.csv' file.");
        }

        var selected = ReadSelection(csv);
        var documents = new List<EcbPlusEntityDocument>();
        foreach (var topic in topics.Distinct().Order())
        {
            var folder = Path.Combine(xmlRoot, topic.ToString(CultureInfo.InvariantCulture));
            if (!Directory.Exists(folder))
            {
                continue;
            }

            foreach (var file in Directory.GetFiles(folder, "*.xml").Order(StringComparer.Ordinal))
            {
                var name = Path.GetFileNameWithoutExtension(file);
                var underscore = name.IndexOf('_', StringComparison.Ordinal);
                var key = (topic, underscore >= 0 ? name[(underscore + 1)..] : name);
                documents.Add(ReadDocument(file, topic, selected.GetValueOrDefault(key) ?? []));
            }
        }

        return documents;
    }

    /// <summary>Reads one ECB+ file.</summary>
    /// <param name="path">The XML file.</param>
    /// <param name="topic">Its topic.</param>
    /// <param name="scoredSentences">Numbers of its fully annotated sentences.</param>
    /// <exception cref="InvalidDataException">The file is too large or not ECB+ XML.</exception>
    public static EcbPlusEntityDocument ReadDocument(string path, int topic, IReadOnlySet<int> scoredSentences)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(scoredSentences);
        if (new FileInfo(path).Length > MaxFileBytes)
        {
            throw new InvalidDataException($"'{path}' is larger than {MaxFileBytes} bytes.");
        }

        XDocument xml;
        try
        {
            using var reader = XmlReader.Create(path, new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null });
            xml = XDocument.Load(reader);
        }
        catch (XmlException ex)
        {
            throw new InvalidDataException($"'{path}' is not ECB+ XML: {ex.Message}", ex);
        }

        var name = Path.GetFileNameWithoutExtension(path);
        return FromXml(xml, name, topic, scoredSentences);
    }

    /// <summary>Builds a document from parsed ECB+ XML (see <see cref="ReadDocument"/>).</summary>
    /// <exception cref="InvalidDataException">A token or markable is malformed.</exception>
    public static EcbPlusEntityDocument FromXml(XDocument xml, string name, int topic, IReadOnlySet<int> scoredSentences)
    {
        ArgumentNullException.ThrowIfNull(xml);
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(scoredSentences);
        var root = xml.Root ?? throw new InvalidDataException($"'{name}' has no root element.");
        var tokens = new List<(string Id, int Sentence, string Text)>();
        foreach (var token in root.Elements("token"))
        {
            var id = (string?)token.Attribute("t_id") ?? throw new InvalidDataException($"'{name}': a token has no t_id.");
            if (!int.TryParse((string?)token.Attribute("sentence"), NumberStyles.None, CultureInfo.InvariantCulture, out var sentence))
            {
                throw new InvalidDataException($"'{name}': token {id} has no sentence number.");
            }

            tokens.Add((id, sentence, token.Value));
        }

        var plus = name.EndsWith("ecbplus", StringComparison.Ordinal);
        var text = new StringBuilder();
        var offsets = new Dictionary<string, (int Start, int End, int Sentence)>(StringComparer.Ordinal);
        foreach (var sentence in tokens.GroupBy(t => t.Sentence).OrderBy(g => g.Key))
        {
            var words = sentence.ToList();
            var texts = words.ConvertAll(w => w.Text);
            if (sentence.Key == 0 && plus && words.Exists(t => t.Text.Contains("http", StringComparison.Ordinal) || t.Text.Contains("www", StringComparison.Ordinal)))
            {
                continue;
            }

            if (text.Length > 0)
            {
                text.Append("\n\n");
            }

            for (var i = 0; i < words.Count; i++)
            {
                if (i > 0 && SpaceBefore(texts, i))
                {
                    text.Append(' ');
                }

                var start = text.Length;
                text.Append(words[i].Text);
                offsets[words[i].Id] = (start, text.Length, sentence.Key);
            }
        }

        var body = text.ToString();
        var markables = root.Element("Markables")?.Elements() ?? [];
        var descriptors = new Dictionary<string, string>(StringComparer.Ordinal);
        var mentions = new Dictionary<string, (int Start, int End, int Sentence, string Tag)>(StringComparer.Ordinal);
        foreach (var markable in markables)
        {
            var id = (string?)markable.Attribute("m_id");
            if (id is null)
            {
                continue;
            }

            var anchors = markable.Elements("token_anchor").Select(a => (string?)a.Attribute("t_id")).Where(t => t is not null && offsets.ContainsKey(t)).Select(t => offsets[t!]).ToList();
            if (anchors.Count == 0)
            {
                descriptors[id] = markable.Name.LocalName;
                continue;
            }

            if (IsEntityTag(markable.Name.LocalName))
            {
                mentions[id] = (anchors.Min(a => a.Start), anchors.Max(a => a.End), anchors[0].Sentence, markable.Name.LocalName);
            }
        }

        // Chains: mentions joined through a relation's target (another mention within the document, or the cross-document
        // instance a CROSS_DOC_COREF names in its note).
        var parent = new Dictionary<string, string>(StringComparer.Ordinal);
        string Find(string x)
        {
            while (parent.TryGetValue(x, out var p) && p != x)
            {
                x = p;
            }

            return x;
        }

        var chainTag = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var relation in root.Element("Relations")?.Elements() ?? [])
        {
            var target = (string?)relation.Element("target")?.Attribute("m_id");
            if (target is null)
            {
                continue;
            }

            var instance = relation.Name.LocalName == "CROSS_DOC_COREF" ? (string?)relation.Attribute("note") : null;
            var node = instance is not null ? "i:" + instance : "m:" + target;
            if (instance is not null && descriptors.TryGetValue(target, out var tag))
            {
                chainTag[node] = tag;
            }

            foreach (var source in relation.Elements("source").Select(s => (string?)s.Attribute("m_id")).Where(s => s is not null))
            {
                var a = Find("m:" + source);
                var b = Find(node);
                if (a != b)
                {
                    // Instances stay roots, so a chain's id is its cross-document instance where it has one.
                    if (a.StartsWith("i:", StringComparison.Ordinal))
                    {
                        parent[b] = a;
                    }
                    else
                    {
                        parent[a] = b;
                    }
                }
            }
        }

        var gold = mentions
            .Select(m =>
            {
                var chain = Find("m:" + m.Key);
                var tag = chainTag.TryGetValue(chain, out var t) && IsEntityTag(t) ? t : m.Value.Tag;
                var id = chain.StartsWith("i:", StringComparison.Ordinal) ? chain[2..] : name + "#" + chain[2..];
                return new GoldEntityMention(m.Key, m.Value.Start, m.Value.End, body[m.Value.Start..m.Value.End], tag, id, scoredSentences.Contains(m.Value.Sentence));
            })
            .OrderBy(m => m.Start).ThenBy(m => m.End).ToList();
        return new EcbPlusEntityDocument(name, topic, body, gold);
    }

    private static Dictionary<(int Topic, string File), HashSet<int>> ReadSelection(string csv)
    {
        var result = new Dictionary<(int, string), HashSet<int>>();
        foreach (var line in File.ReadLines(csv).Skip(1))
        {
            var parts = line.Split(',');
            if (parts.Length < 3 || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var topic)
                || !int.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var sentence))
            {
                continue;
            }

            var key = (topic, parts[1].Trim());
            if (!result.TryGetValue(key, out var set))
            {
                result[key] = set = [];
            }

            set.Add(sentence);
        }

        return result;
    }

    private static bool SpaceBefore(List<string> t, int i) => Sitrep.Text.TokenSpacing.SpaceBefore(t, i, NoSpaceBefore, NoSpaceAfter);
}
