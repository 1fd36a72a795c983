using Shouldly;
using Sitrep.Claims;
using Sitrep.Claims.Frames;
using Sitrep.Claims.Modality;
using Sitrep.Claims.Quantities;
using Sitrep.Claims.Worthiness;
using Sitrep.Documents;
using Sitrep.Entities;
using Sitrep.Entities.Resolution;
using Sitrep.Pipeline;
using Sitrep.Tests.Support;
using Sitrep.Text;
using Sitrep.Time;

namespace Sitrep.Tests.Story;

public sealed class PersistedLayerTests
{
    private const string Text = "Wagner fighters seized the headquarters in Rostov on 24 June. The Kremlin denied it.";

    [Fact]
    public void SentencesAndTokensReadBackAsTheStageMadeThem()
    {
        var analyzed = Some.Analyzed(Text);
        var stage = new SentenceStage();
        var layer = stage.Export(analyzed).ShouldNotBeNull();

        var back = new AnalyzedDocument(analyzed.Document);
        stage.Import(back, layer).ShouldBeTrue();

        back.Sentences.ShouldBe(analyzed.Sentences);
        back.Tokens.ShouldBe(analyzed.Tokens);
        layer.Layer.ShouldBe(Capabilities.Sentences);
        layer.Component.ShouldBe(stage.Name);
    }

    [Fact]
    public void ASentenceLayerInTheFormatOfOlderStoresIsNotImported()
    {
        var back = new AnalyzedDocument(Some.Document(Text));

        new SentenceStage().Import(back, new PersistedLayer(Capabilities.Sentences, "text.rules.v1", "[[0,62]]")).ShouldBeFalse();
        back.Sentences.ShouldBeEmpty();
    }

    [Fact]
    public void ASentenceLayerReachingPastTheTextIsNotImported()
    {
        var back = new AnalyzedDocument(Some.Document("Short."));
        var json = "{\"sentences\":[0,60,0,1],\"tokens\":[0,60]}";

        new SentenceStage().Import(back, new PersistedLayer(Capabilities.Sentences, "text.rules.v1", json)).ShouldBeFalse();
    }

    [Fact]
    public void TheTimexLayerRoundTrips()
    {
        var analyzed = Some.Analyzed(Text);
        var stage = new TimexStage();
        stage.Process(analyzed, TestContext.Current.CancellationToken);
        var layer = stage.Export(analyzed).ShouldNotBeNull();

        var back = new AnalyzedDocument(analyzed.Document);
        stage.Import(back, layer).ShouldBeTrue();

        var original = analyzed.Layers.Get<TimexLayer>();
        var restored = back.Layers.Get<TimexLayer>();
        restored.Items.ShouldBe(original.Items);
        restored.ReportTimes.ShouldBe(original.ReportTimes);
        restored.DocumentTime.ShouldBe(original.DocumentTime);
        stage.Export(back)!.Json.ShouldBe(layer.Json);
    }

    [Fact]
    public void EntityMentionsRoundTripWithTheirSpansAndRoles()
    {
        var doc = Some.Document(Text);
        var mentions = new EntityMentionLayer(
            [
                new EntityMention(new Span(doc.Id, 0, 6), EntityType.Organization, "Wagner", 0, 0, 1),
                new EntityMention(new Span(doc.Id, 64, 71), EntityType.Organization, "Kremlin", 1, 12, 1) { Role = "the" },
            ],
            "ner.test.v1");

        var json = LayerJson.Serialize(mentions);
        var back = LayerJson.TryDeserialize<EntityMentionLayer>(json).ShouldNotBeNull();

        back.Mentions.ShouldBe(mentions.Mentions);
        back.Component.ShouldBe("ner.test.v1");
        LayerJson.Serialize(back).ShouldBe(json);
    }

    [Fact]
    public void AClaimLayerRoundTripsWithItsFrameQuantitiesModalityAndExclusions()
    {
        var doc = Some.Document(Text);
        var claim = new Claim(
            "c1",
            new Span(doc.Id, 0, 61),
            "p2",
            new ClaimAttribution(HolderKind.Named, "Kremlin", new TextRange(66, 73), "denied", Refers: "Kremlin", EntityId: "e3"),
            ClaimPolarity.Negative,
            new Likelihood(LikelihoodBand.Likely, "probably", new TextRange(1, 9), EstimativeStyle.Analytic),
            new Hearsay("reportedly", new TextRange(10, 20)),
            ClaimKind.Event,
            [new Quantity(25000, "people", "up to", "up to 25,000", new TextRange(5, 17))],
            null,
            0)
        {
            EventTime = "2023-06-24",
            EventTimex = new TextRange(50, 60),
            ReportTime = "2023-06-25",
            Frame = new ClaimFrame("seize", "seized", [new Measure("force", "fighters", null, 25000, "people", "up to 25,000", new TextRange(5, 17)) { MaxExclusive = true }])
            {
                Lemma = "seize",
                Predicate = new TextRange(16, 22),
                Participants = [new FrameParticipant(ParticipantRole.Agent, "Wagner fighters", new TextRange(0, 15), new TextRange(7, 15))],
                Source = FrameSources.Parse,
            },
        };
        var layer = new ClaimLayer([claim]) { Excluded = [new NonClaim(new TextRange(62, 84), 1, null, NonClaimReason.Chatter, 0.8125)] };
        var analyzed = new AnalyzedDocument(doc);
        analyzed.Layers.Set(layer);
        var stage = new ClaimStage(new ClaimOptions { UseSyntax = false });
        var exported = stage.Export(analyzed).ShouldNotBeNull();

        var back = new AnalyzedDocument(doc);
        stage.Import(back, exported).ShouldBeTrue();

        var restored = back.Layers.Get<ClaimLayer>();
        var c = restored.Items.ShouldHaveSingleItem();
        c.Span.ShouldBe(claim.Span);
        c.Attribution.ShouldBe(claim.Attribution);
        c.Likelihood.ShouldBe(claim.Likelihood);
        c.Hearsay.ShouldBe(claim.Hearsay);
        c.Quantities.ShouldBe(claim.Quantities);
        c.EventTimex.ShouldBe(claim.EventTimex);
        c.Frame.Measures.ShouldHaveSingleItem().MaxExclusive.ShouldBeTrue();
        c.Frame.Participants.ShouldBe(claim.Frame.Participants);
        c.Frame.Predicate.ShouldBe(claim.Frame.Predicate);
        restored.Excluded.ShouldBe(layer.Excluded);
        stage.Export(back)!.Json.ShouldBe(exported.Json);
        exported.Layer.ShouldBe(Capabilities.Claims);
    }

    [Fact]
    public void ALayerThatIsNotJsonOfItsTypeIsNotImported()
    {
        var back = new AnalyzedDocument(Some.Document(Text));
        var stage = new ClaimStage(new ClaimOptions { UseSyntax = false });

        stage.Import(back, new PersistedLayer(Capabilities.Claims, stage.Name, "{\"items\":[{\"span\":[\"d1\",9,3]}]}")).ShouldBeFalse();
        stage.Import(back, new PersistedLayer(Capabilities.Claims, stage.Name, "not json")).ShouldBeFalse();
        back.Layers.Find<ClaimLayer>().ShouldBeNull();
    }
}
