using Shouldly;
using Sitrep.Embeddings;
using Sitrep.Meaning.Encoding;
using Sitrep.Storage.Sqlite;

namespace Sitrep.Tests.Meaning;

public sealed class EmbeddingCacheTests
{
    [Fact]
    public void ASecondEncodeOfTheSameTextIsAnsweredFromTheCache()
    {
        var inner = new CountingEncoder();
        var cached = new CachingSentenceEncoder(inner, new MemoryEmbeddingCache());
        var first = cached.Encode(["the dam held", "the dam failed"], TestContext.Current.CancellationToken);
        var second = cached.Encode(["the dam failed", "the dam held", "the dam failed"], TestContext.Current.CancellationToken);

        inner.Encoded.ShouldBe(2);
        cached.Hits.ShouldBe(3);
        cached.Misses.ShouldBe(2);
        second[0].ShouldBe(first[1]);
        second[1].ShouldBe(first[0]);
    }

    [Fact]
    public void TheSqliteCacheKeepsVectorsAcrossConnections()
    {
        var path = Path.Combine(Path.GetTempPath(), $"sitrep-embeddings-{Guid.NewGuid():N}.db");
        try
        {
            var inner = new CountingEncoder();
            using (var store = SqliteEmbeddingCache.Open(path))
            {
                new CachingSentenceEncoder(inner, store).Encode(["a ferry sank", "all passengers were rescued"], TestContext.Current.CancellationToken);
                store.Count.ShouldBe(2);
            }

            using (var store = SqliteEmbeddingCache.Open(path))
            {
                var again = new CachingSentenceEncoder(inner, store);
                var vectors = again.Encode(["all passengers were rescued"], TestContext.Current.CancellationToken);
                again.Hits.ShouldBe(1);
                inner.Encoded.ShouldBe(2);
                vectors[0][0].ShouldBe(CountingEncoder.Vector("all passengers were rescued")[0], 1e-3f);
            }
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            foreach (var file in new[] { path, path + "-wal", path + "-shm" })
            {
                File.Delete(file);
            }
        }
    }

    [Fact]
    public void AStoresVectorsAreReadBackBitForBitInANewProcessWithoutEncodingAgain()
    {
        var path = Path.Combine(Path.GetTempPath(), $"sitrep-store-vectors-{Guid.NewGuid():N}.db");
        try
        {
            var inner = new CountingEncoder();
            float[][] first;
            using (var store = SqliteDocumentStore.Open(path))
            using (var scope = EmbeddingScope.Use(store.Embeddings))
            {
                first = new CachingSentenceEncoder(inner, new ScopedEmbeddingCache(new MemoryEmbeddingCache())).Encode(["a ferry sank", "all 212 passengers were rescued"], TestContext.Current.CancellationToken);
                scope!.Flush();
            }

            // A new process: a new memory cache, the same store file.
            using (var store = SqliteDocumentStore.Open(path))
            using (EmbeddingScope.Use(store.Embeddings))
            {
                var cache = new ScopedEmbeddingCache(new MemoryEmbeddingCache());
                var again = new CachingSentenceEncoder(inner, cache);
                var vectors = again.Encode(["all 212 passengers were rescued", "the ferry was towed"], TestContext.Current.CancellationToken);
                inner.Encoded.ShouldBe(3);
                cache.StoreHits.ShouldBe(1);
                vectors[0].ShouldBe(first[1]);

                // Now in memory: the store is not asked again.
                again.Encode(["all 212 passengers were rescued"], TestContext.Current.CancellationToken);
                cache.StoreHits.ShouldBe(1);
                inner.Encoded.ShouldBe(3);
            }
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            foreach (var file in new[] { path, path + "-wal", path + "-shm" })
            {
                File.Delete(file);
            }
        }
    }

    [Fact]
    public void OutsideAScopeTheSharedCacheIsMemoryAloneAndAScopeEndsWhereItIsDisposed()
    {
        var path = Path.Combine(Path.GetTempPath(), $"sitrep-store-vectors-{Guid.NewGuid():N}.db");
        try
        {
            using var store = SqliteDocumentStore.Open(path);
            var key = EmbeddingKey.For("counting.v1", "the bridge held");
            store.Embeddings.PutMany([new(key, [1f, 2f, 3f, 4f])]);
            var cache = new ScopedEmbeddingCache(new MemoryEmbeddingCache());
            cache.GetMany([key])[0].ShouldBeNull();
            using (var scope = EmbeddingScope.Use(store.Embeddings))
            {
                EmbeddingScope.Current.ShouldBeSameAs(scope);
                cache.GetMany([key])[0].ShouldBe([1f, 2f, 3f, 4f]);

                // Held until flushed: a scope writes its new vectors in batches, not one transaction per call.
                var other = EmbeddingKey.For("counting.v1", "the bridge fell");
                cache.PutMany([new(other, [4f, 3f, 2f, 1f])]);
                store.Embeddings.GetMany([other])[0].ShouldBeNull();
                scope!.Flush();
                var read = store.Embeddings.GetMany([other, key, other]);
                read[0].ShouldBe([4f, 3f, 2f, 1f]);
                read[1].ShouldBe([1f, 2f, 3f, 4f]);
                read[2].ShouldBe([4f, 3f, 2f, 1f]);
            }

            EmbeddingScope.Current.ShouldBeNull();
            EmbeddingScope.Use(null).ShouldBeNull();
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            foreach (var file in new[] { path, path + "-wal", path + "-shm" })
            {
                File.Delete(file);
            }
        }
    }

    [Fact]
    public void TheStoreReadsTheHalfFloatRowsTheStandaloneCacheWroteIntoItsFile()
    {
        var path = Path.Combine(Path.GetTempPath(), $"sitrep-store-vectors-{Guid.NewGuid():N}.db");
        try
        {
            var key = EmbeddingKey.For("counting.v1", "the dam failed");
            using (var store = SqliteDocumentStore.Open(path))
            {
                store.Embeddings.GetMany([key])[0].ShouldBeNull();
            }

            using (var standalone = SqliteEmbeddingCache.Open(path))
            {
                standalone.PutMany([new(key, [0.5f, 0.25f, -1f, 2f])]);
            }

            using (var store = SqliteDocumentStore.Open(path))
            {
                store.Embeddings.GetMany([key])[0].ShouldBe([0.5f, 0.25f, -1f, 2f]);
            }
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            foreach (var file in new[] { path, path + "-wal", path + "-shm" })
            {
                File.Delete(file);
            }
        }
    }

    [Fact]
    public void KeysDependOnTheModelAndTheExactText()
    {
        EmbeddingKey.For("m", "text").ShouldBe(EmbeddingKey.For("m", "text"));
        EmbeddingKey.For("m", "text").ShouldNotBe(EmbeddingKey.For("m", "Text"));
        EmbeddingKey.For("m", "text").ShouldNotBe(EmbeddingKey.For("n", "text"));
        EmbeddingKey.For("ab", "c").ShouldNotBe(EmbeddingKey.For("a", "bc"));
        var key = EmbeddingKey.For("m", "text");
        EmbeddingKey.FromBytes(key.ToBytes()).ShouldBe(key);
    }

    /// <summary>A fake encoder that counts the sentences it is asked to encode.</summary>
    private sealed class CountingEncoder : ISentenceEncoder
    {
        public int Encoded { get; private set; }

        public string Name => "counting.v1";

        public int Dimensions => 4;

        public static float[] Vector(string text) => [text.Length / 100f, text.Count(c => c == ' ') / 10f, 0.5f, 0.25f];

        public float[][] Encode(IReadOnlyList<string> sentences, CancellationToken cancellationToken = default)
        {
            Encoded += sentences.Count;
            return sentences.Select(Vector).ToArray();
        }
    }
}
