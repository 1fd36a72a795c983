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
/// the sentences an entry keeps share its label). So does a statement that nothing is known ("The human cost … is still
/// unclear") and a passer-by's words (<see cref="VoxPop"/>). A date the parse shows to be mentioned in passing (a relative clause
/// set off by commas, a noun modifier, "since …") is background, and an undated sentence that dates two things is
/// filed once, under its main predicate's date (<see cref="MainEventTime"/>).
/// </remarks>
public sealed class ClaimTimelineStage : ICorpusStage
{
    private readonly Func<Corpus, Span, IReadOnlyList<(string Id, string Name)>>? _entitiesIn;

    /// <summary>Creates the stage.</summary>
    /// <param name="entitiesIn">
    /// The resolved entities named inside a span (id and name). With it, entries of one day whose claims tell one event
    /// in words too far apart for the timeline's own passes are joined (<see cref="JoinSameEvent"/>); null to link
    /// claims only.
    /// </param>
    public ClaimTimelineStage(Func<Corpus, Span, IReadOnlyList<(string Id, string Name)>>? entitiesIn = null)
    {
        _entitiesIn = entitiesIn;
        Requires = entitiesIn is null ? [Capabilities.Claims, Capabilities.Timeline] : [Capabilities.Claims, Capabilities.Timeline, Capabilities.Entities];
    }

    /// <inheritdoc />
    public string Name => "claims.timeline.v2";

    /// <inheritdoc />
    public IReadOnlyList<string> Requires { get; }

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
        var byId = new Dictionary<string, (string Doc, Claim Claim)>(StringComparer.Ordinal);
        var structure = new Dictionary<string, List<TextRange>>(StringComparer.Ordinal);
        foreach (var doc in corpus.Documents)
        {
            if (doc.Layers.Find<ClaimLayer>() is { } claims)
            {
                var lines = claims.Excluded.Where(e => IsStructure(e.Reason)).Select(e => e.Range).ToList();
                lines.AddRange(VoxPop.Sentences(doc.Document.Text, [.. doc.Sentences.Select(s => s.Range)]));
                if (lines.Count > 0)
                {
                    structure[doc.Document.Id] = lines;
                }

                var withTime = claims.Items.Where(c => c.EventTime is not null && c.EventTimex is not null).ToList();
                if (withTime.Count > 0)
                {
                    dated[doc.Document.Id] = withTime;
                }

                foreach (var claim in withTime)
                {
                    byId[doc.Document.Id + "-" + claim.Id] = (doc.Document.Id, claim);
                }
            }
        }

        var entries = new List<TimelineEntry>(timeline.Entries.Count);
        var moved = new List<TimelineEntry>();
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

            var linked = ids.Count == 0 ? entry : entry with { Claims = ids };
            var redated = entry.Cites.Count < original.Cites.Count ? ReDated(corpus, original, linked, ids, byId) : linked;
            if (!ReferenceEquals(redated, linked))
            {
                moved.Add(redated);
            }

            entries.Add(redated);
        }

        // Dates a sentence mentions in passing are read from its parse once claims (and so the parses) exist.
        entries = MainEventTime.Apply(corpus, entries, (before, e) =>
        {
            var redated = ReDated(corpus, before, e, [.. e.Claims], byId);
            if (!ReferenceEquals(redated, e))
            {
                moved.Add(redated);
            }

            return redated;
        });
        entries = InOrder(entries, moved);
        corpus.Layers.Set(new TimelineLayer(_entitiesIn is null ? entries : JoinSameEvent(corpus, entries, byId, _entitiesIn)));
    }

    /// <summary>
    /// An entry that lost the line that gave its time (a governor's note's "about 10:15", read as the note's own and left
    /// out) is dated by the reports it keeps: the time their claims give most often, the most precise on a tie ("on
    /// Saturday morning" in two wire reports), so its time is never one that no report it cites gives. Kept as it was when
    /// a kept report writes the entry's time expression too, when a kept claim gives the entry's own time, or when the
    /// kept claims give none on the entry's day.
    /// </summary>
    private static TimelineEntry ReDated(Corpus corpus, TimelineEntry before, TimelineEntry entry, List<string> ids, Dictionary<string, (string Doc, Claim Claim)> byId)
    {
        string? TextOf(Span cite) =>
            corpus.Documents.FirstOrDefault(d => string.Equals(d.Document.Id, cite.DocumentId, StringComparison.Ordinal))?.Document.Text is { } t && cite.End <= t.Length
                ? t[cite.Start..cite.End]
                : null;

        // Only the time of a line that has gone is re-read: a post's stamp or a kept report's own words keep it.
        var gone = before.Cites.Where(c => !entry.Cites.Contains(c)).ToList();
        if (entry.Expression.Length == 0 || !gone.Any(c => TextOf(c)?.Contains(entry.Expression, StringComparison.Ordinal) == true)
            || entry.Cites.Any(c => TextOf(c)?.Contains(entry.Expression, StringComparison.Ordinal) != false))
        {
            return entry;
        }

        var kept = ids.Select(id => byId.TryGetValue(id, out var c) ? c : default).Where(c => c.Claim is not null).ToList();
        if (kept.Count == 0 || kept.Any(c => string.Equals(c.Claim.EventTime, entry.When, StringComparison.Ordinal)))
        {
            return entry;
        }

        var best = kept
            .Where(c => c.Claim.EventTime is { Length: >= 10 } t && entry.When.Length >= 10 && t.AsSpan(0, 10).SequenceEqual(entry.When.AsSpan(0, 10)))
            .GroupBy(c => c.Claim.EventTime!, StringComparer.Ordinal)
            .OrderByDescending(g => g.Count())
            .ThenByDescending(g => g.Key.Length)
            .FirstOrDefault();
        if (best is null || TimexInterval.Of(best.Key) is not { } interval)
        {
            return entry;
        }

        var (doc, claim) = best.First();
        var text = corpus.Documents.FirstOrDefault(d => string.Equals(d.Document.Id, doc, StringComparison.Ordinal))?.Document.Text;
        var expression = text is not null && claim.EventTimex is { } at && at.End <= text.Length ? text[at.Start..at.End] : entry.Expression;
        return entry with { When = best.Key, Expression = expression, Interval = interval, AnchorNote = null };
    }

    /// <summary>
    /// The entries with each re-dated one moved to where its new time puts it among the placed story entries; the order
    /// of the others is left as the timeline stage made it.
    /// </summary>
    private static List<TimelineEntry> InOrder(List<TimelineEntry> entries, List<TimelineEntry> moved)
    {
        foreach (var e in moved)
        {
            if (e.Interval is not { } at || e.Role != TimelineRole.Story || !entries.Remove(e))
            {
                continue;
            }

            var to = entries.FindIndex(x => x.Role == TimelineRole.Story && (x.Interval is null || x.Interval.Value.Start > at.Start));
            entries.Insert(to < 0 ? entries.Count : to, e);
        }

        return entries;
    }

    /// <summary>
    /// Entries of one day that tell one event in words too far apart for the timeline's word and meaning passes ("by
    /// Tuesday all criminal charges had been dropped"; "the FSB said on Tuesday it had closed its criminal investigation")
    /// are one entry, citing the reports of both. Two entries join when one of them gives the bare day (its hours are
    /// unknown, so no two stated times need reconciling) and a claim of each, dated by its entry, has the same event class
    /// and participants that cannot be two events': a class that many different acts share (a statement, a move, a
    /// denial) needs the same resolved agent on both sides ("Prigozhin repeated on Monday …" and "an audio message released
    /// on Monday, in which he said …"); any other class needs no role that both name with different entities. Polarity
    /// is not compared: a report that the act did not happen is a report of that act.
    /// </summary>
    private static List<TimelineEntry> JoinSameEvent(Corpus corpus, List<TimelineEntry> entries, Dictionary<string, (string Doc, Claim Claim)> claims, Func<Corpus, Span, IReadOnlyList<(string Id, string Name)>> entitiesIn)
    {
        var frames = entries.Select(e => e.Claims
            .Select(id => claims.TryGetValue(id, out var c) ? c : default)
            .Where(c => c.Claim?.Frame.EventClass is not null)
            .Select(c => Read(corpus, c.Doc, c.Claim.Frame, entitiesIn))
            .ToList()).ToList();
        var gone = new bool[entries.Count];
        var result = entries.ToList();
        foreach (var day in Enumerable.Range(0, entries.Count).Where(i => DayOf(entries[i]) is not null).GroupBy(i => DayOf(entries[i])!, StringComparer.Ordinal))
        {
            var members = day.ToList();
            for (var x = 0; x < members.Count; x++)
            {
                var i = members[x];
                for (var y = x + 1; y < members.Count && !gone[i]; y++)
                {
                    var j = members[y];
                    if (gone[j] || (result[i].When.Length != DayLength && result[j].When.Length != DayLength) || !frames[i].Any(a => frames[j].Any(b => SameEvent(a, b))))
                    {
                        continue;
                    }

                    // The entry with more reports stands for the event (the first on a tie); the other's reports join it.
                    var (keep, drop) = result[j].Cites.Count > result[i].Cites.Count ? (j, i) : (i, j);
                    result[keep] = result[keep] with
                    {
                        Cites = [.. result[keep].Cites.Concat(result[drop].Cites).Distinct()],
                        Docs = [.. result[keep].Docs.Concat(result[drop].Docs).Distinct(StringComparer.Ordinal)],
                        Claims = [.. result[keep].Claims.Concat(result[drop].Claims).Distinct(StringComparer.Ordinal)],
                    };
                    frames[keep].AddRange(frames[drop]);
                    gone[drop] = true;
                }
            }
        }

        return [.. result.Where((_, k) => !gone[k])];
    }

    private const int DayLength = 10;

    /// <summary>The calendar day of a story entry placed on the calendar ("2023-06-27"), or null.</summary>
    private static string? DayOf(TimelineEntry entry) =>
        entry.Role == TimelineRole.Story && entry.Interval is not null && entry.When.Length >= DayLength && char.IsAsciiDigit(entry.When[0]) && entry.When[4] == '-' && char.IsAsciiDigit(entry.When[8])
            ? entry.When[..DayLength]
            : null;

    /// <summary>Classes that many different acts of one day share: their reports are one event only with the same agent.</summary>
    private static bool IsBroad(string eventClass) => eventClass is Frames.EventClasses.State or "move" or "deny";

    private static bool SameEvent(EventFrame a, EventFrame b)
    {
        if (!string.Equals(a.Class, b.Class, StringComparison.Ordinal))
        {
            return false;
        }

        return IsBroad(a.Class)
            ? a.Agents.Overlaps(b.Agents)
            : !Clash(a.Agents, b.Agents) && !Clash(a.Patients, b.Patients);
    }

    private static bool Clash(HashSet<string> a, HashSet<string> b) => a.Count > 0 && b.Count > 0 && !a.Overlaps(b);

    private static EventFrame Read(Corpus corpus, string doc, Frames.ClaimFrame frame, Func<Corpus, Span, IReadOnlyList<(string Id, string Name)>> entitiesIn)
    {
        HashSet<string> Named(Frames.ParticipantRole role) => [.. frame.Participants.Where(p => p.Role == role)
            .SelectMany(p => entitiesIn(corpus, new Span(doc, p.Range.Start, p.Range.End))).Select(e => e.Id)];
        return new EventFrame(frame.EventClass!, Named(Frames.ParticipantRole.Agent), Named(Frames.ParticipantRole.Patient));
    }

    private sealed record EventFrame(string Class, HashSet<string> Agents, HashSet<string> Patients);

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
        or Worthiness.NonClaimReason.Meta or Worthiness.NonClaimReason.NoInformation;

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
