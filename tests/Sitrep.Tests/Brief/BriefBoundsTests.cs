using System.Text.Json;
using Shouldly;
using Sitrep.Brief.Building;
using Sitrep.Brief.Model;

namespace Sitrep.Tests.Brief;

/// <summary>A bounded brief keeps the front part, what it cites and the top of each section (issue 16); built by hand.</summary>
public sealed class BriefBoundsTests
{
    private static BriefDocument Doc(string id) => new()
    {
        Id = id,
        Path = id + ".txt",
        Kind = "article",
        Source = new BriefSource("Outlet " + id, null, null, "2023-06-24T10:00:00+00:00", "B"),
        ContentHash = id,
    };

    private static BriefClaim Claim(string id, string doc, string text) => new()
    {
        Id = id,
        Doc = doc,
        Start = 0,
        End = text.Length,
        Text = text,
        Attribution = new BriefAttribution("author", null, "author"),
        Polarity = "positive",
        Kind = "event",
    };

    /// <summary>
    /// A story of <paramref name="documents"/> reports: each makes its own claim and repeats the one claim every report
    /// makes; every own claim is a proposition of one source, the shared one a proposition of all of them.
    /// </summary>
    private static BriefReport Story(int documents)
    {
        var docs = Enumerable.Range(0, documents).Select(i => Doc($"d{i}")).ToList();
        var own = docs.Select((d, i) => Claim($"{d.Id}-c1", d.Id, $"Report {i} says the convoy reached checkpoint {i}.")).ToList();
        var shared = docs.Select(d => Claim($"{d.Id}-c2", d.Id, "Officials said the bridge was destroyed on Monday.") with { Start = 100, End = 150 }).ToList();
        var propositions = own.Select((c, i) => new BriefProposition($"p{i}", c.Text, [c.Id], [new BriefStance(c.Doc, null, "support")], 1, "single", 3)
        {
            Cite = new BriefSpan(c.Doc, c.Start, c.End),
        }).ToList();
        var everyone = new BriefProposition("p-shared", shared[0].Text, [.. shared.Select(c => c.Id)], [.. shared.Select((c, i) => new BriefStance(c.Doc, null, i == documents - 1 ? "deny" : "support"))], documents, "contested", 2)
        {
            Cite = new BriefSpan(shared[^1].Doc, shared[^1].Start, shared[^1].End),
        };
        var entity = new BriefEntity("e1", "Kyiv", "LOC", [], [.. docs.Select(d => new BriefSpan(d.Id, 10, 14))]) { MentionCount = documents };
        return new BriefReport
        {
            Generator = new BriefGenerator("sitrep", "test", []),
            Corpus = new BriefCorpus(documents, documents * 200L, documents * 2L, 0),
            Documents = docs,
            Entities = [entity],
            Claims = [.. own, .. shared],
            Propositions = [.. propositions, everyone],
            BottomLine = [new BriefStatement("“Report 7 says the convoy reached checkpoint 7” (1 source).", [new BriefSpan("d7", 0, own[7].End)]) { Proposition = "p7" }],
        };
    }

    [Fact]
    public void WhenTheEvidenceExceedsTheLimits_TheBriefKeepsTheTopEntriesAndCountsWhatItLeftOut()
    {
        var bounded = BriefBounds.Apply(Story(500), BriefLimits.Default);

        bounded.Propositions.Count.ShouldBe(BriefLimits.Default.Propositions);
        bounded.Omitted.ShouldNotBeNull();
        bounded.Omitted.Propositions.ShouldBe(501 - BriefLimits.Default.Propositions);
        bounded.Omitted.Documents.ShouldBe(500 - bounded.Documents.Count);
        bounded.Omitted.Claims.ShouldBe(1000 - bounded.Claims.Count);
        bounded.Corpus.DocumentCount.ShouldBe(500, "the corpus totals count the whole corpus");
    }

    [Fact]
    public void TheContestedPropositionAndTheFrontPartsPropositionAreKept_WithTheirDenialBeforeMoreSupport()
    {
        var bounded = BriefBounds.Apply(Story(500), BriefLimits.Default);

        bounded.Propositions.Select(p => p.Id).ShouldContain("p-shared");
        bounded.Propositions.Select(p => p.Id).ShouldContain("p7");
        var shared = bounded.Propositions.Single(p => p.Id == "p-shared");
        shared.Stances.Count.ShouldBe(BriefLimits.Default.PerItem);
        shared.Stances.ShouldContain(s => s.Stance == "deny");
        shared.Claims.Count.ShouldBe(BriefLimits.Default.PerItem);
        bounded.Omitted!.Stances.ShouldBe(500 - BriefLimits.Default.PerItem);
    }

    [Fact]
    public void EveryKeptReferenceResolves_ClaimsToClaimsAndCitationsToDocuments()
    {
        var bounded = BriefBounds.Apply(Story(500), BriefLimits.Default);
        var claims = bounded.Claims.Select(c => c.Id).ToHashSet(StringComparer.Ordinal);
        var docs = bounded.Documents.Select(d => d.Id).ToHashSet(StringComparer.Ordinal);

        bounded.Propositions.SelectMany(p => p.Claims).ShouldAllBe(id => claims.Contains(id));
        bounded.Propositions.SelectMany(p => p.Stances).ShouldAllBe(s => docs.Contains(s.Doc));
        bounded.Claims.ShouldAllBe(c => docs.Contains(c.Doc));
        bounded.BottomLine.SelectMany(b => b.Cites).ShouldAllBe(c => docs.Contains(c.Doc));
        bounded.Entities.Single().Mentions.ShouldAllBe(m => docs.Contains(m.Doc));
    }

    [Fact]
    public void AnEntityKeepsSomeMentionsAndItsCountOfAll()
    {
        var entity = BriefBounds.Apply(Story(500), BriefLimits.Default).Entities.Single();

        entity.Mentions.Count.ShouldBe(BriefLimits.Default.PerItem);
        entity.MentionCount.ShouldBe(500);
        entity.TotalMentions.ShouldBe(500);
    }

    [Fact]
    public void AStoryTenTimesLargerGivesABriefOfAboutTheSameSize()
    {
        var small = JsonSerializer.Serialize(BriefBounds.Apply(Story(300), BriefLimits.Default), BriefJsonContext.Default.BriefReport).Length;
        var large = JsonSerializer.Serialize(BriefBounds.Apply(Story(3000), BriefLimits.Default), BriefJsonContext.Default.BriefReport).Length;

        large.ShouldBeLessThan(small * 11 / 10, $"bounded: {small:N0} chars for 300 reports, {large:N0} for 3,000");
    }

    [Fact]
    public void WhenEverythingFits_NothingIsLeftOut()
    {
        var story = Story(10);
        var bounded = BriefBounds.Apply(story, BriefLimits.Default);

        bounded.Omitted.ShouldNotBeNull();
        bounded.Omitted.Sections().ShouldBeEmpty();
        bounded.Propositions.ShouldBe(story.Propositions);
        bounded.Claims.ShouldBe(story.Claims);
        bounded.Documents.ShouldBe(story.Documents);
    }

    [Fact]
    public void AFullBriefSaysNothingWasLeftOutWithANullOmitted()
    {
        var json = JsonSerializer.Serialize(Story(10), BriefJsonContext.Default.BriefReport);

        JsonDocument.Parse(json).RootElement.GetProperty("omitted").ValueKind.ShouldBe(JsonValueKind.Null);
    }
}
