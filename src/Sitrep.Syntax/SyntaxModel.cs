using System.IO.Compression;
using System.Text;
using Sitrep.Pipeline;
using Sitrep.Syntax.Features;
using Sitrep.Syntax.Lemmas;
using Sitrep.Syntax.Parsing;
using Sitrep.Syntax.Tagging;
using Sitrep.Text;

namespace Sitrep.Syntax;

/// <summary>
/// Part-of-speech tagger, lemmatiser and labelled dependency parser in one model, trained on UD English-EWT: an
/// averaged perceptron tagger over (UPOS, XPOS) pairs, a lexicon-and-suffix-rule lemmatiser and a greedy arc-eager
/// parser. Immutable once loaded and safe to call from many threads at once; load it once and reuse it
/// (<see cref="Default"/> is the shipped model, loaded on first use).
/// </summary>
/// <remarks>
/// Words are read as English-EWT writes them: clitics split (<c>do</c> <c>n't</c>), curly quotes and long dashes are
/// folded to the ASCII forms the treebank uses, and unknown words are read by their affixes and shape, so Sitrep's own
/// tokens (which keep hyphenated words and abbreviations whole) parse sensibly. Time and memory are linear in the
/// sentence length; a sentence longer than <see cref="MaxChunk"/> words is parsed in consecutive chunks.
/// </remarks>
public sealed class SyntaxModel
{
    /// <summary>Versioned component name of the shipped model.</summary>
    public const string ComponentName = "syntax.perceptron.v2";

    /// <summary>File name of the shipped model (embedded in this assembly).</summary>
    public const string ShippedFileName = "syntax-ewt.bin.gz";

    /// <summary>Longest stretch of words parsed as one tree; longer sentences are parsed in chunks of this size.</summary>
    public const int MaxChunk = 200;

    private const string Magic = "SITREP-SYNTAX";
    private const int FormatVersion = 2;

    private static readonly Lazy<SyntaxModel> Shipped = new(LoadShipped, LazyThreadSafetyMode.ExecutionAndPublication);

    [ThreadStatic]
    private static Scratch? _scratch;

    internal SyntaxModel(TagSet tags, IReadOnlyList<string> labels, SparseWeights tagger, IReadOnlyDictionary<ulong, ulong> ambiguity, SparseWeights parser, Lemmatizer lemmatizer, string description, WordClusters clusters)
    {
        Clusters = clusters;
        Tags = tags;
        TaggerWeights = tagger;
        ParserWeights = parser;
        Tagger = new PosTagger(tags, tagger, ambiguity);
        Parser = new ArcEagerParser(labels, parser);
        Lemmatizer = lemmatizer;
        Description = description;
    }

    /// <summary>The shipped model, loaded once on first use.</summary>
    public static SyntaxModel Default => Shipped.Value;

    /// <summary>How the model was trained (data, epochs, settings).</summary>
    public string Description { get; }

    /// <summary>The dependency relations the parser can assign.</summary>
    public IReadOnlyList<string> Relations => Parser.Labels;

    internal TagSet Tags { get; }

    /// <summary>The word clusters the model reads (<see cref="WordClusters.None"/> for a model trained without).</summary>
    internal WordClusters Clusters { get; }

    internal SparseWeights TaggerWeights { get; }

    internal SparseWeights ParserWeights { get; }

    internal PosTagger Tagger { get; }

    internal ArcEagerParser Parser { get; }

    internal Lemmatizer Lemmatizer { get; }

    /// <summary>Tags, lemmatises and parses one sentence given as words.</summary>
    public ParsedSentence Parse(IReadOnlyList<string> words)
    {
        ArgumentNullException.ThrowIfNull(words);
        return Run([Forms(words)])[0];
    }

    /// <summary>
    /// Tags, lemmatises and parses several sentences given as words, such as a document's: the same parses as one
    /// sentence at a time, faster, because the words of up to <see cref="BatchWords"/> are all tagged before any is
    /// parsed, so that the tagger's and the parser's weights each stay in cache while they are read.
    /// </summary>
    public IReadOnlyList<ParsedSentence> Parse(IReadOnlyList<IReadOnlyList<string>> sentences)
    {
        ArgumentNullException.ThrowIfNull(sentences);
        var forms = new string[sentences.Count][];
        for (var s = 0; s < forms.Length; s++)
        {
            forms[s] = sentences[s] is { } words ? Forms(words) : [];
        }

        return Run(forms);
    }

    /// <summary>Tags, lemmatises and parses the <paramref name="tokens"/> of one sentence of <paramref name="text"/>.</summary>
    public ParsedSentence Parse(string text, ReadOnlySpan<Token> tokens)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Run([Forms(text, tokens)])[0];
    }

    /// <summary>Tags, lemmatises and parses one sentence of an analysed document (its tokens must be assigned).</summary>
    public ParsedSentence Parse(AnalyzedDocument document, Sentence sentence)
    {
        ArgumentNullException.ThrowIfNull(document);
        return Parse(document.Text, document.TokensOf(sentence));
    }

    /// <summary>Tags, lemmatises and parses every sentence of an analysed document (its tokens must be assigned), in batches.</summary>
    public IReadOnlyList<ParsedSentence> Parse(AnalyzedDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var forms = new string[document.Sentences.Count][];
        for (var s = 0; s < forms.Length; s++)
        {
            forms[s] = Forms(document.Text, document.TokensOf(document.Sentences[s]));
        }

        return Run(forms);
    }

    /// <summary>Most words tagged ahead of parsing in one batch (a longer sentence is a batch of its own).</summary>
    public const int BatchWords = 2048;

    private static string[] Forms(IReadOnlyList<string> words)
    {
        var forms = new string[words.Count];
        for (var i = 0; i < forms.Length; i++)
        {
            forms[i] = words[i] ?? string.Empty;
        }

        return forms;
    }

    private static string[] Forms(string text, ReadOnlySpan<Token> tokens)
    {
        var forms = new string[tokens.Length];
        for (var i = 0; i < tokens.Length; i++)
        {
            forms[i] = text.Substring(tokens[i].Start, tokens[i].Length);
        }

        return forms;
    }

    private ParsedSentence[] Run(string[][] sentences)
    {
        var result = new ParsedSentence[sentences.Length];
        var first = 0;
        while (first < sentences.Length)
        {
            var end = first;
            var total = 0;
            while (end < sentences.Length && (end == first || total + sentences[end].Length <= BatchWords))
            {
                total += sentences[end++].Length;
            }

            var scratch = Scratch.For(total);
            var at = 0;
            for (var s = first; s < end; s++)
            {
                foreach (var form in sentences[s])
                {
                    scratch.Words[at++] = WordInfo.From(form, Clusters);
                }
            }

            at = 0;
            for (var s = first; s < end; s++)
            {
                var count = sentences[s].Length;
                Tagger.Tag(scratch.Words.AsSpan(at, count), scratch.Tags.AsSpan(at, count));
                at += count;
            }

            at = 0;
            for (var s = first; s < end; s++)
            {
                var count = sentences[s].Length;
                ParseChunks(scratch.Words.AsSpan(at, count), scratch.Tags.AsSpan(at, count), scratch.State, scratch.Heads.AsSpan(at, count), scratch.Labels.AsSpan(at, count));
                at += count;
            }

            at = 0;
            for (var s = first; s < end; s++)
            {
                var forms = sentences[s];
                result[s] = forms.Length == 0 ? ParsedSentence.Empty : Words(forms, scratch.Tags.AsSpan(at, forms.Length), scratch.Heads.AsSpan(at, forms.Length), scratch.Labels.AsSpan(at, forms.Length));
                at += forms.Length;
            }

            first = end;
        }

        return result;
    }

    private void ParseChunks(ReadOnlySpan<WordInfo> words, ReadOnlySpan<int> tags, ParserState state, Span<int> heads, Span<int> labels)
    {
        var count = words.Length;
        for (var start = 0; start < count; start += MaxChunk)
        {
            var length = Math.Min(MaxChunk, count - start);
            Parser.Parse(words.Slice(start, length), tags.Slice(start, length), state, heads.Slice(start, length), labels.Slice(start, length));
            if (start > 0)
            {
                for (var i = start; i < start + length; i++)
                {
                    if (heads[i] >= 0)
                    {
                        heads[i] += start;
                    }
                }
            }
        }
    }

    private ParsedSentence Words(string[] forms, ReadOnlySpan<int> tags, ReadOnlySpan<int> heads, ReadOnlySpan<int> labels)
    {
        var result = new ParsedWord[forms.Length];
        for (var i = 0; i < forms.Length; i++)
        {
            var tag = tags[i];
            var upos = Tags.Upos(tag);
            result[i] = new ParsedWord(forms[i], upos, Tags.Xpos(tag), Lemmatizer.Lemma(forms[i], tag, upos), heads[i], Parser.Labels[labels[i]]);
        }

        return new ParsedSentence(result);
    }

    /// <summary>Loads a model written by <see cref="Save(Stream)"/>.</summary>
    /// <exception cref="InvalidDataException">The stream is not a complete Sitrep syntax model.</exception>
    public static SyntaxModel Load(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        try
        {
            using var gzip = new GZipStream(stream, CompressionMode.Decompress);
            using var buffered = new BufferedStream(gzip, 1 << 16);
            using var reader = new BinaryReader(buffered, Encoding.UTF8);
            var magic = reader.ReadString();
            var version = reader.ReadInt32();
            if (!string.Equals(magic, Magic, StringComparison.Ordinal) || version is < 1 or > FormatVersion)
            {
                throw new InvalidDataException($"Not a Sitrep syntax model (format '{magic}' v{version}); expected '{Magic}' v{FormatVersion}.");
            }

            var description = reader.ReadString();

            // Version 1 predates the word clusters; version 2 says whether the model reads them.
            var clusters = version >= 2 && reader.ReadBoolean() ? WordClusters.Default : WordClusters.None;
            var tags = new TagSet();
            var tagCount = reader.ReadInt32();
            for (var i = 0; i < tagCount; i++)
            {
                tags.Add(reader.ReadString(), reader.ReadString());
            }

            var labels = new string[reader.ReadInt32()];
            for (var i = 0; i < labels.Length; i++)
            {
                labels[i] = string.Intern(reader.ReadString());
            }

            var tagger = ModelIO.ReadWeights(reader);
            var ambiguity = ModelIO.ReadAmbiguity(reader);
            var parser = ModelIO.ReadWeights(reader);
            var lemmatizer = ModelIO.ReadLemmatizer(reader);
            return new SyntaxModel(tags, labels, tagger, ambiguity, parser, lemmatizer, description, clusters);
        }
        catch (EndOfStreamException ex)
        {
            throw new InvalidDataException("The syntax model file ends early: not a complete model.", ex);
        }
    }

    /// <summary>Loads a model file.</summary>
    /// <exception cref="InvalidDataException">The file is not a complete Sitrep syntax model.</exception>
    public static SyntaxModel Load(string path)
    {
        using var file = File.OpenRead(path);
        return Load(file);
    }

    /// <summary>Writes the model (gzip; weights quantised to 16 bits, zeros left out).</summary>
    public void Save(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var gzip = new GZipStream(stream, CompressionLevel.SmallestSize, leaveOpen: true);
        using var writer = new BinaryWriter(gzip, Encoding.UTF8);
        writer.Write(Magic);
        writer.Write(FormatVersion);
        writer.Write(Description);
        writer.Write(Clusters.Count > 0);
        writer.Write(Tags.Count);
        for (var i = 0; i < Tags.Count; i++)
        {
            writer.Write(Tags.Upos(i));
            writer.Write(Tags.Xpos(i));
        }

        writer.Write(Parser.Labels.Count);
        foreach (var label in Parser.Labels)
        {
            writer.Write(label);
        }

        ModelIO.WriteWeights(writer, TaggerWeights);
        ModelIO.WriteAmbiguity(writer, Tagger.Ambiguity);
        ModelIO.WriteWeights(writer, ParserWeights);
        ModelIO.WriteLemmatizer(writer, Lemmatizer);
    }

    /// <summary>Writes the model to a file.</summary>
    public void Save(string path)
    {
        using var file = File.Create(path);
        Save(file);
    }

    private static SyntaxModel LoadShipped()
    {
        var resource = "Sitrep.Syntax.Models." + ShippedFileName;
        using var stream = typeof(SyntaxModel).Assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"The shipped model '{resource}' is missing from the assembly; rebuild Sitrep.Syntax after `sitrep train ud`.");
        return Load(stream);
    }

    /// <summary>Per-thread buffers, so that parsing allocates only its result.</summary>
    private sealed class Scratch
    {
        public WordInfo[] Words = new WordInfo[64];
        public int[] Tags = new int[64];
        public int[] Heads = new int[64];
        public int[] Labels = new int[64];
        public readonly ParserState State = new();

        public static Scratch For(int words)
        {
            var scratch = _scratch ??= new Scratch();
            if (scratch.Words.Length < words)
            {
                var size = Math.Max(words, scratch.Words.Length * 2);
                scratch.Words = new WordInfo[size];
                scratch.Tags = new int[size];
                scratch.Heads = new int[size];
                scratch.Labels = new int[size];
            }

            return scratch;
        }
    }
}
