using Sitrep.Documents;
using Sitrep.Pipeline;

namespace Sitrep.Syntax;

/// <summary>
/// The syntax of one document: one <see cref="ParsedSentence"/> per document sentence, in the order of
/// <c>AnalyzedDocument.Sentences</c>, whose word <c>i</c> is token <c>FirstToken + i</c> of that sentence (so a word's
/// characters are those of its token: <see cref="RangeOf"/>).
/// </summary>
/// <remarks>
/// A layer is either parsed ahead (every sentence, by <see cref="SyntaxStage"/> in its default mode) or on demand
/// (<see cref="SyntaxOptions.OnDemand"/>): then a sentence is parsed the first time a stage asks for it, and callers
/// that need several ask for them together (<see cref="Prepare"/>) so that they are tagged and parsed in one batch.
/// A sentence longer than <see cref="MaxSentenceWords"/> tokens is not parsed at all (<see cref="Of"/> returns null):
/// such a "sentence" is a table, a list or run-on junk, and a caller falls back to what it does without syntax.
/// Safe to read from several threads.
/// </remarks>
public sealed class SyntaxLayer
{
    private readonly ParsedSentence?[] _parses;
    private readonly bool[] _done;
    private readonly AnalyzedDocument? _document;
    private readonly SyntaxModel? _model;
    private readonly SentenceParseCache? _cache;
    private readonly Lock _gate = new();

    /// <summary>A layer of parses made beforehand, one per sentence (empty for a sentence without tokens).</summary>
    public SyntaxLayer(IReadOnlyList<ParsedSentence> sentences)
    {
        ArgumentNullException.ThrowIfNull(sentences);
        _parses = [.. sentences];
        _done = [.. sentences.Select(_ => true)];
        MaxSentenceWords = int.MaxValue;
    }

    /// <summary>A layer that parses the sentences of <paramref name="document"/> with <paramref name="model"/> when asked.</summary>
    internal SyntaxLayer(AnalyzedDocument document, SyntaxModel model, int maxSentenceWords, SentenceParseCache? cache = null)
    {
        _document = document;
        _model = model;
        _cache = cache;
        _parses = new ParsedSentence?[document.Sentences.Count];
        _done = new bool[_parses.Length];
        MaxSentenceWords = maxSentenceWords;
    }

    /// <summary>Sentences longer than this many tokens are left unparsed.</summary>
    public int MaxSentenceWords { get; }

    /// <summary>Number of sentences.</summary>
    public int Count => _parses.Length;

    /// <summary>
    /// Every sentence's parse, in order (parsing those not parsed yet); a sentence left unparsed (too long) is
    /// <see cref="ParsedSentence.Empty"/>.
    /// </summary>
    public IReadOnlyList<ParsedSentence> Sentences
    {
        get
        {
            Prepare(Enumerable.Range(0, _parses.Length));
            return [.. _parses.Select(p => p ?? ParsedSentence.Empty)];
        }
    }

    /// <summary>The parse of sentence <paramref name="sentence"/>, or null when it is longer than <see cref="MaxSentenceWords"/>.</summary>
    public ParsedSentence? Of(int sentence)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(sentence);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(sentence, _parses.Length);
        Prepare([sentence]);
        return _parses[sentence];
    }

    /// <summary>True when sentence <paramref name="sentence"/> has been parsed (always for a layer parsed ahead, unless too long).</summary>
    public bool IsParsed(int sentence)
    {
        lock (_gate)
        {
            return (uint)sentence < (uint)_parses.Length && _parses[sentence] is { Count: > 0 };
        }
    }

    /// <summary>Parses the given sentences that are not parsed yet, in one batch.</summary>
    public void Prepare(IEnumerable<int> sentences)
    {
        ArgumentNullException.ThrowIfNull(sentences);
        if (_document is null || _model is null)
        {
            return;
        }

        lock (_gate)
        {
            var wanted = new List<int>();
            foreach (var s in sentences)
            {
                // _done is set as a sentence is taken, so a sentence asked for twice is taken once.
                if ((uint)s < (uint)_parses.Length && !_done[s])
                {
                    _done[s] = true;
                    wanted.Add(s);
                }
            }

            if (wanted.Count == 0)
            {
                return;
            }

            var parsed = new List<int>(wanted.Count);
            foreach (var s in wanted)
            {
                var count = _document.Sentences[s].TokenCount;
                if (count == 0)
                {
                    _parses[s] = ParsedSentence.Empty;
                }
                else if (count <= MaxSentenceWords)
                {
                    parsed.Add(s);
                }
            }

            var text = _document.Text;
            var words = new List<IReadOnlyList<string>>(parsed.Count);
            var toParse = new List<int>(parsed.Count);
            var keys = new List<string>(parsed.Count);
            foreach (var s in parsed)
            {
                var tokens = _document.TokensOf(_document.Sentences[s]);
                var forms = new string[tokens.Length];
                for (var i = 0; i < forms.Length; i++)
                {
                    forms[i] = text.Substring(tokens[i].Start, tokens[i].Length);
                }

                if (_cache is not null)
                {
                    var key = SentenceParseCache.KeyOf(forms);
                    if (_cache.TryGet(key, out var cached))
                    {
                        _parses[s] = cached;
                        continue;
                    }

                    keys.Add(key);
                }

                toParse.Add(s);
                words.Add(forms);
            }

            if (words.Count == 0)
            {
                return;
            }

            var results = _model.Parse(words);
            for (var i = 0; i < toParse.Count; i++)
            {
                _parses[toParse[i]] = results[i];
                _cache?.Add(keys[i], results[i]);
            }
        }
    }

    /// <summary>
    /// Where word <paramref name="word"/> of sentence <paramref name="sentence"/> is written: the characters of its token
    /// (only for a layer made by <see cref="SyntaxStage"/>, which knows the document).
    /// </summary>
    /// <exception cref="InvalidOperationException">The layer was made from parses alone.</exception>
    public TextRange RangeOf(int sentence, int word)
    {
        var document = _document ?? throw new InvalidOperationException("This syntax layer was made from parses alone and does not know the document's tokens.");
        var s = document.Sentences[sentence];
        ArgumentOutOfRangeException.ThrowIfNegative(word);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(word, s.TokenCount);
        return document.Tokens[s.FirstToken + word].Range;
    }

    /// <summary>A layer that knows its document, for the stage.</summary>
    internal static SyntaxLayer Parsed(AnalyzedDocument document, SyntaxModel model, int maxSentenceWords, SentenceParseCache? cache = null)
    {
        var layer = new SyntaxLayer(document, model, maxSentenceWords, cache);
        layer.Prepare(Enumerable.Range(0, layer.Count));
        return layer;
    }
}
