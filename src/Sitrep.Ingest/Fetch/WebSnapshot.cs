namespace Sitrep.Ingest.Fetch;

/// <summary>
/// What one fetch brought back, kept as it came: the raw bytes (after content decoding, before any charset decoding),
/// the address asked for and the one that answered, and when. The store keeps it so a page that later changes or
/// disappears can still be shown as it was read.
/// </summary>
/// <param name="RequestedUrl">The address as given.</param>
/// <param name="FinalUrl">The address that answered, after redirects.</param>
/// <param name="FetchedAt">When the answer was complete (UTC).</param>
/// <param name="Status">The HTTP status of the final answer.</param>
/// <param name="ContentType">The media type the server declared (<c>text/html</c>), or null.</param>
/// <param name="Charset">The charset the server declared, or null. Only a hint: the bytes are sniffed, because servers often lie.</param>
/// <param name="Bytes">The body.</param>
/// <param name="Attempts">Attempts made for the final address (1 when the first succeeded).</param>
/// <param name="Redirects">Redirects followed.</param>
public sealed record WebSnapshot(
    string RequestedUrl,
    string FinalUrl,
    DateTimeOffset FetchedAt,
    int Status,
    string? ContentType,
    string? Charset,
    byte[] Bytes,
    int Attempts,
    int Redirects);
