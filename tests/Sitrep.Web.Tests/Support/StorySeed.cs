using Sitrep.Brief.Model;
using Sitrep.Documents;
using Sitrep.Hypotheses;
using Sitrep.Hypotheses.Matrix;
using Sitrep.Storage;
using Sitrep.Storage.Sqlite;

namespace Sitrep.Web.Tests.Support;

/// <summary>
/// A small story built by hand, stored as the analysis would store it (documents, brief snapshot, ACH snapshot): three
/// reports about one event, one of them hostile (markup and script in its title, author, outlet and text).
/// </summary>
public static class StorySeed
{
    public const string Hostile = "<script>alert('x')</script>";

    public const string HostileTitle = "</script><script>document.title='pwned'</script><title>pwned";

    public const string HostileAuthor = "<img src=x onerror=\"alert('author')\">";

    public const string HostileOutlet = "Evil<svg onload=alert('outlet')>";

    public static readonly string WireText =
        "Wagner fighters seized the army headquarters in Rostov on 24 June 2023, the agency reported. Yevgeny Prigozhin said his men controlled the city.";

    public static readonly string DenialText =
        "The Kremlin denied that Wagner fighters seized the headquarters in Rostov. Prigozhin was said to be in Belarus.";

    public static readonly string HostileText =
        "<script>alert('text')</script> Wagner fighters seized the headquarters in Rostov, <svg onload=alert(1)> a blogger wrote. " +
        "javascript:alert('link') <style>body{display:none}</style> <a href=\"javascript:alert(2)\">click</a> \" onmouseover=\"alert(3)";

    public sealed record Seeded(string DbPath, Document Wire, Document Denial, Document Evil)
    {
        /// <summary>How many documents the seeded brief lists.</summary>
        public int DocumentCount => 3;
    }

    public static Seeded Create(string directory)
    {
        Directory.CreateDirectory(directory);
        var db = Path.Combine(directory, "story.db");
        var wire = Document.Create(WireText, "reports/wire.txt").WithKind(DocumentKind.Article).WithTitle("Rostov seized")
            .WithSource(new Source("Wire Agency", "A. Reporter", "https://wire.example/rostov", new DateTimeOffset(2023, 6, 24, 9, 0, 0, TimeSpan.Zero), Reliability.B)).Build();
        var denial = Document.Create(DenialText, "reports/denial.txt").WithKind(DocumentKind.Article).WithTitle("Kremlin denies")
            .WithSource(new Source("State Daily", null, null, new DateTimeOffset(2023, 6, 25, 12, 0, 0, TimeSpan.Zero), Reliability.D)).Build();
        var evil = Document.Create(HostileText, "reports/evil.html").WithKind(DocumentKind.Article).WithTitle(HostileTitle)
            .WithSource(new Source(HostileOutlet, HostileAuthor, "javascript:alert('url')", new DateTimeOffset(2023, 6, 24, 18, 0, 0, TimeSpan.Zero), Reliability.E)).Build();
        using var store = SqliteDocumentStore.Open(db);
        store.Save([new StoredDocument(wire, []), new StoredDocument(denial, []), new StoredDocument(evil, [])]);
        store.SetSetting(BriefSnapshot.Key, BriefSnapshot.ToJson(Brief(wire, denial, evil)));
        store.SetSetting(AchSnapshot.Key, Ach(wire, denial, evil).ToJson());
        return new Seeded(db, wire, denial, evil);
    }

    public static BriefReport Brief(Document wire, Document denial, Document evil)
    {
        BriefSpan Cite(Document d, string phrase)
        {
            var at = d.Text.IndexOf(phrase, StringComparison.Ordinal);
            return new BriefSpan(d.Id, at, at + phrase.Length);
        }

        BriefDocument Doc(Document d) => new()
        {
            Id = d.Id,
            Path = d.Path,
            Title = d.Title,
            Kind = "article",
            Source = new BriefSource(d.Source.Outlet, d.Source.Author, d.Source.Url, d.Source.Published?.ToString("O", System.Globalization.CultureInfo.InvariantCulture), d.Source.Reliability?.ToString()),
            Length = d.Text.Length,
            ContentHash = d.Id,
        };

        BriefClaim Claim(string id, Document d, string phrase, string holder, string polarity, string? eventTime)
        {
            var span = Cite(d, phrase);
            return new BriefClaim
            {
                Id = id,
                Doc = d.Id,
                Start = span.Start,
                End = span.End,
                Text = phrase,
                Attribution = new BriefAttribution(holder, null),
                Polarity = polarity,
                Kind = "event",
                EventTime = eventTime,
                ReportTime = d.Source.Published?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            };
        }

        var seized = Cite(wire, "Wagner fighters seized the army headquarters in Rostov");
        var hostileClaim = "Wagner fighters seized the headquarters in Rostov, <svg onload=alert(1)> a blogger wrote.";
        return new BriefReport
        {
            Generator = new BriefGenerator("sitrep", "test", ["seed"]),
            Corpus = new BriefCorpus(3, wire.Text.Length + denial.Text.Length + evil.Text.Length, 6, 0),
            BottomLine = [new BriefStatement("Wagner fighters seized the army headquarters in Rostov; the Kremlin denied it.", [seized]) { Proposition = "P1" }],
            KeyJudgments = [new BriefJudgment("Wagner very likely held Rostov on 24 June " + Hostile, "very likely", "moderate", "two independent sources", [seized]) { Proposition = "P1" }],
            Status = new BriefStatus(
                [new BriefStatusItem("Rostov headquarters seized", "2 sources", [seized]) { Proposition = "P1" }],
                [new BriefStatusItem("Whether Wagner seized the headquarters " + Hostile, "denied by the Kremlin", [Cite(denial, "The Kremlin denied")]) { Proposition = "P2", Label = "the headquarters" }],
                [],
                []),
            ActorsThatMatter = [new BriefActor("E1", "Yevgeny Prigozhin", "PERSON", "leader", 2, 2, [])],
            Documents = [Doc(wire), Doc(denial), Doc(evil)],
            Entities =
            [
                new BriefEntity("E1", "Yevgeny Prigozhin", "PERSON", ["Prigozhin"], [Cite(wire, "Yevgeny Prigozhin"), Cite(denial, "Prigozhin")]),
                new BriefEntity("E2", "Wagner", "ORG", [], [Cite(wire, "Wagner"), Cite(denial, "Wagner")]),
                new BriefEntity("E3", "Wagner fighters", "ORG", [], [Cite(evil, "Wagner fighters")]),
                new BriefEntity("E4", "Rostov", "LOC", [], [Cite(wire, "Rostov")]),
                new BriefEntity("E5", "Evil<script>alert('entity')</script>", "MISC", [], [Cite(evil, "blogger")]),
            ],
            Claims =
            [
                Claim("C1", wire, "Wagner fighters seized the army headquarters in Rostov", "the agency", "positive", "2023-06-24"),
                Claim("C2", wire, "Yevgeny Prigozhin said his men controlled the city", "Yevgeny Prigozhin", "positive", "2023-06-24"),
                Claim("C3", denial, "The Kremlin denied that Wagner fighters seized the headquarters in Rostov", "The Kremlin", "negative", "2023-06-24"),
                Claim("C4", evil, hostileClaim, HostileAuthor, "positive", "2023-06-24"),
            ],
            Propositions =
            [
                new BriefProposition("P1", "Wagner fighters seized the headquarters in Rostov", ["C1", "C3", "C4"], [new BriefStance(wire.Id, null, "support"), new BriefStance(denial.Id, null, "deny"), new BriefStance(evil.Id, null, "support")], 2, "contested", 3) { Cite = seized, Support = 0.7, Denial = 0.3 },
                new BriefProposition("P2", "Prigozhin controlled the city", ["C2"], [new BriefStance(wire.Id, null, "support")], 1, "single-source", 4) { Cite = Cite(wire, "Yevgeny Prigozhin said his men controlled the city") },
            ],
            Contradictions = [new BriefContradiction("C1", "C3", "denial", "the Kremlin denies what the agency reports " + Hostile) { Proposition = "P1" }],
            Timeline =
            [
                new BriefTimelineEntry("2023-06-24", "2023-06-24", "Wagner seizes Rostov headquarters", ["C1"], [wire.Id], [seized]),
                new BriefTimelineEntry("2023-06-24", "2023-06-25", "Kremlin denial " + Hostile, ["C3"], [denial.Id], [Cite(denial, "The Kremlin denied")]),
                new BriefTimelineEntry("2023-06-23", "2023-06-24", "Prigozhin controls the city", ["C2"], [wire.Id], [Cite(wire, "Yevgeny Prigozhin said his men controlled the city")]),
            ],
        };
    }

    public static AchSnapshot Ach(Document wire, Document denial, Document evil)
    {
        Span At(Document d, string phrase)
        {
            var at = d.Text.IndexOf(phrase, StringComparison.Ordinal);
            return new Span(d.Id, at, at + phrase.Length);
        }

        var suggested = new[]
        {
            new Hypothesis("S1", "Wagner staged a mutiny to seize power", HypothesisOrigin.Suggested, []),
            new Hypothesis("S2", "The march was a negotiated show of force", HypothesisOrigin.Suggested, []),
        };
        var evidence = new[]
        {
            new Evidence("P1", "Wagner fighters seized the headquarters in Rostov", 3, "contested", ["B", "D"], "2023-06-24", "2023-06-24", [At(wire, "Wagner fighters seized the army headquarters in Rostov")], ["wagner", "seized", "rostov"], []),
            new Evidence("P2", "Prigozhin controlled the city", 4, "single-source", ["B"], "2023-06-24", "2023-06-24", [At(wire, "Yevgeny Prigozhin said his men controlled the city")], ["prigozhin", "controlled", "city"], []),
            new Evidence("P3", "The Kremlin denied the seizure " + Hostile, 3, "corroborated", ["D"], "2023-06-25", "2023-06-25", [At(denial, "The Kremlin denied")], ["kremlin", "denied"], []),
        };
        return new AchSnapshot(suggested, evidence);
    }
}
