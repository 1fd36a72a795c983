using Sitrep.Brief.Model;

namespace Sitrep.Brief.Rendering;

/// <summary>The actors the brief lists: people and organisations, most mentioned first, with the numbers of their documents.</summary>
internal static class ActorList
{
    /// <summary>Most actors listed.</summary>
    public const int MaxActors = 40;

    /// <summary>Most aliases shown per actor.</summary>
    public const int MaxAliases = 6;

    /// <summary>One actor and the 1-based numbers (in the Documents table) of the documents that mention it.</summary>
    public sealed record Actor(BriefEntity Entity, IReadOnlyList<int> Documents);

    public static IReadOnlyList<Actor> Of(BriefReport report)
    {
        var numbers = report.Documents.Select((d, i) => (d.Id, i + 1)).ToDictionary(p => p.Id, p => p.Item2, StringComparer.Ordinal);
        return
        [
            .. report.Entities
                .Where(e => e.Type is "PERSON" or "ORG")
                .OrderByDescending(e => e.TotalMentions)
                .ThenBy(e => e.Name, StringComparer.Ordinal)
                .Take(MaxActors)
                .Select(e => new Actor(e, [.. e.Mentions.Select(m => numbers.GetValueOrDefault(m.Doc)).Where(n => n > 0).Distinct().Order()])),
        ];
    }
}
