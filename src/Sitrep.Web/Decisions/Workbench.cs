using Sitrep.Entities;
using Sitrep.Hypotheses.Matrix;
using Sitrep.Storage;
using Sitrep.Web.Live;
using Sitrep.Web.Story;

namespace Sitrep.Web.Decisions;

/// <summary>How an edit ended.</summary>
public enum EditStatus
{
    /// <summary>Recorded.</summary>
    Done,

    /// <summary>What it names does not exist (404).</summary>
    NotFound,

    /// <summary>A value is not valid (400 / validation problem).</summary>
    Invalid,

    /// <summary>The resource changed since the client read it (412).</summary>
    Stale,

    /// <summary>The client sent no If-Match (428).</summary>
    PreconditionRequired,
}

/// <summary>What an edit did.</summary>
/// <param name="Status">How it ended.</param>
/// <param name="Message">What happened, in words (names the offending value when it failed).</param>
/// <param name="Decision">The decision recorded, when done.</param>
/// <param name="Current">When it was refused as stale: what the resource holds now (for a rating, its value, who set it, when and why).</param>
public sealed record EditResult(EditStatus Status, string Message, StoredDecision? Decision = null, CurrentValue? Current = null);

/// <summary>What a contested resource holds now, shown to the analyst whose edit came second.</summary>
/// <param name="Value">The value in force (a rating code).</param>
/// <param name="Who">Who set it, when a workbench decision did.</param>
/// <param name="When">When.</param>
/// <param name="Why">The reason in force.</param>
public sealed record CurrentValue(string Value, string? Who, DateTimeOffset? When, string? Why);

/// <summary>
/// The analyst's edits, shared by the pages and the API: each is validated against the story as it stands, checked
/// against the version the client read (its ETag), recorded in the audit log with who, when and why, and announced to
/// open pages. Edits are serialised, so two stale clients cannot both win.
/// </summary>
public sealed class Workbench(StoryService story, LiveHub hub)
{
    private static readonly string[] Grades = ["A", "B", "C", "D", "E", "F"];
    private readonly Lock _gate = new();

    /// <summary>Merges actor <paramref name="otherId"/> into <paramref name="actorId"/>.</summary>
    public EditResult Merge(string actorId, string otherId, string? ifMatch, bool requireMatch, string who, string? why)
    {
        lock (_gate)
        {
            var actors = story.Actors();
            var actor = actors.FirstOrDefault(a => a.Id == actorId);
            var other = actors.FirstOrDefault(a => a.Id == otherId);
            if (actor is null || other is null)
            {
                return new EditResult(EditStatus.NotFound, $"No actor '{(actor is null ? actorId : otherId)}'.");
            }

            if (actor.Id == other.Id)
            {
                return new EditResult(EditStatus.Invalid, $"Actor '{actorId}' cannot be merged with itself.");
            }

            return Check(actor.ETag, ifMatch, requireMatch) ?? Record(DecisionKinds.Merge, actor.Name, other.Name, who, why, $"{other.Name} merged into {actor.Name}");
        }
    }

    /// <summary>Splits an actor's aliases into actors of their own.</summary>
    public EditResult Split(string actorId, string? ifMatch, bool requireMatch, string who, string? why)
    {
        lock (_gate)
        {
            var actor = story.Actors().FirstOrDefault(a => a.Id == actorId);
            if (actor is null)
            {
                return new EditResult(EditStatus.NotFound, $"No actor '{actorId}'.");
            }

            if (actor.Aliases.Count == 0)
            {
                return new EditResult(EditStatus.Invalid, $"Actor '{actor.Name}' has no aliases to split off.");
            }

            return Check(actor.ETag, ifMatch, requireMatch) ?? Record(DecisionKinds.Split, actor.Name, string.Empty, who, why, $"{actor.Name} split from its aliases");
        }
    }

    /// <summary>Sets an actor's type.</summary>
    public EditResult Retype(string actorId, string type, string? ifMatch, bool requireMatch, string who, string? why)
    {
        lock (_gate)
        {
            var actor = story.Actors().FirstOrDefault(a => a.Id == actorId);
            if (actor is null)
            {
                return new EditResult(EditStatus.NotFound, $"No actor '{actorId}'.");
            }

            if (EntityTypes.Parse(type) is not { } parsed)
            {
                return new EditResult(EditStatus.Invalid, $"Type '{type}' is not valid; expected PERSON, ORG, LOC or MISC.");
            }

            return Check(actor.ETag, ifMatch, requireMatch) ?? Record(DecisionKinds.Retype, actor.Name, EntityTypes.ToName(parsed), who, why, $"{actor.Name} is now {EntityTypes.ToName(parsed)}");
        }
    }

    /// <summary>Sets an outlet's Admiralty reliability, applied to all its documents from the next analysis on.</summary>
    public EditResult Grade(string outlet, string reliability, string? ifMatch, bool requireMatch, string who, string? why)
    {
        lock (_gate)
        {
            var view = story.Outlets().FirstOrDefault(o => string.Equals(o.Name, outlet, StringComparison.Ordinal));
            if (view is null)
            {
                return new EditResult(EditStatus.NotFound, $"No outlet '{outlet}'.");
            }

            var grade = reliability?.Trim().ToUpperInvariant() ?? string.Empty;
            if (!Grades.Contains(grade))
            {
                return new EditResult(EditStatus.Invalid, $"Reliability '{reliability}' is not valid; expected A, B, C, D, E or F.");
            }

            return Check(view.ETag, ifMatch, requireMatch) ?? Record(DecisionKinds.Grade, view.Name, grade, who, why, $"{view.Name} graded {grade}");
        }
    }

    /// <summary>Adds a hypothesis of the analyst's own.</summary>
    public EditResult AddHypothesis(string text, string? ifMatch, bool requireMatch, string who, string? why)
    {
        lock (_gate)
        {
            if (string.IsNullOrWhiteSpace(text) || text.Length > 500)
            {
                return new EditResult(EditStatus.Invalid, "A hypothesis needs a text of 1 to 500 characters.");
            }

            var id = story.Decisions.NextHypothesisId();
            return Check(story.Ach().ETag, ifMatch, requireMatch) ?? Record(DecisionKinds.Hypothesis, id, text.Trim(), who, why, $"hypothesis {id} added");
        }
    }

    /// <summary>Changes a hypothesis' text.</summary>
    public EditResult EditHypothesis(string id, string text, string? ifMatch, bool requireMatch, string who, string? why)
    {
        lock (_gate)
        {
            var ach = story.Ach();
            if (ach.Hypotheses.All(h => h.Id != id))
            {
                return new EditResult(EditStatus.NotFound, $"No hypothesis '{id}'. Known: {string.Join(", ", ach.Hypotheses.Select(h => h.Id))}.");
            }

            if (string.IsNullOrWhiteSpace(text) || text.Length > 500)
            {
                return new EditResult(EditStatus.Invalid, "A hypothesis needs a text of 1 to 500 characters.");
            }

            return Check(ach.ETag, ifMatch, requireMatch) ?? Record(DecisionKinds.Hypothesis, id, text.Trim(), who, why, $"hypothesis {id} edited");
        }
    }

    /// <summary>Removes a hypothesis.</summary>
    public EditResult RemoveHypothesis(string id, string? ifMatch, bool requireMatch, string who, string? why)
    {
        lock (_gate)
        {
            var ach = story.Ach();
            if (ach.Hypotheses.All(h => h.Id != id))
            {
                return new EditResult(EditStatus.NotFound, $"No hypothesis '{id}'. Known: {string.Join(", ", ach.Hypotheses.Select(h => h.Id))}.");
            }

            return Check(ach.ETag, ifMatch, requireMatch) ?? Record(DecisionKinds.Hypothesis, id, string.Empty, who, why, $"hypothesis {id} removed");
        }
    }

    /// <summary>Rates one piece of evidence against one hypothesis.</summary>
    public EditResult Rate(string evidence, string hypothesis, string rating, string? ifMatch, bool requireMatch, string who, string? why)
    {
        lock (_gate)
        {
            var ach = story.Ach();
            var known = story.Current.Ach?.Evidence ?? [];
            if (known.All(e => e.Id != evidence))
            {
                return new EditResult(EditStatus.NotFound, $"No evidence '{evidence}'.");
            }

            if (ach.Hypotheses.All(h => h.Id != hypothesis))
            {
                return new EditResult(EditStatus.NotFound, $"No hypothesis '{hypothesis}'. Known: {string.Join(", ", ach.Hypotheses.Select(h => h.Id))}.");
            }

            if (RatingCodes.Parse(rating) is not { } parsed)
            {
                return new EditResult(EditStatus.Invalid, $"Rating '{rating}' is not valid; expected CC, C, N, I, II or NA.");
            }

            if (string.IsNullOrWhiteSpace(why))
            {
                return new EditResult(EditStatus.Invalid, "A rating needs a reason.");
            }

            var check = Check(ach.ETag, ifMatch, requireMatch);
            if (check is { Status: EditStatus.Stale })
            {
                // Another cell rated, or another hypothesis edited, since the client read the matrix is no conflict: only
                // a decision on this very cell or hypothesis is. An ETag from before the last analysis is always stale.
                var since = DecisionsSince(ifMatch!);
                if (since is not null && !since.Any(d => Touches(d, evidence, hypothesis)))
                {
                    check = null;
                }
                else
                {
                    return Conflict(ach, evidence, hypothesis, since);
                }
            }

            return check ?? Record(DecisionKinds.Rating, evidence + "|" + hypothesis, RatingCodes.Code(parsed), who, why, $"{evidence} rated {RatingCodes.Code(parsed)} against {hypothesis}");
        }
    }

    /// <summary>Records in the audit log that <paramref name="who"/> uploaded <paramref name="name"/> (team mode).</summary>
    public EditResult RecordUpload(string name, string who)
    {
        ArgumentNullException.ThrowIfNull(name);
        lock (_gate)
        {
            return Record(DecisionKinds.Upload, name, string.Empty, who, null, $"{name} uploaded");
        }
    }

    private static bool Touches(StoredDecision d, string evidence, string hypothesis) =>
        (d.Kind == DecisionKinds.Rating && d.Subject == evidence + "|" + hypothesis) || (d.Kind == DecisionKinds.Hypothesis && d.Subject == hypothesis);

    // The hypothesis and rating decisions made after the matrix version the client's ETag names, or null when it names
    // none this picture made (an older analysis, or a tag this server never gave). The log only grows, so the version
    // read is a prefix of the log; the newest prefixes are tried first, as far back as 1,000 decisions.
    private List<StoredDecision>? DecisionsSince(string ifMatch)
    {
        var log = story.Decisions.All.Where(d => d.Kind is DecisionKinds.Hypothesis or DecisionKinds.Rating).ToList();
        var tags = ifMatch.Split(',').Select(t => t.Trim()).ToHashSet(StringComparer.Ordinal);
        var version = story.Current.Version;
        for (var k = log.Count; k >= Math.Max(0, log.Count - 1000); k--)
        {
            if (tags.Contains(StoryService.AchETag(log.Take(k).Select(d => d.Id), version)))
            {
                return log.Skip(k).ToList();
            }
        }

        return null;
    }

    private EditResult Conflict(AchView ach, string evidence, string hypothesis, List<StoredDecision>? since)
    {
        var cell = ach.Hypotheses.FirstOrDefault(h => h.Id == hypothesis)?.Ratings.FirstOrDefault(r => r.Evidence == evidence);
        var last = story.Decisions.All.LastOrDefault(d => d.Kind == DecisionKinds.Rating && d.Subject == evidence + "|" + hypothesis);
        var current = new CurrentValue(cell?.Rating ?? "NA", last?.Who, last?.When, last is null ? cell?.Reason : last.Why);
        var by = last is null ? string.Empty : $", set by {last.Who} at {last.When.ToUniversalTime():yyyy-MM-dd HH:mm} UTC";
        var why = string.IsNullOrWhiteSpace(current.Why) ? string.Empty : $" ({current.Why})";
        var what = since is null
            ? "The matrix was analysed again since you read it"
            : since.Any(d => d.Kind == DecisionKinds.Hypothesis && d.Subject == hypothesis)
                ? $"Hypothesis {hypothesis} was changed since you read it"
                : $"The rating of {evidence} against {hypothesis} was changed since you read it";
        return new EditResult(EditStatus.Stale, $"{what}: it is now {current.Value}{by}{why}. Nothing was overwritten; reload and decide again.", null, current);
    }

    private static EditResult? Check(string current, string? ifMatch, bool requireMatch)
    {
        if (string.IsNullOrEmpty(ifMatch))
        {
            return requireMatch ? new EditResult(EditStatus.PreconditionRequired, "Send If-Match with the ETag you read.") : null;
        }

        return ifMatch == "*" || ifMatch.Split(',').Select(t => t.Trim()).Contains(current, StringComparer.Ordinal)
            ? null
            : new EditResult(EditStatus.Stale, $"It changed since you read it (your version {ifMatch}, now {current}); nothing was overwritten. Reload and decide again.");
    }

    private EditResult Record(string kind, string subject, string value, string who, string? why, string notice)
    {
        var decision = story.Decide(kind, subject, value, string.IsNullOrWhiteSpace(who) ? "analyst" : who.Trim(), why);
        hub.Publish("decision", $"{decision.Who}: {notice}");
        return new EditResult(EditStatus.Done, notice, decision);
    }
}
