using System.Text.Json;
using System.Text.Json.Serialization;
using Sitrep.Corroboration.Propositions;
using Sitrep.Documents;
using Sitrep.Hypotheses.Matrix;
using Sitrep.Hypotheses.Meaning;
using Sitrep.Hypotheses.Suggestion;
using Sitrep.Pipeline;

namespace Sitrep.Hypotheses;

/// <summary>What the analyst brings to ACH: hypotheses of their own and rating overrides.</summary>
/// <param name="UserHypotheses">The analyst's hypotheses.</param>
/// <param name="Overrides">Ratings set by the analyst, by (evidence id, hypothesis id).</param>
/// <param name="Suggest">Whether to add hypotheses suggested from the sources.</param>
public sealed record AchOptions(IReadOnlyList<Hypothesis> UserHypotheses, IReadOnlyDictionary<(string Evidence, string Hypothesis), Cell> Overrides, bool Suggest = true)
{
    /// <summary>No hypotheses of the analyst's own, no overrides, suggestions on.</summary>
    public static AchOptions Default { get; } = new([], new Dictionary<(string, string), Cell>());
}

/// <summary>The corpus layer of the ACH analysis.</summary>
/// <param name="Matrix">The matrix.</param>
/// <param name="Scores">Its scores.</param>
/// <param name="Snapshot">Everything needed to re-score without re-analysing.</param>
public sealed record AchLayer(AchMatrix Matrix, AchScores Scores, AchSnapshot Snapshot) : ISnapshotLayer
{
    /// <inheritdoc />
    public string SnapshotKey => AchSnapshot.Key;

    /// <inheritdoc />
    public string ToSnapshotJson() => Snapshot.ToJson();
}

/// <summary>
/// Assigns <see cref="Capabilities.Hypotheses"/>: the analyst's and the suggested hypotheses, the evidence rows
/// (propositions with credibility, reliability, dates and all their citations), a suggested rating per cell with its
/// reason (analyst overrides win), and the Heuer and Bayesian scores with diagnosticity and linchpins.
/// </summary>
/// <remarks>
/// Ratings come from <see cref="MeaningRater"/>: without a meaning model only the frame rule rates, and the rest of the
/// relevant evidence is offered as candidates.
/// </remarks>
public sealed class AchStage : ICorpusStage
{
    private readonly AchOptions _options;
    private readonly IAchMeaning? _meaning;

    /// <summary>Creates the stage.</summary>
    /// <param name="options">The analyst's hypotheses and overrides.</param>
    /// <param name="meaning">The pair model and sentence encoder, or null to rate nothing by meaning.</param>
    public AchStage(AchOptions? options = null, IAchMeaning? meaning = null)
    {
        _options = options ?? AchOptions.Default;
        _meaning = meaning;
    }

    /// <inheritdoc />
    public string Name => "hypotheses.ach.v1";

    /// <inheritdoc />
    public IReadOnlyList<string> Requires { get; } = [Capabilities.Sentences, Capabilities.Propositions];

    /// <inheritdoc />
    public IReadOnlyList<string> Assigns { get; } = [Capabilities.Hypotheses];

    /// <inheritdoc />
    public void Process(Corpus corpus, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(corpus);
        var suggested = _options.Suggest ? HypothesisSuggester.Suggest(corpus, _options.UserHypotheses.Count + 1, _meaning, cancellationToken) : [];
        var evidence = EvidenceRows(corpus);
        var snapshot = new AchSnapshot(suggested, evidence);
        var (matrix, scores) = snapshot.Analyse(_options, _meaning, cancellationToken);
        corpus.Layers.Set(new AchLayer(matrix, scores, snapshot));
    }

    /// <summary>Every proposition as an evidence row (the matrix keeps those relevant to the hypotheses).</summary>
    internal static List<Evidence> EvidenceRows(Corpus corpus)
    {
        var layer = corpus.Layers.Find<PropositionLayer>();
        if (layer is null)
        {
            return [];
        }

        var rows = new List<Evidence>();
        foreach (var p in layer.Propositions.Take(AchSnapshot.MaxEvidence))
        {
            var denied = p.Stances.Where(s => s.Stance == StanceKind.Deny).SelectMany(s => s.Claims).ToHashSet(StringComparer.Ordinal);
            var words = new List<string>();
            var deniedWords = new List<string>();
            var cites = new List<Span>();
            var reliabilities = new List<string>();
            DateTimeOffset? reported = null;
            string? eventTime = null;
            foreach (var c in p.Claims)
            {
                var doc = corpus.ById[c.DocumentId].Document;
                var claimWords = ClaimWords.Of(doc.Slice(c.Claim.Span));
                (denied.Contains(c.Key) ? deniedWords : words).AddRange(claimWords.Where(w => !(denied.Contains(c.Key) ? deniedWords : words).Contains(w)));
                cites.Add(c.Claim.Span);
                reliabilities.Add(doc.Source.Reliability?.ToString() ?? "F");
                if (doc.Source.Published is { } published && (reported is null || published < reported))
                {
                    reported = published;
                }

                eventTime ??= c.Claim.EventTime;
            }

            var central = p.Claims.FirstOrDefault(c => c.Claim.Span == p.Cite) ?? p.Claims[0];
            var frame = EvidenceFrames.Of(central.Claim, corpus.ById[central.DocumentId].Document.Slice(central.Claim.Span));
            rows.Add(new Evidence(p.Id, p.Label, p.Credibility, StatusName(p.Status), reliabilities.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList(), eventTime, reported?.ToString("yyyy-MM-dd'T'HH:mm:sszzz", System.Globalization.CultureInfo.InvariantCulture), cites, words, deniedWords) { Frame = frame });
        }

        return rows;
    }

    private static string StatusName(CorroborationStatus status) => status switch
    {
        CorroborationStatus.Corroborated => "corroborated",
        CorroborationStatus.Contested => "contested",
        CorroborationStatus.SingleSource => "single-source",
        _ => "unverified",
    };
}

/// <summary>What ACH needs to re-score without the documents: suggested hypotheses and evidence rows.</summary>
/// <param name="Suggested">Hypotheses suggested from the sources.</param>
/// <param name="Evidence">Evidence rows.</param>
public sealed record AchSnapshot(IReadOnlyList<Hypothesis> Suggested, IReadOnlyList<Evidence> Evidence)
{
    /// <summary>The settings key the snapshot is stored under.</summary>
    public const string Key = "ach.snapshot";

    /// <summary>Most evidence rows kept.</summary>
    public const int MaxEvidence = 2000;

    /// <summary>Most rows in a matrix.</summary>
    public const int MaxRows = 30;

    private static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.CamelCase, Converters = { new JsonStringEnumConverter() } };

    /// <summary>Builds and scores the matrix for the analyst's options.</summary>
    /// <param name="options">The analyst's hypotheses and overrides.</param>
    /// <param name="meaning">The pair model and encoder that rate by meaning, or null to rate only by the frame rule.</param>
    /// <param name="cancellationToken">Cancels the run.</param>
    public (AchMatrix Matrix, AchScores Scores) Analyse(AchOptions options, IAchMeaning? meaning = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var hypotheses = options.UserHypotheses.Concat(options.Suggest ? Suggested : []).ToList();

        // Evidence must not be the hypotheses' own statements (that would confirm them by construction), nor mere
        // questions and speculation that nobody asserts, nor a Markdown heading.
        var hypothesisSources = hypotheses.SelectMany(h => h.Sources).ToList();
        var pool = Evidence
            .Where(e => e.Status != "unverified" && !e.Label.TrimStart().StartsWith('#') && !e.Cites.Any(c => hypothesisSources.Any(src => src.DocumentId == c.DocumentId && src.Range.Overlaps(c.Range))))
            .ToList();
        var (cells, candidates) = MeaningRater.Rate(hypotheses, pool, meaning, cancellationToken);
        foreach (var (key, cell) in options.Overrides)
        {
            if (pool.Any(r => r.Id == key.Evidence) && hypotheses.Any(h => h.Id == key.Hypothesis))
            {
                cells[key] = cell;
            }
        }

        var rated = cells.Where(kv => kv.Value.Rating != Rating.NotApplicable || kv.Value.Overridden).Select(kv => kv.Key.Evidence).ToHashSet(StringComparer.Ordinal);
        var rows = pool
            .Where(e => rated.Contains(e.Id))
            .OrderByDescending(e => Spread(e, hypotheses, cells) * AchScorer.Weight(e))
            .ThenBy(e => e.Id, StringComparer.Ordinal)
            .Take(MaxRows)
            .ToList();
        var kept = rows.Select(r => r.Id).ToHashSet(StringComparer.Ordinal);
        var matrix = new AchMatrix(hypotheses, rows, cells.Where(kv => kept.Contains(kv.Key.Evidence)).ToDictionary(kv => kv.Key, kv => kv.Value))
        {
            Candidates = [.. candidates.Where(c => !cells.ContainsKey((c.Evidence.Id, c.Hypothesis)))],
        };
        return (matrix, AchScorer.Score(matrix));
    }

    private static double Spread(Evidence e, List<Hypothesis> hypotheses, Dictionary<(string Evidence, string Hypothesis), Cell> cells)
    {
        var logs = hypotheses.Select(h => Math.Log(AchScorer.LikelihoodRatio(cells.TryGetValue((e.Id, h.Id), out var c) ? c.Rating : Rating.NotApplicable))).ToList();
        return logs.Count == 0 ? 0 : logs.Max() - logs.Min() + 0.01;
    }

    /// <summary>The snapshot as JSON.</summary>
    public string ToJson() => JsonSerializer.Serialize(new SnapshotDto(Suggested.Select(HypothesisDto.From).ToList(), Evidence.Select(EvidenceDto.From).ToList()), Json);

    /// <summary>Reads a snapshot back.</summary>
    public static AchSnapshot FromJson(string json)
    {
        var dto = JsonSerializer.Deserialize<SnapshotDto>(json, Json) ?? throw new JsonException("empty snapshot");
        return new AchSnapshot([.. dto.Suggested.Select(h => h.To())], [.. dto.Evidence.Select(e => e.To())]);
    }

    private sealed record SnapshotDto(List<HypothesisDto> Suggested, List<EvidenceDto> Evidence);

    private sealed record SpanDto(string Doc, int Start, int End)
    {
        public static SpanDto From(Span s) => new(s.DocumentId, s.Start, s.End);

        public Span To() => new(Doc, Start, End);
    }

    private sealed record HypothesisDto(string Id, string Text, HypothesisOrigin Origin, List<SpanDto> Sources, List<string>? Phrasings)
    {
        public static HypothesisDto From(Hypothesis h) => new(h.Id, h.Text, h.Origin, [.. h.Sources.Select(SpanDto.From)], [.. h.Phrasings]);

        public Hypothesis To() => new(Id, Text, Origin, [.. Sources.Select(s => s.To())]) { Phrasings = Phrasings ?? [] };
    }

    private sealed record EvidenceDto(string Id, string Label, int Credibility, string Status, List<string> Reliabilities, string? EventTime, string? ReportTime, List<SpanDto> Cites, List<string> Words, List<string> Denied, EvidenceFrame? Frame)
    {
        public static EvidenceDto From(Evidence e) => new(e.Id, e.Label, e.Credibility, e.Status, [.. e.Reliabilities], e.EventTime, e.ReportTime, [.. e.Cites.Select(SpanDto.From)], [.. e.Words], [.. e.Denied], e.Frame);

        public Evidence To() => new(Id, Label, Credibility, Status, Reliabilities, EventTime, ReportTime, [.. Cites.Select(c => c.To())], Words, Denied) { Frame = Frame ?? EvidenceFrame.Empty };
    }
}
