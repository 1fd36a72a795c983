using Sitrep.Entities.Aliases;
using Sitrep.Entities.Gazetteers;
using Sitrep.Entities.Recognition;
using Sitrep.Pipeline;

namespace Sitrep.Entities.Resolution;

/// <summary>Resolves the mentions of all documents into entities (<see cref="EntityResolver"/>) and sets the <see cref="EntityLayer"/>.</summary>
/// <remarks>
/// In the stored picture an entity is kept without its mentions, which are its units (<c>{doc}#{start}-{end}</c>); its
/// keys are the name-form keys the resolver merges on across documents (the form's qualifier and core with the type
/// group), and a person's full name is also indexed by its surname, which a surname written alone probes. A new
/// document's entities join the stored entity sharing most of their keys (<see cref="PictureUpdate.Join"/>).
/// </remarks>
public sealed class EntityResolutionStage : IIncrementalStage
{
    private readonly EntityResolver _resolver;
    private readonly IReadOnlyDictionary<string, string> _demonyms;

    /// <summary>Creates the stage with the analyst's decisions (or none).</summary>
    public EntityResolutionStage(AliasDecisions? decisions = null)
    {
        var lexicon = PerceptronTagger.Default.Lexicon;
        _demonyms = lexicon.Demonyms;
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

    /// <inheritdoc />
    public string PictureKind => "entities";

    /// <inheritdoc />
    public PictureUpdate Update => PictureUpdate.Join;

    /// <inheritdoc />
    public int MinSharedKeys => 1;

    /// <inheritdoc />
    public IReadOnlyList<PictureItem> ExportPicture(Corpus corpus, Func<string, bool>? keepUnit = null)
    {
        ArgumentNullException.ThrowIfNull(corpus);
        var items = new List<PictureItem>();
        foreach (var entity in corpus.Layers.Find<EntityLayer>()?.Entities ?? [])
        {
            var units = entity.Mentions.Select(UnitOf).Where(u => keepUnit is null || keepUnit(u)).ToList();
            if (units.Count > 0)
            {
                items.Add(new PictureItem(entity.Id, LayerJson.Serialize(entity with { Mentions = [] }), [.. IndexKeys(entity)], units));
            }
        }

        return items;
    }

    /// <inheritdoc />
    public IReadOnlyList<IReadOnlyList<string>> KeysOf(AnalyzedDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        return [.. (document.Layers.Find<EntityMentionLayer>()?.Mentions ?? []).Select(m => (IReadOnlyList<string>)[.. ProbeKeys(m.Text, m.Type)])];
    }

    /// <summary>
    /// The keys a new entity looks stored ones up by: its name forms, and a lone surname's surname key (so "Prigozhin"
    /// finds "Yevgeny Prigozhin" but "Yevgeny Prigozhin" does not find "Pavel Prigozhin").
    /// </summary>
    public IReadOnlyList<string> ProbeKeys(PictureItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        if (LayerJson.TryDeserialize<Entity>(item.Json) is not { } entity)
        {
            return item.Keys;
        }

        // An entity known only by a lone name ("Baghdadi") also probes the entities stored under that lone name, which
        // hold both of its lone keys: it joins one of them before a full name holding only the surname key, and a second
        // report's lone "Baghdadi" joins the first's instead of making an entity of its own each time.
        var keys = entity.Aliases.Prepend(entity.Name).SelectMany(n => ProbeKeys(n, entity.Type));
        return [.. (LoneName(entity) is { } lone ? keys.Concat(LoneKeys(lone)) : keys).Distinct(StringComparer.Ordinal)];
    }

    /// <inheritdoc />
    public PictureItem Rename(PictureItem item, string id)
    {
        ArgumentNullException.ThrowIfNull(item);
        return LayerJson.TryDeserialize<Entity>(item.Json) is { } entity ? item with { Id = id, Json = LayerJson.Serialize(entity with { Id = id }) } : item with { Id = id };
    }

    /// <inheritdoc />
    public PictureItem Join(PictureItem stored, PictureItem added)
    {
        ArgumentNullException.ThrowIfNull(stored);
        ArgumentNullException.ThrowIfNull(added);
        if (LayerJson.TryDeserialize<Entity>(stored.Json) is not { } held || LayerJson.TryDeserialize<Entity>(added.Json) is not { } fresh)
        {
            return stored with { Keys = [.. stored.Keys.Union(added.Keys, StringComparer.Ordinal)], Units = added.Units };
        }

        // The stored entity keeps its id, name and type (most of its mentions are elsewhere); the new forms become aliases.
        var aliases = held.Aliases.Concat(fresh.Aliases.Prepend(fresh.Name))
            .Where(a => !string.Equals(a, held.Name, StringComparison.Ordinal))
            .Distinct(StringComparer.Ordinal)
            .ToList();
        var joined = held with { Aliases = aliases, Roles = [.. held.Roles.Union(fresh.Roles, StringComparer.Ordinal)] };
        return new PictureItem(stored.Id, LayerJson.Serialize(joined), [.. stored.Keys.Union(added.Keys, StringComparer.Ordinal)], added.Units);
    }

    /// <inheritdoc />
    public void ImportPicture(Corpus corpus, IReadOnlyList<PictureItem> items)
    {
        ArgumentNullException.ThrowIfNull(corpus);
        ArgumentNullException.ThrowIfNull(items);
        var entities = new List<Entity>();
        foreach (var item in items)
        {
            if (LayerJson.TryDeserialize<Entity>(item.Json) is { } entity)
            {
                var mentions = item.Units.Select(SpanOf).OfType<Documents.Span>()
                    .OrderBy(s => s.DocumentId, StringComparer.Ordinal).ThenBy(s => s.Start).ToList();
                entities.Add(entity with { Mentions = mentions });
            }
        }

        corpus.Layers.Set(new EntityLayer(entities, Name));
    }

    private static string UnitOf(Documents.Span span) =>
        PictureItem.Unit(span.DocumentId, span.Start.ToString(System.Globalization.CultureInfo.InvariantCulture) + "-" + span.End.ToString(System.Globalization.CultureInfo.InvariantCulture));

    private static Documents.Span? SpanOf(string unit)
    {
        var document = PictureItem.DocumentOf(unit);
        var local = unit.AsSpan(Math.Min(unit.Length, document.Length + 1));
        var dash = local.IndexOf('-');
        return dash > 0 && int.TryParse(local[..dash], System.Globalization.CultureInfo.InvariantCulture, out var start)
            && int.TryParse(local[(dash + 1)..], System.Globalization.CultureInfo.InvariantCulture, out var end) && start <= end && document.Length > 0
            ? new Documents.Span(document, start, end)
            : null;
    }

    private IEnumerable<string> IndexKeys(Entity entity)
    {
        if (LoneName(entity) is { } lone)
        {
            foreach (var key in LoneKeys(lone))
            {
                yield return key;
            }
        }

        foreach (var name in entity.Aliases.Prepend(entity.Name).Distinct(StringComparer.Ordinal))
        {
            var form = NameForms.Of(name, entity.Type, _demonyms);
            if (form.Core.Count == 0)
            {
                continue;
            }

            if (!(form.Core.Count == 1 && entity.Type == EntityType.Person))
            {
                yield return FormKey(form, entity.Type);
            }

            if (entity.Type == EntityType.Person && form.Core.Count >= 2)
            {
                yield return "~" + form.Core[^1];
            }
        }
    }

    private IEnumerable<string> ProbeKeys(string name, EntityType type)
    {
        var form = NameForms.Of(name, type, _demonyms);
        if (form.Core.Count == 0)
        {
            yield break;
        }

        // Two documents' lone "Smith" may be two people: a surname alone only finds the full name it can stand for.
        yield return form.Core.Count == 1 && type == EntityType.Person ? "~" + form.Core[0] : FormKey(form, type);
    }

    /// <summary>
    /// The lone name a person entity is known by when it has no full name (name and aliases a single word each, as the
    /// whole-story resolver leaves the lone "Baghdadi" of reports that never write the full name), else null.
    /// </summary>
    private string? LoneName(Entity entity)
    {
        if (entity.Type != EntityType.Person)
        {
            return null;
        }

        string? lone = null;
        foreach (var name in entity.Aliases.Prepend(entity.Name))
        {
            var form = NameForms.Of(name, entity.Type, _demonyms);
            if (form.Core.Count > 1)
            {
                return null;
            }

            lone ??= form.Core.Count == 1 ? form.Core[0] : null;
        }

        return lone;
    }

    /// <summary>
    /// The keys of an entity known by a lone name: two, so that a lone name probing them (with the surname key a full name
    /// holds) shares two keys with it and one with a full name of that surname.
    /// </summary>
    private static IEnumerable<string> LoneKeys(string lone) => ["=" + lone, "=" + lone + "="];

    private static string FormKey(NameForm form, EntityType type) => form.Key + "#" + (type == EntityType.Location ? "L" : "X");
}
