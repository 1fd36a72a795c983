using Sitrep.Claims;
using Sitrep.Claims.Frames;
using Sitrep.Pipeline;

namespace Sitrep.Corroboration.Figures;

/// <summary>
/// The incremental path (<see cref="IIncrementalStage"/>): a figure's units are the claims giving its values
/// (<c>{doc}#{claim}</c>), its key what it measures and counts, the key the finder groups values on; a new claim's
/// measures touch the figures of the same role and count, which are found again with it
/// (<see cref="PictureUpdate.Recompute"/>).
/// </summary>
public sealed partial class FigureStage : IIncrementalStage
{
    /// <summary>The kind of the stored figures.</summary>
    internal const string Kind = "figures";

    /// <inheritdoc />
    public string PictureKind => Kind;

    /// <inheritdoc />
    public int KeyDocumentLimit => FigureFinder.MaxDocumentsPerGroup;

    /// <inheritdoc />
    public PictureUpdate Update => PictureUpdate.Recompute;

    /// <inheritdoc />
    public int MinSharedKeys => 1;

    /// <inheritdoc />
    public IReadOnlyList<PictureItem> ExportPicture(Corpus corpus, Func<string, bool>? keepUnit = null)
    {
        ArgumentNullException.ThrowIfNull(corpus);
        var items = new List<PictureItem>();
        foreach (var figure in corpus.Layers.Find<FigureLayer>()?.Figures ?? [])
        {
            var values = figure.Values.Where(v => keepUnit is null || keepUnit(UnitOf(v))).ToList();
            if (values.Count == 0)
            {
                continue;
            }

            var kept = values.Count == figure.Values.Count ? figure : figure with { Values = values };
            items.Add(new PictureItem(figure.Id, LayerJson.Serialize(kept), [KeyOf(figure.Role, figure.Counted)], [.. values.Select(UnitOf).Distinct(StringComparer.Ordinal)]));
        }

        return items;
    }

    /// <inheritdoc />
    public IReadOnlyList<IReadOnlyList<string>> KeysOf(AnalyzedDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        return [.. (document.Layers.Find<ClaimLayer>()?.Items ?? []).SelectMany(c => c.Frame.Measures).Select(m => (IReadOnlyList<string>)[KeyOf(m.Role, m.Counted)])];
    }

    /// <inheritdoc />
    /// <remarks>
    /// Every claim giving a measure the finder may set side by side (money never is), under the keys of its measures: the
    /// finder decides again, over the documents read, which of them make a figure.
    /// </remarks>
    public IReadOnlyList<(string Unit, IReadOnlyList<string> Keys)> Candidates(AnalyzedDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        return CandidateKeys(document);
    }

    /// <summary>The candidates of <paramref name="document"/> (<see cref="Candidates"/>), also the holders the finder's cut counts.</summary>
    internal static List<(string Unit, IReadOnlyList<string> Keys)> CandidateKeys(AnalyzedDocument document)
    {
        var layer = document.Layers.Find<ClaimLayer>();
        var claims = layer is null ? [] : layer.Headline is { } headline ? layer.Items.Append(headline) : layer.Items;
        var candidates = new List<(string, IReadOnlyList<string>)>();
        foreach (var claim in claims)
        {
            IReadOnlyList<string> keys = [.. claim.Frame.Measures.Where(m => m.Role is not MeasureRoles.Money).Select(m => KeyOf(m.Role, m.Counted)).Distinct(StringComparer.Ordinal)];
            if (keys.Count > 0)
            {
                candidates.Add((PictureItem.Unit(document.Document.Id, claim.Id), keys));
            }
        }

        return candidates;
    }

    /// <inheritdoc />
    public PictureItem Rename(PictureItem item, string id)
    {
        ArgumentNullException.ThrowIfNull(item);
        return LayerJson.TryDeserialize<Figure>(item.Json) is { } figure ? item with { Id = id, Json = LayerJson.Serialize(figure with { Id = id }) } : item with { Id = id };
    }

    /// <inheritdoc />
    public PictureItem Join(PictureItem stored, PictureItem added) => throw new NotSupportedException("Figures are found again, not joined.");

    /// <inheritdoc />
    public void ImportPicture(Corpus corpus, IReadOnlyList<PictureItem> items)
    {
        ArgumentNullException.ThrowIfNull(corpus);
        ArgumentNullException.ThrowIfNull(items);
        var figures = items.Select(i => LayerJson.TryDeserialize<Figure>(i.Json)).OfType<Figure>()
            .OrderByDescending(f => f.Verdict == FigureVerdict.Dispute).ThenByDescending(f => f.Values.Count).ToList();
        corpus.Layers.Set(new FigureLayer(figures));
    }

    internal static string KeyOf(string role, string? counted) => role + "|" + (counted ?? string.Empty);

    private static string UnitOf(FigureValue value) =>
        PictureItem.Unit(value.DocumentId, value.ClaimKey.StartsWith(value.DocumentId + "-", StringComparison.Ordinal) ? value.ClaimKey[(value.DocumentId.Length + 1)..] : value.ClaimKey);
}
