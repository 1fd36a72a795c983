using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Sitrep.Brief.Building;
using Sitrep.Brief.Model;
using Sitrep.Documents;
using Sitrep.Entities;
using Sitrep.Hypotheses;
using Sitrep.Storage;
using Sitrep.Web.Decisions;

namespace Sitrep.Web.Story;

/// <summary>
/// The story as the workbench shows it: the picture the last analysis stored (brief and ACH snapshots), the stored
/// documents, outlets and the analyst's decisions applied on top. Pages and API endpoints read it; neither holds SQL.
/// </summary>
/// <remarks>
/// One store connection serves every request (the store serialises calls on it). The parsed picture is cached and
/// replaced whole when an analysis finishes, so a request always sees one consistent version. Reports added with the
/// brief deferred leave the brief behind the stored picture: the picture in force is then marked
/// <see cref="Picture.Updating"/> until the analysis worker has built the brief again (<see cref="FreshAsync"/> asks it
/// to, and waits a little).
/// </remarks>
public sealed class StoryService : IDisposable
{
    private readonly IStoryStore _store;
    private readonly WorkbenchOptions _options;
    private readonly Lock _gate = new();
    private Picture? _picture;
    private (long Version, int Decisions, AchView View)? _ach;
    private TaskCompletionSource _refreshed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Opens the story's store (created when missing).</summary>
    public StoryService(WorkbenchOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        _store = StoreFactory.Open(StoreFactory.IsPostgres(options.DbPath) ? options.DbPath : Path.GetFullPath(options.DbPath, options.WorkingDirectory));
    }

    /// <summary>The store, for the few callers that write documents' neighbours (outlets, decisions, uploads).</summary>
    public IStoryStore Store => _store;

    /// <summary>The picture in force.</summary>
    public Picture Current
    {
        get
        {
            lock (_gate)
            {
                return _picture ??= Load(1);
            }
        }
    }

    /// <summary>The <c>HttpContext.Items</c> key of the picture a read view was keyed by (<see cref="Web.StoryViewCache"/>).</summary>
    public const string PictureItem = "sitrep.picture";

    /// <summary>
    /// The picture a view says it shows: the one the request's view key was read from (set before the view is drawn),
    /// else the picture in force. What the view draws may be newer, never older.
    /// </summary>
    public Picture Shown(Microsoft.AspNetCore.Http.HttpContext? context) =>
        context?.Items.TryGetValue(PictureItem, out var item) == true && item is Picture picture ? picture : Current;

    /// <summary>Raised when a reader finds the brief behind the picture (<see cref="FreshAsync"/>); the analysis worker builds it.</summary>
    public event EventHandler? BriefWanted;

    /// <summary>Reads the stored picture again after an analysis or a build of the brief; returns the old and the new one.</summary>
    /// <param name="updating">True when the stored brief is still behind the stored picture.</param>
    public (Picture Before, Picture After) Refresh(bool updating = false)
    {
        TaskCompletionSource done;
        (Picture, Picture) result;
        lock (_gate)
        {
            var before = _picture ?? Load(0);
            _picture = Load(before.Version + 1) with { Updating = updating };
            result = (before, _picture);
            done = _refreshed;
            _refreshed = new(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        done.TrySetResult();
        return result;
    }

    /// <summary>
    /// Reports were added to the stored picture and the brief was left behind it: the same brief stays in force, marked
    /// <see cref="Picture.Updating"/>, under a new version (so no view drawn before is given out as current).
    /// </summary>
    public void MarkUpdating()
    {
        lock (_gate)
        {
            var before = _picture ?? Load(0);
            _picture = before with { Version = before.Version + 1, Updating = true };
        }
    }

    /// <summary>
    /// The picture in force, after asking for the brief to be built when it is behind and waiting at most
    /// <paramref name="wait"/> for it: a reader gets the current brief when it is built in time, else the last one,
    /// marked <see cref="Picture.Updating"/>, without waiting longer.
    /// </summary>
    public async Task<Picture> FreshAsync(TimeSpan wait, CancellationToken cancellationToken)
    {
        Task refreshed;
        lock (_gate)
        {
            var picture = _picture ??= Load(1);
            if (!picture.Updating)
            {
                return picture;
            }

            refreshed = _refreshed.Task;
        }

        BriefWanted?.Invoke(this, EventArgs.Empty);
        if (wait > TimeSpan.Zero)
        {
            try
            {
                await refreshed.WaitAsync(wait, cancellationToken).ConfigureAwait(false);
            }
            catch (TimeoutException)
            {
            }
        }

        return Current;
    }

    /// <summary>
    /// The version of everything the views draw: the picture in force and where the analyst's work stands in the store
    /// (read now, so a decision or an upload made by another process sharing the store counts too).
    /// </summary>
    public StoryStamp Stamp() => new(Current.Version, _store.Stamp());

    /// <summary>True when the store answers.</summary>
    public bool Ping()
    {
        try
        {
            _store.CountDocuments();
            return true;
        }
        catch (Errors.SitrepException)
        {
            return false;
        }
    }

    /// <summary>The decisions, read now.</summary>
    public DecisionBook Decisions => DecisionBook.Of(_store.Decisions());

    /// <summary>Records a decision made now by <paramref name="who"/>.</summary>
    public StoredDecision Decide(string kind, string subject, string value, string who, string? why)
    {
        var decision = _store.AppendDecision(new StoredDecision(0, kind, subject, value, who, DateTimeOffset.UtcNow, string.IsNullOrWhiteSpace(why) ? null : why.Trim()));
        if (kind == DecisionKinds.Grade)
        {
            var outlets = _store.Outlets();
            var existing = outlets.FirstOrDefault(o => string.Equals(o.Name, subject, StringComparison.Ordinal));
            _store.SaveOutlets([new StoredOutlet(subject, value, existing?.Notes ?? (string.IsNullOrWhiteSpace(why) ? null : why), existing?.Aliases ?? [])]);
        }

        return decision;
    }

    /// <summary>A stored document, or null.</summary>
    public Document? Find(string id) => _store.Find(id);

    /// <summary>Full-text search.</summary>
    public IReadOnlyList<SearchHit> Search(string query, int limit) => _store.Search(query, limit);

    /// <summary>Uploads, newest first.</summary>
    public IReadOnlyList<StoredUpload> Uploads() => _store.Uploads();

    /// <summary>The outlets of the story: those the analyst set and those the documents name, with their documents.</summary>
    public IReadOnlyList<OutletView> Outlets()
    {
        var stored = _store.Outlets().ToDictionary(o => o.Name, StringComparer.Ordinal);
        var book = Decisions;
        var docs = Current.Brief.Documents;
        var names = stored.Keys.Concat(docs.Select(d => d.Source.Outlet).OfType<string>()).Distinct(StringComparer.Ordinal).Order(StringComparer.OrdinalIgnoreCase);
        return [.. names.Select(name =>
        {
            stored.TryGetValue(name, out var outlet);
            var own = docs.Where(d => string.Equals(d.Source.Outlet, name, StringComparison.Ordinal)).ToList();
            var graded = own.Select(d => d.Source.Reliability).OfType<string>().Distinct(StringComparer.Ordinal).ToList();
            return new OutletView(name, outlet?.Reliability, outlet?.Notes, outlet?.Aliases ?? [], own, graded, [.. book.About(DecisionKinds.Grade, name)], ETags.Of("outlet", name, outlet?.Reliability ?? string.Empty));
        })];
    }

    /// <summary>The actors with the analyst's merges, splits and retypes applied.</summary>
    public IReadOnlyList<ActorView> Actors()
    {
        var book = Decisions;
        var actors = Current.Brief.Entities
            .Select(e => new ActorDraft(e.Id, e.Name, e.Type, [.. e.Aliases], [.. e.Mentions]))
            .ToList();
        foreach (var d in book.All)
        {
            switch (d.Kind)
            {
                case DecisionKinds.Merge:
                    var kept = actors.Find(a => a.Answers(d.Subject));
                    var gone = actors.Find(a => a.Answers(d.Value));
                    if (kept is not null && gone is not null && !ReferenceEquals(kept, gone))
                    {
                        kept.Aliases.AddRange(new[] { gone.Name }.Concat(gone.Aliases).Where(n => !kept.Answers(n)));
                        kept.Mentions.AddRange(gone.Mentions);
                        actors.Remove(gone);
                    }

                    break;
                case DecisionKinds.Split:
                    if (actors.Find(a => a.Answers(d.Subject)) is { Aliases.Count: > 0 } whole)
                    {
                        actors.Remove(whole);
                        actors.AddRange(Split(whole));
                    }

                    break;
                case DecisionKinds.Retype:
                    if (actors.Find(a => a.Answers(d.Subject)) is { } typed && EntityTypes.Parse(d.Value) is { } type)
                    {
                        typed.Type = EntityTypes.ToName(type);
                    }

                    break;
            }
        }

        return [.. actors
            .OrderByDescending(a => a.Mentions.Count)
            .ThenBy(a => a.Name, StringComparer.OrdinalIgnoreCase)
            .Select(a => new ActorView(
                a.Id,
                a.Name,
                a.Type,
                a.Aliases,
                a.Mentions,
                [.. book.All.Where(d => d.Kind is DecisionKinds.Merge or DecisionKinds.Split or DecisionKinds.Retype && (a.Answers(d.Subject) || (d.Kind == DecisionKinds.Merge && a.Answers(d.Value))))],
                ETags.Of("actor", a.Id, a.Name, a.Type, string.Join('\u001F', a.Aliases))))];
    }

    /// <summary>The competing hypotheses with the analyst's edits and ratings, scored now (cached until either changes).</summary>
    public AchView Ach()
    {
        var picture = Current;
        var book = Decisions;
        lock (_gate)
        {
            if (_ach is { } cached && cached.Version == picture.Version && cached.Decisions == book.All.Count)
            {
                return cached.View;
            }
        }

        AchView view;
        if (picture.Ach is null)
        {
            view = new AchView([], null, [], ETags.Of("ach", "none"));
        }
        else
        {
            var hypotheses = book.Hypotheses(_store, picture.Ach.Suggested);
            var ratings = book.Ratings(_store);
            var (matrix, scores) = picture.Ach.Analyse(new AchOptions(hypotheses, ratings, Suggest: false), _options.AchMeaning());
            var unknown = ratings.Keys
                .Where(k => picture.Ach.Evidence.All(e => e.Id != k.Evidence) || hypotheses.All(h => h.Id != k.Hypothesis))
                .Select(k => $"{k.Evidence}|{k.Hypothesis}")
                .ToList();
            view = new AchView(
                [.. HypothesisSection.Map(matrix, scores)],
                HypothesisSection.MapAch(matrix, scores),
                unknown,
                AchETag(book.All.Where(d => d.Kind is DecisionKinds.Hypothesis or DecisionKinds.Rating).Select(d => d.Id), picture.Version));
        }

        lock (_gate)
        {
            _ach = (picture.Version, book.All.Count, view);
        }

        return view;
    }

    /// <summary>The ACH matrix's entity tag: over the hypothesis and rating decisions in force and the picture's version.</summary>
    public static string AchETag(IEnumerable<long> decisionIds, long version) =>
        ETags.Of("ach", string.Join('\n', decisionIds), version.ToString(System.Globalization.CultureInfo.InvariantCulture));

    /// <inheritdoc />
    public void Dispose() => _store.Dispose();

    private IEnumerable<ActorDraft> Split(ActorDraft whole)
    {
        var texts = new Dictionary<string, string?>(StringComparer.Ordinal);
        string? Surface(BriefSpan span)
        {
            if (!texts.TryGetValue(span.Doc, out var text))
            {
                texts[span.Doc] = text = _store.Find(span.Doc)?.Text;
            }

            return text is not null && span.End <= text.Length && span.Start >= 0 && span.Start < span.End ? text[span.Start..span.End] : null;
        }

        var names = new[] { whole.Name }.Concat(whole.Aliases).ToList();
        var parts = names.Select((n, i) => new ActorDraft(i == 0 ? whole.Id : $"{whole.Id}~{i}", n, whole.Type, [], [])).ToList();
        foreach (var mention in whole.Mentions)
        {
            var surface = Surface(mention);
            var part = parts.Find(p => string.Equals(p.Name, surface, StringComparison.OrdinalIgnoreCase)) ?? parts[0];
            part.Mentions.Add(mention);
        }

        return parts;
    }

    private Picture Load(long version)
    {
        BriefReport brief;
        string? problem = null;
        try
        {
            brief = _store.GetSetting(BriefSnapshot.Key) is { } json ? BriefSnapshot.FromJson(json) : Empty();
        }
        catch (JsonException ex)
        {
            brief = Empty();
            problem = "The stored brief cannot be read (" + ex.Message + "); analyse the story again.";
        }

        AchSnapshot? ach = null;
        try
        {
            ach = _store.GetSetting(AchSnapshot.Key) is { } achJson ? AchSnapshot.FromJson(achJson) : null;
        }
        catch (JsonException)
        {
            ach = null;
        }

        return new Picture(version, brief, ach, problem);
    }

    private static BriefReport Empty() => new()
    {
        Generator = new BriefGenerator("sitrep", Engine.SitrepVersion.Current, []),
        Corpus = new BriefCorpus(0, 0, 0, 0),
    };

    private sealed class ActorDraft(string id, string name, string type, List<string> aliases, List<BriefSpan> mentions)
    {
        public string Id { get; } = id;

        public string Name { get; } = name;

        public string Type { get; set; } = type;

        public List<string> Aliases { get; } = aliases;

        public List<BriefSpan> Mentions { get; } = mentions;

        public bool Answers(string name) =>
            string.Equals(Id, name, StringComparison.Ordinal) || string.Equals(Name, name, StringComparison.OrdinalIgnoreCase) || Aliases.Contains(name, StringComparer.OrdinalIgnoreCase);
    }
}

/// <summary>What a view of the story depends on (<see cref="StoryService.Stamp"/>): the same stamp, the same view.</summary>
/// <param name="Version">The picture's version on this server.</param>
/// <param name="Work">Where decisions and uploads stand in the store.</param>
public readonly record struct StoryStamp(long Version, WorkStamp Work)
{
    /// <summary>A compact form for cache keys: <c>v3.d12.u2.a1</c>.</summary>
    public override string ToString() => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"v{Version}.d{Work.LastDecision}.u{Work.Uploads}.a{Work.Analysed}");
}

/// <summary>One version of the stored picture.</summary>
/// <param name="Version">Counts analyses seen by this server.</param>
/// <param name="Brief">The brief the last analysis stored (empty before the first).</param>
/// <param name="Ach">The ACH snapshot, or null.</param>
/// <param name="Problem">Why the stored brief could not be read, or null.</param>
public sealed record Picture(long Version, BriefReport Brief, AchSnapshot? Ach, string? Problem)
{
    /// <summary>
    /// True when reports were added to the stored picture since <see cref="Brief"/> was built: it is the last brief, not
    /// the current one, and views say so; it is being built again.
    /// </summary>
    public bool Updating { get; init; }
}

/// <summary>An outlet as the Sources view shows it.</summary>
/// <param name="Name">The outlet.</param>
/// <param name="Reliability">The grade the analyst set (A–F), or null.</param>
/// <param name="Notes">The analyst's notes.</param>
/// <param name="Aliases">Other names.</param>
/// <param name="Documents">Its documents in the story.</param>
/// <param name="DocumentGrades">The grades its documents carry in the stored analysis.</param>
/// <param name="Decisions">The grade decisions about it.</param>
/// <param name="ETag">Its version, for If-Match.</param>
public sealed record OutletView(string Name, string? Reliability, string? Notes, IReadOnlyList<string> Aliases, IReadOnlyList<BriefDocument> Documents, IReadOnlyList<string> DocumentGrades, IReadOnlyList<StoredDecision> Decisions, string ETag);

/// <summary>An actor with the analyst's decisions applied.</summary>
/// <param name="Id">Entity id from the stored analysis.</param>
/// <param name="Name">Canonical name.</param>
/// <param name="Type">PERSON, ORG, LOC or MISC.</param>
/// <param name="Aliases">Other names.</param>
/// <param name="Mentions">Where it is mentioned.</param>
/// <param name="Decisions">The decisions that shaped it.</param>
/// <param name="ETag">Its version, for If-Match.</param>
public sealed record ActorView(string Id, string Name, string Type, IReadOnlyList<string> Aliases, IReadOnlyList<BriefSpan> Mentions, IReadOnlyList<StoredDecision> Decisions, string ETag);

/// <summary>The ACH matrix as the Hypotheses view shows it.</summary>
/// <param name="Hypotheses">Hypotheses with scores and ratings.</param>
/// <param name="Ach">Evidence rows, rankings, diagnosticity and linchpins; null before the first analysis.</param>
/// <param name="UnknownRatings">Ratings that name evidence or a hypothesis the analysis does not hold.</param>
/// <param name="ETag">Version of the hypotheses and ratings, for If-Match.</param>
public sealed record AchView(IReadOnlyList<BriefHypothesis> Hypotheses, BriefAch? Ach, IReadOnlyList<string> UnknownRatings, string ETag);

/// <summary>Entity tags: a short hash of what a resource's version depends on.</summary>
public static class ETags
{
    /// <summary>A strong entity tag (quoted) over the parts.</summary>
    public static string Of(params string[] parts)
    {
        ArgumentNullException.ThrowIfNull(parts);
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\u001E', parts)));
        return "\"" + Convert.ToHexStringLower(hash.AsSpan(0, 8)) + "\"";
    }
}
