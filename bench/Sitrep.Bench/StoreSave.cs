using System.Diagnostics;
using System.Globalization;
using Sitrep.Documents;
using Sitrep.Storage;

namespace Sitrep.Bench;

/// <summary>
/// <c>store-save --corpus DIR [--db FILE-OR-URL]… [--batch N]</c>: save throughput of each store given (through
/// <see cref="StoreFactory"/>, so a SQLite file or a PostgreSQL connection string), no analysis: every file of the
/// corpus saved once in batches of N (default 256) into an empty store, then the same batches saved again (every
/// document already stored: the update path). Each document carries one small layer, as <c>store</c> does.
/// </summary>
public static class StoreSave
{
    public static int Run(string[] args)
    {
        var corpus = CorpusMaker.Arg(args, "--corpus") ?? throw new ArgumentException("--corpus DIR is required");
        var batchSize = int.Parse(CorpusMaker.Arg(args, "--batch") ?? "256", CultureInfo.InvariantCulture);
        var stores = args.Select((a, i) => (a, i)).Where(p => p.a == "--db" && p.i + 1 < args.Length).Select(p => args[p.i + 1]).ToList();
        if (stores.Count == 0)
        {
            stores.Add(Path.Combine(Path.GetTempPath(), "sitrep-store-save-" + Guid.NewGuid().ToString("N") + ".db"));
        }

        var docs = Directory.GetFiles(corpus, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal)
            .Select(f => new StoredDocument(Document.Create(File.ReadAllText(f), f).WithKind(DocumentKind.Article).Build(), [new StoredAnnotation("x", "bench.v1", "[[0,1]]")]))
            .ToList();
        var mb = docs.Sum(d => (long)System.Text.Encoding.UTF8.GetByteCount(d.Document.Text)) / 1e6;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"corpus: {docs.Count} documents, {mb:0.00} MB (UTF-8), batches of {batchSize}"));
        foreach (var db in stores)
        {
            using var store = StoreFactory.Open(db);
            if (store.CountDocuments() != 0)
            {
                Console.Error.WriteLine($"{StoreFactory.Display(db)} is not empty; give an empty store.");
                return 1;
            }

            foreach (var pass in new[] { "insert", "re-save" })
            {
                var clock = Stopwatch.StartNew();
                var cpu = Process.GetCurrentProcess().TotalProcessorTime;
                var result = new SaveResult(0, 0);
                foreach (var batch in docs.Chunk(batchSize))
                {
                    var saved = store.Save(batch);
                    result = new SaveResult(result.Inserted + saved.Inserted, result.Updated + saved.Updated);
                }

                var seconds = clock.Elapsed.TotalSeconds;
                var cpuSeconds = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds;
                Console.WriteLine(string.Create(
                    CultureInfo.InvariantCulture,
                    $"{store.Name} {pass}: {result.Inserted} inserted, {result.Updated} updated in {seconds:0.00} s = {mb / seconds:0.00} MB/s, {docs.Count / seconds:0} docs/s (client CPU {cpuSeconds:0.00} s)"));
            }

            var search = Stopwatch.StartNew();
            var hits = store.Search("police said", 20).Count;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{store.Name} search 'police said': {hits} hits in {search.Elapsed.TotalMilliseconds:0} ms (first query)"));
        }

        return 0;
    }
}
