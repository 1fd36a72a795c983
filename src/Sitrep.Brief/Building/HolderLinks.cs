using Sitrep.Claims;
using Sitrep.Entities.Resolution;
using Sitrep.Pipeline;

namespace Sitrep.Brief.Building;

/// <summary>
/// Links the holder of a claim to the entity it names, once entities are resolved across the corpus: a named holder
/// whose characters hold an entity mention ("Yevgeny Prigozhin said", "according to the Russian Ministry of Defense")
/// takes that entity's id; a pronoun holder takes the entity of the name it was resolved to, in its own document, or
/// else ("he", "she") the person last mentioned shortly before it.
/// </summary>
internal sealed class HolderLinks
{
    private const int PronounReach = 300;

    private readonly Dictionary<string, List<(int Start, int End, string Id, bool Person)>> _mentions = new(StringComparer.Ordinal);

    private HolderLinks(EntityLayer? layer)
    {
        if (layer is null)
        {
            return;
        }

        foreach (var entity in layer.Entities)
        {
            foreach (var mention in entity.Mentions)
            {
                if (!_mentions.TryGetValue(mention.DocumentId, out var list))
                {
                    _mentions[mention.DocumentId] = list = [];
                }

                list.Add((mention.Start, mention.End, entity.Id, entity.Type == Sitrep.Entities.EntityType.Person));
            }
        }

        foreach (var list in _mentions.Values)
        {
            list.Sort((a, b) => a.Start != b.Start ? a.Start.CompareTo(b.Start) : b.End.CompareTo(a.End));
        }
    }

    /// <summary>The links of a corpus (none when entities were not resolved).</summary>
    public static HolderLinks Of(Corpus corpus) => new(corpus.Layers.Find<EntityLayer>());

    /// <summary>The entity id the holder of <paramref name="claim"/> in document <paramref name="documentId"/> names, or null.</summary>
    public string? EntityOf(string documentId, string text, Claim claim)
    {
        var a = claim.Attribution;
        if (a.EntityId is not null)
        {
            return a.EntityId;
        }

        if (a.Kind != HolderKind.Named || a.Range is not { } range)
        {
            return null;
        }

        if (!_mentions.TryGetValue(documentId, out var mentions))
        {
            return null;
        }

        // "He" and "she" stand for a person: through the named holder they refer to when that is a person, else
        // through the person mentioned just before.
        var personal = a.Text?.ToLowerInvariant() is "he" or "she" or "он" or "она" or "він" or "вона";
        if (a.Refers is { } refers && Named(mentions, text, refers) is { } named && (!personal || IsPerson(mentions, named)))
        {
            return named;
        }

        if (personal)
        {
            return PersonBefore(mentions, range.Start);
        }

        if (a.Refers is not null)
        {
            return null;
        }

        // The mention that ends the holder's words is its head: "Kremlin spokesman Peskov" is Peskov and "Belarusian
        // President Lukashenko" is Lukashenko, while "the governor of Voronezh region" and "Russia's defence ministry"
        // name no resolved entity at all.
        string? best = null;
        var bestLength = 0;
        var first = LowerBound(mentions, range.Start);
        for (var i = first; i < mentions.Count && mentions[i].Start < range.End; i++)
        {
            var (start, end, entity, _) = mentions[i];
            if (end <= range.End && end - start > bestLength && EndsHolder(text, end, range.End))
            {
                best = entity;
                bestLength = end - start;
            }
        }

        return best;
    }

    /// <summary>
    /// The resolved entity mention of document <paramref name="documentId"/> that covers <paramref name="head"/> (a
    /// participant's head word), the longest when several do; null when none does.
    /// </summary>
    public (string EntityId, int Start, int End)? MentionCovering(string documentId, Sitrep.Documents.TextRange head)
    {
        if (!_mentions.TryGetValue(documentId, out var mentions))
        {
            return null;
        }

        (string, int, int)? best = null;
        var bestLength = 0;
        // Mentions are sorted by start; one covering the head starts at or before it and is rarely long.
        for (var i = LowerBound(mentions, head.Start + 1) - 1; i >= 0 && mentions[i].Start >= head.Start - 200; i--)
        {
            var (start, end, id, _) = mentions[i];
            if (start <= head.Start && head.End <= end && end - start > bestLength)
            {
                best = (id, start, end);
                bestLength = end - start;
            }
        }

        return best;
    }

    /// <summary>
    /// The person a sentence-opening "He" or "She" at <paramref name="start"/> of document <paramref name="documentId"/>
    /// stands for: the person mentioned last shortly before it; null when there is none.
    /// </summary>
    public string? PersonBefore(string documentId, int start) =>
        _mentions.TryGetValue(documentId, out var mentions) ? PersonBefore(mentions, start) : null;

    private static bool EndsHolder(string text, int mentionEnd, int holderEnd)
    {
        var rest = text.AsSpan(mentionEnd, holderEnd - mentionEnd).Trim();
        return rest.IsEmpty || rest is "'s" or "’s" || rest.IndexOfAnyExcept("\"'’”),.:;") < 0;
    }

    /// <summary>The entity whose mentions in the document are written <paramref name="name"/>; null when none or several are.</summary>
    private static string? Named(List<(int Start, int End, string Id, bool Person)> mentions, string text, string name)
    {
        string? found = null;
        foreach (var (start, end, id, _) in mentions)
        {
            if (end <= text.Length && text.AsSpan(start, end - start).Equals(name, StringComparison.OrdinalIgnoreCase))
            {
                if (found is not null && found != id)
                {
                    return null;
                }

                found = id;
            }
        }

        return found;
    }

    private static bool IsPerson(List<(int Start, int End, string Id, bool Person)> mentions, string id) =>
        mentions.Exists(m => m.Person && string.Equals(m.Id, id, StringComparison.Ordinal));

    /// <summary>The person mentioned last within <see cref="PronounReach"/> characters before <paramref name="start"/>.</summary>
    private static string? PersonBefore(List<(int Start, int End, string Id, bool Person)> mentions, int start)
    {
        for (var i = LowerBound(mentions, start) - 1; i >= 0 && mentions[i].Start >= start - PronounReach; i--)
        {
            if (mentions[i].Person)
            {
                return mentions[i].Id;
            }
        }

        return null;
    }

    private static int LowerBound(List<(int Start, int End, string Id, bool Person)> mentions, int start)
    {
        int lo = 0, hi = mentions.Count;
        while (lo < hi)
        {
            var mid = (lo + hi) / 2;
            if (mentions[mid].Start < start)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }
}
