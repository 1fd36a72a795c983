using Sitrep.Corroboration.Alignment;
using Sitrep.Pipeline;

namespace Sitrep.Corroboration.Figures;

/// <summary>
/// Assigns <see cref="Capabilities.Figures"/>: the sources' figures per event and quantity, side by side, labelled
/// consistent, update or dispute (<see cref="FigureLayer"/>).
/// </summary>
public sealed partial class FigureStage : ICorpusStage
{
    private readonly Func<Corpus, string, string?>? _syndicationGroup;
    private readonly Func<Corpus, string, IReadOnlyList<string>>? _entitiesOf;
    private readonly Func<string, string, float>? _sameEvent;
    private readonly Func<Corpus, string, IReadOnlyList<string>>? _peopleOf;

    /// <summary>Creates the stage.</summary>
    /// <param name="syndicationGroup">A document's syndication group (copies count once), or null; with it the stage requires <see cref="Capabilities.Syndication"/>.</param>
    /// <param name="entitiesOf">The resolved entity ids a document mentions, one per mention, to tell stories apart; with it the stage requires <see cref="Capabilities.Entities"/>.</param>
    /// <param name="sameEvent">
    /// P(same event) of two claims' texts, or null: a pair of values whose claims score below
    /// <see cref="DifferentEventBelow"/> is taken to speak of two events and is not a dispute. It only keeps values apart; it
    /// never joins them.
    /// </param>
    /// <param name="peopleOf">
    /// The resolved people with a full name a document mentions (ids), or null: two documents naming two of the same
    /// people tell one story, and counts of things are set side by side only between documents that name one of the same
    /// people. It reads the entity layer, like <paramref name="entitiesOf"/>.
    /// </param>
    public FigureStage(Func<Corpus, string, string?>? syndicationGroup = null, Func<Corpus, string, IReadOnlyList<string>>? entitiesOf = null, Func<string, string, float>? sameEvent = null, Func<Corpus, string, IReadOnlyList<string>>? peopleOf = null)
    {
        _peopleOf = peopleOf;
        _sameEvent = sameEvent;
        _syndicationGroup = syndicationGroup;
        _entitiesOf = entitiesOf;
        var requires = ClaimStageRequirements.Of(syndicationGroup is not null, entitiesOf is not null || peopleOf is not null);
        Requires = requires;
    }

    /// <summary>
    /// P(same event) under which two claims are taken to speak of different events: where the same-event model's
    /// "different" answers were right nine times in ten on its held-out pairs.
    /// </summary>
    public const float DifferentEventBelow = 0.03f;

    /// <inheritdoc />
    public string Name => "corroboration.figures.v1";

    /// <inheritdoc />
    public IReadOnlyList<string> Requires { get; }

    /// <inheritdoc />
    public IReadOnlyList<string> Assigns { get; } = [Capabilities.Figures];

    /// <inheritdoc />
    public void Process(Corpus corpus, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(corpus);
        var alignment = StoryAlignment.Build(corpus, _entitiesOf, peopleOf: _peopleOf);
        Func<FigureValue, FigureValue, bool>? differentEvents = _sameEvent is null ? null : (a, b) =>
            _sameEvent(corpus.ById[a.DocumentId].Document.Slice(a.Cite), corpus.ById[b.DocumentId].Document.Slice(b.Cite)) < DifferentEventBelow;
        var figures = FigureFinder.Find(corpus, alignment, (c, id) => PropositionStage.OriginOf(c, id, _syndicationGroup), cancellationToken, differentEvents);
        corpus.Layers.Set(new FigureLayer(figures));
    }
}
