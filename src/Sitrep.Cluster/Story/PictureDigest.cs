using System.Security.Cryptography;
using System.Text;
using Sitrep.Engine.Story;
using Sitrep.Pipeline;
using Sitrep.Storage;

namespace Sitrep.Cluster.Story;

/// <summary>
/// A digest of the stored picture that two stores holding the same story can be compared by: per kind (entities,
/// propositions, figures, timeline entries), how the units are grouped into items. Item ids and the order items were
/// written in are left out (each store numbers its own), so a cluster's picture and a single-node one agree when they
/// group the same claims and mentions the same way.
/// </summary>
public static class PictureDigest
{
    /// <summary>The digest (lower-case hex SHA-256) and the number of items per kind.</summary>
    public static (string Digest, IReadOnlyDictionary<string, long> Items) Of(AnalysisPipeline pipeline, IDocumentStore store)
    {
        ArgumentNullException.ThrowIfNull(pipeline);
        ArgumentNullException.ThrowIfNull(store);
        var picture = store as IPictureStore ?? throw new ArgumentException("The store keeps no picture.", nameof(store));
        var counts = new SortedDictionary<string, long>(StringComparer.Ordinal);
        var text = new StringBuilder();
        foreach (var kind in StoryPicture.StagesOf(pipeline).Select(s => s.PictureKind).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
        {
            var count = picture.CountPicture(kind);
            counts[kind] = count;
            var items = picture.ReadPictureHead(kind, (int)Math.Min(int.MaxValue, count), int.MaxValue)
                .Select(i => string.Join('|', i.Item.Units.Order(StringComparer.Ordinal)))
                .Order(StringComparer.Ordinal);
            text.Append(kind).Append('\n');
            foreach (var item in items)
            {
                text.Append(item).Append('\n');
            }
        }

        return (Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString()))), counts);
    }
}
