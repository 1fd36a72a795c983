using System.Text;
using Shouldly;
using Sitrep.Claims;
using Sitrep.Claims.Worthiness;
using Sitrep.Documents;
using Sitrep.Pipeline;
using Sitrep.Tests.Support;
using Sitrep.Text;

namespace Sitrep.Tests.Claims;

/// <summary>Headings, table rows, navigation, bylines and meta lines are not claims; real claims stay (issue 13, item 2).</summary>
public sealed class WorthinessTests
{
    private const string Body = "Wagner fighters seized the army headquarters in Rostov on Saturday.";

    private static (AnalyzedDocument Document, ClaimLayer Layer) Judge(string text, DocumentKind kind = DocumentKind.Article)
    {
        var analyzed = new AnalyzedDocument(Document.Create(text, "some.txt").WithKind(kind).Build());
        new SentenceStage().Process(analyzed, TestContext.Current.CancellationToken);
        return (analyzed, new ClaimAnalyzer().AnalyzeLayer(analyzed, TestContext.Current.CancellationToken));
    }

    /// <summary>The line before the body is excluded with the reason, and the body is still a claim.</summary>
    private static void LineIsNotAClaim(string line, NonClaimReason reason)
    {
        var text = line + "\n\n" + Body;
        var (document, layer) = Judge(text);
        layer.Items.ShouldContain(c => document.Document.Slice(c.Span) == Body, $"claims: {string.Join(" | ", layer.Items.Select(c => document.Document.Slice(c.Span)))}");
        layer.Items.ShouldNotContain(c => c.Span.Start < line.Length, $"claims: {string.Join(" | ", layer.Items.Select(c => document.Document.Slice(c.Span)))}");
        var excluded = layer.Excluded.ShouldHaveSingleItem();
        excluded.Reason.ShouldBe(reason, line);
        excluded.Range.End.ShouldBeLessThanOrEqualTo(line.Length);
        line.ShouldContain(text[excluded.Range.Start..excluded.Range.End]);
    }

    [Theory]
    [InlineData("The toll of the storm is still unclear.")]
    [InlineData("It was not specified how many guests were in the hotel at the time.")]
    [InlineData("Still, it was not specified that how many guests were in the hotel.")]
    [InlineData("Where the minister spent the night was not known.")]
    public void AStatementThatNothingIsKnownIsNotAClaim(string line) => LineIsNotAClaim(line, NonClaimReason.NoInformation);

    [Theory]
    [InlineData("The toll is still unclear, but the coastguard said at least 12 sailors drowned.")]
    [InlineData("What is still unclear: how many boats sank (estimates run from 3 to 9).")]
    [InlineData("The cause of the fire was not immediately known; firefighters found a burnt-out heater.")]
    public void AStatementThatGoesOnToGiveSomething_IsStillAClaim(string line)
    {
        var (document, layer) = Judge(line + "\n\n" + Body);
        layer.Excluded.ShouldNotContain(e => e.Reason == NonClaimReason.NoInformation, string.Join(" | ", layer.Excluded.Select(e => document.Document.Slice(e.Range))));
    }

    [Theory]
    [InlineData("# Russia in turmoil: Wagner mutiny — live")]
    [InlineData("## Saturday 24 June")]
    [InlineData("Wagner fighters seize army headquarters in Rostov-on-Don as Putin denounces \"treason\"")]
    [InlineData("THE LAKESIDE COURIER")]
    public void AHeadingIsNotAClaim(string line) => LineIsNotAClaim(line, NonClaimReason.Heading);

    [Theory]
    [InlineData("| Very unlikely | 5–20% |")]
    [InlineData("|---|---|")]
    public void ATableRowIsNotAClaim(string line) => LineIsNotAClaim(line, NonClaimReason.TableRow);

    [Theory]
    [InlineData("Home › World › Europe")]
    [InlineData("**Northgate Daily** · Europe desk · Live coverage, Friday 23 June to Sunday 25 June 2023")]
    [InlineData("public channel · 212 480 subscribers")]
    [InlineData("Sort by: Top ▾")]
    public void ANavigationOrWidgetLineIsNotAClaim(string line) => LineIsNotAClaim(line, NonClaimReason.Navigation);

    [Theory]
    [InlineData("By Tomas Verhoeven and Daria Kessel")]
    [InlineData("*By Priya Castellanos and Ruth Abernethy, with our Berlin desk*")]
    [InlineData("(Reporting by Daria Kessel in Tbilisi and the Moscow bureau; editing by Hanne Lystad)")]
    [InlineData("submitted 1 year ago by borscht_and_bytes")]
    public void ABylineIsNotAClaim(string line) => LineIsNotAClaim(line, NonClaimReason.Byline);

    [Theory]
    [InlineData("RIGA, 24 August 2023 — Updated 25 August 2023, 18:00")]
    [InlineData("Published 24 June 2023, 10:10 BST · Updated 10:45 BST")]
    public void ADatelineIsNotAClaim(string line) => LineIsNotAClaim(line, NonClaimReason.Dateline);

    [Theory]
    [InlineData("https://example.com/world/2023/06/24/wagner-fighters-seize-rostov")]
    [InlineData("lemmy.example.net › c/geopolitics")]
    public void AnAddressIsNotAClaim(string line) => LineIsNotAClaim(line, NonClaimReason.Url);

    [Theory]
    [InlineData("I have stopped reading.")]
    [InlineData("Edit: fixed a typo in the second paragraph.")]
    [InlineData("Coming back to this thread after the plane crash in August.")]
    [InlineData("This comment was removed by a moderator.")]
    [InlineData("Entries appear oldest first.")]
    public void MetaTalkIsNotAClaim(string line) => LineIsNotAClaim(line, NonClaimReason.Meta);

    [Theory]
    [InlineData("Brief no.: HPSA-2023-0628-RU")]
    [InlineData("**Handling:** Public.")]
    public void ALabelledMetadataFieldIsNotAClaim(string line) => LineIsNotAClaim(line, NonClaimReason.MetaField);

    [Theory]
    [InlineData("What on earth just happened?")]
    [InlineData("So what is going on?")]
    public void AQuestionThatAsksNothingAboutTheMatterIsNotAClaim(string line) => LineIsNotAClaim(line, NonClaimReason.Question);

    [Fact]
    public void AnExclamationWithNothingToCheckIsNotAClaim() => LineIsNotAClaim("Wow, just wow!", NonClaimReason.Exclamation);

    [Theory]
    [InlineData("Look at the balance sheet.")]
    [InlineData("Draw your own conclusions.")]
    public void AnInstructionToTheReaderIsNotAClaim(string line) => LineIsNotAClaim(line, NonClaimReason.Address);

    [Theory]
    [InlineData("Agree with this.")]
    [InlineData("Good piece, but you stopped one step short.")]
    public void AReactionToAnotherPostIsNotAClaim(string line) => LineIsNotAClaim(line, NonClaimReason.Chatter);

    [Theory]
    [InlineData("Who ordered the strike on the convoy?")]
    [InlineData("Oil depot on fire.")]
    [InlineData("No general came out for him.")]
    [InlineData("Prigozhin has said he commands 25,000 men.")]
    [InlineData("Crowd applauding and shouting \"Wagner!\"")]
    [InlineData("We assess that the mutiny was very likely a genuine gamble by Prigozhin.")]
    [InlineData("An earlier version of this report said that the aircraft came down in the Moscow region in 2023.")]
    public void RealClaimsStayClaims(string line)
    {
        var (_, layer) = Judge(line + "\n\n" + Body);
        layer.Items.ShouldContain(c => c.Span.Start == 0, $"excluded: {string.Join(" | ", layer.Excluded.Select(e => e.Reason))}");
    }

    [Fact]
    public void AStandaloneSubheadingInsideAnArticleIsAHeading()
    {
        var text = "The army has no plan for the day after.\n\nRussia is losing\n\nThird, the context. " + Body;
        var (document, layer) = Judge(text);
        layer.Excluded.Select(e => (document.Document.Slice(e.Range), e.Reason)).ShouldBe([("Russia is losing", NonClaimReason.Heading), ("Third, the context.", NonClaimReason.Fragment)]);
        layer.Items.Count.ShouldBe(2);
    }

    [Fact]
    public void AHeadlineThatIsTheWholeTextIsStillItsClaim() =>
        Judge("Troops seize airport as government collapses").Layer.Items.ShouldHaveSingleItem();

    [Fact]
    public void ExcludedSentencesKeepTheirTextAndSentenceIndex()
    {
        var text = "# Live: the mutiny\n\nBy Jane Doe\n\n" + Body;
        var (document, layer) = Judge(text);
        layer.Excluded.Count.ShouldBe(2);
        document.Document.Slice(layer.Excluded[0].Range).ShouldEndWith("Live: the mutiny");
        document.Document.Slice(layer.Excluded[1].Range).ShouldBe("By Jane Doe");
        layer.Excluded.Select(e => e.Sentence).ShouldBe([0, 1]);
        layer.Items.ShouldHaveSingleItem().Sentence.ShouldBe(2);
    }

    [Fact]
    public void TheStageStoresWhatItLeftOutAndWhy()
    {
        var analyzed = new AnalyzedDocument(Some.Document("By Jane Doe\n\n" + Body));
        new SentenceStage().Process(analyzed, TestContext.Current.CancellationToken);
        new Sitrep.Time.TimexStage().Process(analyzed, TestContext.Current.CancellationToken);
        var stage = new ClaimStage();
        stage.Process(analyzed, TestContext.Current.CancellationToken);
        var exported = stage.Export(analyzed).ShouldNotBeNull();
        exported.Layer.ShouldBe(Capabilities.Claims);
        exported.Json.ShouldContain("\"excluded\":[{\"range\":[0,11],\"sentence\":0,\"reason\":\"Byline\"}]");
    }

    [Fact]
    public void AHeadingThatOnlyCarriesADateLeavesTheTimelineAndTheEventsStay()
    {
        const string text = "## Saturday 24 June 2023\n\nArmed men seized the regional administration building on 24 June 2023. The governor resigned.";
        var analyzed = new AnalyzedDocument(Document.Create(text, "live.md").WithSource(new Source(Published: new DateTimeOffset(2023, 6, 25, 12, 0, 0, TimeSpan.Zero))).Build());
        var pipeline = new AnalysisPipelineBuilder().Use(new SentenceStage()).Use(new Sitrep.Time.TimexStage()).Use(new ClaimStage(new ClaimOptions { UseSyntax = false })).Build();
        foreach (var stage in pipeline.DocumentStages)
        {
            stage.Process(analyzed, TestContext.Current.CancellationToken);
        }

        var corpus = new Corpus([analyzed]);
        new Sitrep.Time.Timeline.TimelineStage().Process(corpus, TestContext.Current.CancellationToken);
        new Sitrep.Claims.Timeline.ClaimTimelineStage().Process(corpus, TestContext.Current.CancellationToken);
        var entries = corpus.Layers.Get<Sitrep.Time.Timeline.TimelineLayer>().Entries;
        entries.ShouldNotContain(e => e.Label.Contains("## Saturday", StringComparison.Ordinal));
        entries.ShouldContain(e => e.Label.StartsWith("Armed men seized", StringComparison.Ordinal) && e.Claims.Count == 1);
    }

    [Fact]
    public void ChatterIsLeftToTheModelOnlyWithoutSignsOfAClaim()
    {
        var model = new CheckWorthinessModel(new Dictionary<string, double>(StringComparer.Ordinal) { ["$bias"] = -20 }, pairs: false, chatterThreshold: 0.5);
        var analyzer = new ClaimAnalyzer(new ClaimOptions { WorthinessModel = model });
        var doc = Some.Analyzed("It was a strange weekend.\n\nPutin said it was treason.\n\nAbout 5,000 fighters took part.");
        var layer = analyzer.AnalyzeLayer(doc, TestContext.Current.CancellationToken);
        layer.Excluded.ShouldHaveSingleItem().Reason.ShouldBe(NonClaimReason.Chatter);
        layer.Excluded[0].Score.ShouldNotBeNull().ShouldBeLessThan(0.5);
        layer.Items.Count.ShouldBe(2);
        new ClaimAnalyzer(new ClaimOptions { WorthinessModel = model, ExcludeChatter = false }).AnalyzeLayer(doc, TestContext.Current.CancellationToken).Items.Count.ShouldBe(3);
    }

    [Fact]
    public void TheShippedModelRanksAFactualClaimAboveAThankYou()
    {
        var model = CheckWorthinessModel.Default;
        model.Count.ShouldBeGreaterThan(1000);
        model.ChatterThreshold.ShouldBeInRange(0.0, 0.5);
        model.Score("The unemployment rate fell to 4.9 percent, the lowest in eight years.").ShouldBeGreaterThan(model.Score("Thank you very much."));
    }

    [Fact]
    public void AModelSurvivesSavingAndLoading()
    {
        var model = new CheckWorthinessModel(new Dictionary<string, double>(StringComparer.Ordinal) { ["$bias"] = -1.5, ["percent"] = 2.25, ["<num> percent"] = 0.5 }, pairs: true, chatterThreshold: 0.01);
        var path = Path.Combine(Some.TempDirectory(), CheckWorthinessModel.ShippedFileName);
        model.Save(path);
        using var stream = File.OpenRead(path);
        var loaded = CheckWorthinessModel.Load(stream);
        loaded.Pairs.ShouldBeTrue();
        loaded.ChatterThreshold.ShouldBe(0.01);
        loaded.Score("Prices rose 12 percent.").ShouldBe(model.Score("Prices rose 12 percent."), 1e-12);
    }

    [Fact]
    public void TrainingTwiceOnTheSameDataGivesTheSameFile()
    {
        var dir = Some.TempDirectory();
        var csv = Path.Combine(dir, "ct.csv");
        var rows = new StringBuilder("line_number,speaker,text,label,file_name\n");
        var n = 0;
        foreach (var debate in new[] { "a.tsv", "b.tsv", "c.tsv", "d.tsv" })
        {
            rows.Append(++n).Append(",X,\"Thank you, everybody.\",0,").Append(debate).Append('\n');
            rows.Append(++n).Append(",X,Unemployment fell to 5 percent last year.,1,").Append(debate).Append('\n');
            rows.Append(++n).Append(",Y,\"He said \"\"no\"\" to that, folks.\",0,").Append(debate).Append('\n');
            rows.Append(++n).Append(",Y,We lost 70000 factory jobs in 2015.,1,").Append(debate).Append('\n');
        }

        File.WriteAllText(csv, rows.ToString());
        var sentences = CheckThatDataset.Read(csv);
        sentences.Count.ShouldBe(16);
        sentences[2].Text.ShouldBe("He said \"no\" to that, folks.");
        var (train, dev) = CheckThatDataset.Split(sentences);
        dev.Select(s => s.Debate).Distinct().ShouldBe(["b.tsv"]);
        var options = new CheckWorthinessTrainingOptions { MinCount = 1 };
        var first = Path.Combine(dir, "1.gz");
        var second = Path.Combine(dir, "2.gz");
        CheckWorthinessTrainer.Train(train, dev, options).Save(first);
        CheckWorthinessTrainer.Train(train, dev, options).Save(second);
        File.ReadAllBytes(first).ShouldBe(File.ReadAllBytes(second));
        var report = CheckWorthinessTrainer.Evaluate(CheckWorthinessTrainer.Train(train, dev, options), dev);
        report.MeanAveragePrecision.ShouldBe(1.0);
    }

    [Fact]
    public void AFileThatIsNotAModelIsRefused()
    {
        var path = Path.Combine(Some.TempDirectory(), "bad.gz");
        using (var file = File.Create(path))
        using (var gzip = new System.IO.Compression.GZipStream(file, System.IO.Compression.CompressionLevel.Fastest))
        {
            gzip.Write("hello\n"u8);
        }

        using var stream = File.OpenRead(path);
        Should.Throw<InvalidDataException>(() => CheckWorthinessModel.Load(stream));
    }
}
