using Shouldly;
using Sitrep.Brief.Building;
using Sitrep.Brief.Model;
using Sitrep.Brief.Rendering;
using static Sitrep.Tests.Brief.BriefFixtures;

namespace Sitrep.Tests.Brief;

/// <summary>
/// The front part reads the figures and judgments as an analyst would: a hedged source is never made surer, one count
/// of one event is one row, Unresolved names only rows the table shows, and an amount said in words that clashes with
/// nothing stays out of the table.
/// </summary>
public sealed class FrontPartFigureTests
{
    private static readonly Dictionary<string, string> NoTexts = [];

    [Fact]
    public void AHedgedSourcesEstimateIsNeverMadeSitrepsJudgment_LetAloneASurerOne()
    {
        BriefClaim[] claims =
        [
            Claim("a-c1", "a", "Aircrew deaths on the Saturday were likely between 9 and 11.", new BriefModality("likely", 0.55, 0.8, "likely")),
            Claim("b-c1", "b", "Aircrew deaths on the Saturday were likely between 9 and 11, the agency said.", new BriefModality("likely", 0.55, 0.8, "likely")),
            Claim("c-c1", "c", "Between 9 and 11 aircrew died on the Saturday, most likely.", new BriefModality("likely", 0.55, 0.8, "likely")),
        ];
        var report = Report(claims, [Proposition("p1", claims, 3, 1)], []);

        // The sources' own "likely" stays theirs: it is never restated as Sitrep's judgment, let alone a surer one.
        FrontPartBuilder.Build(report, NoTexts).KeyJudgments.ShouldBeEmpty();
    }

    [Fact]
    public void AnUnhedgedJudgmentKeepsTheLikelihoodItsSourcesEarn()
    {
        BriefClaim[] claims =
        [
            Claim("a-c1", "a", "Rebel fighters seized the regional army headquarters in the city overnight."),
            Claim("b-c1", "b", "Rebel fighters seized the regional army headquarters in the city."),
            Claim("c-c1", "c", "The regional army headquarters in the city was seized by rebel fighters."),
        ];

        var report = Report(claims, [Proposition("p1", claims, 3, 1)], []);
        FrontPartBuilder.LikelihoodOf(new BriefFacts(report).ById["p1"]).ShouldBe("almost certain");
    }

    [Fact]
    public void CountsOfOneEventThatShareAValueAreOneRow_AndUnresolvedNamesOnlyRowsTheTableShows()
    {
        BriefClaim[] claims =
        [
            Claim("a-c1", "a", "At least 9 airmen were killed when the transport was shot down."),
            Claim("b-c1", "b", "At least 11 soldiers were killed on the Saturday, most of them aircrew."),
            Claim("f-c1", "f", "Nobody died, there were no casualties at all.", post: "p1"),
            Claim("c-c1", "c", "The convoy stopped about 120 km from Tarvin.", start: 200),
            Claim("b-c2", "b", "The convoy stopped 180 km from Tarvin.", start: 200),
            Claim("c-c3", "c", "About 3,000 fighters took part in the march.", start: 400),
            Claim("a-c3", "a", "The fighters numbered 9,000, their commander said.", start: 400),
        ];
        BriefFigure[] figures =
        [
            new("f1", "airmen killed", "dispute", "values differ", [Value(claims[0], "killed", "airmen", "at least 9"), Value(claims[2], "killed", "airmen", "0")], [new BriefContradiction("a-c1", "f-c1", "contradiction", "both cannot hold")]),
            new("f2", "soldiers killed", "dispute", "values differ", [Value(claims[1], "killed", "soldiers", "at least 11"), Value(claims[2], "killed", "soldiers", "0")], [new BriefContradiction("b-c1", "f-c1", "contradiction", "both cannot hold")]),
            new("f3", "distance from Tarvin", "dispute", "values differ", [Value(claims[3], "distance", "tarvin", "about 120 km"), Value(claims[4], "distance", "tarvin", "180 km")], [new BriefContradiction("c-c1", "b-c2", "contradiction", "both cannot hold")]),
            new("f4", "force size", "dispute", "values differ", [Value(claims[5], "force", "fighters", "about 3,000"), Value(claims[6], "force", "fighters", "9,000")], [new BriefContradiction("c-c3", "a-c3", "contradiction", "both cannot hold")]),
        ];

        var brief = FrontPartBuilder.Build(Report(claims, [], figures), NoTexts);

        var killed = brief.Status.Disputed.Where(d => d.Figures.Contains("f1")).ShouldHaveSingleItem();
        killed.Figures.ShouldBe(["f1", "f2"]);
        var row = FrontPartMarkdown.RowOf(brief, killed).ShouldNotBeNull();
        row.Label.ShouldBe("killed");
        FrontPartMarkdown.FigureRows(row).Select(r => r.Value).ShouldBe(["at least 9 airmen", "0", "at least 11 soldiers"], ignoreOrder: true);

        var shown = brief.Status.Disputed.Where(d => d.Figure is not null).SelectMany(d => d.Figures).ToHashSet();
        foreach (var open in brief.Status.Open.Where(o => o.Text.StartsWith("No value", StringComparison.Ordinal)))
        {
            foreach (var figure in figures.Where(f => !shown.Contains(f.Id)))
            {
                open.Text.ShouldNotContain(figure.Label);
            }
        }
    }

    /// <summary>
    /// A commenter's "there were no casualties at all" is a claim of none, not a count of 0: beside outlets' counts the
    /// row shows the words the source used (brief7: the sample's "killed" row read "0 — a commenter …").
    /// </summary>
    [Fact]
    public void AZeroSaidInWordsIsShownWithThoseWords_NeverAsABareZero()
    {
        BriefClaim[] claims =
        [
            Claim("a-c1", "a", "At least 9 airmen were killed when the transport was shot down."),
            Claim("f-c1", "f", "It was theatre, there were no casualties at all.", post: "p1"),
        ];
        var zero = new BriefFigureValue(claims[1].Id, claims[1].Doc, "0", new BriefMeasure("killed", "people", 0, 0, "people", "no casualties", 15, 28), null, null, new BriefSpan("f", 0, 30));
        BriefFigure[] figures =
        [
            new("f1", "killed", "dispute", "values differ", [Value(claims[0], "killed", "airmen", "at least 9"), zero], [new BriefContradiction("a-c1", "f-c1", "contradiction", "both cannot hold")]),
        ];

        var brief = FrontPartBuilder.Build(Report(claims, [], figures), NoTexts);

        var row = FrontPartMarkdown.RowOf(brief, brief.Status.Disputed.Where(d => d.Figure == "f1").ShouldHaveSingleItem()).ShouldNotBeNull();
        FrontPartMarkdown.FigureRows(row).Select(r => r.Value).ShouldBe(["at least 9", "none (‘no casualties’)"], ignoreOrder: true);
    }

    [Fact]
    public void AnAmountSaidInWordsThatClashesWithNothingStaysOutOfTheTable()
    {
        BriefClaim[] claims =
        [
            Claim("a-c1", "a", "The fighters numbered 9,000, their commander said."),
            Claim("b-c1", "b", "About 3,000 fighters took part in the march."),
            Claim("c-c1", "c", "Thousands of fighters waited for their orders."),
        ];
        var figure = new BriefFigure(
            "f1",
            "force size",
            "dispute",
            "values differ",
            [Value(claims[0], "force", "fighters", "9,000"), Value(claims[1], "force", "fighters", "about 3,000"), Value(claims[2], "force", "fighters", "thousands")],
            [new BriefContradiction("a-c1", "b-c1", "contradiction", "both cannot hold")]);

        FrontPartMarkdown.FigureRows(figure).Select(r => r.Value).ShouldBe(["9,000", "about 3,000"]);
    }

    /// <summary>
    /// Three outlets agree the convoy stopped 120 km out, and the Disputed table sets 120 against 180 km: the agreed value
    /// is no judgment and no confirmed fact ("not disputed" beside a disputed row), whichever figure the finder put it in
    /// (the sample's "about 200 kilometres from Moscow" was in a consistent figure split off the disputed one).
    /// </summary>
    [Fact]
    public void AValueOfADisputedQuantityIsNeitherAJudgmentNorConfirmed_WhateverFigureItFellIn()
    {
        var distance = new BriefFrame("move", "stopped", [new BriefMeasure("distance", "tarvin", 120, 120, "km", "120 km", 30, 36)]);
        BriefClaim[] agreed =
        [
            BriefFixtures.Claim("a-c1", "a", "The convoy stopped 120 km from Tarvin.", frame: distance),
            BriefFixtures.Claim("b-c1", "b", "The convoy stopped 120 km from Tarvin, officials said.", frame: distance),
            BriefFixtures.Claim("c-c1", "c", "The convoy halted 120 km from Tarvin.", frame: distance),
        ];
        var other = Claim("d-c1", "d", "The convoy stopped 180 km from Tarvin.", start: 200);
        BriefFigure[] figures =
        [
            new("f1", "distance from Tarvin", "dispute", "values differ", [Value(agreed[0], "distance", "tarvin", "120 km"), Value(other, "distance", "tarvin", "180 km")], [new BriefContradiction("a-c1", "d-c1", "contradiction", "both cannot hold")]),
        ];
        BriefClaim[] seized =
        [
            Claim("a-c2", "a", "Rebel fighters seized the regional army headquarters in the city overnight.", start: 400),
            Claim("b-c2", "b", "Rebel fighters seized the regional army headquarters in the city.", start: 400),
            Claim("c-c2", "c", "The regional army headquarters in the city was seized by rebel fighters.", start: 400),
        ];
        var report = Report([.. agreed, other, .. seized], [Proposition("p1", seized, 3, 1), Proposition("p2", agreed, 3, 1)], figures);

        var brief = FrontPartBuilder.Build(report, NoTexts);

        brief.KeyJudgments.ShouldNotContain(j => j.Proposition == "p2");
        brief.Status.Confirmed.ShouldNotContain(c => c.Proposition == "p2");
        brief.Status.Disputed.ShouldContain(d => d.Figure == "f1");

        // Without the dispute, the same three reports make a judgment or a confirmed fact.
        var calm = FrontPartBuilder.Build(Report([.. agreed, other, .. seized], [Proposition("p1", seized, 3, 1), Proposition("p2", agreed, 3, 1)], []), NoTexts);
        (calm.KeyJudgments.Any(j => j.Proposition == "p2") || calm.Status.Confirmed.Any(c => c.Proposition == "p2") || calm.BottomLine.Any(b => b.Proposition == "p2")).ShouldBeTrue();
    }

    [Fact]
    public void AStatementThatLeansOnAPronounIsNeitherAJudgmentNorConfirmed()
    {
        BriefClaim[] leaning =
        [
            Claim("a-c1", "a", "It was his first public appearance since the revolt."),
            Claim("b-c1", "b", "It was his first public appearance since the revolt."),
            Claim("c-c1", "c", "It was his first public appearance since the revolt."),
        ];
        BriefClaim[] seized =
        [
            Claim("a-c2", "a", "Rebel fighters seized the regional army headquarters in the city overnight.", start: 400),
            Claim("b-c2", "b", "Rebel fighters seized the regional army headquarters in the city.", start: 400),
            Claim("c-c2", "c", "The regional army headquarters in the city was seized by rebel fighters.", start: 400),
        ];
        var brief = FrontPartBuilder.Build(Report([.. leaning, .. seized], [Proposition("p1", seized, 3, 1), Proposition("p2", leaning, 3, 1)], []), NoTexts);

        brief.KeyJudgments.ShouldNotContain(j => j.Proposition == "p2");
        brief.Status.Confirmed.ShouldNotContain(c => c.Proposition == "p2");
    }

    /// <summary>
    /// Over the word budget, key judgments beyond three and confirmed facts beyond one go before a disputed figure's row: the
    /// sample lost its "killed" row to a longer confirmed item.
    /// </summary>
    [Fact]
    public void OverTheBudgetJudgmentsBeyondThreeAndConfirmedFactsGoBeforeADisputedRow()
    {
        var words = string.Join(' ', Enumerable.Repeat("the column moved north along the highway", 16));
        BriefSpan[] cite = [new BriefSpan("a", 0, 10)];
        var judgments = Enumerable.Range(1, 5).Select(i => new BriefJudgment(words, "likely", "moderate", "2 sources", cite)).ToList();
        var confirmed = Enumerable.Range(1, 3).Select(i => new BriefStatusItem(words, "2 sources", cite)).ToList();
        var disputed = Enumerable.Range(1, 3).Select(i => new BriefStatusItem($"figure {i}: 10 against 20", "values differ", cite)).ToList();
        var report = Report([], [], []) with { KeyJudgments = judgments, Status = new BriefStatus(confirmed, disputed, [], []) };
        FrontPartBuilder.WordCount(report).ShouldBeGreaterThan(FrontPartBuilder.WordBudget);

        var trimmed = FrontPartBuilder.Trim(report);

        trimmed.KeyJudgments.Count.ShouldBeLessThan(5);
        trimmed.Status.Confirmed.Count.ShouldBeLessThan(3);
        trimmed.Status.Disputed.Count.ShouldBe(3);
        FrontPartBuilder.WordCount(trimmed).ShouldBeLessThanOrEqualTo(FrontPartBuilder.WordBudget);
    }

    private static BriefFigureValue Value(BriefClaim c, string role, string counted, string value) =>
        new(c.Id, c.Doc, value, new BriefMeasure(role, counted, null, null, "people", value, c.Start, c.End), "2023-06-24T10:00+00:00", null, new BriefSpan(c.Doc, c.Start, c.End));

    /// <summary>A claim with a modality is a source's judgment; without one, an event.</summary>
    private static BriefClaim Claim(string id, string doc, string text, BriefModality? modality = null, int start = 0, string? post = null) =>
        BriefFixtures.Claim(id, doc, text, modality is null ? "event" : "judgment", modality, start, post);

    private static BriefReport Report(IEnumerable<BriefClaim> claims, IEnumerable<BriefProposition> propositions, IEnumerable<BriefFigure> figures) =>
        BriefFixtures.Report(FourOutlets, claims, propositions, figures);
}
