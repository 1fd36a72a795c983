using Shouldly;
using Sitrep.Documents;
using Sitrep.Pipeline;
using Sitrep.Time.Timeline;

namespace Sitrep.Tests.Time;

/// <summary>Issue 19 item 3: one entry per event, and two events never in one entry.</summary>
public class TimelineMergeTests
{
    private static readonly DateTimeOffset SaturdayNoon = new(2023, 6, 24, 12, 0, 0, TimeSpan.FromHours(3));

    private static Document Doc(string text, string path, DateTimeOffset? published) =>
        Document.Create(text, path).WithSource(new Source(Published: published)).Build();

    private static IReadOnlyList<TimelineEntry> Timeline(TimelineStage stage, params Document[] documents)
    {
        var corpus = new Corpus([.. documents.Select(TimexStageTests.Run)]);
        stage.Process(corpus, CancellationToken.None);
        return corpus.Layers.Get<TimelineLayer>().Entries;
    }

    private static readonly Document Post = Doc("New video: the Wagner chief chats with two generals in the courtyard, at 07:34 on 24 June 2023.", "post.txt", SaturdayNoon);
    private static readonly Document Wire = Doc("Prigozhin was filmed sitting across a table from senior officers early on Saturday.", "wire.txt", SaturdayNoon);

    [Fact]
    public void WhenTwoReportsOfOneTimeShareFewWords_TheyStayApartWithoutMeaning() =>
        Timeline(new TimelineStage(), Post, Wire).Count.ShouldBe(2);

    [Fact]
    public void WhenTheirMeaningIsCloseAndTheModelSaysSame_TheyAreOneEntry()
    {
        var entry = Timeline(new TimelineStage(meaning: new FakeMeaning(0.9f)), Post, Wire).ShouldHaveSingleItem();
        entry.Docs.Count.ShouldBe(2);
        entry.When.ShouldBe("2023-06-24T07:34+03:00");
    }

    [Fact]
    public void WhenTheModelSaysDifferent_TheyStayApartHoweverCloseTheirMeaning() =>
        Timeline(new TimelineStage(meaning: new FakeMeaning(0.02f)), Post, Wire).Count.ShouldBe(2);

    [Fact]
    public void WhenTheyPutDifferentPeopleFirst_TheyStayApart()
    {
        var stage = new TimelineStage(meaning: new FakeMeaning(0.9f), protagonistOf: (_, span) => span.DocumentId == Post.Id ? "person:a" : "person:b");
        Timeline(stage, Post, Wire).Count.ShouldBe(2);
    }

    [Fact]
    public void WhenASentenceDatesTwoThings_EachDateIsComparedByItsOwnClause()
    {
        var entries = Timeline(
            new TimelineStage(),
            Doc("Moscow remained under a counter-terrorism regime late on Saturday, and the mayor said Monday would be a day off for most residents.", "a.txt", SaturdayNoon),
            Doc("Moscow lifted its counter-terrorism regime on Monday morning, officials said.", "b.txt", new DateTimeOffset(2023, 6, 26, 16, 0, 0, TimeSpan.FromHours(3))));
        entries.Count(e => e.When.StartsWith("2023-06-26", StringComparison.Ordinal)).ShouldBe(2);
    }

    [Fact]
    public void WhenAClauseIsDatedByTheSameNight_ItIsComparedOnItsOwnAndJoinsItsOwnEvent()
    {
        var friday = new DateTimeOffset(2023, 6, 24, 9, 0, 0, TimeSpan.FromHours(3));
        var analyst = Doc("His grievance about a ministry strike on a Wagner camp surfaced on the evening of 23 June; the security service opened a criminal case the same night.", "analyst.txt", new DateTimeOffset(2023, 6, 28, 9, 0, 0, TimeSpan.Zero));
        var entries = Timeline(
            new TimelineStage(),
            Doc("Prigozhin accused the ministry of a rocket strike on a Wagner camp on Friday evening.", "wire.txt", friday),
            Doc("The security service opened a criminal case for armed mutiny on 23 June 2023.", "feed.txt", friday),
            analyst);
        entries.Count.ShouldBe(2);
        entries.ShouldAllBe(e => e.Docs.Contains(analyst.Id) && e.Docs.Count == 2);
    }

    /// <summary>Every text gets the same vector (cosine 1); the same-event model answers a fixed probability.</summary>
    private sealed class FakeMeaning(float same) : IEventMeaning
    {
        public float[][] Encode(IReadOnlyList<string> texts, CancellationToken cancellationToken) => [.. texts.Select(_ => new[] { 1f, 0f })];

        public float SameEvent(string a, float[] aVector, string b, float[] bVector) => same;
    }
}
