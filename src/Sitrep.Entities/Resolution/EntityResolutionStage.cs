using Sitrep.Entities.Aliases;
using Sitrep.Entities.Gazetteers;
using Sitrep.Entities.Recognition;
using Sitrep.Pipeline;

namespace Sitrep.Entities.Resolution;

/// <summary>Resolves the mentions of all documents into entities (<see cref="EntityResolver"/>) and sets the <see cref="EntityLayer"/>.</summary>
public sealed class EntityResolutionStage : ICorpusStage
{
    private readonly EntityResolver _resolver;

    /// <summary>Creates the stage with the analyst's decisions (or none).</summary>
    public EntityResolutionStage(AliasDecisions? decisions = null)
    {
        var lexicon = PerceptronTagger.Default.Lexicon;
        _resolver = new EntityResolver(lexicon.Demonyms, decisions ?? AliasDecisions.None, name => (lexicon.Lookup(name) & (GazetteerCategory.Country | GazetteerCategory.Capital)) != GazetteerCategory.None, lexicon.Lookup);
    }

    /// <inheritdoc />
    public string Name => EntityResolver.ComponentName;

    /// <inheritdoc />
    public IReadOnlyList<string> Requires { get; } = [Capabilities.EntityMentions];

    /// <inheritdoc />
    public IReadOnlyList<string> Assigns { get; } = [Capabilities.Entities];

    /// <inheritdoc />
    public void Process(Corpus corpus, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(corpus);
        corpus.Layers.Set(new EntityLayer(_resolver.Resolve(corpus.Documents), Name));
    }
}
