using System.Security.Cryptography;
using System.Text;
using Sitrep.Corroboration;
using Sitrep.Corroboration.Figures;
using Sitrep.Engine.Story;
using Sitrep.Pipeline;
using Sitrep.Storage;

namespace Sitrep.Cluster.Story;

/// <summary>
/// A digest of the stored picture that two stores holding the same story can be compared by, in named parts:
/// <list type="bullet">
/// <item><c>{kind}.units</c>, per kind (entities, propositions, figures, timeline entries): which units (mentions,
/// claims, cited sentences) the picture holds, however grouped;</item>
/// <item><c>{kind}.groups</c>, per kind: how those units are grouped into items;</item>
/// <item><c>figures.verdicts</c>: each figure's values (by claim), its verdict (consistent, update, dispute) and the
/// pairs of values behind a dispute or an update;</item>
/// <item><c>propositions.contradictions</c>: each proposition's claims and the pairs of claims it holds as contradictions
/// or updates.</item>
/// </list>
/// Item ids, labels, reasons in words and the order items were written in are left out (each store numbers its own),
/// so a cluster's picture and a single-node one agree when they group the same claims and mentions the same way and
/// find the same disputes.
/// </summary>
public static class PictureDigest
{
    /// <summary>The digest (lower-case hex SHA-256 over every part) and the number of items per kind.</summary>
    public static (string Digest, IReadOnlyDictionary<string, long> Items) Of(AnalysisPipeline pipeline, IDocumentStore store)
    {
        var (digest, items, _) = OfParts(pipeline, store);
        return (digest, items);
    }

    /// <summary>The digest, the number of items per kind and each part's own digest (lower-case hex SHA-256), by name.</summary>
    public static (string Digest, IReadOnlyDictionary<string, long> Items, IReadOnlyDictionary<string, string> Parts) OfParts(AnalysisPipeline pipeline, IDocumentStore store)
    {
        ArgumentNullException.ThrowIfNull(pipeline);
        ArgumentNullException.ThrowIfNull(store);
        var picture = store as IPictureStore ?? throw new ArgumentException("The store keeps no picture.", nameof(store));
        var counts = new SortedDictionary<string, long>(StringComparer.Ordinal);
        var parts = new SortedDictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var kind in StoryPicture.StagesOf(pipeline).Select(s => s.PictureKind).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
        {
            var count = picture.CountPicture(kind);
            counts[kind] = count;
            var items = picture.ReadPictureHead(kind, (int)Math.Min(int.MaxValue, count), int.MaxValue);
            parts[kind + ".groups"] = [.. items.Select(i => Joined(i.Item.Units))];
            parts[kind + ".units"] = [.. items.SelectMany(i => i.Item.Units).Distinct(StringComparer.Ordinal)];
            if (kind == "figures")
            {
                parts["figures.verdicts"] = [.. items.Select(i => LayerJson.TryDeserialize<Figure>(i.Item.Json)).OfType<Figure>().Select(Verdict)];
            }
            else if (kind == "propositions")
            {
                parts["propositions.contradictions"] = [.. items.Select(i => LayerJson.TryDeserialize<StoredProposition>(i.Item.Json)).OfType<StoredProposition>().Select(Contradictions)];
            }
        }

        var all = new StringBuilder();
        var digests = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, lines) in parts)
        {
            var text = new StringBuilder().Append(name).Append('\n');
            foreach (var line in lines.Order(StringComparer.Ordinal))
            {
                text.Append(line).Append('\n');
            }

            digests[name] = Hash(text.ToString());
            all.Append(text);
        }

        return (Hash(all.ToString()), counts, digests);
    }

    private static string Verdict(Figure figure)
    {
        var conflicts = figure.Conflicts.Select(c => ValueOf(c.Earlier) + (c.IsUpdate ? " updated by " : " disputed by ") + ValueOf(c.Later));
        return Joined(figure.Values.Select(ValueOf)) + " " + FigureNames.Of(figure.Verdict) + " " + Joined(conflicts);
    }

    private static string ValueOf(FigureValue value) => value.DocumentId + "#" + value.ClaimKey;

    private static string Contradictions(StoredProposition stored)
    {
        var pairs = stored.Contradictions.Select(c => c.A + (c.IsUpdate ? " updated by " : " contradicted by ") + c.B);
        return Joined(stored.Proposition.Claims.Select(c => c.Key)) + " " + Joined(pairs);
    }

    private static string Joined(IEnumerable<string> values) => string.Join('|', values.Order(StringComparer.Ordinal));

    private static string Hash(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}
