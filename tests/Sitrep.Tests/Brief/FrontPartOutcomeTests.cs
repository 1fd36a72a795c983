using Shouldly;
using Sitrep.Brief.Building;
using Sitrep.Brief.Model;
using static Sitrep.Tests.Brief.BriefFixtures;

namespace Sitrep.Tests.Brief;

/// <summary>
/// The bottom line says how the story came out and where it stands now (issue 19, brief11 round): a deal is told with
/// its terms as the reports word them, and where-it-stands lines follow the order things were reported. Each case is
/// built by hand with invented words.
/// </summary>
public sealed class FrontPartOutcomeTests
{
    private static readonly Dictionary<string, string> NoTexts = [];

    private static BriefFrame Frame(string eventClass) => new(eventClass, null, []);

    private static BriefClaim[] Halted() =>
    [
        Claim("a-c1", "a", "The rebel leader ordered his fighters back to their camps after the neighbouring president brokered a deal under which the charges against him will be dropped and he will move abroad, the palace said.", frame: Frame("negotiate")),
        Claim("b-c1", "b", "The rebel leader ordered his fighters back to their camps after the neighbouring president brokered a deal.", frame: Frame("negotiate")),
        Claim("c-c1", "c", "The rebel leader ordered his fighters back after a deal brokered by the neighbouring president.", frame: Frame("negotiate")),
    ];

    [Fact]
    public void WhenTheBottomLineTellsADeal_ItQuotesTheTermsTheReportsGive()
    {
        var halted = Halted();
        var part = Claim("c-c2", "c", "As part of the deal, the fighters will return to their camps and sign contracts with the army, suggesting a bid for control.", start: 200);
        var report = Report(FourOutlets, [.. halted, part], [Proposition("p1", halted, 3, 1), Proposition("p2", [part], 1, 3, "single-source")]);

        var brief = FrontPartBuilder.Build(report, NoTexts);

        var deal = brief.BottomLine.Single(b => b.Proposition == "p1");
        deal.Text.ShouldContain("Its terms as reported: “the charges against him will be dropped and he will move abroad” (per ");
        deal.Text.ShouldContain("“the fighters will return to their camps and sign contracts with the army”");
        deal.Text.ShouldNotContain("the palace said”");
        deal.Text.ShouldNotContain("suggesting");

        // Each term cites exactly the characters it quotes.
        foreach (var cite in deal.Cites.Skip(1))
        {
            var claim = report.Claims.Single(c => c.Doc == cite.Doc && c.Start <= cite.Start && cite.End <= c.End);
            deal.Text.ShouldContain("“" + claim.Text[(cite.Start - claim.Start)..(cite.End - claim.Start)] + "”");
        }

        deal.Cites.Count.ShouldBe(3);
    }

    [Fact]
    public void WhenATermIsAStatusTheStoryHasMovedPast_ItIsNotQuoted()
    {
        // "The charges will be dropped" is the first step of a case later closed: the state line tells where it stands.
        var halted = Halted();
        var report = Report(FourOutlets, halted, [Proposition("p1", halted, 3, 1)]) with
        {
            States =
            [
                new BriefStoryState("criminal case", "closed", "criminal case: to be dropped → closed", false,
                [
                    new BriefStatusStep("to be dropped", "a-c1", "Alpha Wire", "2023-06-24T10:00+00:00", new BriefSpan("a", 0, 10)),
                    new BriefStatusStep("closed", "c-c1", "Gamma Agency", "2023-06-27T10:00+00:00", new BriefSpan("c", 0, 10)),
                ]),
            ],
        };

        var brief = FrontPartBuilder.Build(report, NoTexts);

        brief.BottomLine.ShouldContain(b => b.Proposition == "p1");
        brief.BottomLine.ShouldNotContain(b => b.Text.Contains("will be dropped", StringComparison.Ordinal));
    }

    [Fact]
    public void WhenTheBottomLineTellsNoDeal_ItAddsNoTerms()
    {
        BriefClaim[] seized =
        [
            Claim("a-c1", "a", "Rebel fighters seized the regional army headquarters in the city overnight.", frame: Frame("seize")),
            Claim("b-c1", "b", "Rebel fighters seized the regional army headquarters in the city.", frame: Frame("seize")),
            Claim("c-c1", "c", "The regional army headquarters in the city was seized by rebel fighters.", frame: Frame("seize")),
        ];
        var part = Claim("c-c2", "c", "As part of the deal, the fighters will return to their camps.", start: 200);
        var report = Report(FourOutlets, [.. seized, part], [Proposition("p1", seized, 3, 1), Proposition("p2", [part], 1, 3, "single-source")]);

        var brief = FrontPartBuilder.Build(report, NoTexts);

        brief.BottomLine.ShouldNotContain(b => b.Text.Contains("Its terms", StringComparison.Ordinal));
    }

    [Fact]
    public void WhereItStandsNow_FollowsTheOrderThingsWereReported()
    {
        // The case was closed on 27 June; the leader died in August: the closure is told first, the death "since then".
        var halted = Halted();
        var crash = Claim("d-c1", "d", "The rebel leader was on the passenger list of a private jet that crashed north of the capital on Wednesday.", frame: Frame("die-accident")) with { ReportTime = "2023-08-25T10:00+00:00" };
        var report = Report(FourOutlets, [.. halted, crash], [Proposition("p1", halted, 3, 1), Proposition("p2", [crash], 1, 3, "single-source")]) with
        {
            Documents = [Doc("a", "Alpha Wire", "B"), Doc("b", "Beta Courier", "C"), Doc("c", "Gamma Agency", "B"), Doc("d", "Delta Ledger", "C", published: "2023-08-25T10:00:00+00:00")],
            States =
            [
                new BriefStoryState("criminal case", "closed", "criminal case: to be dropped → closed", false,
                [
                    new BriefStatusStep("to be dropped", "a-c1", "Alpha Wire", "2023-06-24T10:00+00:00", new BriefSpan("a", 0, 10)),
                    new BriefStatusStep("closed", "b-c1", "Beta Courier", "2023-06-27T10:00+00:00", new BriefSpan("b", 0, 10)),
                ]),
            ],
        };

        var brief = FrontPartBuilder.Build(report, NoTexts);

        var lines = brief.BottomLine.ToList();
        var closed = lines.FindIndex(b => b.Text.Contains("criminal case is now closed", StringComparison.Ordinal));
        var died = lines.FindIndex(b => b.Cites.Any(c => c.Doc == "d"));
        closed.ShouldBeGreaterThanOrEqualTo(0);
        died.ShouldBeGreaterThan(closed);
        lines[died].Text.ShouldStartWith("Since then, on 25 Aug 2023, Delta Ledger (C) reported");
    }
}
