using System.Collections.Frozen;
using Sitrep.Syntax;
using Sitrep.Text;

namespace Sitrep.Hypotheses.Matrix;

/// <summary>
/// What a sentence calls the event, read from its parse: "It was a trap", "The mutiny was a genuine gamble by …",
/// "That isn't theatre", "It was staged". Most explanations an analyst weighs are of this shape, and so is much of the
/// evidence that speaks to them directly, so two sentences that call the same event the same thing (or one of them
/// denies it) can be compared without a model: the frame, not the shared words, carries the judgment.
/// </summary>
/// <param name="Head">Lemma of what the event is called ("gamble", "trap", "coup"), after "a piece / kind / form of".</param>
/// <param name="Subject">Lemma of the subject ("it", "mutiny").</param>
/// <param name="Staged">True when what it is called says the events were staged (<see cref="HypothesisFrame.IsStagedWord"/>).</param>
/// <param name="Negated">True when the clause denies it ("is not a coup", "was no trap").</param>
/// <param name="Modifiers">Lemmas of the nouns on the head: what kind of trap, whose gamble, for whom.</param>
/// <param name="Phrase">The words from the subject to the head, as written, for the reason.</param>
public sealed record Characterisation(string Head, string Subject, bool Staged, bool Negated, IReadOnlySet<string> Modifiers, string Phrase)
{
    // Nouns that name the story's event itself, so that "the mutiny was …" and "the uprising was …" speak of one thing.
    private static readonly FrozenSet<string> EventNouns = FrozenSet.ToFrozenSet(
        ["mutiny", "march", "uprising", "rebellion", "revolt", "insurrection", "coup", "putsch", "episode", "affair", "event",
         "crisis", "incident", "thing", "operation", "attack", "whole"],
        StringComparer.Ordinal);

    private static readonly FrozenSet<string> Pointers = FrozenSet.ToFrozenSet(["it", "this", "that"], StringComparer.Ordinal);

    // "a piece of theatre", "a kind of coup": the noun after "of" is what the event is called.
    private static readonly FrozenSet<string> Containers = FrozenSet.ToFrozenSet(
        ["piece", "kind", "sort", "form", "bit", "act", "case", "example", "type"], StringComparer.Ordinal);

    // A main verb that reports a characterisation instead of making one: "Insists this is not a coup".
    private static readonly FrozenSet<string> Reporting = FrozenSet.ToFrozenSet(
        ["insist", "say", "claim", "argue", "maintain", "believe", "think", "assess", "judge", "conclude", "suggest", "agree", "admit"],
        StringComparer.Ordinal);

    private static readonly FrozenSet<string> Skip = FrozenSet.ToFrozenSet(
        ["be", "the", "a", "an", "and", "or", "of", "by", "to", "in", "on", "for", "at", "that", "which", "who", "would", "will",
         "not", "no", "very", "just", "all", "its", "his", "their", "it", "this", "he", "him", "they", "them", "every", "same", "whole"],
        StringComparer.Ordinal);

    /// <summary>Reads <paramref name="text"/> with <paramref name="model"/>; null when it does not say what the event was.</summary>
    public static Characterisation? Of(string text, SyntaxModel model)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(model);
        var tokens = new List<Token>();
        Tokenizer.Tokenize(text, 0, text.Length, tokens);
        if (tokens.Count is 0 or > SyntaxModel.MaxChunk)
        {
            return null;
        }

        var parse = model.Parse(text, System.Runtime.InteropServices.CollectionsMarshal.AsSpan(tokens));
        var clause = parse.Root;
        if (clause < 0)
        {
            return null;
        }

        if (parse[clause].Upos == "VERB" && Reporting.Contains(parse[clause].Lemma.ToLowerInvariant())
            && parse.DependentsOf(clause).FirstOrDefault(d => parse[d].Relation == "ccomp", -1) is var reported and >= 0)
        {
            clause = reported;
        }

        var dependents = parse.DependentsOf(clause).ToList();
        var copular = dependents.Any(d => parse[d].Relation == "cop");
        var passive = parse[clause].Upos == "VERB" && dependents.Any(d => parse[d].Relation == "aux:pass");
        if (!copular && !passive)
        {
            return null;
        }

        var subject = dependents.FirstOrDefault(d => parse[d].Relation is "nsubj" or "nsubj:pass", -1);
        if (subject < 0)
        {
            return null;
        }

        var subjectLemma = parse[subject].Lemma.ToLowerInvariant();
        if (!Pointers.Contains(subjectLemma) && !EventNouns.Contains(subjectLemma))
        {
            return null;
        }

        // Modal or future ("could be a trap", "will be"): a possibility, not a characterisation.
        if (dependents.Any(d => parse[d].Relation == "aux" && parse[d].Lemma.ToLowerInvariant() is "may" or "might" or "could" or "would" or "will" or "can" or "should" or "must"))
        {
            return null;
        }

        var negated = dependents.Any(d => parse[d].Relation == "advmod" && parse[d].Lemma.ToLowerInvariant() is "not" or "never")
            || dependents.Any(d => parse[d].Relation == "det" && parse[d].Lemma.ToLowerInvariant() == "no");
        var head = clause;
        if (Containers.Contains(parse[head].Lemma.ToLowerInvariant())
            && parse.DependentsOf(head).FirstOrDefault(d => parse[d].Relation == "nmod" && parse[d].Upos == "NOUN", -1) is var inner and >= 0)
        {
            head = inner;
        }

        var headLemma = parse[head].Lemma.ToLowerInvariant();
        if (headLemma == "theater")
        {
            headLemma = "theatre";
        }

        // The words that call the events a performance are the hypotheses' own list (HypothesisFrame), read on the word
        // as written: "staged", "scripted", "theatre", "kayfabe".
        var staged = HypothesisFrame.IsStagedWord(parse[head].Form)
            || parse.DependentsOf(head).Any(d => parse[d].Relation == "amod" && HypothesisFrame.IsStagedWord(parse[d].Form));
        // What kind of thing, whose, for whom: the nouns hanging on the head ("an intelligence trap for Western sources",
        // "a gamble by Prigozhin"). Adjectives ("desperate", "genuine") grade it and are left out.
        var modifiers = new HashSet<string>(StringComparer.Ordinal);
        foreach (var d in parse.DependentsOf(head))
        {
            var lemma = parse[d].Lemma.ToLowerInvariant();
            if (parse[d].Relation is "nmod" or "compound" or "obl" or "obl:agent" or "nmod:poss" && parse[d].Upos is "NOUN" or "PROPN" && !Skip.Contains(lemma))
            {
                modifiers.Add(lemma);
            }
        }

        var from = Math.Min(parse.DependentsOf(subject).Where(d => d < subject).DefaultIfEmpty(subject).Min(), head);
        var to = Math.Max(subject, head);
        var phrase = text[tokens[from].Start..tokens[to].End];
        return new Characterisation(headLemma, subjectLemma, staged, negated, modifiers, phrase);
    }

    /// <summary>
    /// Whether <paramref name="evidence"/> speaks to <paramref name="hypothesis"/>: both call the event the same thing
    /// (or both call it staged), of the same subject. When the hypothesis says what kind of thing ("an intelligence trap
    /// for Western sources") and the evidence says something of its own ("a trap for Prigozhin"), they must share one
    /// of those words; evidence that only names the thing ("it was not a trap") speaks to it as it is.
    /// </summary>
    public static string? SameThing(Characterisation evidence, Characterisation hypothesis)
    {
        ArgumentNullException.ThrowIfNull(evidence);
        ArgumentNullException.ThrowIfNull(hypothesis);
        var subjects = Pointers.Contains(evidence.Subject) || Pointers.Contains(hypothesis.Subject) || evidence.Subject == hypothesis.Subject
            || (EventNouns.Contains(evidence.Subject) && EventNouns.Contains(hypothesis.Subject));
        if (!subjects)
        {
            return null;
        }

        var thing = evidence.Staged && hypothesis.Staged ? "staged"
            : evidence.Head == hypothesis.Head ? evidence.Head
            : null;
        if (thing is null)
        {
            return null;
        }

        if (evidence.Modifiers.Count > 0 && hypothesis.Modifiers.Count > 0 && !evidence.Modifiers.Overlaps(hypothesis.Modifiers))
        {
            return null;
        }

        return thing;
    }
}
