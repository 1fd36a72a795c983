using Sitrep.Brief.Model;
using Sitrep.Documents;
using Sitrep.Engine.Story;
using Sitrep.Storage;
using Sitrep.Storage.Sqlite;
using Sitrep.Web.Analysis;

namespace Sitrep.Web.Tests.Support;

/// <summary>
/// A stand-in for the engine's deferred path without models: each addition stores its files as documents and raises
/// the stored picture's version (the brief falls behind, as <c>RunOptions.DeferBrief</c> leaves it); a build writes a
/// brief naming every stored document and stamps it with the picture's version. It counts builds and can hold a build
/// until the test lets it go.
/// </summary>
public sealed class DeferringAnalyzer : IReportAnalyzer, IDisposable
{
    private readonly ManualResetEventSlim _release = new(initialState: true);
    private int _builds;
    private int _additions;

    /// <summary>Builds of the brief so far.</summary>
    public int Builds => Volatile.Read(ref _builds);

    /// <summary>Additions so far.</summary>
    public int Additions => Volatile.Read(ref _additions);

    /// <summary>Makes the next builds wait for <see cref="Release"/>.</summary>
    public void Hold() => _release.Reset();

    /// <summary>Lets held builds finish.</summary>
    public void Release() => _release.Set();

    public void Dispose() => _release.Dispose();

    public IReadOnlyList<string> Analyze(string dbPath, IReadOnlyList<string> files, CancellationToken cancellationToken)
    {
        using var store = SqliteDocumentStore.Open(dbPath);
        foreach (var file in files)
        {
            var doc = Document.Create(File.ReadAllText(file), Path.GetFileName(file)).WithKind(DocumentKind.Article).WithTitle("Added: " + Path.GetFileName(file)).Build();
            store.Save([new StoredDocument(doc, [])]);
        }

        store.SetSetting(StoryPicture.ComponentsKey, "test.picture.v1");
        store.SetSetting(StoryPicture.VersionKey, (StoryPicture.Version(store) + 1).ToString(System.Globalization.CultureInfo.InvariantCulture));
        Interlocked.Increment(ref _additions);
        return [];
    }

    public bool BriefIsBehind(string dbPath)
    {
        using var store = SqliteDocumentStore.Open(dbPath);
        return StoryPicture.BriefIsBehind(store);
    }

    public bool BuildBrief(string dbPath, CancellationToken cancellationToken)
    {
        using var store = SqliteDocumentStore.Open(dbPath);
        if (!StoryPicture.BriefIsBehind(store))
        {
            return false;
        }

        _release.Wait(cancellationToken);
        var brief = BriefSnapshot.FromJson(store.GetSetting(BriefSnapshot.Key)!);
        var known = brief.Documents.Select(d => d.Id).ToHashSet(StringComparer.Ordinal);
        var docs = brief.Documents.ToList();
        foreach (var stored in store.Load([.. store.DocumentIds().Where(id => !known.Contains(id))]))
        {
            var doc = stored.Document;
            docs.Add(new BriefDocument { Id = doc.Id, Path = doc.Path, Title = doc.Title, Kind = "article", Source = new BriefSource(null, null, null, null, null), ContentHash = doc.Id, Length = doc.Text.Length });
        }

        store.SetSetting(BriefSnapshot.Key, BriefSnapshot.ToJson(brief with { Documents = docs, Corpus = brief.Corpus with { DocumentCount = docs.Count } }));
        StoryPicture.StampBrief(store);
        Interlocked.Increment(ref _builds);
        return true;
    }
}
