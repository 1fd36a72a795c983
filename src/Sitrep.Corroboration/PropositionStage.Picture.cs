using Sitrep.Claims;
using Sitrep.Corroboration.Propositions;
using Sitrep.Pipeline;

namespace Sitrep.Corroboration;

/// <summary>A proposition as the stored picture keeps it: with the contradictions found among its claims.</summary>
/// <param name="Proposition">The proposition.</param>
/// <param name="Contradictions">Contradictions and updates whose first claim is one of its claims.</param>
public sealed record StoredProposition(Proposition Proposition, IReadOnlyList<Contradiction> Contradictions);

/// <summary>
/// The incremental path (<see cref="IIncrementalStage"/>): a proposition's units are its claims
/// (<c>{doc}#{claim}</c>), its keys the content words of its claims, the same words the grouper pairs claims on; a new
/// claim touches the propositions it shares two such words with (as the grouper pairs two claims), and the touched
/// propositions are grouped again with the new claims (<see cref="PictureUpdate.Recompute"/>).
/// </summary>
public sealed partial class PropositionStage : IIncrementalStage
{
    /// <inheritdoc />
    public string PictureKind => "propositions";

    /// <inheritdoc />
    public PictureUpdate Update => PictureUpdate.Recompute;

    /// <inheritdoc />
    public int MinSharedKeys => 2;

    /// <inheritdoc />
    public IReadOnlyList<PictureItem> ExportPicture(Corpus corpus, Func<string, bool>? keepUnit = null)
    {
        ArgumentNullException.ThrowIfNull(corpus);
        if (corpus.Layers.Find<PropositionLayer>() is not { } layer)
        {
            return [];
        }

        var byFirstClaim = layer.Contradictions.ToLookup(c => c.A, StringComparer.Ordinal);
        var items = new List<PictureItem>();
        foreach (var proposition in layer.Propositions)
        {
            var claims = proposition.Claims.Where(c => keepUnit is null || keepUnit(UnitOf(c))).ToList();
            if (claims.Count == 0)
            {
                continue;
            }

            var kept = claims.Count == proposition.Claims.Count ? proposition : proposition with { Claims = claims };
            var contradictions = claims.SelectMany(c => byFirstClaim[c.Key]).ToList();
            var keys = claims.SelectMany(c => corpus.ById.TryGetValue(c.DocumentId, out var d) ? ClaimWords.Of(d.Document.Slice(c.Claim.Span)) : [])
                .Distinct(StringComparer.Ordinal).ToList();
            items.Add(new PictureItem(proposition.Id, LayerJson.Serialize(new StoredProposition(kept, contradictions)), keys, [.. claims.Select(UnitOf)]));
        }

        return items;
    }

    /// <inheritdoc />
    public IReadOnlyList<IReadOnlyList<string>> KeysOf(AnalyzedDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        return [.. (document.Layers.Find<ClaimLayer>()?.Items ?? []).Select(c => (IReadOnlyList<string>)ClaimWords.Of(document.Document.Slice(c.Span)))];
    }

    /// <inheritdoc />
    public PictureItem Rename(PictureItem item, string id)
    {
        ArgumentNullException.ThrowIfNull(item);
        if (LayerJson.TryDeserialize<StoredProposition>(item.Json) is not { } stored)
        {
            return item with { Id = id };
        }

        var old = stored.Proposition.Id;
        var renamed = new StoredProposition(
            stored.Proposition with { Id = id },
            [.. stored.Contradictions.Select(c => string.Equals(c.PropositionId, old, StringComparison.Ordinal) ? c with { PropositionId = id } : c)]);
        return item with { Id = id, Json = LayerJson.Serialize(renamed) };
    }

    /// <inheritdoc />
    public PictureItem Join(PictureItem stored, PictureItem added) => throw new NotSupportedException("Propositions are computed again, not joined.");

    /// <inheritdoc />
    public void ImportPicture(Corpus corpus, IReadOnlyList<PictureItem> items)
    {
        ArgumentNullException.ThrowIfNull(corpus);
        ArgumentNullException.ThrowIfNull(items);
        var stored = items.Select(i => LayerJson.TryDeserialize<StoredProposition>(i.Json)).OfType<StoredProposition>().ToList();
        corpus.Layers.Set(new PropositionLayer([.. stored.Select(s => s.Proposition)], [.. stored.SelectMany(s => s.Contradictions)]));
    }

    /// <summary>The unit of a claim in the stored picture.</summary>
    internal static string UnitOf(ClaimRef claim) => PictureItem.Unit(claim.DocumentId, claim.Claim.Id);
}
