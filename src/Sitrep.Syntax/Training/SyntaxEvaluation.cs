using System.Globalization;

namespace Sitrep.Syntax.Training;

/// <summary>
/// Scores of predicted syntax against gold CoNLL-U, over every syntactic word (punctuation included, as the CoNLL 2018
/// shared task counts): tag and lemma accuracy, unlabelled and labelled attachment. <see cref="Las"/> compares full
/// relations (<c>nsubj:pass</c> is not <c>nsubj</c>); <see cref="UniversalLas"/> compares only the universal part,
/// as the CoNLL 2018 evaluation script does.
/// </summary>
public sealed class SyntaxEvaluation
{
    private long _upos;
    private long _xpos;
    private long _lemma;
    private long _heads;
    private long _labelled;
    private long _universal;

    /// <summary>Words scored.</summary>
    public long Words { get; private set; }

    /// <summary>Sentences scored.</summary>
    public long Sentences { get; private set; }

    /// <summary>Share of words with the gold universal tag.</summary>
    public double Upos => Share(_upos);

    /// <summary>Share of words with the gold treebank tag.</summary>
    public double Xpos => Share(_xpos);

    /// <summary>Share of words with the gold lemma.</summary>
    public double Lemma => Share(_lemma);

    /// <summary>Unlabelled attachment score: share of words with the gold head.</summary>
    public double Uas => Share(_heads);

    /// <summary>Labelled attachment score: share of words with the gold head and the gold relation, subtypes included.</summary>
    public double Las => Share(_labelled);

    /// <summary>Labelled attachment score comparing only the universal part of relations (CoNLL 2018).</summary>
    public double UniversalLas => Share(_universal);

    /// <summary>Adds one sentence.</summary>
    public void Add(ConlluSentence gold, ParsedSentence predicted)
    {
        ArgumentNullException.ThrowIfNull(gold);
        ArgumentNullException.ThrowIfNull(predicted);
        Sentences++;
        for (var i = 0; i < gold.Words.Count; i++)
        {
            Words++;
            var p = predicted[i];
            _upos += p.Upos == gold.Upos[i] ? 1 : 0;
            _xpos += p.Xpos == gold.Xpos[i] ? 1 : 0;
            _lemma += p.Lemma == gold.Lemmas[i] ? 1 : 0;
            if (p.Head == gold.Heads[i])
            {
                _heads++;
                _labelled += p.Relation == gold.Relations[i] ? 1 : 0;
                _universal += Universal(p.Relation).Equals(Universal(gold.Relations[i]), StringComparison.Ordinal) ? 1 : 0;
            }
        }
    }

    /// <summary>The figures, one per line, ending with <c>LAS: 0.xxxx</c>.</summary>
    public string Report() => string.Create(
        CultureInfo.InvariantCulture,
        $"""
        Sentences: {Sentences}, words: {Words}
        UPOS: {Upos:0.0000}
        XPOS: {Xpos:0.0000}
        Lemma: {Lemma:0.0000}
        UAS: {Uas:0.0000}
        LAS (universal relations only, CoNLL 2018): {UniversalLas:0.0000}
        LAS: {Las:0.0000}
        """);

    private static ReadOnlySpan<char> Universal(string relation) =>
        relation.IndexOf(':', StringComparison.Ordinal) is var colon and >= 0 ? relation.AsSpan(0, colon) : relation;

    private double Share(long count) => Words == 0 ? 0 : (double)count / Words;
}
