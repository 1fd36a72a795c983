using System.Text.Json.Serialization;

namespace Sitrep.Brief.Model;

// The brief.json schema, "sitrep.brief/1". Documented in docs/brief-schema.md. Later versions add fields; they never
// rename or remove one. Offsets are UTF-16 code units into the document text, half-open [start, end).

/// <summary>The whole brief.</summary>
public sealed record BriefReport
{
    /// <summary>The schema identifier.</summary>
    public const string SchemaId = "sitrep.brief/1";

    /// <summary>Always <see cref="SchemaId"/>.</summary>
    public string Schema { get; init; } = SchemaId;

    /// <summary>What produced the brief.</summary>
    public required BriefGenerator Generator { get; init; }

    /// <summary>Corpus totals.</summary>
    public required BriefCorpus Corpus { get; init; }

    /// <summary>The bottom line: three to five sentences (what happened, where it stands now, what matters most), each cited.</summary>
    public IReadOnlyList<BriefStatement> BottomLine { get; init; } = [];

    /// <summary>Sitrep's key judgments, each with a likelihood word, a separate confidence and one line of basis.</summary>
    public IReadOnlyList<BriefJudgment> KeyJudgments { get; init; } = [];

    /// <summary>The sources' own analytic judgments, attributed to them.</summary>
    public IReadOnlyList<BriefSourceJudgment> SourceJudgments { get; init; } = [];

    /// <summary>Confirmed, disputed, open and changed items, referring to propositions, figures and story states.</summary>
    public BriefStatus Status { get; init; } = new([], [], [], []);

    /// <summary>About ten actors that matter: their role in the story and what is claimed of them.</summary>
    public IReadOnlyList<BriefActor> ActorsThatMatter { get; init; } = [];

    /// <summary>What to watch: open questions and claims awaiting confirmation.</summary>
    public IReadOnlyList<BriefWatchItem> Watch { get; init; } = [];

    /// <summary>Documents analysed, in path order.</summary>
    public IReadOnlyList<BriefDocument> Documents { get; init; } = [];

    /// <summary>Actors and places.</summary>
    public IReadOnlyList<BriefEntity> Entities { get; init; } = [];

    /// <summary>Claims.</summary>
    public IReadOnlyList<BriefClaim> Claims { get; init; } = [];

    /// <summary>Ids of the claims the brief shows as key claims, most telling first.</summary>
    public IReadOnlyList<string> KeyClaims { get; init; } = [];

    /// <summary>Propositions across sources.</summary>
    public IReadOnlyList<BriefProposition> Propositions { get; init; } = [];

    /// <summary>Contradicting or updating claim pairs.</summary>
    public IReadOnlyList<BriefContradiction> Contradictions { get; init; } = [];

    /// <summary>The sources' figures per event and quantity, side by side, disputes first.</summary>
    public IReadOnlyList<BriefFigure> Figures { get; init; } = [];

    /// <summary>Where the matters the story keeps returning to stand now, and how they got there.</summary>
    public IReadOnlyList<BriefStoryState> States { get; init; } = [];

    /// <summary>Timeline entries.</summary>
    public IReadOnlyList<BriefTimelineEntry> Timeline { get; init; } = [];

    /// <summary>Hypotheses and their scores.</summary>
    public IReadOnlyList<BriefHypothesis> Hypotheses { get; init; } = [];

    /// <summary>The ACH matrix rows, rankings, diagnosticity and linchpins; null when no ACH ran.</summary>
    public BriefAch? Ach { get; init; }

    /// <summary>Key takeaways, each cited.</summary>
    public IReadOnlyList<BriefTakeaway> Takeaways { get; init; } = [];

    /// <summary>Inputs that could not be analysed, and caveats.</summary>
    public IReadOnlyList<BriefError> Errors { get; init; } = [];

    /// <summary>
    /// What a bounded brief left out of each evidence section (counts); null when the brief carries the full evidence
    /// (<c>--full</c>).
    /// </summary>
    public BriefOmitted? Omitted { get; init; }
}

/// <summary>
/// How much a bounded brief left out: each count is the number of entries of that kind the full evidence has and this
/// brief does not. The front part and everything it cites are never left out.
/// </summary>
public sealed record BriefOmitted
{
    /// <summary>Most propositions a bounded brief keeps (the other sections have limits of their own).</summary>
    public int Top { get; init; }

    /// <summary>Most entries kept of a list inside one item (a proposition's claims, an entity's mentions, …).</summary>
    public int PerItem { get; init; }

    /// <summary>Documents left out (no kept item refers to them).</summary>
    public int Documents { get; init; }

    /// <summary>Entries of documents' <c>syndicatedWith</c> lists left out.</summary>
    public int SyndicatedCopies { get; init; }

    /// <summary>Entities left out.</summary>
    public int Entities { get; init; }

    /// <summary>Of the entities left out, those set aside as no actor of the story, counted by reason (<see cref="BriefEntity.SetAside"/>).</summary>
    public IReadOnlyDictionary<string, int>? SetAside { get; init; }

    /// <summary>Mentions left out of kept entities (each kept entity's <c>mentionCount</c> still counts all).</summary>
    public int Mentions { get; init; }

    /// <summary>Claims left out (no kept item refers to them).</summary>
    public int Claims { get; init; }

    /// <summary>Propositions left out.</summary>
    public int Propositions { get; init; }

    /// <summary>Claim ids left out of kept propositions' <c>claims</c>.</summary>
    public int PropositionClaims { get; init; }

    /// <summary>Stances left out of kept propositions' <c>stances</c> (supporting ones first).</summary>
    public int Stances { get; init; }

    /// <summary>Contradictions left out.</summary>
    public int Contradictions { get; init; }

    /// <summary>Figures left out.</summary>
    public int Figures { get; init; }

    /// <summary>Values and conflicts left out of kept figures (every distinct value keeps one source).</summary>
    public int FigureValues { get; init; }

    /// <summary>Story states left out.</summary>
    public int States { get; init; }

    /// <summary>Steps and disputing readings left out of kept story states.</summary>
    public int StateReadings { get; init; }

    /// <summary>Timeline entries left out.</summary>
    public int Timeline { get; init; }

    /// <summary>Claim ids, document ids and citations left out of kept timeline entries.</summary>
    public int TimelineReferences { get; init; }

    /// <summary>Takeaways left out.</summary>
    public int Takeaways { get; init; }

    /// <summary>Error entries left out.</summary>
    public int Errors { get; init; }

    /// <summary>The sections' counts, for a reader's note ("2,345 propositions"), those above zero only.</summary>
    public IEnumerable<(string What, int Count)> Sections()
    {
        (string, int)[] all =
        [
            ("documents", Documents), ("claims", Claims), ("propositions", Propositions), ("figures", Figures),
            ("story states", States), ("contradictions", Contradictions), ("timeline entries", Timeline), ("entities", Entities),
            ("takeaways", Takeaways), ("error entries", Errors),
        ];
        return all.Where(x => x.Item2 > 0);
    }
}

/// <summary>What produced the brief.</summary>
/// <param name="Name">Always "sitrep".</param>
/// <param name="Version">Sitrep version.</param>
/// <param name="Stages">Versioned names of the stages that ran.</param>
public sealed record BriefGenerator(string Name, string Version, IReadOnlyList<string> Stages);

/// <summary>Corpus totals.</summary>
/// <param name="DocumentCount">Documents analysed.</param>
/// <param name="Characters">Characters of text analysed.</param>
/// <param name="Sentences">Sentences analysed.</param>
/// <param name="ErrorCount">Inputs that failed.</param>
public sealed record BriefCorpus(int DocumentCount, long Characters, long Sentences, int ErrorCount);

/// <summary>A document.</summary>
public sealed record BriefDocument
{
    /// <summary>Stable id derived from the content hash.</summary>
    public required string Id { get; init; }

    /// <summary>Where it was read from.</summary>
    public required string Path { get; init; }

    /// <summary>Title or headline.</summary>
    public string? Title { get; init; }

    /// <summary>
    /// The headline as the claims stage read it from the text (the title when it reads as one, else the first heading
    /// of the opening), clipped to ten words; null when there is none. Names a document that has no outlet.
    /// </summary>
    public string? Headline { get; init; }

    /// <summary><c>article|thread|liveblog|feed-item|brief|other</c>.</summary>
    public required string Kind { get; init; }

    /// <summary>Source metadata.</summary>
    public required BriefSource Source { get; init; }

    /// <summary>ISO 639-1 language, when identified.</summary>
    public string? Language { get; init; }

    /// <summary>Length of the text in UTF-16 code units.</summary>
    public int Length { get; init; }

    /// <summary>SHA-256 of the UTF-8 text.</summary>
    public required string ContentHash { get; init; }

    /// <summary>Number of sentences analysed.</summary>
    public int Sentences { get; init; }

    /// <summary>Posts or live updates.</summary>
    public IReadOnlyList<BriefPost> Posts { get; init; } = [];

    /// <summary>Boilerplate ranges as [start, end] pairs.</summary>
    public IReadOnlyList<int[]> Boilerplate { get; init; } = [];

    /// <summary>Pages of a paginated input (PDF) as [number, start, end] triples; empty for other inputs.</summary>
    public IReadOnlyList<int[]> Pages { get; init; } = [];

    /// <summary>The syndication group (<c>s1</c>, …) when the document is a copy of a report other documents also carry.</summary>
    public string? SyndicationGroup { get; init; }

    /// <summary>The other documents of its syndication group.</summary>
    public IReadOnlyList<string> SyndicatedWith { get; init; } = [];
}

/// <summary>Source metadata.</summary>
/// <param name="Outlet">Outlet.</param>
/// <param name="Author">Author.</param>
/// <param name="Url">Url.</param>
/// <param name="Published">ISO 8601 with offset.</param>
/// <param name="Reliability">Admiralty grade A–F.</param>
public sealed record BriefSource(string? Outlet, string? Author, string? Url, string? Published, string? Reliability);

/// <summary>A post or live update.</summary>
/// <param name="Id">Post id within the document.</param>
/// <param name="Parent">Parent post id.</param>
/// <param name="Depth">Reply depth.</param>
/// <param name="Author">Author.</param>
/// <param name="Time">TIMEX3 value of the post time, when derivable.</param>
/// <param name="TimeText">The post time as written.</param>
/// <param name="Start">Start offset.</param>
/// <param name="End">End offset.</param>
public sealed record BriefPost(string Id, string? Parent, int Depth, string? Author, string? Time, string? TimeText, int Start, int End);

/// <summary>A span of a document.</summary>
/// <param name="Doc">Document id.</param>
/// <param name="Start">Start offset.</param>
/// <param name="End">End offset.</param>
public sealed record BriefSpan(string Doc, int Start, int End);

/// <summary>An entity.</summary>
/// <param name="Id">Entity id.</param>
/// <param name="Name">Canonical name.</param>
/// <param name="Type"><c>PERSON|ORG|LOC|MISC</c>.</param>
/// <param name="Aliases">Other names.</param>
/// <param name="Mentions">Mention spans.</param>
public sealed record BriefEntity(string Id, string Name, string Type, IReadOnlyList<string> Aliases, IReadOnlyList<BriefSpan> Mentions)
{
    /// <summary>Mentions in the whole corpus: <c>mentions</c> may list fewer in a bounded brief; 0 (read from an older brief) means <c>mentions</c> lists all.</summary>
    public int MentionCount { get; init; }

    /// <summary>All mentions in the corpus, whether or not <see cref="Mentions"/> lists them all.</summary>
    [JsonIgnore]
    public int TotalMentions => Math.Max(MentionCount, Mentions.Count);

    /// <summary>
    /// Why the brief does not count it among the story's actors, or null when it may be one: a source of the reports
    /// (an outlet, a byline, a commenter), a common noun the recogniser took for a name, a code such as a report number.
    /// A bounded brief leaves such entities out of <c>entities[]</c> and counts them in <c>omitted.setAside</c>.
    /// </summary>
    public string? SetAside { get; init; }
}

/// <summary>Who holds a claim.</summary>
/// <param name="Holder">Entity id when the holder resolves to an entity, else "author", "named" or "unnamed".</param>
/// <param name="Text">The holder as written (the author's name for the author, when known).</param>
/// <param name="Kind"><c>author|named|unnamed</c>.</param>
/// <param name="Cue">The reporting verb or marker ("claimed", "according to"), or null.</param>
/// <param name="Refers">For a pronoun holder, the named holder it stands for.</param>
/// <param name="Start">Start offset of the holder in the document, or null for the author.</param>
/// <param name="End">End offset of the holder, or null.</param>
public sealed record BriefAttribution(string Holder, string? Text, string? Kind = null, string? Cue = null, string? Refers = null, int? Start = null, int? End = null);

/// <summary>An ICD 203 likelihood band.</summary>
/// <param name="Term">The phrase.</param>
/// <param name="Low">Lower probability.</param>
/// <param name="High">Upper probability.</param>
/// <param name="Band">Band name: <c>almost_no_chance|very_unlikely|unlikely|even|likely|very_likely|almost_certain</c>.</param>
public sealed record BriefModality(string Term, double Low, double High, string? Band = null);

/// <summary>A quantity in a claim.</summary>
/// <param name="Value">The number (vague amounts by the ACLED convention: dozens = 12, hundreds = 100).</param>
/// <param name="Unit">What is counted, or null.</param>
/// <param name="Hedge">"at least", "about", "vague", …, or null.</param>
/// <param name="Text">As written.</param>
/// <param name="Start">Start offset.</param>
/// <param name="End">End offset.</param>
public sealed record BriefQuantity(double Value, string? Unit, string? Hedge, string Text, int Start, int End);

/// <summary>A claim.</summary>
public sealed record BriefClaim
{
    /// <summary>Claim id.</summary>
    public required string Id { get; init; }

    /// <summary>Document id.</summary>
    public required string Doc { get; init; }

    /// <summary>Post id, or null.</summary>
    public string? Post { get; init; }

    /// <summary>Start offset.</summary>
    public int Start { get; init; }

    /// <summary>End offset.</summary>
    public int End { get; init; }

    /// <summary>The claim text as written.</summary>
    public required string Text { get; init; }

    /// <summary>Attribution.</summary>
    public required BriefAttribution Attribution { get; init; }

    /// <summary><c>positive|negative</c>.</summary>
    public required string Polarity { get; init; }

    /// <summary>Likelihood, or null when unhedged.</summary>
    public BriefModality? Modality { get; init; }

    /// <summary><c>event|judgment|quote|opinion|speculation|question</c>.</summary>
    public required string Kind { get; init; }

    /// <summary>TIMEX3 value of when it happened.</summary>
    public string? EventTime { get; init; }

    /// <summary>TIMEX3 value of when it was reported.</summary>
    public string? ReportTime { get; init; }

    /// <summary>Hearsay marker ("reportedly", "allegedly"), kept apart from the likelihood; null when none.</summary>
    public string? Hearsay { get; init; }

    /// <summary>
    /// A casual or narrative hedge ("seems" in a comment, "seemed to" in narration), kept apart from the likelihood:
    /// it maps to no ICD 203 band, so <see cref="Modality"/> is null; null when none.
    /// </summary>
    public string? Hedge { get; init; }

    /// <summary>Numbers with their units and hedges.</summary>
    public IReadOnlyList<BriefQuantity> Quantities { get; init; } = [];

    /// <summary>For a rhetorical question the text answers ("Could be."), where the answer is.</summary>
    public BriefSpan? Answer { get; init; }

    /// <summary>For a claim derived from a restrictive statement ("only X was true"), the id of that statement's claim.</summary>
    public string? DerivedFrom { get; init; }

    /// <summary>What the claim says happened in comparable form (event class, figures with roles), or null when nothing is known.</summary>
    public BriefFrame? Frame { get; init; }
}

/// <summary>A claim's frame.</summary>
/// <param name="EventClass">The event class of its predicate (<c>kill</c>, <c>attack</c>, <c>charge</c>…), or null.</param>
/// <param name="Trigger">The word that names it, or null.</param>
/// <param name="Measures">Its figures with their roles.</param>
public sealed record BriefFrame(string? EventClass, string? Trigger, IReadOnlyList<BriefMeasure> Measures)
{
    /// <summary>The predicate as written ("killed"), or null when the claim's sentence was not parsed.</summary>
    public string? Predicate { get; init; }

    /// <summary>The predicate's dictionary form ("kill"), or null when the claim's sentence was not parsed.</summary>
    public string? Lemma { get; init; }

    /// <summary>Where the predicate is written, or null.</summary>
    public BriefSpan? PredicateSpan { get; init; }

    /// <summary>How the frame was read: <c>parse</c> (dependency parse) or <c>words</c> (trigger words only).</summary>
    public string? Source { get; init; }

    /// <summary>The predicate's participants with their roles, in text order.</summary>
    public IReadOnlyList<BriefParticipant> Participants { get; init; } = [];
}

/// <summary>A participant of a claim's predicate.</summary>
/// <param name="Role"><c>agent|patient|location|recipient</c>.</param>
/// <param name="Text">The entity mention as written when one covers the participant's head word, else its noun phrase as written.</param>
/// <param name="EntityId">The resolved entity whose mention covers the head word, or null.</param>
/// <param name="Span">Where the participant is written: the entity mention, else the noun phrase.</param>
public sealed record BriefParticipant(string Role, string Text, string? EntityId, BriefSpan Span);

/// <summary>A figure in a claim, read for what it measures.</summary>
/// <param name="Role"><c>killed|injured|casualties|missing|arrested|displaced|force|distance|depth|magnitude|money</c>.</param>
/// <param name="Counted">Who or what is counted, or the place a distance is from; null where the role says it all.</param>
/// <param name="Min">Lower bound in <paramref name="Unit"/>, or null.</param>
/// <param name="Max">Upper bound in <paramref name="Unit"/>, or null.</param>
/// <param name="Unit">Canonical unit (<c>people</c>, <c>km</c>, <c>magnitude</c>, a currency code).</param>
/// <param name="Text">As written.</param>
/// <param name="Start">Start offset in the document.</param>
/// <param name="End">End offset in the document.</param>
public sealed record BriefMeasure(string Role, string? Counted, double? Min, double? Max, string Unit, string Text, int Start, int End);

/// <summary>One source's value of a figure.</summary>
/// <param name="Claim">The claim that gives it.</param>
/// <param name="Source">Who gives it.</param>
/// <param name="Value">The value in words ("at least 13", "200 km").</param>
/// <param name="Measure">The value with its bounds.</param>
/// <param name="ReportTime">When it was reported (ISO 8601), or null.</param>
/// <param name="Likelihood">The claim's ICD 203 likelihood word, when hedged.</param>
/// <param name="Cite">The claim's span.</param>
public sealed record BriefFigureValue(string Claim, string Source, string Value, BriefMeasure Measure, string? ReportTime, string? Likelihood, BriefSpan Cite);

/// <summary>One step of a story state.</summary>
/// <param name="Status">The status in words.</param>
/// <param name="Claim">The claim that gives it.</param>
/// <param name="Source">Who gives it.</param>
/// <param name="ReportTime">When (ISO 8601), or null.</param>
/// <param name="Cite">The claim's span.</param>
public sealed record BriefStatusStep(string Status, string Claim, string Source, string? ReportTime, BriefSpan Cite);

/// <summary>Where one matter stands now and how it got there.</summary>
/// <param name="Topic">The matter ("criminal case").</param>
/// <param name="Now">The latest status.</param>
/// <param name="Summary">The story in one line.</param>
/// <param name="Disputed">True when a source still gives another status after the latest change.</param>
/// <param name="Steps">The changes of status in report-time order.</param>
public sealed record BriefStoryState(string Topic, string Now, string Summary, bool Disputed, IReadOnlyList<BriefStatusStep> Steps)
{
    /// <summary>
    /// Readings that dispute the matter and have no place among <see cref="Steps"/>: undated reports that clash with
    /// where it stands, or, for a fact such as whether a party knew in advance, one reading per source and side.
    /// </summary>
    public IReadOnlyList<BriefStatusStep> Disputing { get; init; } = [];

    /// <summary>The steps and the disputing readings, for citations.</summary>
    [JsonIgnore]
    public IEnumerable<BriefStatusStep> AllReadings => Steps.Concat(Disputing);
}

/// <summary>One quantity of one event as the sources give it.</summary>
/// <param name="Id">Figure id.</param>
/// <param name="Label">The quantity in words ("killed (airmen)", "force size", "distance from moscow").</param>
/// <param name="Verdict"><c>dispute|update|consistent</c>.</param>
/// <param name="Reason">Why, in words.</param>
/// <param name="Values">The values by source, in report-time order.</param>
/// <param name="Conflicts">The pairs of values behind a dispute or update, with reasons.</param>
public sealed record BriefFigure(string Id, string Label, string Verdict, string Reason, IReadOnlyList<BriefFigureValue> Values, IReadOnlyList<BriefContradiction> Conflicts);

/// <summary>A stance toward a proposition.</summary>
/// <param name="Doc">Document id.</param>
/// <param name="Post">Post id, or null.</param>
/// <param name="Stance"><c>support|deny|query|comment</c>.</param>
public sealed record BriefStance(string Doc, string? Post, string Stance);

/// <summary>A proposition.</summary>
/// <param name="Id">Proposition id.</param>
/// <param name="Label">Readable label.</param>
/// <param name="Claims">Claim ids.</param>
/// <param name="Stances">Stances.</param>
/// <param name="IndependentSources">Independent sources.</param>
/// <param name="Status"><c>corroborated|contested|single-source|unverified</c>.</param>
/// <param name="Credibility">Admiralty credibility 1–6.</param>
public sealed record BriefProposition(string Id, string Label, IReadOnlyList<string> Claims, IReadOnlyList<BriefStance> Stances, int IndependentSources, string Status, int Credibility)
{
    /// <summary>The span of the claim whose text is the label.</summary>
    public BriefSpan? Cite { get; init; }

    /// <summary>Reliability-weighted support of independent sources.</summary>
    public double Support { get; init; }

    /// <summary>Reliability-weighted denial of independent sources.</summary>
    public double Denial { get; init; }

    /// <summary>Why claims worded differently were joined into it (event class, shared participants, meaning), or null.</summary>
    public string? Alignment { get; init; }
}

/// <summary>A contradiction or update.</summary>
/// <param name="A">Claim id.</param>
/// <param name="B">Claim id.</param>
/// <param name="Kind"><c>contradiction|update</c>.</param>
/// <param name="Reason">Why.</param>
public sealed record BriefContradiction(string A, string B, string Kind, string Reason)
{
    /// <summary>The proposition both claims belong to.</summary>
    public string? Proposition { get; init; }
}

/// <summary>A timeline entry.</summary>
/// <param name="When">TIMEX3 value.</param>
/// <param name="Reported">TIMEX3 value of the report time.</param>
/// <param name="Label">Readable label.</param>
/// <param name="Claims">Claim ids.</param>
/// <param name="Docs">Document ids.</param>
/// <param name="Cites">The sentences that date it, one per report.</param>
/// <param name="Expression">The temporal expression as written.</param>
/// <param name="Anchor">What <paramref name="When"/> was resolved against: <c>absolute|post|document|discourse|none</c>.</param>
/// <param name="Placed">False when the value cannot be placed on the calendar (unknown date): the order is then partial.</param>
/// <param name="AnchorNote">Why the anchor of <paramref name="When"/> is ambiguous, or null.</param>
/// <param name="Role"><c>story</c> for the story's own sequence, <c>background</c> for a date mentioned in passing.</param>
/// <param name="Relation">For an entry that cannot be placed, where it stands relative to its report ("1 day before the report"), or null.</param>
public sealed record BriefTimelineEntry(
    string When,
    string? Reported,
    string Label,
    IReadOnlyList<string> Claims,
    IReadOnlyList<string> Docs,
    IReadOnlyList<BriefSpan>? Cites = null,
    string? Expression = null,
    string? Anchor = null,
    bool Placed = true,
    string? AnchorNote = null,
    string Role = "story",
    string? Relation = null);

/// <summary>A hypothesis.</summary>
/// <param name="Id">Hypothesis id.</param>
/// <param name="Text">Statement.</param>
/// <param name="Origin"><c>user|suggested</c>.</param>
/// <param name="Sources">Spans it came from.</param>
/// <param name="Scores">Scores by method.</param>
/// <param name="Ratings">Ratings against evidence.</param>
public sealed record BriefHypothesis(string Id, string Text, string Origin, IReadOnlyList<BriefSpan> Sources, IReadOnlyDictionary<string, double> Scores, IReadOnlyList<BriefRating> Ratings)
{
    /// <summary>The Bayesian posterior in ICD 203 words.</summary>
    public string? Estimative { get; init; }
}

/// <summary>The ACH matrix's rows and conclusions.</summary>
/// <param name="Evidence">Evidence rows.</param>
/// <param name="HeuerRanking">Hypothesis ids by Heuer's inconsistency, best first.</param>
/// <param name="BayesRanking">Hypothesis ids by posterior, best first.</param>
/// <param name="MostDiagnostic">The most diagnostic evidence row.</param>
/// <param name="Linchpins">Rows whose removal or reversal changes the top hypothesis.</param>
public sealed record BriefAch(IReadOnlyList<BriefEvidence> Evidence, IReadOnlyList<string> HeuerRanking, IReadOnlyList<string> BayesRanking, string? MostDiagnostic, IReadOnlyList<BriefLinchpin> Linchpins)
{
    /// <summary>Whether the evidence discriminates between the hypotheses, in a plain sentence ("No evidence discriminates …").</summary>
    public string? Discrimination { get; init; }

    /// <summary>Evidence that seems to bear on a hypothesis but was left unrated, offered to the analyst.</summary>
    public IReadOnlyList<BriefCandidate> Candidates { get; init; } = [];
}

/// <summary>Unrated evidence offered to the analyst.</summary>
/// <param name="Evidence">Proposition id.</param>
/// <param name="Label">What it says.</param>
/// <param name="Hypothesis">The hypothesis id it seems to bear on.</param>
/// <param name="Reason">Why the rating rule left it unrated.</param>
/// <param name="Cites">Its citations.</param>
public sealed record BriefCandidate(string Evidence, string Label, string Hypothesis, string Reason, IReadOnlyList<BriefSpan> Cites);

/// <summary>An ACH evidence row.</summary>
/// <param name="Id">Proposition id.</param>
/// <param name="Label">What it says.</param>
/// <param name="Credibility">Admiralty credibility.</param>
/// <param name="Status">Corroboration status.</param>
/// <param name="Reliabilities">Reliability grades of its sources.</param>
/// <param name="EventTime">When it happened.</param>
/// <param name="ReportTime">When first reported.</param>
/// <param name="Cites">All its citations.</param>
/// <param name="Weight">Its weight in the scores.</param>
/// <param name="Diagnosticity">How differently it bears on the hypotheses.</param>
/// <param name="Flags">Single-source, contested, E/F source.</param>
public sealed record BriefEvidence(string Id, string Label, int Credibility, string Status, IReadOnlyList<string> Reliabilities, string? EventTime, string? ReportTime, IReadOnlyList<BriefSpan> Cites, double Weight, double Diagnosticity, IReadOnlyList<string> Flags);

/// <summary>A linchpin.</summary>
/// <param name="Evidence">Evidence id.</param>
/// <param name="Method"><c>heuer|bayes</c>.</param>
/// <param name="Change"><c>removal|reversal</c>.</param>
/// <param name="Before">Top hypothesis before.</param>
/// <param name="After">Top hypothesis after.</param>
public sealed record BriefLinchpin(string Evidence, string Method, string Change, string Before, string After);

/// <summary>A rating of a hypothesis against an evidence row.</summary>
/// <param name="Evidence">Proposition id.</param>
/// <param name="Rating"><c>CC|C|N|I|II|NA</c>.</param>
/// <param name="Reason">One-line reason.</param>
public sealed record BriefRating(string Evidence, string Rating, string? Reason);

/// <summary>A takeaway.</summary>
/// <param name="Text">The sentence.</param>
/// <param name="Cites">Exact source spans.</param>
public sealed record BriefTakeaway(string Text, IReadOnlyList<BriefSpan> Cites);

/// <summary>An error entry.</summary>
/// <param name="Path">Offending input.</param>
/// <param name="Code">Stable code.</param>
/// <param name="Message">Message.</param>
/// <param name="Severity"><c>error|warning</c>.</param>
public sealed record BriefError(string Path, string Code, string Message, string Severity);

/// <summary>JSON options for the brief: camelCase, nulls written, source-generated for speed.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, WriteIndented = true, DefaultIgnoreCondition = JsonIgnoreCondition.Never)]
[JsonSerializable(typeof(BriefReport))]
public sealed partial class BriefJsonContext : JsonSerializerContext;
