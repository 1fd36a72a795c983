using System.Collections;

namespace Sitrep.Syntax;

/// <summary>One word of a parsed sentence.</summary>
/// <param name="Form">The word as given to the parser.</param>
/// <param name="Upos">Universal part of speech (<c>NOUN</c>, <c>VERB</c>, <c>NUM</c>, …).</param>
/// <param name="Xpos">Penn Treebank tag (<c>NNS</c>, <c>VBD</c>, …), as English-EWT writes it.</param>
/// <param name="Lemma">Dictionary form (<c>killed</c> → <c>kill</c>, <c>n't</c> → <c>not</c>); proper nouns keep their case.</param>
/// <param name="Head">Index of the head word within the sentence, or -1 for the root.</param>
/// <param name="Relation">Universal Dependencies relation to the head, with English-EWT's subtypes (<c>nsubj:pass</c>, <c>nummod</c>, <c>root</c>, …).</param>
public readonly record struct ParsedWord(string Form, string Upos, string Xpos, string Lemma, int Head, string Relation);

/// <summary>
/// A sentence with a part of speech, a lemma, a head and a relation per word. Word <c>i</c> here is word (or token)
/// <c>i</c> of the input, so indexes line up with the tokens the caller passed in.
/// </summary>
/// <remarks>
/// Every word has exactly one head, and following heads always ends at a root (no cycles). A sentence normally has
/// one root; one longer than <see cref="SyntaxModel.MaxChunk"/> words is parsed in consecutive chunks, each with its
/// own root.
/// </remarks>
public sealed class ParsedSentence : IReadOnlyList<ParsedWord>
{
    private readonly ParsedWord[] _words;

    internal ParsedSentence(ParsedWord[] words)
    {
        _words = words;
    }

    /// <summary>An empty sentence.</summary>
    public static ParsedSentence Empty { get; } = new([]);

    /// <summary>Number of words.</summary>
    public int Count => _words.Length;

    /// <summary>Word <paramref name="index"/>.</summary>
    public ParsedWord this[int index] => _words[index];

    /// <summary>The indexes of the words whose head is <paramref name="head"/>, in order.</summary>
    public IEnumerable<int> DependentsOf(int head)
    {
        for (var i = 0; i < _words.Length; i++)
        {
            if (_words[i].Head == head)
            {
                yield return i;
            }
        }
    }

    /// <summary>The index of the first root word, or -1 when the sentence is empty.</summary>
    public int Root => Array.FindIndex(_words, w => w.Head < 0);

    /// <inheritdoc />
    public IEnumerator<ParsedWord> GetEnumerator() => ((IEnumerable<ParsedWord>)_words).GetEnumerator();

    /// <inheritdoc />
    IEnumerator IEnumerable.GetEnumerator() => _words.GetEnumerator();
}
