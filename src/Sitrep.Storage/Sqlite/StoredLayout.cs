using Sitrep.Documents;
using Sitrep.Pipeline;

namespace Sitrep.Storage.Sqlite;

/// <summary>
/// A document's layout as the <c>documents.layout</c> column holds it: its regions (PDF pages, headings, tables) and
/// the map of a rebuilt text to its input, as <see cref="LayerJson"/>; null when the document has neither.
/// </summary>
internal static class StoredLayout
{
    public static string? ToJson(Document document) =>
        document.Regions.Count == 0 && document.SourceMap.Count == 0
            ? null
            : LayerJson.Serialize(new Layout(document.Regions, document.SourceMap));

    /// <summary>Adds the stored layout to <paramref name="builder"/>; a layout that cannot be read is left out, as a store made before had none.</summary>
    public static void Read(string? json, Document.DocumentBuilder builder)
    {
        if (json is null || LayerJson.TryDeserialize<Layout>(json) is not { } layout)
        {
            return;
        }

        builder.AddRegions(layout.Regions ?? []);
        builder.AddSourceSegments(layout.SourceMap ?? []);
    }

    private sealed record Layout(IReadOnlyList<DocumentRegion>? Regions, IReadOnlyList<SourceSegment>? SourceMap);
}
