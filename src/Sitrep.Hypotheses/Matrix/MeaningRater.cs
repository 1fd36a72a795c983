using System.Globalization;
using System.Text.RegularExpressions;
using Sitrep.Claims.Frames;
using Sitrep.Corroboration.Propositions;
using Sitrep.Hypotheses.Meaning;
using Sitrep.Hypotheses.Suggestion;
using Sitrep.Syntax;

namespace Sitrep.Hypotheses.Matrix;

/// <summary>
/// Rates evidence against hypotheses by meaning, precision before coverage. A cell is rated only when
/// (a) the pair model says the evidence's statement entails or contradicts the hypothesis with probability at least
/// <see cref="Sure"/>, and (b) the frames agree that both are about the same thing: compatible event classes, the
/// evidence names what sets this hypothesis apart from the others (the same word or a word the encoder puts close),
/// and no entailment across a negation only one side has. The direction is then weighed by the likelihood the source
/// states: "it is unlikely that the episode was staged" entails "staged" once its hedge is taken out, and the hedge
/// "unlikely" turns that into Inconsistent. One frame rule needs no pair model: real dead or wounded weigh against a
/// hypothesis that the fighting was staged. Everything else stays unrated and may be offered as a candidate.
/// </summary>
public static partial class MeaningRater
{
    /// <summary>The pair probability a rating needs (chosen on the dev split of the ACH gold).</summary>
    public const double Sure = 0.6;

    /// <summary>
    /// The contradiction probability an Inconsistent rating from the pair model needs: where contradictions of the
    /// shipped pair model (<c>nli.minilm-mlp.v2</c>) are all right on SICK trial (≥ 0.8: 50 pairs, precision 1.0; ≥ 0.6 lets
    /// "The boring explanation nobody wants: incompetence" contradict "It was incompetence").
    /// </summary>
    public const double SureContradiction = 0.8;

    /// <summary>
    /// The cosine at which evidence is a near paraphrase of the hypothesis: then an entailment the pair model prefers
    /// over contradiction, at <see cref="ParaphraseEntails"/> or more, is enough.
    /// </summary>
    public const double Paraphrase = 0.85;

    /// <summary>The pair probability of entailment a near paraphrase needs.</summary>
    public const double ParaphraseEntails = 0.3;

    /// <summary>
    /// The cosine at which evidence states a hypothesis in other words, when the pair model is unsure: it must also be
    /// the closest hypothesis by <see cref="StatementMargin"/>, name what sets the hypothesis apart, and not be read as a
    /// contradiction (chosen on the dev split of the ACH gold).
    /// </summary>
    public const double StatementCosine = 0.6;

    /// <summary>How much closer to the hypothesis than to any other a restatement must be.</summary>
    public const double StatementMargin = 0.15;

    /// <summary>The pair probability of contradiction under which a restatement may be read as one.</summary>
    public const double StatementContradicts = 0.2;

    /// <summary>The pair probability an unhedged statement needs to be rated strongly (CC or II).</summary>
    public const double VerySure = 0.95;

    /// <summary>The cosine of two words' vectors at which they count as naming the same thing.</summary>
    public const double SameWord = 0.7;

    /// <summary>The cosine of evidence and hypothesis at which unrated evidence is offered as a candidate.</summary>
    public const double CandidateCosine = 0.4;

    /// <summary>The cosine under which a pair is not worth the pair model's time (it then never reaches <see cref="Sure"/>).</summary>
    public const double JudgedCosine = 0.3;

    /// <summary>Most evidence rows read by the encoder and pair model per analysis (the most word-relevant first).</summary>
    public const int MaxJudgedRows = 200;

    /// <summary>Most candidates offered.</summary>
    public const int MaxCandidates = 12;

    /// <summary>Contradiction probability at which an unsure pair model still vetoes a consistent reading from the frame.</summary>
    public const double LeanAgainst = 0.2;

    /// <summary>Rates the cells the rule can rate, and lists candidates for the rest.</summary>
    /// <param name="hypotheses">Columns.</param>
    /// <param name="evidence">Rows to consider.</param>
    /// <param name="meaning">The pair model and encoder, or null: then nothing is rated and word overlap finds candidates.</param>
    /// <param name="cancellationToken">Cancels the run.</param>
    /// <param name="unrated">When given, receives why each judged pair stayed unrated.</param>
    public static (Dictionary<(string Evidence, string Hypothesis), Cell> Cells, List<Candidate> Candidates) Rate(
        IReadOnlyList<Hypothesis> hypotheses,
        IReadOnlyList<Evidence> evidence,
        IAchMeaning? meaning,
        CancellationToken cancellationToken = default,
        IDictionary<(string Evidence, string Hypothesis), string>? unrated = null)
    {
        ArgumentNullException.ThrowIfNull(hypotheses);
        ArgumentNullException.ThrowIfNull(evidence);
        var cells = new Dictionary<(string, string), Cell>();
        var candidates = new List<(Candidate Candidate, double Score)>();
        if (hypotheses.Count == 0 || evidence.Count == 0)
        {
            return (cells, []);
        }

        var frames = hypotheses.ToDictionary(h => h.Id, h => HypothesisFrame.Of(h.Text), StringComparer.Ordinal);
        var distinctive = Distinctive(hypotheses, frames, Names(hypotheses.Select(h => h.Text).Concat(evidence.Select(StatementOf))));
        var rows = evidence
            .Select(e => (Row: e, Words: Content(StatementOf(e))))
            .Select(x => (x.Row, x.Words, Relevance: hypotheses.Max(h => HypothesisSuggester.Similarity(frames[h.Id].Words, [.. x.Words.Select(w => w.Stem)]))))
            .OrderByDescending(x => x.Relevance)
            .ThenBy(x => x.Row.Id, StringComparer.Ordinal)
            .Take(MaxJudgedRows)
            .ToList();

        // The frame rule first: it needs no model, so it reads every row, not only the most word-relevant.
        foreach (var row in evidence)
        {
            foreach (var h in hypotheses)
            {
                if (StagedAgainstHarm(row, frames[h.Id]) is { } cell)
                {
                    cells[(row.Id, h.Id)] = cell;
                }
            }
        }

        var framed = ByCharacterisation(hypotheses, evidence, cells, cancellationToken);
        if (meaning is null)
        {
            foreach (var (row, rowWords, relevance) in rows.Where(r => r.Relevance >= 0.15))
            {
                var h = hypotheses.MaxBy(h => HypothesisSuggester.Similarity(frames[h.Id].Words, [.. rowWords.Select(w => w.Stem)]))!;
                if (!cells.ContainsKey((row.Id, h.Id)) && !framed.ContainsKey((row.Id, h.Id)))
                {
                    candidates.Add((new Candidate(row, h.Id, "no pair model loaded: rate it in the ratings file"), relevance));
                }
            }

            Merge(cells, framed, candidates, unrated, leans: null);
            return (cells, Top(candidates));
        }

        var texts = rows.Select(r => StatementOf(r.Row)).Concat(hypotheses.Select(h => h.Text)).ToList();
        var vectors = meaning.Encode(texts, cancellationToken);
        var pairs = new List<(int Row, Hypothesis H, double Cosine)>();
        for (var r = 0; r < rows.Count; r++)
        {
            for (var j = 0; j < hypotheses.Count; j++)
            {
                var cosine = Vectors.Cosine(vectors[r], vectors[rows.Count + j]);
                if (cosine >= JudgedCosine)
                {
                    pairs.Add((r, hypotheses[j], cosine));
                }
            }
        }

        // Both ways: evidence that entails the hypothesis bears it out, and evidence the hypothesis entails is what the
        // hypothesis predicts (Heuer's "consistent"); a contradiction either way is inconsistent.
        // Each phrasing of a hypothesis is judged; the strongest reading counts.
        var asked = pairs.SelectMany((p, i) => new[] { p.H.Text }.Concat(p.H.Phrasings).Select(text => (Pair: i, Premise: StatementOf(rows[p.Row].Row), Hypothesis: text))).ToList();
        var forward = meaning.Judge([.. asked.Select(a => (a.Premise, a.Hypothesis))], cancellationToken);
        var backward = meaning.Judge([.. asked.Select(a => (a.Hypothesis, a.Premise))], cancellationToken);
        var judged = new PairProbabilities[pairs.Count];
        for (var k = 0; k < asked.Count; k++)
        {
            var j = judged[asked[k].Pair];
            judged[asked[k].Pair] = new PairProbabilities(
                Math.Max(j.Entails, Math.Max(forward[k].Entails, backward[k].Entails)),
                Math.Max(j.Contradicts, Math.Max(forward[k].Contradicts, backward[k].Contradicts)));
        }
        // How much closer each row is to its closest hypothesis than to the next: a restatement must pick one out.
        var margins = new double[rows.Count];
        for (var r = 0; r < rows.Count; r++)
        {
            var sorted = hypotheses.Select((_, j) => Vectors.Cosine(vectors[r], vectors[rows.Count + j])).OrderDescending().ToList();
            margins[r] = sorted.Count > 1 ? sorted[0] - sorted[1] : sorted[0];
        }

        var sure = pairs.Select((p, i) => (p, i)).Where(x => Math.Max(judged[x.i].Entails, judged[x.i].Contradicts) >= Sure || x.p.Cosine >= StatementCosine).ToList();
        var words = sure.SelectMany(x => rows[x.p.Row].Words.Concat(distinctive[x.p.H.Id])).Select(w => w.Surface).Distinct(StringComparer.Ordinal).ToList();
        var wordVectors = words.Count == 0 ? [] : meaning.Encode(words, cancellationToken);
        var wordIndex = words.Select((w, i) => (w, i)).ToDictionary(x => x.w, x => wordVectors[x.i], StringComparer.Ordinal);

        var leans = new Dictionary<(string Evidence, string Hypothesis), PairProbabilities>();
        for (var i = 0; i < pairs.Count; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var (r, h, cosine) = pairs[i];
            var row = rows[r].Row;
            if (cells.ContainsKey((row.Id, h.Id)))
            {
                continue;
            }

            var restates = cosine >= StatementCosine && margins[r] >= StatementMargin && IsClosest(vectors, r, rows.Count, hypotheses, h, cosine)
                && !Undecided().IsMatch(StatementOf(row));
            var verdict = RateCell(row, rows[r].Words, frames[h.Id], distinctive[h.Id], judged[i], cosine, meaning.Name, wordIndex, restates ? margins[r] : (double?)null);
            if (verdict.Cell is { } cell)
            {
                cells[(row.Id, h.Id)] = cell;
                continue;
            }

            leans[(row.Id, h.Id)] = judged[i];
            unrated?.Add((row.Id, h.Id), Invariant($"cosine {cosine:0.00}; {verdict.Why}"));
            if (cosine >= CandidateCosine || verdict.Near)
            {
                candidates.Add((new Candidate(row, h.Id, verdict.Why), cosine + (verdict.Near ? 1 : 0)));
            }
        }

        Merge(cells, framed, candidates, unrated, leans);
        return (cells, Top(candidates));
    }

    // The characterisation rule rates what the pair model left unrated. Where both rated a cell, the model's rating
    // stands when the two agree in direction; when they point opposite ways the cell is left to the analyst. Where the
    // model only leans (unsure), a lean to contradiction vetoes "both call it the same"; a lean to entailment does not
    // veto a denial the parse read ("was not staged"), since reading negation is what the pair model is weakest at.
    private static void Merge(
        Dictionary<(string, string), Cell> cells,
        Dictionary<(string Evidence, string Hypothesis), (Cell Cell, Evidence Row)> framed,
        List<(Candidate Candidate, double Score)> candidates,
        IDictionary<(string Evidence, string Hypothesis), string>? unrated,
        Dictionary<(string Evidence, string Hypothesis), PairProbabilities>? leans)
    {
        foreach (var (key, (cell, row)) in framed)
        {
            if (leans is not null && leans.TryGetValue(key, out var lean) && Sign(cell.Rating) > 0 && lean.Contradicts > lean.Entails && lean.Contradicts >= LeanAgainst)
            {
                var why = Invariant($"the {cell.Reason}, but the pair model leans to a contradiction (entails {lean.Entails:0.00}, contradicts {lean.Contradicts:0.00})");
                unrated?.Remove(key);
                unrated?.Add(key, why);
                candidates.Add((new Candidate(row, key.Hypothesis, why), 2));
                continue;
            }

            if (cells.TryGetValue(key, out var rated))
            {
                if (Sign(rated.Rating) * Sign(cell.Rating) < 0)
                {
                    cells.Remove(key);
                    var why = $"the pair model ({rated.Reason}) and the {cell.Reason} point opposite ways";
                    unrated?.TryAdd(key, why);
                    candidates.Add((new Candidate(row, key.Hypothesis, why), 2));
                }

                continue;
            }

            cells[key] = cell;
            unrated?.Remove(key);
        }

        candidates.RemoveAll(c => cells.ContainsKey((c.Candidate.Evidence.Id, c.Candidate.Hypothesis)));
    }

    private static int Sign(Rating rating) => rating switch
    {
        Rating.VeryConsistent or Rating.Consistent => 1,
        Rating.Inconsistent or Rating.VeryInconsistent => -1,
        _ => 0,
    };

    // "It was a trap" against "It was not a trap", "the mutiny was very likely a genuine gamble" against "It was a
    // desperate gamble that …": both sentences say what the event was, so the parse compares them (Characterisation).
    // Needs no model; rows are parsed only when they hold a word a hypothesis calls the event.
    private static Dictionary<(string Evidence, string Hypothesis), (Cell Cell, Evidence Row)> ByCharacterisation(
        IReadOnlyList<Hypothesis> hypotheses,
        IReadOnlyList<Evidence> evidence,
        Dictionary<(string, string), Cell> cells,
        CancellationToken cancellationToken)
    {
        var result = new Dictionary<(string Evidence, string Hypothesis), (Cell Cell, Evidence Row)>();
        var syntax = SyntaxModel.Default;
        var called = hypotheses.Select(h => (H: h, C: Characterisation.Of(h.Text, syntax))).Where(x => x.C is not null).Select(x => (x.H, C: x.C!)).ToList();
        if (called.Count == 0)
        {
            return result;
        }

        var heads = called.Select(x => x.C.Head).Distinct(StringComparer.Ordinal).ToList();
        var anyStaged = called.Any(x => x.C.Staged);
        foreach (var row in evidence)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var text = StatementOf(row);
            var lower = text.ToLowerInvariant();
            if (!heads.Any(h => lower.Contains(h, StringComparison.Ordinal)) && !(anyStaged && HypothesisFrame.MentionsStaging(lower)))
            {
                continue;
            }

            if (row.Frame.Possibility || Undecided().IsMatch(text) || Characterisation.Of(text, syntax) is not { } c)
            {
                continue;
            }

            foreach (var (h, hc) in called)
            {
                if (cells.ContainsKey((row.Id, h.Id)) || Characterisation.SameThing(c, hc) is not { } thing)
                {
                    continue;
                }

                var (direction, strong, hedge) = Graded(row.Frame.Likelihood, c.Negated == hc.Negated ? 1 : -1, strong: false);

                var what = thing == "staged" ? "staged" : $"a '{thing}'";
                var agree = c.Negated == hc.Negated
                    ? $"both call the event {what}"
                    : c.Negated ? $"the source says the event was not {what}" : $"the source calls the event {what}, the hypothesis says it was not";
                var rating = (direction, strong) switch
                {
                    (0, _) => Rating.Neutral,
                    (1, true) => Rating.VeryConsistent,
                    (1, false) => Rating.Consistent,
                    (_, true) => Rating.VeryInconsistent,
                    _ => Rating.Inconsistent,
                };
                result[(row.Id, h.Id)] = (new Cell(rating, $"frame rule: {agree} ('{c.Phrase}'){hedge}"), row);
            }
        }

        return result;
    }

    private static bool IsClosest(IReadOnlyList<float[]> vectors, int row, int rowCount, IReadOnlyList<Hypothesis> hypotheses, Hypothesis h, double cosine) =>
        hypotheses.Select((other, j) => (other, j)).All(x => x.other.Id == h.Id || Vectors.Cosine(vectors[row], vectors[rowCount + x.j]) < cosine);

    /// <summary>What the meaning rater reads of a row: its statement, else its label.</summary>
    internal static string StatementOf(Evidence e) => e.Frame.Statement is { Length: > 0 } s ? s : e.Label;

    private static List<Candidate> Top(List<(Candidate Candidate, double Score)> candidates) =>
        [.. candidates.OrderByDescending(c => c.Score).ThenBy(c => c.Candidate.Evidence.Id, StringComparer.Ordinal).ThenBy(c => c.Candidate.Hypothesis, StringComparer.Ordinal)
            .DistinctBy(c => c.Candidate.Evidence.Id).Take(MaxCandidates).Select(c => c.Candidate)];

    private static (Cell? Cell, string Why, bool Near) RateCell(
        Evidence row,
        IReadOnlyList<(string Stem, string Surface)> rowWords,
        HypothesisFrame h,
        IReadOnlyList<(string Stem, string Surface)> distinctive,
        PairProbabilities p,
        double cosine,
        string model,
        Dictionary<string, float[]> wordVectors,
        double? restatementMargin)
    {
        var paraphrase = cosine >= Paraphrase && p.Entails >= ParaphraseEntails && p.Entails > p.Contradicts;
        var restatement = restatementMargin is not null && p.Contradicts < StatementContradicts && p.Contradicts < p.Entails;
        var entails = (p.Entails >= Sure && p.Entails >= p.Contradicts) || paraphrase || restatement;
        var contradicts = !entails && p.Contradicts >= SureContradiction;
        var odds = Invariant($"entails {p.Entails:0.00}, contradicts {p.Contradicts:0.00}");
        if (!entails && !contradicts)
        {
            return (null, $"the pair model is unsure ({odds})", Math.Max(p.Entails, p.Contradicts) >= 0.4);
        }

        var relation = entails
            ? p.Entails >= Sure ? Invariant($"entails, P={p.Entails:0.00}")
            : paraphrase ? Invariant($"near paraphrase (cosine {cosine:0.00}), entails P={p.Entails:0.00}")
            : Invariant($"states it in other words (cosine {cosine:0.00}, {restatementMargin:0.00} closer than to any other hypothesis; entails P={p.Entails:0.00})")
            : Invariant($"contradicts, P={p.Contradicts:0.00}");
        if (!EventClasses.AreCompatible(row.Frame.EventClass, h.EventClass))
        {
            return (null, $"{relation}, but the events differ ('{row.Frame.EventClass}' against '{h.EventClass}')", true);
        }

        var topic = Topic(rowWords, distinctive, wordVectors);
        if (topic is null)
        {
            return (null, $"{relation}, but it does not name what sets the hypothesis apart ({string.Join(", ", distinctive.Take(4).Select(d => d.Surface))})", true);
        }

        // A restatement is read from closeness alone (the pair model is unsure), so one shared word is not enough: it must
        // name two of the words that set the hypothesis apart, as a paraphrase does ("bet" ~ "gamble", "defections" ~
        // "defect"); "troops" ~ "military" alone, or "power" alone, is a sentence on the same subject.
        var byCosineOnly = restatement && !paraphrase && p.Entails < Sure;
        if (byCosineOnly && Topics(rowWords, distinctive, wordVectors) < 2)
        {
            return (null, $"{relation}, but it names only one of the words that set the hypothesis apart ('{topic}')", true);
        }

        if (entails && row.Frame.Negated != h.Negated)
        {
            return (null, $"{relation}, but only one of them is negated", true);
        }

        var same = row.Frame.EventClass is { } c && h.EventClass == c ? $"; same event class '{c}'" : string.Empty;
        var about = $"; both about '{topic}'";
        var direction = entails ? 1 : -1;
        var strong = (entails ? p.Entails : p.Contradicts) >= VerySure && (!entails || p.Entails >= Sure);
        if (row.Frame.Possibility)
        {
            return (null, $"{relation}{same}{about}, but the source only says it may be so", true);
        }

        (direction, strong, var hedge) = Graded(row.Frame.Likelihood, direction, strong);
        if (direction == 0)
        {
            return (new Cell(Rating.Neutral, $"{relation}{same}{about}{hedge}"), string.Empty, true);
        }

        var rating = (direction, strong) switch
        {
            (1, true) => Rating.VeryConsistent,
            (1, false) => Rating.Consistent,
            (_, true) => Rating.VeryInconsistent,
            _ => Rating.Inconsistent,
        };
        return (new Cell(rating, $"{relation} ({model}){same}{about}{hedge}"), string.Empty, true);
    }

    // Real dead or wounded weigh against "the fighting was staged": a staged fight has no real casualties. The figure
    // must have the role killed / injured / casualties; a crash or an earthquake is another event.
    private static Cell? StagedAgainstHarm(Evidence row, HypothesisFrame h)
    {
        if (!h.Staged || row.Frame.Negated || row.Frame.Harmed is not ({ } harmed and >= 1) || row.Frame.Possibility
            || row.Frame.EventClass is not (null or "kill" or "injure" or "attack")
            || Content(StatementOf(row)).Any(w => EventClasses.Of(w.Surface) is "die-accident" or "earthquake")
            || row.Frame.Likelihood is "unlikely" or "very_unlikely" or "almost_no_chance" or "even")
        {
            return null;
        }

        var n = harmed.ToString("0", CultureInfo.InvariantCulture);
        return new Cell(Rating.Inconsistent, $"frame rule: it reports real harm ('{row.Frame.Trigger}', at least {n} people); a staged fight leaves no real dead or wounded");
    }

    // The words of each hypothesis that the other hypotheses do not share: what the evidence must speak to.
    // A hypothesis word counts as shared by the others when at least half of them have it.
    private static Dictionary<string, IReadOnlyList<(string Stem, string Surface)>> Distinctive(IReadOnlyList<Hypothesis> hypotheses, Dictionary<string, HypothesisFrame> frames, HashSet<string> names)
    {
        var result = new Dictionary<string, IReadOnlyList<(string Stem, string Surface)>>(StringComparer.Ordinal);
        foreach (var h in hypotheses)
        {
            // A pronoun ("him") or a name ("Prigozhin") says who the hypothesis is about, not what it claims of them: evidence
            // that only shares it is not about the hypothesis.
            var own = Content(Predicate(h.Text)).Where(w => !Pronouns.Contains(w.Surface) && !names.Contains(w.Surface)).ToList();
            var others = hypotheses.Where(o => o.Id != h.Id).Select(o => frames[o.Id].Words).ToList();
            List<(string Stem, string Surface)> apart = others.Count == 0 ? own : [.. own.Where(w => others.Count(o => o.Contains(w.Stem)) * 2 < others.Count)
                .OrderBy(w => others.Count(o => o.Contains(w.Stem)))];
            result[h.Id] = apart.Count > 0 ? apart : own;
        }

        return result;
    }

    private static readonly System.Collections.Frozen.FrozenSet<string> Pronouns = System.Collections.Frozen.FrozenSet.ToFrozenSet(
        ["he", "him", "his", "she", "her", "hers", "they", "them", "their", "it", "its", "we", "us", "our", "you", "your", "i", "me", "my",
            "himself", "herself", "themselves", "itself", "this", "that", "these", "those", "who", "whom", "which"], StringComparer.Ordinal);

    // Words written with a capital after a sentence's first word, in the hypotheses or the evidence, and never in lower
    // case: names ("Prigozhin" opening a hypothesis is a name because the evidence writes it so mid-sentence; a title's
    // "Coup" is not, since "coup" is written too).
    private static HashSet<string> Names(IEnumerable<string> texts)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        var lower = new HashSet<string>(StringComparer.Ordinal);
        foreach (var text in texts)
        {
            foreach (Match m in MidSentenceCapital().Matches(text))
            {
                names.Add(m.Groups[1].Value.ToLowerInvariant());
            }

            foreach (Match m in LowerCaseWord().Matches(text))
            {
                lower.Add(m.Value);
            }
        }

        names.ExceptWith(lower);
        return names;
    }

    [GeneratedRegex(@"(?<![\p{L}'’-])\p{Ll}+(?![\p{L}])", RegexOptions.CultureInvariant, PatternBudget.Milliseconds)]
    private static partial Regex LowerCaseWord();

    [GeneratedRegex(@"[\p{L}\p{N},;)] +(\p{Lu}[\p{Ll}\p{Lu}]+)", RegexOptions.CultureInvariant, PatternBudget.Milliseconds)]
    private static partial Regex MidSentenceCapital();

    // What a hypothesis says of its subject: the words after its first copula ("The mutiny was | staged by factions"),
    // since the subject ("the mutiny", "the march") names the event every hypothesis is about.
    private static string Predicate(string text)
    {
        var m = Copula().Match(text);
        return m.Success && Content(text[(m.Index + m.Length)..]).Count > 0 ? text[(m.Index + m.Length)..] : text;
    }

    // "Staged or not, …", "whether it was staged": the sentence leaves the question open, so it restates nothing.
    [GeneratedRegex(@"\b(or not|whether|if)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, PatternBudget.Milliseconds)]
    private static partial Regex Undecided();

    [GeneratedRegex(@"\b(was|is|were|are|had been|has been)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, PatternBudget.Milliseconds)]
    private static partial Regex Copula();

    // How many of the distinctive words the row names, by the same stem or a near word, each row word used once.
    private static int Topics(IReadOnlyList<(string Stem, string Surface)> rowWords, IReadOnlyList<(string Stem, string Surface)> distinctive, Dictionary<string, float[]> vectors)
    {
        var used = new HashSet<string>(StringComparer.Ordinal);
        var count = 0;
        foreach (var d in distinctive)
        {
            foreach (var w in rowWords)
            {
                if (used.Contains(w.Stem))
                {
                    continue;
                }

                if (w.Stem == d.Stem || (vectors.TryGetValue(w.Surface, out var a) && vectors.TryGetValue(d.Surface, out var b) && Vectors.Cosine(a, b) >= SameWord))
                {
                    used.Add(w.Stem);
                    count++;
                    break;
                }
            }
        }

        return count;
    }

    private static string? Topic(IReadOnlyList<(string Stem, string Surface)> rowWords, IReadOnlyList<(string Stem, string Surface)> distinctive, Dictionary<string, float[]> vectors)
    {
        foreach (var d in distinctive)
        {
            foreach (var w in rowWords)
            {
                if (w.Stem == d.Stem)
                {
                    return w.Surface;
                }
            }
        }

        foreach (var d in distinctive)
        {
            foreach (var w in rowWords)
            {
                if (vectors.TryGetValue(w.Surface, out var a) && vectors.TryGetValue(d.Surface, out var b) && Vectors.Cosine(a, b) >= SameWord)
                {
                    return $"{w.Surface}' ~ '{d.Surface}";
                }
            }
        }

        return null;
    }

    /// <summary>Content words as written (lower case) with their <see cref="ClaimWords"/> stems, one per stem.</summary>
    internal static List<(string Stem, string Surface)> Content(string text)
    {
        var words = new List<(string Stem, string Surface)>();
        foreach (Match m in WordToken().Matches(text.ToLowerInvariant()))
        {
            if (ClaimWords.Of(m.Value) is [var stem] && !words.Any(w => w.Stem == stem))
            {
                words.Add((stem, m.Value));
            }
        }

        return words;
    }

    [GeneratedRegex(@"[\p{L}][\p{L}'’-]*", RegexOptions.CultureInvariant, PatternBudget.Milliseconds)]
    private static partial Regex WordToken();

    // The source's own likelihood grades a reading: "likely" keeps its direction, "very likely" and above make it strong,
    // "unlikely" and below turn it round, an even chance makes it neutral (direction 0).
    private static (int Direction, bool Strong, string Hedge) Graded(string? likelihood, int direction, bool strong) => likelihood switch
    {
        "even" => (0, false, "; the source gives it a roughly even chance (45–55%)"),
        "likely" or "very_likely" or "almost_certain" => (direction, likelihood != "likely", $"; the source says {Band(likelihood)}"),
        "unlikely" or "very_unlikely" or "almost_no_chance" => (-direction, likelihood != "unlikely", $"; the source says {Band(likelihood)}, so it weighs against"),
        _ => (direction, strong, string.Empty),
    };

    private static string Band(string? name) => name switch
    {
        "almost_no_chance" => "almost no chance (1–5%)",
        "very_unlikely" => "very unlikely (5–20%)",
        "unlikely" => "unlikely (20–45%)",
        "likely" => "likely (55–80%)",
        "very_likely" => "very likely (80–95%)",
        _ => "almost certain (95–99%)",
    };

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}

/// <summary>What a hypothesis says, as the rater compares it: its content words, event class, negation, and whether it says the events were staged.</summary>
/// <param name="Words">Content words (<see cref="ClaimWords"/>).</param>
/// <param name="EventClass">Event class of its first trigger word, or null.</param>
/// <param name="Negated">True when it is negated ("was not staged").</param>
/// <param name="Staged">True when it says the events were staged, scripted or a performance.</param>
public sealed partial record HypothesisFrame(IReadOnlyList<string> Words, string? EventClass, bool Negated, bool Staged)
{
    /// <summary>Reads a hypothesis statement.</summary>
    public static HypothesisFrame Of(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var lower = text.ToLowerInvariant();
        var tokens = Token().Matches(lower).Select(m => m.Value).ToList();
        return new HypothesisFrame(
            ClaimWords.Of(text),
            tokens.Select(EventClasses.Of).FirstOrDefault(c => c is not null),
            tokens.Any(t => t is "not" or "never" or "n't" || t.EndsWith("n't", StringComparison.Ordinal)),
            StagedWords().Match(lower) is { Success: true } staged && !NegatedBefore().IsMatch(lower[..staged.Index]));
    }

    /// <summary>True when <paramref name="word"/>, a single word, says the events were staged, scripted or a performance.</summary>
    public static bool IsStagedWord(string word)
    {
        ArgumentNullException.ThrowIfNull(word);
        var m = StagedWords().Match(word.ToLowerInvariant());
        return m.Success && m.Index == 0 && m.Length == word.Length;
    }

    /// <summary>True when the lower-case <paramref name="text"/> has a word that says the events were staged.</summary>
    internal static bool MentionsStaging(string text) => StagedWords().IsMatch(text);

    [GeneratedRegex(@"\b(not|never|n't)\s+(\w+\s+){0,2}$", RegexOptions.CultureInvariant, PatternBudget.Milliseconds)]
    private static partial Regex NegatedBefore();

    [GeneratedRegex(@"[a-z]+(?:'t)?|n't", RegexOptions.CultureInvariant, PatternBudget.Milliseconds)]
    private static partial Regex Token();

    [GeneratedRegex(@"\b(staged|stage-managed|scripted|choreographed|theat(er|re|rical)|performance|kabuki|kayfabe|sham|fake[ds]?|pre-arranged|prearranged)\b", RegexOptions.CultureInvariant, PatternBudget.Milliseconds)]
    private static partial Regex StagedWords();
}
