using System.Globalization;
using Sitrep.Claims;
using Sitrep.Claims.Modality;
using Sitrep.Corroboration.Alignment;
using Sitrep.Corroboration.Contradictions;
using Sitrep.Corroboration.Figures;
using Sitrep.Corroboration.Grading;
using Sitrep.Corroboration.Propositions;
using Sitrep.Corroboration.Stance;
using Sitrep.Corroboration.State;
using Sitrep.Documents;
using Sitrep.Pipeline;
using Sitrep.Time.Timeline;

namespace Sitrep.Corroboration;

/// <summary>
/// Assigns <see cref="Capabilities.Propositions"/>: groups claims across documents into propositions, gives every
/// document and post a stance toward each proposition it touches, counts independent sources (a named holder quoted
/// by several outlets counts once; syndicated copies count once), flags contradictions and updates, and grades each
/// proposition's credibility on the Admiralty scale. It also follows the status of the matters the story keeps
/// returning to (<see cref="StoryStateLayer"/>: a criminal case promised to be dropped, then said to stay open, then closed).
/// </summary>
/// <remarks>
/// Stances of documents and top-level posts come from the polarity and modality of their claims. A post that replies
/// to a post holding one of the proposition's claims is judged instead by the RumourEval (SDQC) model as an answer to
/// that post (<see cref="ThreadStances"/>), whether or not the reply makes a claim of its own: "that's fake" under a
/// post that makes the claim is a deny from the reply's author.
/// </remarks>
public sealed partial class PropositionStage : ICorpusStage
{
    private readonly PropositionGrouper _grouper = new();
    private readonly Func<Corpus, string, string?>? _syndicationGroup;
    private readonly SdqcStanceClassifier? _replyClassifier;
    private readonly Func<Corpus, string, IReadOnlyList<string>>? _entitiesOf;
    private readonly Func<string, string, (double Entails, double Contradicts)>? _judge;
    private readonly IEventMeaning? _meaning;
    private readonly Func<Corpus, Span, IReadOnlyList<(string Id, string Name)>>? _entitiesIn;

    /// <summary>
    /// The sentence-pair model's contradiction probability (either way round) two claims that tell one event with
    /// opposite polarity need to be reported as a contradiction (<see cref="MeaningAlignment"/>); higher than
    /// <see cref="ContradictionFloor"/> because no shared words back the clash.
    /// </summary>
    public const double MeaningContradictionFloor = 0.6;

    /// <summary>The sentence-pair model's entailment probability at which a negation or antonym contradiction is dropped.</summary>
    public const double AgreementCeiling = 0.6;

    /// <summary>
    /// The sentence-pair model's contradiction probability (either way round) a negation or antonym contradiction, or
    /// a denial by polarity, needs to be reported: the rules saw opposite polarity, the model must read a clash too.
    /// </summary>
    public const double ContradictionFloor = 0.4;

    /// <summary>Most rule-found contradictions the pair model checks in one run; the rest are not reported.</summary>
    public const int MaxModelChecks = 300;

    /// <summary>Creates the stage.</summary>
    /// <param name="syndicationGroup">
    /// Maps a document id to its syndication group (copies of one underlying report share a group), when the ingest
    /// layer knows it; documents without a group are their own source. It reads the syndication layer, so with it the
    /// stage requires <see cref="Capabilities.Syndication"/> and runs after the stage that assigns it.
    /// </param>
    /// <param name="replyClassifier">The stance model for thread replies; null for the shipped one (loaded on first use).</param>
    /// <param name="entitiesOf">
    /// The resolved entity ids a document mentions (one per mention), so that claims of documents telling different
    /// stories never join one proposition; with it the stage requires <see cref="Capabilities.Entities"/>.
    /// </param>
    /// <param name="withFigures">
    /// True to report the figure stage's disputes and updates among the contradictions (requires
    /// <see cref="Capabilities.Figures"/>).
    /// </param>
    /// <param name="judge">
    /// A sentence-pair model: the probabilities that a premise entails and contradicts a hypothesis. When given, a
    /// contradiction by negation or antonym, and a member's denial of the proposition by polarity, stand only when the
    /// model reads neither claim as entailing the other (under <see cref="AgreementCeiling"/>) and reads a clash
    /// (at least <see cref="ContradictionFloor"/>, either way round); otherwise the contradiction is dropped and the
    /// denial becomes a comment.
    /// </param>
    /// <param name="meaning">
    /// The sentence encoder and same-event model: with it (and <paramref name="entitiesIn"/>), claims of different
    /// sources that tell one event in different words join one proposition, with the reason (<see cref="Proposition.JoinedBy"/>).
    /// </param>
    /// <param name="entitiesIn">The resolved entities (id and name) named inside a span, for the participant check of <paramref name="meaning"/>.</param>
    public PropositionStage(Func<Corpus, string, string?>? syndicationGroup = null, SdqcStanceClassifier? replyClassifier = null, Func<Corpus, string, IReadOnlyList<string>>? entitiesOf = null, bool withFigures = false, Func<string, string, (double Entails, double Contradicts)>? judge = null, IEventMeaning? meaning = null, Func<Corpus, Span, IReadOnlyList<(string Id, string Name)>>? entitiesIn = null)
    {
        _judge = judge;
        _meaning = meaning;
        _entitiesIn = entitiesIn;
        _syndicationGroup = syndicationGroup;
        _replyClassifier = replyClassifier;
        _entitiesOf = entitiesOf;
        var requires = ClaimStageRequirements.Of(syndicationGroup is not null, entitiesOf is not null || entitiesIn is not null);
        if (withFigures)
        {
            requires.Add(Capabilities.Figures);
        }

        Requires = requires;
    }

    /// <inheritdoc />
    public string Name => "corroboration.propositions.v2";

    /// <inheritdoc />
    public IReadOnlyList<string> Requires { get; }

    /// <inheritdoc />
    public IReadOnlyList<string> Assigns { get; } = [Capabilities.Propositions];

    /// <inheritdoc />
    public void Process(Corpus corpus, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(corpus);
        var refs = new List<ClaimRef>();
        var texts = new List<string>();
        foreach (var doc in corpus.Documents)
        {
            foreach (var claim in doc.Layers.Find<ClaimLayer>()?.Items ?? [])
            {
                refs.Add(new ClaimRef(doc.Document.Id, claim));
                texts.Add(doc.Document.Slice(claim.Span));
            }
        }

        cancellationToken.ThrowIfCancellationRequested();
        // Copies of one sentence are common (wire copy, quotes repeated down a thread): each text is reduced once.
        var reduced = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        var words = texts.Select(t => reduced.TryGetValue(t, out var w) ? w : reduced[t] = ClaimWords.Of(t)).ToList();
        var alignment = StoryAlignment.Build(corpus, _entitiesOf);
        var modelChecks = 0;
        var groups = _grouper.Cluster(words).SelectMany(g => SplitByEvent(g, refs, alignment)).ToList();
        var joinReasons = new Dictionary<int, string>();
        var opposed = new List<MeaningAlignment.Pair>();
        List<MeaningAlignment.Item>? items = null;
        if (_meaning is not null && _entitiesIn is not null)
        {
            items = AlignmentItems(corpus, refs, texts);
            var joined = MeaningAlignment.Join(groups, items, _meaning, (a, b) => alignment.Mismatch(refs[a].DocumentId, refs[a].Claim, refs[b].DocumentId, refs[b].Claim) is null, cancellationToken);
            (groups, joinReasons, opposed) = (joined.Groups, joined.Reasons, joined.Opposed);
        }

        var propositions = new List<Proposition>();
        var contradictions = new List<Contradiction>();
        var threads = new ThreadStances(corpus, () => _replyClassifier ?? SdqcStanceClassifier.Default);
        var number = 0;
        foreach (var group in groups)
        {
            cancellationToken.ThrowIfCancellationRequested();
            number++;
            var id = "p" + number.ToString(CultureInfo.InvariantCulture);
            var labelIndex = Label(group, refs);
            var label = refs[labelIndex];
            var labelPolarity = EffectivePolarity(label.Claim) ?? ClaimPolarity.Positive;
            var members = group.Members
                .Select(i => Member(corpus, refs[i], texts[i], texts[labelIndex], labelPolarity))
                .ToList();
            if (_judge is not null)
            {
                for (var m = 0; m < members.Count; m++)
                {
                    // A denial by polarity alone ("did not hear gunshots" under "heard no shots") is a comment unless the
                    // pair model reads the claim against the label as a clash.
                    if (members[m].Stance == StanceKind.Deny && group.Members[m] != labelIndex && modelChecks < MaxModelChecks)
                    {
                        modelChecks++;
                        if (!Clash(texts[group.Members[m]], texts[labelIndex]))
                        {
                            members[m] = members[m] with { Stance = StanceKind.Comment };
                        }
                    }
                    else if (members[m].Stance == StanceKind.Deny && group.Members[m] != labelIndex)
                    {
                        members[m] = members[m] with { Stance = StanceKind.Comment };
                    }
                }
            }

            var replies = threads.Judge(members, ReplySource);
            // "Will not direct" does not deny "in talks to direct" (nor the other way round): a prospect and an outcome
            // are two stages of one story, so neither contests the proposition the other labels.
            var labelTentative = Prospects.IsTentative(texts[labelIndex]);
            var scored = members.Select(m => m.Stance == StanceKind.Deny && Prospects.IsTentative(m.Text) != labelTentative ? m with { Stance = StanceKind.Comment } : m).ToList();
            propositions.Add(Score(id, texts[labelIndex], scored, replies, corpus.ById[label.DocumentId].SpanOf(label.Claim.Span.Range)) with { JoinedBy = joinReasons.GetValueOrDefault(number - 1) });
            var memberWords = group.Members.Select(i => words[i]).ToList();
            var found = ContradictionFinder.Find(
                id,
                members,
                (a, b) => _grouper.Similarity(memberWords[a], memberWords[b]),
                (a, b) => alignment.Mismatch(members[a].Claim.DocumentId, members[a].Claim.Claim, members[b].Claim.DocumentId, members[b].Claim.Claim));
            foreach (var contradiction in found)
            {
                if (_judge is null)
                {
                    contradictions.Add(contradiction);
                }
                else if (modelChecks < MaxModelChecks)
                {
                    // The pair model costs tens of milliseconds a pair; past the budget a rule-only contradiction is
                    // left out rather than reported unchecked.
                    modelChecks++;
                    if (Clash(members.First(m => m.Claim.Key == contradiction.A).Text, members.First(m => m.Claim.Key == contradiction.B).Text))
                    {
                        contradictions.Add(contradiction);
                    }
                }
            }
        }

        foreach (var figure in corpus.Layers.Find<FigureLayer>()?.Figures ?? [])
        {
            foreach (var conflict in figure.Conflicts)
            {
                contradictions.Add(new Contradiction(conflict.Earlier.ClaimKey, conflict.Later.ClaimKey, conflict.IsUpdate, conflict.Reason, figure.Id));
            }
        }

        // Factual disputes across propositions: paraphrased reports of one person's state rated with opposite degrees.
        var propositionOf = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var p in propositions)
        {
            foreach (var c in p.Claims)
            {
                propositionOf.TryAdd(c.Key, p.Id);
            }
        }

        foreach (var pair in opposed)
        {
            if (_judge is null || modelChecks >= MaxModelChecks)
            {
                break;
            }

            var (a, b) = (pair.A, pair.B);
            var (ta, tb) = (corpus.ById[refs[a].DocumentId].Document.Source.Published, corpus.ById[refs[b].DocumentId].Document.Source.Published);
            if (tb < ta)
            {
                (a, b, ta, tb) = (b, a, tb, ta);
            }

            if (Prospects.StoryMoved(texts[a], ta, texts[b], tb) is { } moved)
            {
                if (moved)
                {
                    contradictions.Add(new Contradiction(refs[a].Key, refs[b].Key, true, $"the story moved: a prospect, “{texts[a]}”, then the outcome, “{texts[b]}”", propositionOf.GetValueOrDefault(refs[a].Key, string.Empty)));
                }

                continue;
            }

            modelChecks++;
            var ab = _judge(texts[a], texts[b]);
            var ba = _judge(texts[b], texts[a]);
            if (Math.Max(ab.Entails, ba.Entails) < AgreementCeiling && Math.Max(ab.Contradicts, ba.Contradicts) >= MeaningContradictionFloor)
            {
                var (yes, no) = items![a].Polarity == true ? (a, b) : (b, a);
                var reason = string.Create(CultureInfo.InvariantCulture, $"one asserts what the other denies: {MeaningAlignment.Describe(pair, items)}; the sentence-pair model reads a clash ({Math.Max(ab.Contradicts, ba.Contradicts):0.00})");
                contradictions.Add(new Contradiction(refs[yes].Key, refs[no].Key, false, reason, propositionOf.GetValueOrDefault(refs[yes].Key, string.Empty)));
            }
        }

        var rated = refs.Select((r, i) => (Ref: r, Text: texts[i])).Where(x => DegreeContrast.Rates(x.Text))
            .Select(x => new DegreeContrast.Item(x.Ref, x.Text, ClaimSource.Of(corpus, x.Ref, Origin).Label)).ToList();
        foreach (var (a, b, reason) in DegreeContrast.Find(rated))
        {
            contradictions.Add(new Contradiction(a, b, false, reason, propositionOf.GetValueOrDefault(a, string.Empty)));
        }

        // Disputes over the day of one act ("sunk on November 19" against "on November 18"), across propositions.
        var dated = refs.Select(r => EventDateContrast.ItemOf(r, corpus.ById[r.DocumentId].Document.Text, () => ClaimSource.Of(corpus, r, Origin).Label))
            .OfType<EventDateContrast.Item>().ToList();
        foreach (var (a, b, reason) in EventDateContrast.Find(dated, (x, y) => alignment.Similarity(x, y) >= EventDateContrast.StorySimilarity))
        {
            contradictions.Add(new Contradiction(a, b, false, reason, propositionOf.GetValueOrDefault(a, string.Empty)));
        }

        // Disputes over whom a named shooter aimed at, across propositions.
        var targets = refs.Select((r, i) => (Ref: r, Text: texts[i])).Where(x => TargetContrast.Mentions(x.Text))
            .SelectMany(x => TargetContrast.ItemsOf(x.Ref, x.Text, () => ClaimSource.Of(corpus, x.Ref, Origin).Label)).ToList();
        foreach (var (a, b, reason) in TargetContrast.Find(targets, alignment.SameStory))
        {
            contradictions.Add(new Contradiction(a, b, false, reason, propositionOf.GetValueOrDefault(a, string.Empty)));
        }

        // Disputes over where one person died ("at the scene" against "on the way to the hospital"), across propositions.
        var deaths = refs.Select((r, i) => (Ref: r, Text: texts[i])).Where(x => DeathPlaceContrast.Mentions(x.Text))
            .SelectMany(x => DeathPlaceContrast.ItemsOf(x.Ref, x.Text, () => ClaimSource.Of(corpus, x.Ref, Origin).Label)).ToList();
        if (deaths.Count > 1)
        {
            var tolls = new Dictionary<string, HashSet<double>>(StringComparer.Ordinal);
            HashSet<double> TollsOf(string documentId)
            {
                if (!tolls.TryGetValue(documentId, out var set))
                {
                    var layer = corpus.ById[documentId].Layers.Find<ClaimLayer>();
                    IEnumerable<Claim> claims = layer is null ? [] : layer.Headline is { } headline ? layer.Items.Append(headline) : layer.Items;
                    tolls[documentId] = set = [.. claims.Where(c => c.Polarity != ClaimPolarity.Negative)
                        .SelectMany(c => c.Frame.Measures)
                        .Where(m => m.Role == Claims.Frames.MeasureRoles.Killed && m.Min is { } lo && m.Max is { } hi && Math.Abs(lo - hi) < 1e-9)
                        .Select(m => m.Min!.Value)];
                }

                return set;
            }

            bool OneDead(string x, string y)
            {
                var both = TollsOf(x).Concat(TollsOf(y)).ToList();
                return both.Count > 0 && both.TrueForAll(v => Math.Abs(v - 1) < 1e-9);
            }

            foreach (var (a, b, reason) in DeathPlaceContrast.Find(deaths, alignment.SameStory, OneDead))
            {
                contradictions.Add(new Contradiction(a, b, false, reason, propositionOf.GetValueOrDefault(a, string.Empty)));
            }
        }

        // Disputes over who holds a post one person holds at a time ("general manager J.D. Marsh" against "J.D. Pell"),
        // read from the claim and the attribution written apart from it, across propositions.
        var posts = refs.Select((r, i) => (Ref: r, Text: WithAttribution(corpus, r, texts[i]))).Where(x => TitleHolderContrast.Mentions(x.Text))
            .SelectMany(x => TitleHolderContrast.ItemsOf(x.Ref, x.Text, () => ClaimSource.Of(corpus, x.Ref, Origin).Label)).ToList();
        foreach (var (a, b, reason) in TitleHolderContrast.Find(posts, alignment.SameStory))
        {
            contradictions.Add(new Contradiction(a, b, false, reason, propositionOf.GetValueOrDefault(a, string.Empty)));
        }

        // A report that tells its own story's revision ("initially reported that …, but later said …"): an update, in the
        // order the text gives, with no report time needed.
        foreach (var doc in corpus.Documents)
        {
            var claims = doc.Layers.Find<ClaimLayer>()?.Items ?? [];
            if (!claims.Any(c => Revisions.MayTell(doc.Document.Slice(c.Span))))
            {
                continue;
            }

            var told = claims.Select(c => new Revisions.Item(
                new ClaimRef(doc.Document.Id, c).Key,
                doc.Document.Slice(c.Span),
                [.. c.Frame.Measures.Where(m => m.Role == Claims.Frames.MeasureRoles.Killed && m.Min is not null && m.Min == m.Max).Select(m => m.Min!.Value)])).ToList();
            foreach (var (earlier, later, reason) in Revisions.Find(told, Headlines.NameOf(doc)))
            {
                contradictions.RemoveAll(c => (c.A == earlier && c.B == later) || (c.A == later && c.B == earlier));
                contradictions.Add(new Contradiction(earlier, later, true, reason, propositionOf.GetValueOrDefault(earlier, string.Empty)));
            }
        }

        var ordered = propositions
            .OrderByDescending(p => p.IndependentSources)
            .ThenBy(p => p.Status)
            .ThenBy(p => int.Parse(p.Id.AsSpan(1), CultureInfo.InvariantCulture))
            .ToList();
        corpus.Layers.Set(new PropositionLayer(ordered, contradictions));
        corpus.Layers.Set(new StoryStateLayer(StoryStateFinder.Find(corpus, Origin)));
    }

    /// <summary>
    /// Splits a group of similar claims into the events they describe: a claim joins the first part all of whose
    /// claims may report the same event (complete link), so two quakes never share a proposition however many words
    /// they share.
    /// </summary>
    /// <summary>The claims as <see cref="MeaningAlignment"/> reads them; a claim that cannot join by meaning carries no entities.</summary>
    private List<MeaningAlignment.Item> AlignmentItems(Corpus corpus, List<ClaimRef> refs, List<string> texts)
    {
        var items = new List<MeaningAlignment.Item>(refs.Count);
        for (var i = 0; i < refs.Count; i++)
        {
            var claim = refs[i].Claim;
            bool? polarity = EffectivePolarity(claim) is { } p ? p == ClaimPolarity.Positive : null;
            var eventClass = claim.Frame.EventClass;
            if (polarity is null || eventClass is null || eventClass == Claims.Frames.EventClasses.State)
            {
                items.Add(new MeaningAlignment.Item(refs[i].DocumentId, string.Empty, texts[i], eventClass, polarity, []));
                continue;
            }

            var source = ClaimSource.Of(corpus, refs[i], Origin).Key;
            var entities = _entitiesIn!(corpus, corpus.ById[refs[i].DocumentId].SpanOf(claim.Span.Range));
            var lead = claim.Frame.Predicate is { } predicate && predicate.Start >= claim.Span.Start && predicate.Start - claim.Span.Start <= texts[i].Length
                ? texts[i][..(predicate.Start - claim.Span.Start)]
                : texts[i];
            items.Add(new MeaningAlignment.Item(refs[i].DocumentId, source, texts[i], eventClass, polarity, entities) { Lead = lead });
        }

        return Offices.WithHolders(items, corpus.Documents.Select(d => d.Document.Text));
    }

    private static IEnumerable<PropositionGrouper.Group> SplitByEvent(PropositionGrouper.Group group, List<ClaimRef> refs, StoryAlignment alignment)
    {
        if (group.Members.Count < 2)
        {
            return [group];
        }

        const int Checked = 12;
        var parts = EventPartition.Of(group.Members, (o, i) => alignment.Mismatch(refs[o].DocumentId, refs[o].Claim, refs[i].DocumentId, refs[i].Claim) is null, Checked);
        return parts.Count == 1
            ? [group]
            : parts.Select(p => new PropositionGrouper.Group(p, p.MaxBy(i => group.Centrality[i]), group.Centrality));
    }

    /// <summary>The claim's text, after the words of its attribution when those are written outside the claim ("X said in a statement").</summary>
    private static string WithAttribution(Corpus corpus, ClaimRef claim, string text)
    {
        var span = claim.Claim.Span.Range;
        return claim.Claim.Attribution.Range is { } range && (range.End <= span.Start || range.Start >= span.End) && range.End > range.Start
            ? corpus.ById[claim.DocumentId].Document.Slice(range) + " " + text
            : text;
    }

    private static int Label(PropositionGrouper.Group group, List<ClaimRef> refs)
    {
        // A positive, asserted claim reads best as the proposition's label; fall back to the most central claim.
        var best = -1;
        foreach (var i in group.Members)
        {
            var claim = refs[i].Claim;
            if (claim.Polarity != ClaimPolarity.Positive || claim.Kind is ClaimKind.Question or ClaimKind.Speculation)
            {
                continue;
            }

            if (best < 0 || group.Centrality[i] > group.Centrality[best])
            {
                best = i;
            }
        }

        return best >= 0 ? best : group.Medoid;
    }

    /// <summary>
    /// The polarity a claim asserts, counting low likelihood as a denial; null when it takes no position (questions,
    /// speculation, even odds).
    /// </summary>
    internal static ClaimPolarity? EffectivePolarity(Claim claim)
    {
        if (claim.Kind is ClaimKind.Question or ClaimKind.Speculation)
        {
            return null;
        }

        var polarity = claim.Polarity;
        switch (claim.Likelihood?.Band)
        {
            case LikelihoodBand.RoughlyEvenChance:
                return null;
            case LikelihoodBand.Unlikely or LikelihoodBand.VeryUnlikely or LikelihoodBand.AlmostNoChance:
                polarity = polarity == ClaimPolarity.Positive ? ClaimPolarity.Negative : ClaimPolarity.Positive;
                break;
        }

        return polarity;
    }

    private ContradictionFinder.Member Member(Corpus corpus, ClaimRef claimRef, string text, string labelText, ClaimPolarity labelPolarity)
    {
        var doc = corpus.ById[claimRef.DocumentId].Document;
        var claim = claimRef.Claim;
        var polarity = EffectivePolarity(claim);
        var stance = claim.Kind == ClaimKind.Question || text.TrimEnd().EndsWith('?')
            ? StanceKind.Query
            : polarity is null ? StanceKind.Comment : polarity == labelPolarity ? StanceKind.Support : StanceKind.Deny;
        if (stance == StanceKind.Deny && !NegationBearsOnLabel(claim, text, labelText, labelPolarity))
        {
            // "The case will be dropped, … the fighters will not be prosecuted" asserts the label "charges to be dropped":
            // its negation bears on something else, so it is not a denial.
            stance = StanceKind.Support;
        }

        var source = ClaimSource.Of(corpus, claimRef, Origin);
        var sentenceStart = Math.Max(0, claim.Span.Start - 160);
        var context = doc.Text[sentenceStart..Math.Min(doc.Text.Length, claim.Span.End + 160)];
        return new ContradictionFinder.Member(claimRef, text, context, stance, source.Key, source.Outlet, doc.Source.Published, source.Label, source.Weight);
    }

    /// <summary>
    /// True when a claim whose polarity differs from the label's denies what the label says: the negation of whichever
    /// of the two is negative bears on words the other asserts. A likelihood ("unlikely") or a derived negation counts
    /// as bearing on the whole claim.
    /// </summary>
    private static bool NegationBearsOnLabel(Claim claim, string text, string labelText, ClaimPolarity labelPolarity)
    {
        if (claim.DerivedFrom is not null)
        {
            return true;
        }

        if (claim.Likelihood is { } likelihood && claim.Polarity == labelPolarity)
        {
            // "It is unlikely that he will face prosecution" denies the label only when what it calls unlikely is what
            // the label says, not a consequence of it ("after the case was closed, prosecution is unlikely").
            var at = Math.Clamp(likelihood.Range.End - claim.Span.Start, 0, text.Length);
            return SharedContentWords(text[at..], labelText) >= 2;
        }

        return labelPolarity == ClaimPolarity.Positive
            ? ContradictionFinder.NegatesShared(text, labelText)
            : ContradictionFinder.NegatesShared(labelText, text);
    }

    private static int SharedContentWords(string a, string b)
    {
        var stems = ContradictionFinder.ContentStems(a);
        return ContradictionFinder.ContentStems(b).Count(stems.Contains);
    }

    private string Origin(Corpus corpus, string documentId) => OriginOf(corpus, documentId, _syndicationGroup);

    /// <summary>The independent origin of a document: its syndication group, else its outlet, else itself.</summary>
    internal static string OriginOf(Corpus corpus, string documentId, Func<Corpus, string, string?>? syndicationGroup) =>
        syndicationGroup?.Invoke(corpus, documentId)
        ?? (corpus.ById[documentId].Document.Source.Outlet is { } outlet ? "outlet:" + outlet.Trim().ToLowerInvariant() : "doc:" + documentId);

    /// <summary>The independent-source key and reliability weight of a reply's author.</summary>
    private (string SourceKey, double Weight) ReplySource(Corpus corpus, Document doc, Post post)
    {
        var origin = Origin(corpus, doc.Id);
        return (post.Author is { } author ? origin + "/" + author.ToLowerInvariant() : origin + "/post:" + post.Id, SourceGrading.Weight(doc.Source.Reliability));
    }

    private static Proposition Score(string id, string label, List<ContradictionFinder.Member> members, IReadOnlyList<ThreadStances.Reply> replies, Span cite)
    {
        var supporters = new Dictionary<string, double>(StringComparer.Ordinal);
        var deniers = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var m in members)
        {
            var target = m.Stance switch
            {
                StanceKind.Support => supporters,
                StanceKind.Deny => deniers,
                _ => null,
            };
            if (target is not null)
            {
                target[m.SourceKey] = Math.Max(target.GetValueOrDefault(m.SourceKey), m.Weight);
            }
        }

        foreach (var r in replies)
        {
            var target = r.Stance switch
            {
                StanceKind.Support => supporters,
                StanceKind.Deny => deniers,
                _ => null,
            };
            if (target is not null)
            {
                target[r.SourceKey] = Math.Max(target.GetValueOrDefault(r.SourceKey), r.Weight);
            }
        }

        var independent = supporters.Keys.Union(deniers.Keys, StringComparer.Ordinal).Count();
        if (supporters.Count > 0 && deniers.Count > 0 && OneDocument(members, replies))
        {
            // A document that reports a claim in order to knock it down debunks it; that alone is not a dispute
            // between sources, so the document's own assertion is what it stands on.
            var own = members.FirstOrDefault(m => m.Claim.Claim.Attribution.Kind == HolderKind.Author && m.Stance is StanceKind.Support or StanceKind.Deny);
            var keep = own?.Stance == StanceKind.Deny ? deniers : supporters;
            (own?.Stance == StanceKind.Deny ? supporters : deniers).Clear();
            independent = keep.Count;
        }

        var support = supporters.Values.Sum();
        var denial = deniers.Values.Sum();
        var status = supporters.Count > 0 && deniers.Count > 0 ? CorroborationStatus.Contested
            : supporters.Count >= 2 || deniers.Count >= 2 ? CorroborationStatus.Corroborated
            : supporters.Count == 1 || deniers.Count == 1 ? CorroborationStatus.SingleSource
            : CorroborationStatus.Unverified;
        var credibility = Credibility(status, supporters, deniers, support, denial, members, replies);
        var stances = members
            .GroupBy(m => (m.Claim.DocumentId, m.Claim.Claim.PostId))
            .Select(g => new SourceStance(g.Key.DocumentId, g.Key.PostId, Aggregate(g.Select(m => m.Stance)), [.. g.Select(m => m.Claim.Key)]))
            .Concat(replies.Select(r => new SourceStance(r.DocumentId, r.PostId, r.Stance, [])))
            .ToList();
        return new Proposition(id, label, [.. members.Select(m => m.Claim)], stances, independent, status, credibility, Math.Round(support, 3), Math.Round(denial, 3), cite);
    }

    /// <summary>
    /// True when the sentence-pair model reads the two claims as clashing: neither entails the other and one contradicts
    /// the other, either way round.
    /// </summary>
    private bool Clash(string a, string b)
    {
        var ab = _judge!(a, b);
        var ba = _judge(b, a);
        return Math.Max(ab.Entails, ba.Entails) < AgreementCeiling && Math.Max(ab.Contradicts, ba.Contradicts) >= ContradictionFloor;
    }

    private static bool OneDocument(List<ContradictionFinder.Member> members, IReadOnlyList<ThreadStances.Reply> replies) =>
        members.Where(m => m.Stance is StanceKind.Support or StanceKind.Deny).Select(m => m.Claim.DocumentId)
            .Concat(replies.Where(r => r.Stance is StanceKind.Support or StanceKind.Deny).Select(r => r.DocumentId))
            .Distinct(StringComparer.Ordinal).Count() == 1;

    private static int Credibility(CorroborationStatus status, Dictionary<string, double> supporters, Dictionary<string, double> deniers, double support, double denial, List<ContradictionFinder.Member> members, IReadOnlyList<ThreadStances.Reply> replies)
    {
        // Credibility of the proposition as its label states it.
        return status switch
        {
            CorroborationStatus.Corroborated when supporters.Count < 2 => deniers.Count >= 3 ? 5 : 4,
            CorroborationStatus.Corroborated => supporters.Count >= 3 && support >= 2.0 ? 1 : 2,
            CorroborationStatus.Contested => support >= 2 * denial ? 3 : denial >= 2 * support ? 5 : 4,
            CorroborationStatus.SingleSource when deniers.Count == 1 => 4,
            CorroborationStatus.SingleSource => members.Where(m => m.Stance == StanceKind.Support).Select(m => m.Weight)
                .Concat(replies.Where(r => r.Stance == StanceKind.Support).Select(r => r.Weight)).Max() switch
            {
                >= 0.7 => 3,
                >= 0.45 => 6,
                _ => 4,
            },
            _ => 6,
        };
    }

    private static StanceKind Aggregate(IEnumerable<StanceKind> stances)
    {
        var list = stances.ToList();
        var support = list.Count(s => s == StanceKind.Support);
        var deny = list.Count(s => s == StanceKind.Deny);
        if (support > deny)
        {
            return StanceKind.Support;
        }

        if (deny > support)
        {
            return StanceKind.Deny;
        }

        if (support > 0)
        {
            return StanceKind.Comment;
        }

        return list.Contains(StanceKind.Query) ? StanceKind.Query : StanceKind.Comment;
    }
}
