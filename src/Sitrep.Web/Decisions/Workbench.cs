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
public sealed record EditResult(EditStatus Status, string Message, StoredDecision? Decision = null);

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

            return Check(ach.ETag, ifMatch, requireMatch) ?? Record(DecisionKinds.Rating, evidence + "|" + hypothesis, RatingCodes.Code(parsed), who, why, $"{evidence} rated {RatingCodes.Code(parsed)} against {hypothesis}");
        }
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
