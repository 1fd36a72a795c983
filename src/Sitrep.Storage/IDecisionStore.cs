namespace Sitrep.Storage;

/// <summary>
/// What a store keeps of the analyst's work in the workbench: every decision (merge, split, retype, rating, hypothesis,
/// grade) with who made it, when and why, in the order made; and the journal of uploaded files.
/// </summary>
/// <remarks>
/// Decisions are data, never applied by the store: the workbench and the engine read them back and apply them in order,
/// so they survive re-analysis. An upload is journalled (<see cref="JournalUpload"/>) once its bytes are on disk and
/// before it is acknowledged; <see cref="PendingUploads"/> lists those not yet analysed, so a crash loses none.
/// </remarks>
public interface IDecisionStore
{
    /// <summary>Appends a decision in its own transaction and returns it with its id.</summary>
    StoredDecision AppendDecision(StoredDecision decision);

    /// <summary>Every decision, oldest first; only those of <paramref name="kind"/> when given.</summary>
    IReadOnlyList<StoredDecision> Decisions(string? kind = null);

    /// <summary>
    /// Records an uploaded file kept at <paramref name="path"/>. Returns false, recording nothing, when a file with the
    /// same content was uploaded before.
    /// </summary>
    bool JournalUpload(string sha256, string name, string path, DateTimeOffset receivedAt);

    /// <summary>Uploads journalled but not yet analysed, oldest first.</summary>
    IReadOnlyList<StoredUpload> PendingUploads();

    /// <summary>Every upload, newest first.</summary>
    IReadOnlyList<StoredUpload> Uploads();

    /// <summary>Marks an upload analysed.</summary>
    void MarkUploadAnalysed(string sha256, DateTimeOffset analysedAt);

    /// <summary>
    /// Where the analyst's work stands: the last decision's id and how many uploads are journalled and analysed. It
    /// changes whenever a decision is appended or an upload journalled or analysed, by any process that shares the
    /// store, so a reader may keep what it drew from decisions and uploads for as long as the stamp is the same.
    /// </summary>
    /// <remarks>The default reads every decision and upload; the SQLite and PostgreSQL stores answer with one small query.</remarks>
    WorkStamp Stamp()
    {
        var uploads = Uploads();
        return new WorkStamp(Decisions().LastOrDefault()?.Id ?? 0, uploads.Count, uploads.Count(u => u.AnalysedAt is not null));
    }
}

/// <summary>Where the analyst's work stands in a store (<see cref="IDecisionStore.Stamp"/>).</summary>
/// <param name="LastDecision">The last decision's id, 0 for none (decisions are only ever appended).</param>
/// <param name="Uploads">Uploads journalled.</param>
/// <param name="Analysed">Uploads analysed.</param>
public readonly record struct WorkStamp(long LastDecision, long Uploads, long Analysed);

/// <summary>One analyst decision.</summary>
/// <param name="Id">Its id in the store (0 before it is appended).</param>
/// <param name="Kind">What was decided: <c>merge</c>, <c>split</c>, <c>retype</c>, <c>rating</c>, <c>hypothesis</c>, <c>grade</c>…</param>
/// <param name="Subject">What it is about (an entity, an evidence and hypothesis pair, an outlet).</param>
/// <param name="Value">The decision itself (the other entity, the type, the rating…).</param>
/// <param name="Who">Who made it.</param>
/// <param name="When">When.</param>
/// <param name="Why">The analyst's reason, if given.</param>
public sealed record StoredDecision(long Id, string Kind, string Subject, string Value, string Who, DateTimeOffset When, string? Why);

/// <summary>One uploaded file.</summary>
/// <param name="Sha256">Hash of its bytes (hex).</param>
/// <param name="Name">The name it was uploaded under.</param>
/// <param name="Path">Where its bytes are kept.</param>
/// <param name="ReceivedAt">When it was received.</param>
/// <param name="AnalysedAt">When its analysis was stored, or null while pending.</param>
public sealed record StoredUpload(string Sha256, string Name, string Path, DateTimeOffset ReceivedAt, DateTimeOffset? AnalysedAt);
