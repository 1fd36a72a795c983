using Sitrep.Documents;

namespace Sitrep.Storage;

/// <summary>
/// Keeps documents and analysis results. Stores never analyse: they persist what they are given, atomically per batch,
/// so a killed process never leaves a half-written document behind.
/// </summary>
/// <remarks>Implementations must be safe to call from one writer thread while others read.</remarks>
public interface IDocumentStore : IDisposable
{
    /// <summary>Versioned implementation name, e.g. <c>store.sqlite.v1</c>.</summary>
    string Name { get; }

    /// <summary>
    /// Saves a batch in one transaction. A document whose content is already stored is not duplicated: its metadata is
    /// refreshed and its annotations replaced.
    /// </summary>
    SaveResult Save(IReadOnlyList<StoredDocument> batch);

    /// <summary>Number of distinct documents stored.</summary>
    long CountDocuments();

    /// <summary>Reads a stored document back, or null.</summary>
    Document? Find(string documentId);

    /// <summary>The stored annotation JSON of one layer of a document, or null.</summary>
    StoredAnnotation? FindAnnotation(string documentId, string layer);

    /// <summary>Full-text search over stored documents, best first.</summary>
    IReadOnlyList<SearchHit> Search(string query, int limit);

    /// <summary>Reads a value the analyst set (aliases, ratings, …) that must survive re-analysis.</summary>
    string? GetSetting(string key);

    /// <summary>Writes a value the analyst set.</summary>
    void SetSetting(string key, string value);
}

/// <summary>A document and the serialized results of its analysis.</summary>
/// <param name="Document">The document.</param>
/// <param name="Annotations">Results per layer.</param>
public sealed record StoredDocument(Document Document, IReadOnlyList<StoredAnnotation> Annotations);

/// <summary>One layer of results for one document, serialized by the stage that made it.</summary>
/// <param name="Layer">Layer name, e.g. <c>text.sentences</c>.</param>
/// <param name="Component">Versioned name of the stage that produced it.</param>
/// <param name="Json">The results.</param>
public sealed record StoredAnnotation(string Layer, string Component, string Json);

/// <summary>What a save did.</summary>
/// <param name="Inserted">Documents new to the store.</param>
/// <param name="Updated">Documents already stored (same content).</param>
public sealed record SaveResult(int Inserted, int Updated);

/// <summary>A search result.</summary>
/// <param name="DocumentId">Document id.</param>
/// <param name="Path">Where it was read from.</param>
/// <param name="Title">Title, if any.</param>
/// <param name="Snippet">Matching text with the terms marked by [ and ].</param>
/// <param name="Score">BM25 relevance; lower is better, as SQLite reports it.</param>
public sealed record SearchHit(string DocumentId, string Path, string? Title, string Snippet, double Score);
