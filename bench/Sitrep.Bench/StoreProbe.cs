using System.Diagnostics;
using System.Globalization;
using Sitrep.Documents;
using Sitrep.Storage;
using Sitrep.Storage.Sqlite;

namespace Sitrep.Bench;

/// <summary><c>store --corpus DIR</c>: time SQLite batch writes alone (no analysis), to separate store cost from the rest.</summary>
public static class StoreProbe
{
    public static int Run(string[] args)
    {
        var corpus = CorpusMaker.Arg(args, "--corpus") ?? throw new ArgumentException("--corpus DIR is required");
        var docs = Directory.GetFiles(corpus).Order(StringComparer.Ordinal).Take(6000)
            .Select(f => Document.Create(File.ReadAllText(f), f).Build()).ToList();
        var db = Path.Combine(Path.GetTempPath(), "sitrep-store-probe-" + Guid.NewGuid().ToString("N") + ".db");
        using (var store = SqliteDocumentStore.Open(db))
        {
            var clock = Stopwatch.StartNew();
            foreach (var batch in docs.Chunk(256))
            {
                store.Save([.. batch.Select(d => new StoredDocument(d, [new StoredAnnotation("x", "y", "[[0,1]]")]))]);
            }

            var mb = docs.Sum(d => (long)d.Text.Length) / 1e6;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"store: {docs.Count} docs, {mb:0.0} MB in {clock.Elapsed.TotalSeconds:0.00} s"));
        }

        File.Delete(db);
        return 0;
    }
}
