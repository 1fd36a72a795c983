using Sitrep.Pipeline;

namespace Sitrep.Storage;

/// <summary>
/// The stored picture: the items corpus stages made over the whole story (entities, propositions, figures, timeline
/// entries), each with the component that made it, its lookup keys and the units it is made of, so that a new document
/// updates only the items it touches (<see cref="IIncrementalStage"/>). Stores never analyse: they keep what they are
/// given and answer key and unit lookups.
/// </summary>
public interface IPictureStore
{
    /// <summary>
    /// The ids of the items of <paramref name="kind"/> holding any of <paramref name="keys"/>, with how many of the keys
    /// each holds. A key held by more than <paramref name="maxPosting"/> items is too common to pair on and is skipped.
    /// </summary>
    IReadOnlyDictionary<string, int> FindPictureIds(string kind, IReadOnlyCollection<string> keys, int maxPosting);

    /// <summary>
    /// The posting list of each of <paramref name="keys"/> among the items of <paramref name="kind"/>: the ids of the items
    /// holding it. A key held by more than <paramref name="maxPosting"/> items is too common to pair on and is left out;
    /// a key held by none is left out too. Each distinct key is looked up once, however many units of a new document
    /// hold it, so that the caller counts shared keys per unit without asking the store again.
    /// </summary>
    /// <remarks>The default asks <see cref="FindPictureIds"/> once per key; a store can answer in one pass.</remarks>
    IReadOnlyDictionary<string, IReadOnlyList<string>> FindPicturePostings(string kind, IReadOnlyCollection<string> keys, int maxPosting)
    {
        ArgumentNullException.ThrowIfNull(keys);
        var postings = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var key in keys.Distinct(StringComparer.Ordinal))
        {
            var ids = FindPictureIds(kind, [key], maxPosting);
            if (ids.Count > 0)
            {
                postings[key] = [.. ids.Keys];
            }
        }

        return postings;
    }

    /// <summary>
    /// The first <paramref name="count"/> ids, in ordinal order, of the items of <paramref name="kind"/> holding
    /// <paramref name="key"/> (all of them when fewer): the head of the key's posting list, for a caller that sets side by
    /// side only a key's first holders by id, so that a key held by thousands of items is not read whole.
    /// </summary>
    /// <remarks>The default reads the whole posting list and sorts it; a store whose key index is ordered by id reads only the head.</remarks>
    IReadOnlyList<string> FindFirstPictureIds(string kind, string key, int count)
    {
        ArgumentNullException.ThrowIfNull(key);
        return [.. FindPictureIds(kind, [key], int.MaxValue - 1).Keys.Order(StringComparer.Ordinal).Take(count)];
    }

    /// <summary>
    /// Every unit the items <paramref name="ids"/> of <paramref name="kind"/> hold in <paramref name="documents"/>, by
    /// item (an item with none there is left out): exactly the units an update computes again when it reads those
    /// documents, however many units the item holds elsewhere.
    /// </summary>
    /// <remarks>The default reads each item's units whole; a store with an index by document reads only those.</remarks>
    IReadOnlyDictionary<string, IReadOnlyList<string>> ReadPictureUnits(string kind, IReadOnlyCollection<string> ids, IReadOnlyCollection<string> documents)
    {
        ArgumentNullException.ThrowIfNull(documents);
        var wanted = documents.ToHashSet(StringComparer.Ordinal);
        var units = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var item in ReadPicture(kind, ids, int.MaxValue))
        {
            var inDocuments = item.Item.Units.Where(u => wanted.Contains(PictureItem.DocumentOf(u))).ToList();
            if (inDocuments.Count > 0)
            {
                units[item.Item.Id] = inDocuments;
            }
        }

        return units;
    }

    /// <summary>
    /// Reads items of <paramref name="kind"/> by id (an id not stored is skipped), each with at most
    /// <paramref name="unitLimit"/> of its units, the latest first, and no keys.
    /// </summary>
    IReadOnlyList<StoredPictureItem> ReadPicture(string kind, IReadOnlyCollection<string> ids, int unitLimit);

    /// <summary>
    /// Reads the items of <paramref name="kind"/> with the most units first (the picture's head), at most
    /// <paramref name="limit"/>, each with at most <paramref name="unitLimit"/> units and no keys.
    /// </summary>
    IReadOnlyList<StoredPictureItem> ReadPictureHead(string kind, int limit, int unitLimit);

    /// <summary>Items of <paramref name="kind"/> stored.</summary>
    long CountPicture(string kind);

    /// <summary>Applies changes to the picture in one transaction.</summary>
    void WritePicture(IReadOnlyList<PictureWrite> changes);

    /// <summary>Forgets the whole picture (before it is rebuilt from the whole story).</summary>
    void ClearPicture();
}

/// <summary>A stored picture item.</summary>
/// <param name="Component">Versioned name of the stage that made it.</param>
/// <param name="Item">The item (its keys are not read back).</param>
/// <param name="UnitCount">How many units it holds in all (<see cref="PictureItem.Units"/> may hold fewer).</param>
public sealed record StoredPictureItem(string Component, PictureItem Item, int UnitCount);

/// <summary>Changes to the items of one kind, applied in this order: deletes, trims, upserts.</summary>
/// <param name="Kind">The kind of item.</param>
/// <param name="Component">The stage writing them.</param>
public sealed record PictureWrite(string Kind, string Component)
{
    /// <summary>Items deleted whole (with their keys and units).</summary>
    public IReadOnlyCollection<string> Delete { get; init; } = [];

    /// <summary>Items that lose their units from some documents (those the update read and computed again).</summary>
    public IReadOnlyList<(string Id, IReadOnlyCollection<string> Documents)> Trim { get; init; } = [];

    /// <summary>Items written: the JSON replaced, the keys and units added to those already stored.</summary>
    public IReadOnlyList<PictureItem> Upsert { get; init; } = [];
}
