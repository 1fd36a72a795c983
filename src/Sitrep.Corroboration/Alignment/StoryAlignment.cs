using System.Globalization;
using Sitrep.Claims;
using Sitrep.Pipeline;

namespace Sitrep.Corroboration.Alignment;

/// <summary>
/// Decides whether two claims can speak of the same event: their documents tell the same story (they share the
/// actors and places that matter, weighted by how rare they are in the corpus), their event classes are compatible and
/// their event dates agree. Two quakes in one country, years apart, share many words but neither their dates nor their
/// places, so their figures are never set against each other.
/// </summary>
internal sealed class StoryAlignment
{
    /// <summary>
    /// Below this cosine of their entity profiles two documents are taken to be about different events. Chosen on the
    /// disputes development gold (ECB+ topics that mix two events of one kind): at 0.12, 10 figure pairs set one event's
    /// documents against the other's; at 0.2, one; at 0.3 the sample corpus, one story, starts to split.
    /// </summary>
    internal const double DefaultThreshold = 0.2;

    private const int MaxEventDayGap = 3;

    /// <summary>
    /// Two documents that both name this many of the same people (resolved, full names) tell one story whatever their
    /// entity profiles say. On the disputes development gold no pair of documents from a topic's two events shares two
    /// such people, while 81 pairs of one event whose profiles fall under <see cref="DefaultThreshold"/> do (an accused and
    /// his victim, a mother and her son; the profiles miss them when one report names many officials or places the other
    /// does not).
    /// </summary>
    internal const int SharedPeopleForStory = 2;

    private readonly Dictionary<string, HashSet<string>> _people = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Dictionary<string, double>> _profiles = new(StringComparer.Ordinal);
    private readonly Dictionary<(string, string), double> _similarities = [];
    private readonly double _threshold;

    private StoryAlignment(double threshold) => _threshold = threshold;

    /// <summary>Builds the profiles of every document of the corpus.</summary>
    /// <param name="corpus">The corpus.</param>
    /// <param name="entitiesOf">The resolved entities mentioned in a document (one item per mention), or null when unknown.</param>
    /// <param name="threshold">Cosine under which two documents tell different stories.</param>
    /// <param name="peopleOf">The resolved people with a full name a document mentions (ids), or null when unknown.</param>
    public static StoryAlignment Build(Corpus corpus, Func<Corpus, string, IReadOnlyList<string>>? entitiesOf, double threshold = DefaultThreshold, Func<Corpus, string, IReadOnlyList<string>>? peopleOf = null)
    {
        var alignment = new StoryAlignment(threshold);
        if (peopleOf is not null)
        {
            foreach (var doc in corpus.Documents)
            {
                alignment._people[doc.Document.Id] = [.. peopleOf(corpus, doc.Document.Id)];
            }
        }

        if (entitiesOf is null)
        {
            return alignment;
        }

        var counts = new Dictionary<string, Dictionary<string, int>>(StringComparer.Ordinal);
        var documentFrequency = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var doc in corpus.Documents)
        {
            var c = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var e in entitiesOf(corpus, doc.Document.Id))
            {
                c[e] = c.GetValueOrDefault(e) + 1;
            }

            counts[doc.Document.Id] = c;
            foreach (var e in c.Keys)
            {
                documentFrequency[e] = documentFrequency.GetValueOrDefault(e) + 1;
            }
        }

        var n = counts.Count;
        foreach (var (id, c) in counts)
        {
            var v = new Dictionary<string, double>(StringComparer.Ordinal);
            var norm = 0.0;
            foreach (var (e, k) in c)
            {
                // Smoothed so that the actors every report names still count: a one-story corpus shares them all.
                var w = (1 + Math.Log(k)) * Math.Log(1.0 + ((double)n / documentFrequency[e]));
                if (w > 0)
                {
                    v[e] = w;
                    norm += w * w;
                }
            }

            norm = Math.Sqrt(norm);
            foreach (var e in v.Keys.ToList())
            {
                v[e] /= norm;
            }

            alignment._profiles[id] = v;
        }

        return alignment;
    }

    /// <summary>Cosine of two documents' entity profiles; 1 for the same document or when either has no profile.</summary>
    public double Similarity(string a, string b)
    {
        if (string.Equals(a, b, StringComparison.Ordinal) || !_profiles.TryGetValue(a, out var pa) || !_profiles.TryGetValue(b, out var pb) || pa.Count == 0 || pb.Count == 0)
        {
            return 1;
        }

        var key = string.CompareOrdinal(a, b) < 0 ? (a, b) : (b, a);
        lock (_similarities)
        {
            if (_similarities.TryGetValue(key, out var cached))
            {
                return cached;
            }
        }

        var (small, large) = pa.Count <= pb.Count ? (pa, pb) : (pb, pa);
        var dot = 0.0;
        foreach (var (e, w) in small)
        {
            if (large.TryGetValue(e, out var w2))
            {
                dot += w * w2;
            }
        }

        lock (_similarities)
        {
            _similarities[key] = dot;
        }

        return dot;
    }

    /// <summary>
    /// True when the two documents may report the same event: their entity profiles are close, or they name
    /// <see cref="SharedPeopleForStory"/> of the same people.
    /// </summary>
    public bool SameStory(string a, string b) => Similarity(a, b) >= _threshold || SharedPeople(a, b) >= SharedPeopleForStory;

    /// <summary>
    /// True when the two documents name at least one of the same people (full names): a named participant the two
    /// reports share. Without people known for either document, true.
    /// </summary>
    public bool SharePerson(string a, string b) =>
        string.Equals(a, b, StringComparison.Ordinal) || _people.Count == 0 || SharedPeople(a, b) >= 1;

    /// <summary>How many of the same people (full names) the two documents name.</summary>
    public int SharedPeople(string a, string b) =>
        _people.TryGetValue(a, out var pa) && _people.TryGetValue(b, out var pb) ? (pa.Count <= pb.Count ? pa.Count(pb.Contains) : pb.Count(pa.Contains)) : 0;

    /// <summary>
    /// Why two claims cannot be about the same event, or null when they may be: different stories, incompatible event
    /// classes, or event dates that differ.
    /// </summary>
    /// <param name="documentA">The first claim's document.</param>
    /// <param name="a">The first claim.</param>
    /// <param name="documentB">The second claim's document.</param>
    /// <param name="b">The second claim.</param>
    public string? Mismatch(string documentA, Claim a, string documentB, Claim b)
    {
        if (!SameStory(documentA, documentB))
        {
            return "the documents tell different stories";
        }

        if (!Claims.Frames.EventClasses.AreCompatible(a.Frame.EventClass, b.Frame.EventClass))
        {
            return $"different events ({a.Frame.EventClass} vs {b.Frame.EventClass})";
        }

        return DateMismatch(a.EventTime, a.ReportTime, b.EventTime, b.ReportTime);
    }

    /// <summary>
    /// Why two event dates cannot be one event's, or null: different years, days more than a few apart, or an event
    /// dated after the other claim was reported (a report cannot tell of what has not happened yet).
    /// </summary>
    internal static string? DateMismatch(string? eventA, string? reportA, string? eventB, string? reportB)
    {
        var da = DateOf(eventA);
        var db = DateOf(eventB);
        if (da is { } x && db is { } y)
        {
            if (x.Year != y.Year)
            {
                return $"different years ({x.Year} vs {y.Year})";
            }

            if (x.Precise && y.Precise && Math.Abs(x.Date.DayNumber - y.Date.DayNumber) > MaxEventDayGap)
            {
                return string.Create(CultureInfo.InvariantCulture, $"different dates ({x.Date:yyyy-MM-dd} vs {y.Date:yyyy-MM-dd})");
            }
        }

        if (da is { Precise: true } ea && DateOf(reportB) is { Precise: true } rb && ea.Date.DayNumber > rb.Date.DayNumber + 1)
        {
            return string.Create(CultureInfo.InvariantCulture, $"one event is dated {ea.Date:yyyy-MM-dd}, after the other report ({rb.Date:yyyy-MM-dd})");
        }

        if (db is { Precise: true } eb && DateOf(reportA) is { Precise: true } ra && eb.Date.DayNumber > ra.Date.DayNumber + 1)
        {
            return string.Create(CultureInfo.InvariantCulture, $"one event is dated {eb.Date:yyyy-MM-dd}, after the other report ({ra.Date:yyyy-MM-dd})");
        }

        return null;
    }

    /// <summary>The date of a TIMEX3 value: a year, or a day when the value names one.</summary>
    private static (int Year, DateOnly Date, bool Precise)? DateOf(string? timex)
    {
        if (timex is null || timex.Length < 4 || !int.TryParse(timex.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture, out var year) || year is < 1 or > 9999)
        {
            return null;
        }

        if (timex.Length >= 10 && DateOnly.TryParseExact(timex.AsSpan(0, 10), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return (year, date, true);
        }

        return (year, new DateOnly(year, 1, 1), false);
    }
}
