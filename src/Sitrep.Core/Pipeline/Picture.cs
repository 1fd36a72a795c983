namespace Sitrep.Pipeline;

/// <summary>
/// One item of the stored picture (an entity, a proposition, a figure, a timeline entry) as a corpus stage exports it:
/// what the item says, the keys a new document's units are looked up by, and the units it is made of.
/// </summary>
/// <param name="Id">Id of the item, unique within its kind (<c>p12</c>, an entity id, …).</param>
/// <param name="Json">The item as the stage serializes it; its units may be left out when the stage rebuilds them from <paramref name="Units"/>.</param>
/// <param name="Keys">Lookup keys: the blocking keys the stage pairs units on (name forms, content words, TIMEX3 values, …).</param>
/// <param name="Units">
/// What the item is made of, each <c>{documentId}#{local}</c> (a mention's offsets, a claim id, a cited sentence's offset),
/// so that the documents it draws from are known without reading it.
/// </param>
public sealed record PictureItem(string Id, string Json, IReadOnlyList<string> Keys, IReadOnlyList<string> Units)
{
    /// <summary>Separates a unit's document id from its local part.</summary>
    public const char UnitSeparator = '#';

    /// <summary>A unit of document <paramref name="documentId"/>.</summary>
    public static string Unit(string documentId, string local) => documentId + UnitSeparator + local;

    /// <summary>The document id of a unit.</summary>
    public static string DocumentOf(string unit)
    {
        ArgumentNullException.ThrowIfNull(unit);
        var at = unit.LastIndexOf(UnitSeparator);
        return at < 0 ? unit : unit[..at];
    }
}

/// <summary>
/// How a corpus stage's result is kept in the store and updated when a document is added, beside its whole-story
/// <see cref="ICorpusStage.Process"/>: the stage exports its layer as <see cref="PictureItem"/>s, names the keys under
/// which a new document's units find the stored items they may join, and sets its layer back from stored items.
/// </summary>
/// <remarks>
/// The engine finds the stored items a new document touches by key, reads only the documents those items draw from
/// (bounded), runs the stage over that neighbourhood, and replaces the touched items with what comes out restricted to
/// their units and the new document's (<see cref="PictureUpdate.Recompute"/>); or, with
/// <see cref="PictureUpdate.Join"/>, computes the new document's items alone and joins each to the stored item sharing
/// its key, without reading any stored document. The whole-story run stays the reference the picture is rebuilt from.
/// </remarks>
public interface IIncrementalStage : ICorpusStage
{
    /// <summary>The kind of item stored (<c>entities</c>, <c>propositions</c>, …); one stage per kind.</summary>
    string PictureKind { get; }

    /// <summary>How a new document updates this stage's stored items.</summary>
    PictureUpdate Update { get; }

    /// <summary>How many of an item's keys a new unit must share to touch it (the stage's own pairing rule; usually 1).</summary>
    int MinSharedKeys { get; }

    /// <summary>
    /// The items of the stage's layer on <paramref name="corpus"/> (after <see cref="ICorpusStage.Process"/>), each
    /// restricted to the units <paramref name="keepUnit"/> accepts (all when null); an item left with no unit is left out.
    /// </summary>
    IReadOnlyList<PictureItem> ExportPicture(Corpus corpus, Func<string, bool>? keepUnit = null);

    /// <summary>
    /// The lookup keys of each unit of one document (the same keys <see cref="ExportPicture"/> gives items): a stored
    /// item is touched when it shares <see cref="MinSharedKeys"/> of them with one unit.
    /// </summary>
    IReadOnlyList<IReadOnlyList<string>> KeysOf(AnalyzedDocument document);

    /// <summary>
    /// The keys a new item (<see cref="PictureUpdate.Join"/>) looks stored items up by; by default its own keys. A stage
    /// whose short forms may stand for a long one but not the other way round probes with other keys than it indexes.
    /// </summary>
    IReadOnlyList<string> ProbeKeys(PictureItem item) => item?.Keys ?? [];

    /// <summary>
    /// The units of <paramref name="document"/> an item of this stage may be made of, each with its lookup keys (those
    /// <see cref="KeysOf"/> gives), kept in a companion index so that a later document finds them although no item holds
    /// them: a figure needs two values, so a value given by one report is in no figure until a second report gives one,
    /// and the update that second report makes must read the first. Empty (the default) for a stage that puts every unit
    /// in an item (a claim is always in a proposition, however alone).
    /// </summary>
    IReadOnlyList<(string Unit, IReadOnlyList<string> Keys)> Candidates(AnalyzedDocument document) => [];

    /// <summary>
    /// The most documents holding one candidate key (<see cref="Candidates"/>) whose units the stage sets side by side:
    /// over a key held by more, it takes only the first this many by document id (ordinal), whichever documents the
    /// corpus holds besides. An update then computes a key's items again from the stored holders within that cut
    /// (<see cref="PictureKeyCuts"/>), and leaves them alone when no new document falls within it. Unbounded (the
    /// default) for a stage with no such cut.
    /// </summary>
    int KeyDocumentLimit => int.MaxValue;

    /// <summary>The item under another id (ids are kept stable across updates by the engine).</summary>
    PictureItem Rename(PictureItem item, string id);

    /// <summary>
    /// A stored item joined by a new one (<see cref="PictureUpdate.Join"/>): the stored item's id with both items' keys
    /// and units and what the new one adds (aliases, …).
    /// </summary>
    PictureItem Join(PictureItem stored, PictureItem added);

    /// <summary>Sets the stage's corpus layer from stored items, as <see cref="ICorpusStage.Process"/> would have set it.</summary>
    void ImportPicture(Corpus corpus, IReadOnlyList<PictureItem> items);
}

/// <summary>How a new document updates a stage's stored items.</summary>
public enum PictureUpdate
{
    /// <summary>The touched items are computed again over the documents they draw from and the new one.</summary>
    Recompute,

    /// <summary>The new document's items are computed alone and join the stored items sharing their keys.</summary>
    Join,
}

/// <summary>
/// The cut of a stage's candidate keys over the whole story (<see cref="IIncrementalStage.KeyDocumentLimit"/>), set by
/// the engine on the corpus an incremental update computes items again over, which holds part of the story: per key held
/// by more stored documents than the stage's limit, the last document id (ordinal) within the limit. A stage reads it
/// instead of counting the holders the corpus happens to hold; a key not listed is held by no more than the limit.
/// </summary>
/// <param name="LastDocument">Per kind of item, per key, the last document id within the cut.</param>
public sealed record PictureKeyCuts(IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> LastDocument)
{
    /// <summary>The cut of <paramref name="key"/> among the items of <paramref name="kind"/>, or null when it has none.</summary>
    public string? Of(string kind, string key) =>
        LastDocument.TryGetValue(kind, out var keys) && keys.TryGetValue(key, out var last) ? last : null;
}

/// <summary>
/// The units an incremental update writes back (<see cref="IIncrementalStage"/>), set by the engine on the corpus it
/// computes the touched items again over: per kind of item, the stored units of the touched items in the documents read,
/// and every unit of the new documents. That corpus is a part of the story, so a bound a stage sets on its layer to keep a
/// view of the story small (the timeline's most entries) is not the story's there: an item the bound cuts that holds one
/// of these units would lose a new report's unit and delete a stored one. A stage with such a bound keeps those items
/// beyond it; a whole-story run sets no scope.
/// </summary>
/// <param name="Units">Per kind of item, the stored units written back.</param>
/// <param name="Documents">The new documents, whose every unit is written back.</param>
public sealed record PictureScope(IReadOnlyDictionary<string, IReadOnlySet<string>> Units, IReadOnlySet<string> Documents)
{
    /// <summary>True when the update writes <paramref name="unit"/> back among the items of <paramref name="kind"/>.</summary>
    public bool Holds(string kind, string unit) =>
        Documents.Contains(PictureItem.DocumentOf(unit)) || (Units.TryGetValue(kind, out var units) && units.Contains(unit));
}
