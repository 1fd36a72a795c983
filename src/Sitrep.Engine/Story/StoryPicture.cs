using System.Diagnostics;
using System.Globalization;
using System.Runtime.CompilerServices;
using Sitrep.Claims;
using Sitrep.Pipeline;
using Sitrep.Storage;

namespace Sitrep.Engine.Story;

/// <summary>What an incremental update of the stored picture did.</summary>
/// <param name="Touched">Stored items the new documents touched, by kind.</param>
/// <param name="Written">Items written, by kind.</param>
/// <param name="DocumentsRead">Stored documents read for the neighbourhood the touched items were computed again over.</param>
/// <param name="Neighbourhood">The corpus the touched items were computed again over (the new documents and those read).</param>
/// <param name="Phases">Wall time per phase.</param>
public sealed record PictureUpdateResult(IReadOnlyDictionary<string, int> Touched, IReadOnlyDictionary<string, int> Written, int DocumentsRead, Corpus Neighbourhood, IReadOnlyDictionary<string, TimeSpan> Phases);

/// <summary>
/// The picture kept in the store (<see cref="IPictureStore"/>): written whole from a whole-story run
/// (<see cref="Rebuild"/>), then updated by each new document (<see cref="Update"/>) without running the corpus stages
/// over the whole story.
/// </summary>
/// <remarks>
/// An update finds, per <see cref="IIncrementalStage"/>, the stored items a new document's units share keys with,
/// reads at most <see cref="MaxDocumentsPerItem"/> of the documents each draws from (the latest, and
/// <see cref="MaxDocuments"/> in all), runs the picture's corpus stages over those documents and the new ones (claims
/// outside the touched items left out) and writes back what comes out, restricted to the touched items' units and the
/// new documents'. A stage with candidates (<see cref="IIncrementalStage.Candidates"/>: figures, whose lone values are in
/// no item) also reads the stored documents holding a candidate under a key of the new units (at most
/// <see cref="MaxCandidateDocuments"/>), so that a value finds the one it pairs with whichever update brought each; of a
/// key held by more documents than the stage sets side by side (<see cref="IIncrementalStage.KeyDocumentLimit"/>) it reads
/// the holders within the whole story's cut when a new one falls within it, and leaves the key's items alone otherwise.
/// Join stages (entities) compute the new documents alone and join each item to the stored one sharing most of its keys. What may differ from a whole-story run: an item too large to be read whole is computed over its
/// latest documents (it keeps its other units, and its summary — label, counts, status — is that of the sample); a unit
/// whose item was not touched stays where it was even when the new document would have moved it; an entity seen first
/// under a lone surname is not joined later to a full name; a figure value whose keys' holders within their cuts exceed
/// <see cref="MaxCandidateDocuments"/> may miss a value it pairs with; ids
/// are the store's own, stable across updates.
/// </remarks>
public static class StoryPicture
{
    /// <summary>Settings key of the component names the stored picture was made by.</summary>
    public const string ComponentsKey = "picture.components";

    /// <summary>Settings key of the picture's version: a number raised by every rebuild and update.</summary>
    public const string VersionKey = "picture.version";

    /// <summary>Settings key of the picture version the stored brief was built from (<see cref="StampBrief"/>).</summary>
    public const string BriefVersionKey = "brief.picture.version";

    /// <summary>Most stored documents read for one touched item.</summary>
    public const int MaxDocumentsPerItem = 6;

    /// <summary>Most stored documents read for the touched items of one new document (an update of several reads as many times this).</summary>
    public const int MaxDocuments = 48;

    /// <summary>
    /// Most touched items of one kind computed again per new document (the ones sharing most keys): an update of several
    /// new documents computes as many times this again, so that a batch touches what the same reports added one by one do.
    /// </summary>
    public const int MaxTouched = 24;

    /// <summary>A key held by more items than this is too common to look up (the grouper's own posting bound).</summary>
    public const int MaxPosting = 400;

    /// <summary>
    /// Most stored documents read for the candidates of one new document (an update of several reads as many times this) (<see cref="IIncrementalStage.Candidates"/>: the values a
    /// figure may be made of, however alone), beside those of the touched items: the holders of a key within its stage's
    /// cut (<see cref="IIncrementalStage.KeyDocumentLimit"/>, 128 for figures) and those a new report pushes out of it,
    /// for two such keys of different holders and a margin.
    /// </summary>
    public const int MaxCandidateDocuments = 320;

    /// <summary>The share of a unit's keys an item must hold for the unit to touch it (with the stage's minimum).</summary>
    public const double MinSharedShare = 0.3;

    // Latest units read of a touched item, to choose the documents it is computed again over (its units in those
    // documents are then read exactly, by document): enough for MaxDocumentsPerItem documents of many units each.
    private const int LatestUnits = 256;

    private static readonly ConditionalWeakTable<AnalysisPipeline, AnalysisPipeline> PicturePipelines = [];

    /// <summary>The stages whose items the picture keeps.</summary>
    public static IReadOnlyList<IIncrementalStage> StagesOf(AnalysisPipeline pipeline)
    {
        ArgumentNullException.ThrowIfNull(pipeline);
        return [.. pipeline.CorpusStages.OfType<IIncrementalStage>()];
    }

    /// <summary>
    /// The component names a picture made by <paramref name="pipeline"/> is stamped with, and the candidate index's version
    /// (<see cref="CandidatesVersion"/>): a picture written before the index was kept is not updated but rebuilt once, so
    /// that its documents' candidates are indexed.
    /// </summary>
    public static string Components(AnalysisPipeline pipeline) => string.Join(',', StagesOf(pipeline).Select(s => s.Name).Append(CandidatesVersion).Append(KeysVersion));

    /// <summary>
    /// The version of the items' lookup keys in <see cref="ComponentsKey"/>: v2 indexes an entity known only by a lone name
    /// under it, so a picture written before is rebuilt once rather than updated with lone names it cannot find.
    /// </summary>
    public const string KeysVersion = "picture.keys.v2";

    /// <summary>The version of the candidate index (<see cref="IIncrementalStage.Candidates"/>) in <see cref="ComponentsKey"/>.</summary>
    public const string CandidatesVersion = "picture.candidates.v1";

    /// <summary>True when the store holds a picture made by the same components (so it can be updated).</summary>
    public static bool IsCurrent(AnalysisPipeline pipeline, IDocumentStore store)
    {
        ArgumentNullException.ThrowIfNull(store);
        return store is IPictureStore && StagesOf(pipeline).Count > 0 && string.Equals(store.GetSetting(ComponentsKey), Components(pipeline), StringComparison.Ordinal);
    }

    /// <summary>Replaces the stored picture with the one the corpus stages made over the whole story.</summary>
    public static void Rebuild(AnalysisPipeline pipeline, IDocumentStore store, Corpus corpus)
    {
        ArgumentNullException.ThrowIfNull(pipeline);
        ArgumentNullException.ThrowIfNull(corpus);
        if (store is not IPictureStore picture)
        {
            return;
        }

        picture.ClearPicture();
        var writes = new List<PictureWrite>();
        foreach (var stage in StagesOf(pipeline))
        {
            var items = stage.ExportPicture(corpus);
            writes.Add(new PictureWrite(stage.PictureKind, stage.Name) { Upsert = items });
            if (CandidateItems(stage, corpus.Documents) is { Count: > 0 } candidates)
            {
                writes.Add(new PictureWrite(CandidateKind(stage), stage.Name) { Upsert = candidates });
            }

            store.SetSetting(NextKey(stage), (items.Count + 1).ToString(CultureInfo.InvariantCulture));
        }

        picture.WritePicture(writes);
        store.SetSetting(ComponentsKey, Components(pipeline));
        BumpVersion(store);
    }

    /// <summary>The stored picture's version (0 before any).</summary>
    public static long Version(IDocumentStore store)
    {
        ArgumentNullException.ThrowIfNull(store);
        return long.TryParse(store.GetSetting(VersionKey), NumberStyles.Integer, CultureInfo.InvariantCulture, out var version) ? version : 0;
    }

    /// <summary>Records that the stored brief was just built from the picture as it stands.</summary>
    public static void StampBrief(IDocumentStore store) =>
        store?.SetSetting(BriefVersionKey, Version(store).ToString(CultureInfo.InvariantCulture));

    /// <summary>True when the stored brief was built from the picture as it stands (no update since).</summary>
    public static bool BriefIsCurrent(IDocumentStore store)
    {
        ArgumentNullException.ThrowIfNull(store);
        return string.Equals(store.GetSetting(BriefVersionKey), Version(store).ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal);
    }

    /// <summary>
    /// True when the store holds a picture and a brief older than it: reports were added with the brief deferred
    /// (<see cref="RunOptions.DeferBrief"/>) since the brief was built, and <see cref="AnalysisRun.StoryBrief"/> builds it.
    /// </summary>
    public static bool BriefIsBehind(IDocumentStore store)
    {
        ArgumentNullException.ThrowIfNull(store);
        return store.GetSetting(ComponentsKey) is not null && Version(store) > 0 && !BriefIsCurrent(store);
    }

    private static void BumpVersion(IDocumentStore store) =>
        store.SetSetting(VersionKey, (Version(store) + 1).ToString(CultureInfo.InvariantCulture));

    /// <summary>
    /// Updates the stored picture with documents just analysed and stored (<paramref name="added"/>), reading through
    /// <paramref name="read"/> only the stored documents the touched items draw from.
    /// </summary>
    public static PictureUpdateResult Update(AnalysisPipeline pipeline, IDocumentStore store, IReadOnlyList<AnalyzedDocument> added, Func<IReadOnlyList<string>, IReadOnlyList<AnalyzedDocument>> read, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(pipeline);
        ArgumentNullException.ThrowIfNull(added);
        ArgumentNullException.ThrowIfNull(read);
        var picture = store as IPictureStore ?? throw new ArgumentException("The store keeps no picture.", nameof(store));
        var phases = new Dictionary<string, TimeSpan>(StringComparer.Ordinal);
        var clock = Stopwatch.StartNew();
        void Lap(string phase)
        {
            phases[phase] = phases.GetValueOrDefault(phase) + clock.Elapsed;
            clock.Restart();
        }

        var fresh = added.Select(d => d.Document.Id).ToHashSet(StringComparer.Ordinal);

        // The bounds below are per new document: a batch of reports (a watch that finds many files, a cluster's story
        // grain) must touch and read what the same reports added one by one would, or its claims stay apart from the
        // stored ones a whole-story run groups them with.
        var reports = Math.Max(1, added.Count);
        var touchedCount = new Dictionary<string, int>(StringComparer.Ordinal);
        var writtenCount = new Dictionary<string, int>(StringComparer.Ordinal);
        var writes = new List<PictureWrite>();
        var stages = StagesOf(pipeline);
        var ids = new IdCounter(store);

        // Join stages: the new documents' items alone, each joined to the one stored item sharing most of its keys.
        var alone = new Corpus(added);
        foreach (var stage in stages.Where(s => s.Update == PictureUpdate.Join))
        {
            stage.Process(alone, cancellationToken);
            var upserts = new List<PictureItem>();
            var touched = 0;
            var items = stage.ExportPicture(alone);
            var postings = picture.FindPicturePostings(stage.PictureKind, [.. items.SelectMany(stage.ProbeKeys).Distinct(StringComparer.Ordinal)], MaxPosting);
            foreach (var item in items)
            {
                var hits = Shared(postings, stage.ProbeKeys(item)).Where(h => h.Value >= stage.MinSharedKeys).ToList();
                var best = hits.Count == 0 ? 0 : hits.Max(h => h.Value);
                var winners = hits.Where(h => h.Value == best).Select(h => h.Key).ToList();

                // The one candidate, as the resolver links a short form only to the one long form it can stand for.
                if (winners.Count == 1 && picture.ReadPicture(stage.PictureKind, winners, 0).FirstOrDefault() is { } stored)
                {
                    upserts.Add(stage.Join(stored.Item, item));
                    touched++;
                }
                else
                {
                    upserts.Add(picture.ReadPicture(stage.PictureKind, [item.Id], 0).Count == 0 ? item : stage.Rename(item, ids.Next(stage)));
                }
            }

            touchedCount[stage.PictureKind] = touched;
            writtenCount[stage.PictureKind] = upserts.Count;
            writes.Add(new PictureWrite(stage.PictureKind, stage.Name) { Upsert = upserts });
        }

        Lap("join");

        // Recompute stages: the stored items a new unit touches, and the documents they draw from (bounded).
        var recompute = stages.Where(s => s.Update == PictureUpdate.Recompute).ToList();
        var touchedItems = new Dictionary<string, IReadOnlyList<StoredPictureItem>>(StringComparer.Ordinal);
        var candidateKeys = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        var candidateDocuments = new SortedSet<string>(StringComparer.Ordinal);
        var keyCuts = new Dictionary<string, IReadOnlyDictionary<string, string>>(StringComparer.Ordinal);
        var beyondCuts = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var stage in recompute)
        {
            var shared = new Dictionary<string, int>(StringComparer.Ordinal);
            var beyond = beyondCuts[stage.PictureKind] = ReadCandidates(stage);
            var units = added.SelectMany(d => stage.KeysOf(d)).Select(k => beyond.Count == 0 ? k : [.. k.Where(x => !beyond.Contains(x))]).Where(k => k.Count > 0).ToList();

            // One lookup per distinct key of the new documents, not one per unit: a report's claims share most of
            // their words, and each lookup reads a posting list of up to MaxPosting ids.
            var postings = picture.FindPicturePostings(stage.PictureKind, [.. units.SelectMany(k => k).Distinct(StringComparer.Ordinal)], MaxPosting);
            var closest = new List<string>();
            foreach (var keys in units)
            {
                // A unit touches an item sharing the stage's minimum of keys and a good part of its own keys: a claim
                // sharing two common words out of twenty with a proposition is not about to join it.
                var least = Math.Max(stage.MinSharedKeys, (int)Math.Ceiling(MinSharedShare * keys.Count));
                (string Id, int Count) best = (string.Empty, 0);
                foreach (var (id, count) in Shared(postings, keys))
                {
                    if (count >= least)
                    {
                        shared[id] = shared.GetValueOrDefault(id) + count;
                        if (count > best.Count || (count == best.Count && string.CompareOrdinal(id, best.Id) < 0))
                        {
                            best = (id, count);
                        }
                    }
                }

                if (best.Count > 0)
                {
                    closest.Add(best.Id);
                }
            }

            // Every new unit's closest item is computed again, however many units the new documents hold (a report of a
            // hundred claims, each the copy of a stored one, touches a hundred propositions); then the items sharing most
            // keys, up to the bound. Under the bound alone, the claims of a long report beyond its first MaxTouched
            // propositions stayed apart from the stored copies a whole-story run groups them with.
            var touched = closest.Distinct(StringComparer.Ordinal)
                .Union(shared.OrderByDescending(s => s.Value).ThenBy(s => s.Key, StringComparer.Ordinal).Take(MaxTouched * reports).Select(s => s.Key), StringComparer.Ordinal)
                .ToList();
            Lap("lookup:keys");
            touchedItems[stage.PictureKind] = picture.ReadPicture(stage.PictureKind, touched, LatestUnits);
            Lap("lookup:items");
            touchedCount[stage.PictureKind] = touched.Count;
        }

        // The stored units the new ones may make an item with although no item holds them yet (a value alone is in no
        // figure), from the stored documents holding one of their keys: the update then finds the items a whole-story
        // run finds, whatever order the reports came in and however they were cut into updates. A stage that sets side
        // by side only the first KeyDocumentLimit holders of a key by document id (the figure finder) is given that
        // cut over the whole story (PictureKeyCuts), so that it applies the whole story's and not the neighbourhood's;
        // when every new holder of a key falls beyond it, the key's items stay as they are (returned: their keys are
        // not looked up), and when one falls within, the key's holders within it are read, with those it pushes out
        // (their units leave the key's items). Bounded: at most MaxCandidateDocuments such documents are read per
        // update, the first by document id (content-derived, so the choice depends on the story, not on the order of
        // arrival). Safe within the bound: a value pairs only with values of its own key (the figure finder groups by
        // role and what is counted before it splits events), save a zero, which joins every count of people harmed,
        // and a distance from "the capital", which joins the role's largest group; and the finder itself never looks
        // past a key's cut, so reading the holders within it reads all a whole-story run sets side by side.
        HashSet<string> ReadCandidates(IIncrementalStage stage)
        {
            var beyond = new HashSet<string>(StringComparer.Ordinal);
            var candidates = added.SelectMany(stage.Candidates).ToList();
            if (candidates.Count == 0)
            {
                return beyond;
            }

            writes.Add(new PictureWrite(CandidateKind(stage), stage.Name) { Upsert = CandidateItems(stage, added) });
            var limit = stage.KeyDocumentLimit;
            var cuts = new Dictionary<string, string>(StringComparer.Ordinal);
            var keys = candidates.SelectMany(c => c.Keys).ToHashSet(StringComparer.Ordinal);
            foreach (var key in keys.Order(StringComparer.Ordinal))
            {
                var newHolders = candidates.Where(c => c.Keys.Contains(key, StringComparer.Ordinal)).Select(c => PictureItem.DocumentOf(c.Unit)).ToHashSet(StringComparer.Ordinal);

                // Only the key's first stored holders by id are read (the head of its posting list), not all of them: the
                // cut and the holders read below are the first limit + new ones of all holders, which the first
                // limit + new stored ones (besides the new documents themselves) hold, so a key held by thousands of
                // documents costs what one held by a hundred does.
                var head = limit >= int.MaxValue - newHolders.Count - fresh.Count ? int.MaxValue - 1 : limit + newHolders.Count + fresh.Count;
                var stored = picture.FindFirstPictureIds(CandidateKind(stage), key, head).Where(d => !fresh.Contains(d)).ToList();
                if (stored.Count + newHolders.Count <= limit)
                {
                    candidateDocuments.UnionWith(stored);
                    continue;
                }

                var holders = stored.Concat(newHolders).Order(StringComparer.Ordinal).ToList();
                var last = cuts[key] = holders[limit - 1];
                if (newHolders.All(d => string.CompareOrdinal(d, last) > 0))
                {
                    beyond.Add(key);
                    continue;
                }

                candidateDocuments.UnionWith(holders.Take(limit + newHolders.Count).Where(d => !fresh.Contains(d)));
            }

            candidateKeys[stage.PictureKind] = [.. keys.Where(k => !beyond.Contains(k))];
            keyCuts[stage.PictureKind] = cuts;
            Lap("lookup:candidates");
            return beyond;
        }

        var loaded = new HashSet<string>(StringComparer.Ordinal);
        foreach (var item in touchedItems.Values.SelectMany(i => i).OrderBy(i => i.UnitCount))
        {
            foreach (var document in item.Item.Units.Select(PictureItem.DocumentOf).Where(d => !fresh.Contains(d)).Distinct(StringComparer.Ordinal).Take(MaxDocumentsPerItem))
            {
                if (loaded.Count >= MaxDocuments * reports)
                {
                    break;
                }

                loaded.Add(document);
            }
        }

        var candidatesRead = candidateDocuments.Take(MaxCandidateDocuments * reports).ToHashSet(StringComparer.Ordinal);
        loaded.UnionWith(candidatesRead);

        // Units the touched items hold in the documents read, every one of them (read by document, however large the
        // item): only these, and the new documents', are computed again, and the documents read are trimmed of them.
        var inLoaded = touchedItems.ToDictionary(
            t => t.Key,
            t => picture.ReadPictureUnits(t.Key, [.. t.Value.Select(i => i.Item.Id)], loaded),
            StringComparer.Ordinal);
        var kept = inLoaded.ToDictionary(t => t.Key, t => t.Value.Values.SelectMany(u => u).ToHashSet(StringComparer.Ordinal), StringComparer.Ordinal);
        Lap("lookup:units");
        var neighbours = loaded.Count == 0 ? [] : read([.. loaded]);
        Lap("read");
        foreach (var stage in recompute.Where(s => candidateKeys.ContainsKey(s.PictureKind)))
        {
            // A candidate is computed again when it shares a key with the new units: what the new report may pair it with.
            var keys = candidateKeys[stage.PictureKind];
            kept[stage.PictureKind].UnionWith(neighbours.Where(d => candidatesRead.Contains(d.Document.Id)).SelectMany(stage.Candidates)
                .Where(c => c.Keys.Any(keys.Contains)).Select(c => c.Unit));
        }
        var claimUnits = kept.Where(k => recompute.Any(s => s.PictureKind == k.Key && s.Requires.Contains(Capabilities.Claims, StringComparer.Ordinal)))
            .SelectMany(k => k.Value).ToHashSet(StringComparer.Ordinal);
        var documents = added.Concat(neighbours.Select(d => WithClaims(d, claimUnits)))
            .OrderBy(d => d.Document.Path, StringComparer.Ordinal)
            .ThenBy(d => d.Document.Id, StringComparer.Ordinal)
            .ToList();
        var neighbourhood = new Corpus(documents);
        neighbourhood.Layers.Set(new PictureKeyCuts(keyCuts));
        neighbourhood.Layers.Set(new PictureScope(kept.ToDictionary(k => k.Key, k => (IReadOnlySet<string>)k.Value, StringComparer.Ordinal), fresh));
        if (recompute.Count > 0)
        {
            PicturePipelines.GetValue(pipeline, BuildPicturePipeline).AnalyzeCorpus(neighbourhood, cancellationToken);
        }

        Lap("corpus");
        foreach (var (stage, time) in neighbourhood.StageTimes)
        {
            phases["corpus:" + stage] = time;
        }

        foreach (var stage in recompute)
        {
            var units = kept[stage.PictureKind];
            var held = inLoaded[stage.PictureKind];
            // An item of a key the new documents fall beyond the cut of stays as it is: what the neighbourhood holds of it
            // (a claim kept for another of its keys) is a part of it, not the whole.
            var beyond = beyondCuts[stage.PictureKind];
            var outputs = stage.ExportPicture(neighbourhood, u => units.Contains(u) || fresh.Contains(PictureItem.DocumentOf(u)))
                .Where(o => o.Keys.Count == 0 || !o.Keys.All(beyond.Contains)).ToList();
            var touched = touchedItems[stage.PictureKind];
            var unused = touched.ToDictionary(t => t.Item.Id, t => t, StringComparer.Ordinal);
            var upserts = new List<PictureItem>();
            foreach (var output in outputs.OrderByDescending(o => o.Units.Count))
            {
                // An item keeps the id of the touched item it shares most units with; a new one takes the next id.
                var outputUnits = output.Units.ToHashSet(StringComparer.Ordinal);
                var heir = unused.Values
                    .Select(t => (t.Item.Id, Shared: held.TryGetValue(t.Item.Id, out var h) ? h.Count(outputUnits.Contains) : 0))
                    .Where(x => x.Shared > 0)
                    .OrderByDescending(x => x.Shared).ThenBy(x => x.Id, StringComparer.Ordinal)
                    .FirstOrDefault();
                if (heir.Id is not null)
                {
                    unused.Remove(heir.Id);
                    upserts.Add(stage.Rename(output, heir.Id));
                }
                else
                {
                    upserts.Add(stage.Rename(output, ids.Next(stage)));
                }
            }

            // A touched item read whole and taken by no output is gone (its units went elsewhere); one read in part keeps
            // the units of the documents not read.
            var gone = unused.Values.Where(t => held.TryGetValue(t.Item.Id, out var h) && t.UnitCount == h.Count).Select(t => t.Item.Id).ToList();
            var trim = touched.Where(t => !gone.Contains(t.Item.Id) && held.ContainsKey(t.Item.Id))
                .Select(t => (t.Item.Id, (IReadOnlyCollection<string>)[.. held[t.Item.Id].Select(PictureItem.DocumentOf).Distinct(StringComparer.Ordinal)]))
                .ToList();
            writtenCount[stage.PictureKind] = upserts.Count;
            writes.Add(new PictureWrite(stage.PictureKind, stage.Name) { Delete = gone, Trim = trim, Upsert = upserts });
        }

        Lap("export");
        picture.WritePicture(writes);
        ids.Save();
        BumpVersion(store);
        Lap("write");
        return new PictureUpdateResult(touchedCount, writtenCount, neighbours.Count, neighbourhood, phases);
    }

    /// <summary>
    /// Runs the code of an update once over <paramref name="documents"/> (analysed by <paramref name="pipeline"/>), without
    /// a store: their layers exported and read back as the store's documents are, each stage's keys and candidates, the
    /// picture's corpus stages over them, and each stage's export, rename, join and import. A long-lived process calls it
    /// at start (<see cref="DefaultPipeline.WarmUp"/>), so that its first update does not compile all of that.
    /// </summary>
    public static void WarmUp(AnalysisPipeline pipeline, IReadOnlyList<AnalyzedDocument> documents)
    {
        ArgumentNullException.ThrowIfNull(pipeline);
        ArgumentNullException.ThrowIfNull(documents);
        var persisted = pipeline.DocumentStages.OfType<IPersistedStage>().ToList();
        var restored = new List<AnalyzedDocument>();
        foreach (var document in documents)
        {
            var copy = new AnalyzedDocument(document.Document);
            foreach (var stage in persisted)
            {
                if (stage.Export(document) is { } layer)
                {
                    stage.Import(copy, layer);
                }
            }

            restored.Add(copy);
        }

        var stages = StagesOf(pipeline);
        foreach (var stage in stages)
        {
            foreach (var document in restored)
            {
                _ = stage.KeysOf(document);
                _ = stage.Candidates(document);
            }
        }

        var corpus = new Corpus(restored);
        PicturePipelines.GetValue(pipeline, BuildPicturePipeline).AnalyzeCorpus(corpus);
        foreach (var stage in stages)
        {
            var items = stage.ExportPicture(corpus, u => PictureItem.DocumentOf(u).Length > 0);
            var renamed = items.Select(i => stage.Rename(i, i.Id)).ToList();
            if (stage.Update == PictureUpdate.Join && renamed.Count > 0)
            {
                _ = stage.ProbeKeys(renamed[0]);
                _ = stage.Join(renamed[0], renamed[^1]);
            }

            stage.ImportPicture(new Corpus(restored), renamed);
        }
    }

    /// <summary>
    /// Sets the picture's layers on <paramref name="corpus"/> from the store: the head of each kind (the items with
    /// most units, at most <paramref name="limit"/>, each with at most <paramref name="unitLimit"/> units).
    /// </summary>
    public static void ImportHead(AnalysisPipeline pipeline, IDocumentStore store, Corpus corpus, int limit, int unitLimit)
    {
        ArgumentNullException.ThrowIfNull(corpus);
        if (store is not IPictureStore picture)
        {
            return;
        }

        foreach (var stage in StagesOf(pipeline))
        {
            stage.ImportPicture(corpus, [.. picture.ReadPictureHead(stage.PictureKind, limit, unitLimit).Select(i => i.Item)]);
        }
    }

    /// <summary>
    /// The story as the stored picture holds it, bounded: the most important items of each kind (those with most units,
    /// <see cref="StoryCorpusLimits.ItemsPerKind"/>), the stored documents they draw from (the latest few per item, taken
    /// by rank across kinds until <see cref="StoryCorpusLimits.Documents"/>), and <paramref name="added"/>; each item
    /// restricted to its units in the documents read. The corpus stages the picture does not keep (syndication,
    /// takeaways, hypotheses) run over it, so that a brief built from it has the structure of a whole-story brief.
    /// </summary>
    /// <remarks>
    /// Its cost is set by the limits, not by the number of stored documents. What differs from the whole-story corpus:
    /// items below the head are left out (they stay in the store); an item's claims, mentions and cited sentences are
    /// those of the documents read (its label, status and source counts are the stored ones, computed over all of them);
    /// story-wide summaries (takeaways, ACH evidence) are computed over the head.
    /// </remarks>
    public static Corpus StoryCorpus(AnalysisPipeline pipeline, IDocumentStore store, IReadOnlyList<AnalyzedDocument> added, Func<IReadOnlyList<string>, IReadOnlyList<AnalyzedDocument>> read, StoryCorpusLimits? limits = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(pipeline);
        ArgumentNullException.ThrowIfNull(added);
        ArgumentNullException.ThrowIfNull(read);
        limits ??= StoryCorpusLimits.Default;
        var picture = store as IPictureStore ?? throw new ArgumentException("The store keeps no picture.", nameof(store));
        var stages = StagesOf(pipeline);
        var heads = stages.Select(s => picture.ReadPictureHead(s.PictureKind, limits.ItemsPerKind, limits.UnitsPerItem)).ToList();
        var fresh = added.Select(d => d.Document.Id).ToHashSet(StringComparer.Ordinal);
        var chosen = new List<string>();
        var seen = new HashSet<string>(fresh, StringComparer.Ordinal);

        // By rank across kinds, so that the head of every kind gets its documents before the tail of any.
        for (var rank = 0; rank < limits.ItemsPerKind && chosen.Count < limits.Documents; rank++)
        {
            foreach (var head in heads)
            {
                if (rank >= head.Count)
                {
                    continue;
                }

                foreach (var document in head[rank].Item.Units.Select(PictureItem.DocumentOf).Distinct(StringComparer.Ordinal).Take(limits.DocumentsPerItem))
                {
                    if (chosen.Count < limits.Documents && seen.Add(document))
                    {
                        chosen.Add(document);
                    }
                }
            }
        }

        var documents = added.Concat(chosen.Count == 0 ? [] : read(chosen))
            .GroupBy(d => d.Document.Id, StringComparer.Ordinal).Select(g => g.First())
            .OrderBy(d => d.Document.Path, StringComparer.Ordinal)
            .ThenBy(d => d.Document.Id, StringComparer.Ordinal)
            .ToList();
        var corpus = new Corpus(documents);
        var loaded = corpus.ById;
        for (var i = 0; i < stages.Count; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var clock = Stopwatch.StartNew();

            // The stage's own export restricts its items to the documents read (and drops an item left with none).
            var whole = new Corpus(documents);
            stages[i].ImportPicture(whole, [.. heads[i].Select(h => h.Item)]);
            stages[i].ImportPicture(corpus, stages[i].ExportPicture(whole, u => loaded.ContainsKey(PictureItem.DocumentOf(u))));
            corpus.StageTimes[stages[i].Name] = clock.Elapsed;
        }

        var refined = stages.SelectMany(s => s.Assigns).ToList();
        foreach (var stage in pipeline.CorpusStages)
        {
            if (stage is IIncrementalStage || stage.Assigns.Any(a => refined.Any(p => a.StartsWith(p + ".", StringComparison.Ordinal))))
            {
                continue;
            }

            cancellationToken.ThrowIfCancellationRequested();
            var clock = Stopwatch.StartNew();
            try
            {
                stage.Process(corpus, cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                corpus.Errors.Add(Sitrep.Errors.SitrepErrors.CorpusStageFailed.At("(corpus)", stage.Name, Sitrep.Errors.FaultSite.Describe(ex)));
            }

            corpus.StageTimes[stage.Name] = clock.Elapsed;
        }

        return corpus;
    }

    /// <summary>How many of <paramref name="keys"/> each item holds, from the postings of a lookup.</summary>
    private static Dictionary<string, int> Shared(IReadOnlyDictionary<string, IReadOnlyList<string>> postings, IReadOnlyCollection<string> keys)
    {
        var shared = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var key in keys.Distinct(StringComparer.Ordinal))
        {
            if (postings.TryGetValue(key, out var ids))
            {
                foreach (var id in ids)
                {
                    shared[id] = shared.GetValueOrDefault(id) + 1;
                }
            }
        }

        return shared;
    }

    private static string NextKey(IIncrementalStage stage) => "picture.next." + stage.PictureKind;

    /// <summary>The kind the candidates of a stage are indexed under (<see cref="IIncrementalStage.Candidates"/>): one item per document.</summary>
    private static string CandidateKind(IIncrementalStage stage) => stage.PictureKind + ".candidates";

    /// <summary>One item per document holding candidates: its id the document's, its keys and units those of its candidates.</summary>
    private static List<PictureItem> CandidateItems(IIncrementalStage stage, IEnumerable<AnalyzedDocument> documents)
    {
        var items = new List<PictureItem>();
        foreach (var document in documents)
        {
            var candidates = stage.Candidates(document);
            if (candidates.Count > 0)
            {
                items.Add(new PictureItem(document.Document.Id, "{}", [.. candidates.SelectMany(c => c.Keys).Distinct(StringComparer.Ordinal)], [.. candidates.Select(c => c.Unit)]));
            }
        }

        return items;
    }

    /// <summary>
    /// The next ids of each kind, read from the store once per update and written back once after the picture is written
    /// (a setting written per new item would be a transaction per item).
    /// </summary>
    private sealed class IdCounter(IDocumentStore store)
    {
        private readonly Dictionary<IIncrementalStage, long> _next = [];

        public string Next(IIncrementalStage stage)
        {
            if (!_next.TryGetValue(stage, out var next))
            {
                next = long.TryParse(store.GetSetting(NextKey(stage)), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : 1;
            }

            _next[stage] = next + 1;
            var prefix = stage.PictureKind switch
            {
                "propositions" => "p",
                "figures" => "f",
                "timeline" => "t",
                _ => stage.PictureKind[..1] + ":",
            };
            return prefix + next.ToString(CultureInfo.InvariantCulture);
        }

        public void Save()
        {
            foreach (var (stage, next) in _next)
            {
                store.SetSetting(NextKey(stage), next.ToString(CultureInfo.InvariantCulture));
            }
        }
    }

    /// <summary>A copy of a stored document whose claim layer holds only the claims in <paramref name="units"/>.</summary>
    private static AnalyzedDocument WithClaims(AnalyzedDocument document, HashSet<string> units)
    {
        var copy = new AnalyzedDocument(document.Document);
        copy.Tokens.AddRange(document.Tokens);
        copy.Sentences.AddRange(document.Sentences);
        copy.StagesRun.AddRange(document.StagesRun);
        document.Layers.CopyTo(copy.Layers);
        if (document.Layers.Find<ClaimLayer>() is { } claims)
        {
            copy.Layers.Set(claims with { Items = [.. claims.Items.Where(c => units.Contains(PictureItem.Unit(document.Document.Id, c.Id)))] });
        }

        return copy;
    }

    /// <summary>
    /// The pipeline the picture's items are computed again with: the document stages (for the capability check) and the
    /// corpus stages the picture needs — its own, those they depend on, and those refining their layers (the timeline's
    /// claims) — but not those summarising the whole story (takeaways, hypotheses).
    /// </summary>
    private static AnalysisPipeline BuildPicturePipeline(AnalysisPipeline pipeline)
    {
        var stages = pipeline.CorpusStages;
        var include = new bool[stages.Length];
        var assigned = new HashSet<string>(StringComparer.Ordinal);
        for (var i = stages.Length - 1; i >= 0; i--)
        {
            if (stages[i] is IIncrementalStage)
            {
                Mark(i);
                assigned.UnionWith(stages[i].Assigns);
            }
        }

        for (var i = 0; i < stages.Length; i++)
        {
            if (!include[i] && stages[i].Assigns.Any(a => assigned.Any(p => a.StartsWith(p + ".", StringComparison.Ordinal))))
            {
                Mark(i);
            }
        }

        var builder = new AnalysisPipelineBuilder { MaxDegreeOfParallelism = pipeline.MaxDegreeOfParallelism };
        foreach (var stage in pipeline.DocumentStages)
        {
            builder.Use(stage);
        }

        for (var i = 0; i < stages.Length; i++)
        {
            if (include[i])
            {
                builder.Use(stages[i]);
            }
        }

        return builder.Build();

        void Mark(int i)
        {
            if (include[i])
            {
                return;
            }

            include[i] = true;
            foreach (var d in pipeline.CorpusDependencies[i])
            {
                Mark(d);
            }
        }
    }
}

/// <summary>Bounds of the story corpus read from the stored picture (<see cref="StoryPicture.StoryCorpus"/>).</summary>
/// <param name="ItemsPerKind">Most important items read per kind (entities, propositions, figures, timeline entries).</param>
/// <param name="UnitsPerItem">Most units read per item (the latest).</param>
/// <param name="DocumentsPerItem">Most stored documents read for one item.</param>
/// <param name="Documents">Most stored documents read in all.</param>
public sealed record StoryCorpusLimits(int ItemsPerKind, int UnitsPerItem, int DocumentsPerItem, int Documents)
{
    /// <summary>The limits the incremental brief is built with.</summary>
    public static StoryCorpusLimits Default { get; } = new(ItemsPerKind: 48, UnitsPerItem: 256, DocumentsPerItem: 3, Documents: 96);
}
