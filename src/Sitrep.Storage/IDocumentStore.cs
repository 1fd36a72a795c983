using Sitrep.Documents;

namespace Sitrep.Storage;

/// <summary>
/// Keeps documents and analysis results. Stores never analyse: they persist what they are given, atomically per batch,
/// so a killed process never leaves a half-written document behind.
/// </summary>
/// <remarks>
/// Implementations must be safe to call from one writer thread while others read. A failure of the store itself (full
/// disk, read-only or damaged file) is a <c>SitrepException</c> with an <c>SR4xxx</c> code, never a provider exception;
/// the batch that failed is rolled back whole and every batch committed before stays.
/// </remarks>
public interface IDocumentStore : IDisposable
{
    /// <summary>Versioned implementation name, e.g. <c>store.sqlite.v1</c>.</summary>
    string Name { get; }

    /// <summary>
    /// Saves a batch in one transaction. A document whose content is already stored is not duplicated: its metadata is
    /// refreshed and its annotations replaced.
    /// </summary>
    SaveResult Save(IReadOnlyList<StoredDocument> batch);

    /// <summary>
    /// Replaces, in one transaction, what the store holds from one input file with what it holds now: the documents
    /// are saved as by <see cref="Save"/>, and every document read earlier from <paramref name="filePath"/> (or from
    /// its items, <c>path#n</c>) that is not among them loses that path; one left with no path is deleted, with its
    /// annotations and its full-text entry.
    /// </summary>
    /// <param name="filePath">The file's display path, as the documents read from it carry it.</param>
    /// <param name="documents">Everything read from the file now; empty when it was deleted.</param>
    SaveResult ReplaceFile(string filePath, IReadOnlyList<StoredDocument> documents);

    /// <summary>Forgets a deleted file: <see cref="ReplaceFile"/> with no documents. Returns how many documents were deleted.</summary>
    int RemoveFile(string filePath);

    /// <summary>Records that a file was renamed: its documents (and items) carry the new path. Returns how many were moved.</summary>
    int MoveFile(string fromPath, string toPath);

    /// <summary>Number of distinct documents stored.</summary>
    long CountDocuments();

    /// <summary>Reads a stored document back, or null.</summary>
    Document? Find(string documentId);

    /// <summary>The stored annotation JSON of one layer of a document, or null.</summary>
    StoredAnnotation? FindAnnotation(string documentId, string layer);

    /// <summary>Every stored annotation layer of a document (empty when there is none or no such document).</summary>
    IReadOnlyList<StoredAnnotation> FindAnnotations(string documentId);

    /// <summary>The ids of every stored document, ordered by path then id (the order a run's corpus has).</summary>
    IReadOnlyList<string> DocumentIds();

    /// <summary>
    /// Reads documents back with all their annotation layers, in the order of <paramref name="documentIds"/>; an id
    /// not stored is skipped. Callers page through a large story a few hundred ids at a time.
    /// </summary>
    IReadOnlyList<StoredDocument> Load(IReadOnlyList<string> documentIds);

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
/// <param name="Removed">Documents deleted because the file they were read from no longer holds them.</param>
public sealed record SaveResult(int Inserted, int Updated, int Removed = 0);

/// <summary>A search result.</summary>
/// <param name="DocumentId">Document id.</param>
/// <param name="Path">Where it was read from.</param>
/// <param name="Title">Title, if any.</param>
/// <param name="Snippet">Matching text with the terms marked by [ and ].</param>
/// <param name="Score">BM25 relevance; lower is better, as SQLite reports it.</param>
public sealed record SearchHit(string DocumentId, string Path, string? Title, string Snippet, double Score);
