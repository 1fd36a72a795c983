using Sitrep.Documents;
using Sitrep.Pipeline;
using Sitrep.Time.Timeline;

namespace Sitrep.Claims.Timeline;

/// <summary>
/// Links the corpus timeline to the claims: each <see cref="TimelineEntry"/> gets the ids of the claims whose event time
/// comes from an expression written inside one of the sentences it cites, with the entry's value or day. The timeline
/// is built from the timex layers before claims exist; this stage runs after both and fills
/// <see cref="TimelineEntry.Claims"/> with ids as the brief writes them (<c>{document id}-{claim id}</c>).
/// </summary>
/// <remarks>
/// A sentence the claims stage judged to be page structure (a heading, a masthead, a byline, a dateline, a table row, a
/// metadata field, a note about the page) dates nothing that happened: it is dropped from the entries it is cited by,
/// and an entry cited only by such sentences ("## Friday 23 June") leaves the timeline (entries are merged by label, so
/// the sentences an entry keeps share its label).
/// </remarks>
public sealed class ClaimTimelineStage : ICorpusStage
{
    /// <inheritdoc />
    public string Name => "claims.timeline.v2";

    /// <inheritdoc />
    public IReadOnlyList<string> Requires { get; } = [Capabilities.Claims, Capabilities.Timeline];

    /// <inheritdoc />
    public IReadOnlyList<string> Assigns { get; } = [Capabilities.TimelineClaims];

    /// <inheritdoc />
    public void Process(Corpus corpus, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(corpus);
        if (corpus.Layers.Find<TimelineLayer>() is not { } timeline)
        {
            return;
        }

        var dated = new Dictionary<string, List<Claim>>(StringComparer.Ordinal);
        var structure = new Dictionary<string, List<TextRange>>(StringComparer.Ordinal);
        foreach (var doc in corpus.Documents)
        {
            if (doc.Layers.Find<ClaimLayer>() is { } claims)
            {
                var lines = claims.Excluded.Where(e => IsStructure(e.Reason)).Select(e => e.Range).ToList();
                if (lines.Count > 0)
                {
                    structure[doc.Document.Id] = lines;
                }

                var withTime = claims.Items.Where(c => c.EventTime is not null && c.EventTimex is not null).ToList();
                if (withTime.Count > 0)
                {
                    dated[doc.Document.Id] = withTime;
                }
            }
        }

        var entries = new List<TimelineEntry>(timeline.Entries.Count);
        foreach (var original in timeline.Entries)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (WithoutStructure(original, structure) is not { } entry)
            {
                continue;
            }

            var ids = new List<string>();
            foreach (var cite in entry.Cites)
            {
                if (!dated.TryGetValue(cite.DocumentId, out var claims))
                {
                    continue;
                }

                var sentence = new TextRange(cite.Start, cite.End);
                foreach (var claim in claims)
                {
                    var id = cite.DocumentId + "-" + claim.Id;
                    if (SameTime(claim.EventTime!, entry.When) && sentence.Contains(claim.EventTimex!.Value) && !ids.Contains(id))
                    {
                        ids.Add(id);
                    }
                }
            }

            entries.Add(ids.Count == 0 ? entry : entry with { Claims = ids });
        }

        corpus.Layers.Set(new TimelineLayer(entries));
    }

    /// <summary>
    /// An entry merges the reports of one event, each dated by its own expression ("08:00 BST", "Saturday morning"): a
    /// claim belongs to it when its time is the entry's, or names the same day.
    /// </summary>
    private static bool SameTime(string claimTime, string entryTime) =>
        string.Equals(claimTime, entryTime, StringComparison.Ordinal)
        || claimTime.Length >= 10 && entryTime.Length >= 10 && char.IsAsciiDigit(claimTime[0]) && claimTime.AsSpan(0, 10).SequenceEqual(entryTime.AsSpan(0, 10));

    private static bool IsStructure(Worthiness.NonClaimReason reason) => reason is Worthiness.NonClaimReason.Heading
        or Worthiness.NonClaimReason.TableRow or Worthiness.NonClaimReason.Navigation or Worthiness.NonClaimReason.Byline
        or Worthiness.NonClaimReason.Dateline or Worthiness.NonClaimReason.Url or Worthiness.NonClaimReason.MetaField
        or Worthiness.NonClaimReason.Meta;

    /// <summary>The entry without the structure lines it cites; null when nothing else cites it.</summary>
    private static TimelineEntry? WithoutStructure(TimelineEntry entry, Dictionary<string, List<TextRange>> structure)
    {
        if (structure.Count == 0)
        {
            return entry;
        }

        var kept = entry.Cites.Where(c => !(structure.TryGetValue(c.DocumentId, out var lines) && lines.Any(l => l.Start <= c.Start && c.End <= l.End))).ToList();
        if (kept.Count == entry.Cites.Count)
        {
            return entry;
        }

        if (kept.Count == 0)
        {
            return null;
        }

        var docs = entry.Docs.Where(d => kept.Any(c => string.Equals(c.DocumentId, d, StringComparison.Ordinal))).ToList();
        return entry with { Cites = kept, Docs = docs };
    }
}
