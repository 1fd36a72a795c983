namespace Sitrep.Storage;

/// <summary>
/// What a store keeps about sources beside the documents: the analyst's outlets (from a sources file, remembered so
/// they apply to every later run) and the raw snapshots of fetched web pages.
/// </summary>
public interface ISourceStore
{
    /// <summary>Every remembered outlet, by name.</summary>
    IReadOnlyList<StoredOutlet> Outlets();

    /// <summary>Adds or replaces outlets (by name, compared as written) in one transaction.</summary>
    void SaveOutlets(IReadOnlyList<StoredOutlet> outlets);

    /// <summary>Keeps one raw snapshot; returns its id.</summary>
    long SaveSnapshot(StoredSnapshot snapshot);

    /// <summary>The snapshots taken of an address (as requested or as finally answered), oldest first.</summary>
    IReadOnlyList<StoredSnapshot> Snapshots(string url);
}

/// <summary>One outlet of the sources file.</summary>
/// <param name="Name">The outlet's name.</param>
/// <param name="Reliability">Admiralty grade A–F, or null.</param>
/// <param name="Notes">The analyst's notes.</param>
/// <param name="Aliases">Other names and domain names of the outlet.</param>
public sealed record StoredOutlet(string Name, string? Reliability, string? Notes, IReadOnlyList<string> Aliases);

/// <summary>The raw answer of one fetch.</summary>
/// <param name="Url">The address as requested.</param>
/// <param name="FinalUrl">The address that answered, after redirects.</param>
/// <param name="FetchedAt">When.</param>
/// <param name="Status">HTTP status.</param>
/// <param name="ContentType">Declared media type.</param>
/// <param name="Charset">Declared charset.</param>
/// <param name="Bytes">The body as received (after content decoding).</param>
public sealed record StoredSnapshot(string Url, string FinalUrl, DateTimeOffset FetchedAt, int Status, string? ContentType, string? Charset, byte[] Bytes);
