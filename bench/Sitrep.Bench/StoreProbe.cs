using System.Diagnostics;
using System.Globalization;
using Sitrep.Documents;
using Sitrep.Storage;
using Sitrep.Storage.Sqlite;

namespace Sitrep.Bench;

/// <summary>
/// <c>store --corpus DIR</c> or <c>store --synthetic MB</c>: time SQLite batch writes alone (no analysis), to separate
/// store cost from the rest, then the cost of opening the store with and without the quick check.
/// </summary>
public static class StoreProbe
{
    public static int Run(string[] args)
    {
        var corpus = CorpusMaker.Arg(args, "--corpus");
        var synthetic = CorpusMaker.Arg(args, "--synthetic");
        var docs = corpus is not null
            ? Directory.GetFiles(corpus).Order(StringComparer.Ordinal).Take(6000).Select(f => Document.Create(File.ReadAllText(f), f).Build()).ToList()
            : synthetic is not null
                ? Synthetic(int.Parse(synthetic, CultureInfo.InvariantCulture))
                : throw new ArgumentException("--corpus DIR or --synthetic MB is required");
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

        var fileMb = new FileInfo(db).Length / 1e6;
        foreach (var check in new[] { StoreCheck.None, StoreCheck.Quick, StoreCheck.None, StoreCheck.Quick })
        {
            var clock = Stopwatch.StartNew();
            using (SqliteDocumentStore.Open(db, check))
            {
            }

            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"open ({check}): {fileMb:0.0} MB store in {clock.Elapsed.TotalMilliseconds:0} ms"));
        }

        File.Delete(db);
        return 0;
    }

    // Seeded word soup: enough distinct words that the full-text index has the size real reports give it.
    private static List<Document> Synthetic(int megabytes)
    {
        var random = new Random(18);
        var words = Enumerable.Range(0, 20_000).Select(i => new string([.. Enumerable.Range(0, 3 + (i % 8)).Select(_ => (char)('a' + random.Next(26)))])).ToArray();
        var docs = new List<Document>();
        var total = 0L;
        while (total < megabytes * 1_000_000L)
        {
            var text = new System.Text.StringBuilder();
            while (text.Length < 8_000)
            {
                text.Append(words[random.Next(words.Length)]).Append(random.Next(12) == 0 ? ". " : " ");
            }

            docs.Add(Document.Create(text.ToString(), $"synthetic/{docs.Count:D6}.txt").Build());
            total += text.Length;
        }

        return docs;
    }
}
