using System.Runtime.CompilerServices;
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
    public sealed record Actor(BriefEntity Entity, IReadOnlyList<int> Documents)
    {
        /// <summary>Mentions with all its names (aliases included), never fewer than the resolved mentions.</summary>
        public int Mentions { get; init; }
    }

    // The Markdown and the HTML brief both list the actors, rendered side by side from one report and one set of texts:
    // each list is worked out once (the actor tests read every text), and the second renderer waits for the first's.
    private static readonly ConditionalWeakTable<BriefReport, ConditionalWeakTable<IReadOnlyDictionary<string, string>, Lazy<IReadOnlyList<Actor>>>> Cache = [];

    /// <summary>The actors (sources and common nouns left out, see <see cref="Building.ActorPicker.IsActor"/>), most mentioned first.</summary>
    public static IReadOnlyList<Actor> Of(BriefReport report, IReadOnlyDictionary<string, string> texts)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(texts);
        return Cache.GetOrCreateValue(report)
            .GetValue(texts, t => new Lazy<IReadOnlyList<Actor>>(() => Listed(report, t), LazyThreadSafetyMode.ExecutionAndPublication))
            .Value;
    }

    private static IReadOnlyList<Actor> Listed(BriefReport report, IReadOnlyDictionary<string, string> texts)
    {
        var numbers = report.Documents.Select((d, i) => (d.Id, i + 1)).ToDictionary(p => p.Id, p => p.Item2, StringComparer.Ordinal);
        return
        [
            .. report.Entities
                .Where(e => e.Type is "PERSON" or "ORG")
                .OrderByDescending(e => e.TotalMentions)
                .ThenBy(e => e.Name, StringComparer.Ordinal)
                .Where(Building.ActorPicker.IsActor(report, texts))
                .Take(MaxActors)
                .Select(e =>
                {
                    var (mentions, documents) = Building.ActorPicker.Counted(e, texts);
                    return new Actor(e, [.. documents.Select(d => numbers.GetValueOrDefault(d)).Where(n => n > 0).Distinct().Order()]) { Mentions = mentions };
                })
                .OrderByDescending(a => a.Mentions)
                .ThenBy(a => a.Entity.Name, StringComparer.Ordinal),
        ];
    }
}
