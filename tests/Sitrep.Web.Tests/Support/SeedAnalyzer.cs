using Sitrep.Brief.Model;
using Sitrep.Documents;
using Sitrep.Storage;
using Sitrep.Storage.Sqlite;
using Sitrep.Web.Analysis;

namespace Sitrep.Web.Tests.Support;

/// <summary>
/// A stand-in for the engine in tests that must see the picture change without loading models: each new file becomes
/// a stored document, one more report in the stored brief, and one more disputed matter.
/// </summary>
public sealed class SeedAnalyzer : IReportAnalyzer
{
    public IReadOnlyList<string> Analyze(string dbPath, IReadOnlyList<string> files, CancellationToken cancellationToken)
    {
        using var store = SqliteDocumentStore.Open(dbPath);
        var brief = BriefSnapshot.FromJson(store.GetSetting(BriefSnapshot.Key)!);
        var docs = brief.Documents.ToList();
        var disputed = brief.Status.Disputed.ToList();
        foreach (var file in files)
        {
            var doc = Document.Create(File.ReadAllText(file), Path.GetFileName(file)).WithKind(DocumentKind.Article).WithTitle("Uploaded: " + Path.GetFileName(file)).Build();
            store.Save([new StoredDocument(doc, [])]);
            docs.Add(new BriefDocument { Id = doc.Id, Path = doc.Path, Title = doc.Title, Kind = "article", Source = new BriefSource(null, null, null, null, null), ContentHash = doc.Id, Length = doc.Text.Length });
            disputed.Add(new BriefStatusItem("The death toll " + doc.Id[..6], "two figures", []) { Label = "the death toll" });
        }

        store.SetSetting(BriefSnapshot.Key, BriefSnapshot.ToJson(brief with { Documents = docs, Corpus = brief.Corpus with { DocumentCount = docs.Count }, Status = brief.Status with { Disputed = disputed } }));
        return [];
    }
}
