using Sitrep.Errors;

namespace Sitrep.Pipeline;

/// <summary>The documents of one run, in a deterministic order, with corpus-level layers (entities, timeline, …).</summary>
public sealed class Corpus
{
    /// <summary>Creates a corpus.</summary>
    public Corpus(IReadOnlyList<AnalyzedDocument> documents)
    {
        ArgumentNullException.ThrowIfNull(documents);
        Documents = documents;
        ById = documents.ToDictionary(d => d.Document.Id, StringComparer.Ordinal);
    }

    /// <summary>Documents in deterministic order (by path, then id).</summary>
    public IReadOnlyList<AnalyzedDocument> Documents { get; }

    /// <summary>Documents by id.</summary>
    public IReadOnlyDictionary<string, AnalyzedDocument> ById { get; }

    /// <summary>Corpus-level result layers.</summary>
    public LayerBag Layers { get; } = new();

    /// <summary>Wall time each corpus stage took, by stage name (for benchmarks and progress reports).</summary>
    public Dictionary<string, TimeSpan> StageTimes { get; } = new(StringComparer.Ordinal);

    /// <summary>Error entries raised by corpus stages.</summary>
    public List<SitrepError> Errors { get; } = [];
}
