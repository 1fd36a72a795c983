using System.Globalization;
using Sitrep.Pipeline;

namespace Sitrep.Time.Timeline;

/// <summary>
/// The incremental path (<see cref="IIncrementalStage"/>): an entry's units are the sentences it cites
/// (<c>{doc}#{start}</c>), its key its TIMEX3 value; a new document's temporal expressions touch the entries of the
/// same value, which are built again with it (<see cref="PictureUpdate.Recompute"/>).
/// </summary>
public sealed partial class TimelineStage : IIncrementalStage
{
    /// <inheritdoc />
    public string PictureKind => "timeline";

    /// <inheritdoc />
    public PictureUpdate Update => PictureUpdate.Recompute;

    /// <inheritdoc />
    public int MinSharedKeys => 1;

    /// <inheritdoc />
    public IReadOnlyList<PictureItem> ExportPicture(Corpus corpus, Func<string, bool>? keepUnit = null)
    {
        ArgumentNullException.ThrowIfNull(corpus);
        var items = new List<PictureItem>();
        var number = 0;
        // The entries beyond the stage's bound (TimelineCutLayer) after those within it: the picture holds the whole story.
        foreach (var entry in (corpus.Layers.Find<TimelineLayer>()?.Entries ?? []).Concat(corpus.Layers.Find<TimelineCutLayer>()?.Entries ?? []))
        {
            number++;
            var cites = entry.Cites.Where(c => keepUnit is null || keepUnit(UnitOf(c))).ToList();
            if (cites.Count == 0)
            {
                continue;
            }

            var documents = cites.Select(c => c.DocumentId).ToHashSet(StringComparer.Ordinal);
            var kept = cites.Count == entry.Cites.Count ? entry : entry with { Cites = cites, Docs = [.. entry.Docs.Where(documents.Contains)] };
            items.Add(new PictureItem("t" + number.ToString(CultureInfo.InvariantCulture), LayerJson.Serialize(kept), [entry.When], [.. cites.Select(UnitOf).Distinct(StringComparer.Ordinal)]));
        }

        return items;
    }

    /// <inheritdoc />
    public IReadOnlyList<IReadOnlyList<string>> KeysOf(AnalyzedDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        return [.. (document.Layers.Find<TimexLayer>()?.Items ?? []).Select(t => t.Value).Distinct(StringComparer.Ordinal).Select(v => (IReadOnlyList<string>)[v])];
    }

    /// <inheritdoc />
    public PictureItem Rename(PictureItem item, string id)
    {
        ArgumentNullException.ThrowIfNull(item);
        return item with { Id = id };
    }

    /// <inheritdoc />
    public PictureItem Join(PictureItem stored, PictureItem added) => throw new NotSupportedException("Timeline entries are built again, not joined.");

    /// <inheritdoc />
    public void ImportPicture(Corpus corpus, IReadOnlyList<PictureItem> items)
    {
        ArgumentNullException.ThrowIfNull(corpus);
        ArgumentNullException.ThrowIfNull(items);
        var entries = items.Select(i => LayerJson.TryDeserialize<TimelineEntry>(i.Json)).OfType<TimelineEntry>()
            .OrderBy(e => e.Role)
            .ThenBy(e => e.Interval is null)
            .ThenBy(e => e.Interval?.Start ?? DateTime.MaxValue)
            .ThenBy(e => e.Reported, StringComparer.Ordinal)
            .ToList();
        corpus.Layers.Set(new TimelineLayer(entries));
    }

    private static string UnitOf(Sitrep.Documents.Span cite) => PictureItem.Unit(cite.DocumentId, cite.Start.ToString(CultureInfo.InvariantCulture));
}
