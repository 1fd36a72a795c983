using Shouldly;
using Sitrep.Brief.Building;
using Sitrep.Brief.Model;
using Sitrep.Brief.Rendering;
using Sitrep.Claims;
using Sitrep.Documents;
using Sitrep.Pipeline;
using Sitrep.Text;
using static Sitrep.Tests.Brief.BriefFixtures;

namespace Sitrep.Tests.Brief;

/// <summary>
/// The front part read as an analyst reads it (issues 13 and 19): one event is told once, what may happen is never
/// confirmed, a quotation is a speaker's words, a clause without its subject is no statement, the act the reports lead
/// with leads the bottom line. Briefs are built by hand; each case is a fault found in a real run, with invented words.
/// </summary>
public sealed class FrontPartReadingTests
{
    private static readonly Dictionary<string, string> NoTexts = [];

    [Theory]
    [InlineData("After the girl was hit, she exclaimed, `` ' Mommy, Mommy, I got hit.")]
    [InlineData("When the shots rang out she screamed: “Get down, everybody!”")]
    [InlineData("“Get down, everybody,” exclaimed the driver as the bus stopped.")]
    public void AQuotationThatOpensOrClosesBesideAVerbOfSaying_IsTheSpeakersWords(string text) =>
        BriefFacts.IsSpeech(Claim("a-c1", "a", text)).ShouldBeTrue();

    [Fact]
    public void ANarratedSentenceWithoutAQuotation_IsNotSpeech() =>
        BriefFacts.IsSpeech(Claim("a-c1", "a", "The bus stopped at the border crossing after the driver was hit.")).ShouldBeFalse();

    [Fact]
    public void AForecastCarriedByThreeReports_IsNeverConfirmedNorJudged()
    {
        BriefClaim[] forecast =
        [
            Claim("a-c1", "a", "Dorran will likely die in prison after the judge handed down the maximum sentence on each count."),
            Claim("b-c1", "b", "Dorran will likely die in prison after the judge handed down the maximum sentence."),
            Claim("c-c1", "c", "He will likely die in prison after the judge handed down the maximum sentence on every count."),
        ];
        BriefClaim[] conditional =
        [
            Claim("a-c2", "a", "Dorran faces a maximum sentence of 40 years to life in prison if convicted on the new counts.", start: 200),
            Claim("b-c2", "b", "Dorran faces up to 40 years to life in prison if convicted on the new counts.", start: 200),
            Claim("c-c2", "c", "If convicted on the new counts, Dorran faces a maximum of 40 years to life.", start: 200),
        ];
        var brief = FrontPartBuilder.Build(Report([.. forecast, .. conditional], [Proposition("p1", forecast, 3, 1), Proposition("p2", conditional, 3, 1)]), NoTexts);

        Told(brief).ShouldNotContain("p1");
        Told(brief).ShouldNotContain("p2");
    }

    [Fact]
    public void TwoPropositionsThatTellOneSentencing_AreToldOnce()
    {
        BriefClaim[] sentenced =
        [
            Claim("a-c1", "a", "Dorran was sentenced on Saturday morning to seven life sentences without parole.", frame: Frame("sentence", ("patient", "Dorran", "ent-dorran"))),
            Claim("b-c1", "b", "Dorran was sentenced on Saturday to seven life sentences without parole.", frame: Frame("sentence", ("patient", "Dorran", "ent-dorran"))),
            Claim("c-c1", "c", "The judge sentenced Dorran on Saturday to seven life sentences.", frame: Frame("sentence", ("patient", "Dorran", "ent-dorran"))),
        ];
        BriefClaim[] retold =
        [
            Claim("a-c2", "a", "A judge on Saturday sentenced the man who shot four people during a courthouse escape to life without parole.", start: 200, frame: Frame("sentence", ("patient", "the man", null))),
            Claim("b-c2", "b", "A judge sentenced the man who shot four people during the courthouse escape on Saturday to life without parole.", start: 200, frame: Frame("sentence", ("patient", "the man", null))),
            Claim("c-c2", "c", "On Saturday a judge sentenced the man who shot four people in a courthouse escape to life without parole.", start: 200, frame: Frame("sentence", ("patient", "the man", null))),
        ];
        var brief = FrontPartBuilder.Build(Report([.. sentenced, .. retold], [Proposition("p1", sentenced, 3, 1), Proposition("p2", retold, 3, 1)]), NoTexts);

        var told = Told(brief);
        (told.Count(p => p == "p1") + told.Count(p => p == "p2")).ShouldBe(1, string.Join(", ", told));
    }

    [Fact]
    public void TwoKillingsOfDifferentPeople_AreTwoEvents()
    {
        var judge = View("p1", Claim("a-c1", "a", "He shot and killed Judge Arlen Voss in the courtroom on Friday.", frame: Frame("kill", ("patient", "Arlen Voss", "ent-voss"))), "kill");
        var agent = View("p2", Claim("b-c1", "b", "Later that day he shot and killed federal agent Colm Reyes at a house he was renovating.", frame: Frame("kill", ("patient", "Colm Reyes", "ent-reyes"))), "kill");
        var retold = View("p3", Claim("c-c1", "c", "The gunman killed Judge Voss in his courtroom, police said.", frame: Frame("kill", ("patient", "Judge Voss", "ent-voss"))), "kill");

        FrontPartBuilder.SameEvent(judge, agent).ShouldBeFalse();
        FrontPartBuilder.SameEvent(judge, retold).ShouldBeTrue();
    }

    [Theory]
    [InlineData("also admitted that he lied three times to police and lied again in his testimony.", null)]
    [InlineData("although the girl wasn't the target of the shot.", null)]
    [InlineData("Insists this is not a coup.", "Insists")]
    [InlineData("Insists this is not a coup.", null)]
    [InlineData("repeats his demand to see the defence minister and the chief of staff.", "repeats")]
    public void AClauseWithoutItsSubject_IsAFragment(string text, string? predicate)
    {
        var frame = predicate is null ? null : new BriefFrame(null, predicate, []) { Predicate = predicate, PredicateSpan = new BriefSpan("a", 0, predicate.Length), Participants = [new BriefParticipant("agent", "this", null, new BriefSpan("a", 8, 12))] };
        var claim = Claim("a-c1", "a", text, frame: frame);

        BriefFacts.IsFragment(claim, Excerpt.Of(claim)).ShouldBeTrue();
    }

    [Theory]
    [InlineData("the FSB opened a criminal case against the commander on Friday.")]
    [InlineData("Prosecutors said the commander would stand trial in the autumn.")]
    public void AClauseWithItsSubject_IsNoFragment(string text)
    {
        var claim = Claim("a-c1", "a", text, frame: new BriefFrame(null, "opened", []) { Predicate = "opened", PredicateSpan = new BriefSpan("a", 8, 14), Participants = [new BriefParticipant("agent", "the FSB", null, new BriefSpan("a", 0, 7))] });

        BriefFacts.IsFragment(claim, Excerpt.Of(claim)).ShouldBeFalse();
    }

    [Fact]
    public void AClauseWithoutItsSubjectCarriedByThreeReports_IsNeverAJudgment()
    {
        BriefClaim[] claims =
        [
            Claim("a-c1", "a", "also admitted that he lied three times to police and lied again in his testimony."),
            Claim("b-c1", "b", "also admitted that he lied three times to the police and again in testimony."),
            Claim("c-c1", "c", "also admitted that he had lied three times to police officers."),
        ];
        var brief = FrontPartBuilder.Build(Report(claims, [Proposition("p1", claims, 3, 1)]), NoTexts);

        Told(brief).ShouldNotContain("p1");
    }

    [Fact]
    public void TheActTheReportsLeadWith_LeadsTheBottomLine_NotAPossibleSentence()
    {
        // Each report tells the killing in its own words (one proposition each); the only corroborated propositions are a
        // possible sentence and a detail of the trial.
        BriefClaim[] leads =
        [
            Claim("a-l", "a", "A stray bullet killed a nine-year-old girl on the steps of her home in Westbury last spring.", frame: Frame("kill")),
            Claim("b-l", "b", "A key witness identified the teenager as the gunman who killed nine-year-old Mira Sand in May.", frame: Frame("kill")),
            Claim("c-l", "c", "Jurors heard how the teenager shot and killed Mira Sand as she played outside her home.", frame: Frame("kill")),
        ];
        BriefClaim[] sentence =
        [
            Claim("a-c2", "a", "Tarrant faces a maximum sentence of 15 years to life in prison if convicted.", start: 300, frame: Frame("sentence")),
            Claim("b-c2", "b", "Tarrant faces up to 15 years to life in prison if convicted of murder.", start: 300, frame: Frame("sentence")),
            Claim("c-c2", "c", "If convicted, Tarrant faces a maximum sentence of 15 years to life.", start: 300, frame: Frame("sentence")),
        ];
        BriefClaim[] witness =
        [
            Claim("a-c3", "a", "Officers arrested the teenager at his home twelve days after the shooting.", start: 500, frame: Frame("arrest")),
            Claim("b-c3", "b", "Officers arrested the teenager twelve days after the shooting.", start: 500, frame: Frame("arrest")),
        ];
        // Every report goes on after its lede: the lead is its first sentences, not the whole of it.
        BriefClaim[] more = [.. new[] { "a", "b", "c" }.SelectMany(d => new[]
        {
            Claim(d + "-m1", d, "The court session opened at nine with all twelve jurors seated.", start: 100),
            Claim(d + "-m2", d, "The defence lawyer spoke for nearly an hour in the afternoon.", start: 200),
        })];
        var report = Report(
            [.. leads, .. more, .. sentence, .. witness],
            [Proposition("l1", [leads[0]], 1, 6), Proposition("l2", [leads[1]], 1, 6), Proposition("l3", [leads[2]], 1, 6), Proposition("p1", sentence, 3, 1), Proposition("p2", witness, 2, 2)]);

        var brief = FrontPartBuilder.Build(report, NoTexts);

        brief.BottomLine.ShouldNotBeEmpty();
        var first = brief.BottomLine[0];
        first.Text.ShouldContain("killed");
        first.Text.ShouldContain("leads of 3 of 3 reports");
        first.Cites.Select(c => c.Doc).Distinct().Count().ShouldBe(3);
        Told(brief).ShouldNotContain("p1");
    }

    [Fact]
    public void TheFiguresTableHasNoEmptyColumn_ARowsNoteStandsUnderItsLabel()
    {
        BriefClaim[] claims =
        [
            Claim("a-c1", "a", "The fighters numbered 9,000, their commander said."),
            Claim("b-c1", "b", "About 3,000 fighters took part in the march.", start: 100),
        ];
        var figure = new BriefFigure(
            "f1",
            "force size",
            "dispute",
            "values differ",
            [Value(claims[0], "9,000"), Value(claims[1], "about 3,000")],
            [new BriefContradiction("a-c1", "b-c1", "contradiction", "both cannot hold")]);
        var brief = FrontPartBuilder.Build(Report(claims, []) with { Figures = [figure] }, NoTexts);
        brief.Status.Disputed.ShouldNotBeEmpty();

        using var writer = new StringWriter();
        FrontPartMarkdown.Write(brief, writer, new CitationIndex());
        var table = writer.ToString().Split('\n').Where(l => l.StartsWith('|')).ToList();

        table.ShouldNotBeEmpty();
        table.ShouldAllBe(row => !row.Contains("|  |", StringComparison.Ordinal) && !row.TrimEnd().EndsWith("| |", StringComparison.Ordinal));
        table[0].Count(c => c == '|').ShouldBe(3);
    }

    [Fact]
    public void AListOfItemsNoGradedSourceConfirms_IsNotHeadedConfirmed()
    {
        var claims = new[] { Claim("a-c1", "a", "The column stopped south of the capital.") };
        var cite = new BriefSpan("a", 0, 10);
        BriefStatusItem[] reported = [new("“The column stopped south of the capital”", "reported by 2 independent sources, none graded", [cite]) { Label = BriefStatusItem.NotConfirmedLabel }];
        var brief = FrontPartBuilder.Build(Report(claims, []), NoTexts);

        string Markdown(IReadOnlyList<BriefStatusItem> confirmed)
        {
            using var writer = new StringWriter();
            FrontPartMarkdown.Write(brief with { Status = brief.Status with { Confirmed = confirmed } }, writer, new CitationIndex());
            return writer.ToString();
        }

        var ungraded = Markdown(reported);
        ungraded.ShouldNotContain("## Confirmed");
        ungraded.ShouldContain("## Reported by several sources (none graded, not confirmed)");
        ungraded.ShouldNotContain("**reported, not confirmed**");

        // A graded item keeps the title; an item with any other label keeps its label.
        var graded = Markdown([reported[0] with { Label = null }, reported[0] with { Label = "single source" }]);
        graded.ShouldContain("## Confirmed");
        graded.ShouldContain("**single source**");
    }

    [Fact]
    public void TheLatestReportQuotedInTheBottomLine_IsNotRepeatedUnderChanged()
    {
        BriefClaim[] seized =
        [
            Claim("a-c1", "a", "Rebel fighters seized the regional army headquarters in the city overnight.", frame: Frame("seize")),
            Claim("b-c1", "b", "Rebel fighters seized the regional army headquarters in the city.", frame: Frame("seize")),
            Claim("c-c1", "c", "The regional army headquarters in the city was seized by rebel fighters.", frame: Frame("seize")),
        ];
        var crash = Claim("d-c1", "d", "The rebel commander was on the passenger list of a private jet that crashed north of the capital on Wednesday.", frame: Frame("die-accident")) with { ReportTime = "2023-08-25T10:00+00:00" };
        var report = Report([.. seized, crash], [Proposition("p1", seized, 3, 1), Proposition("p2", [crash], 1, 3)]) with
        {
            Documents = [Doc("a", "Alpha Wire", "B"), Doc("b", "Beta Courier", "C"), Doc("c", "Gamma Agency", "B"), Doc("d", "Delta Ledger", "C", published: "2023-08-25T10:00:00+00:00")],
        };

        var brief = FrontPartBuilder.Build(report, NoTexts);

        var said = brief.BottomLine.Where(b => b.Cites.Any(c => c.Doc == "d")).ShouldHaveSingleItem();
        brief.Status.Changed.ShouldNotContain(i => i.Cites.Intersect(said.Cites).Any());
    }

    [Fact]
    public void AThreadsOpeningPost_IsThePostersNotACommenters()
    {
        var report = Report([Claim("t-c1", "t", "The deal will very likely remove the group as an independent actor.", post: "t1"), Claim("t-c2", "t", "They had no option but to withdraw from the city.", start: 100, post: "t2")], []) with
        {
            Documents =
            [
                Doc("t", "forum.example c/news", "F", "thread") with { Posts = [new BriefPost("t1", null, 0, null, null, null, 0, 80), new BriefPost("t2", "t1", 1, null, null, null, 90, 160)] },
            ],
        };
        var facts = new BriefFacts(report);

        facts.Holder(report.Claims[0]).ShouldBe("the opening post of forum.example c/news");
        facts.Holder(report.Claims[1]).ShouldBe("a commenter on forum.example c/news");
    }

    [Fact]
    public void AThreadWithoutAHeadline_IsNamedByItsFirstHeading_ElseItsFirstSentence()
    {
        var titled = new AnalyzedDocument(Document.Create("Some key takeaways :\n\nThe deal is a short-term fix.\n", "000_43a7.txt").WithTitle("Some key takeaways :").WithKind(DocumentKind.Thread).Build());
        new SentenceStage().Process(titled, CancellationToken.None);
        var untitled = new AnalyzedDocument(Document.Create("The leader breaks the deal and says the charges stay. Flights are booked.\n", "001_909e.txt").WithKind(DocumentKind.Thread).Build());
        new SentenceStage().Process(untitled, CancellationToken.None);

        Headlines.Of(titled).ShouldBe("Some key takeaways");
        Headlines.Of(untitled).ShouldBe("The leader breaks the deal and says the charges stay");
    }

    private static List<string> Told(BriefReport brief) =>
        [.. brief.BottomLine.Select(b => b.Proposition).Concat(brief.KeyJudgments.Select(j => j.Proposition)).Concat(brief.Status.Confirmed.Select(c => c.Proposition)).OfType<string>()];

    private static BriefFrame Frame(string eventClass, params (string Role, string Text, string? Entity)[] participants) =>
        new(eventClass, null, []) { Participants = [.. participants.Select(p => new BriefParticipant(p.Role, p.Text, p.Entity, new BriefSpan("x", 0, 0)))] };

    private static PropositionView View(string id, BriefClaim claim, string eventClass) =>
        new(Proposition(id, [claim], 1, 3), claim, false, 1, 0, 0, ["B"], null) { Excerpt = Excerpt.Of(claim), EventClass = eventClass };

    private static BriefFigureValue Value(BriefClaim c, string value) =>
        new(c.Id, c.Doc, value, new BriefMeasure("force", "fighters", null, null, "people", value, c.Start, c.End), "2023-06-24T10:00+00:00", null, new BriefSpan(c.Doc, c.Start, c.End));

    private static BriefClaim Claim(string id, string doc, string text, int start = 0, string? post = null, BriefFrame? frame = null) =>
        BriefFixtures.Claim(id, doc, text, start: start, post: post, frame: frame);

    /// <summary>A proposition one source carries is single-source; more, corroborated.</summary>
    private static BriefProposition Proposition(string id, BriefClaim[] claims, int independent, int credibility) =>
        BriefFixtures.Proposition(id, claims, independent, credibility, independent > 1 ? "corroborated" : "single-source");

    private static BriefReport Report(IEnumerable<BriefClaim> claims, IEnumerable<BriefProposition> propositions) =>
        BriefFixtures.Report(FourOutlets, claims, propositions);
}
