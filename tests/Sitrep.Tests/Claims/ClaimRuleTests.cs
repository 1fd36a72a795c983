using Shouldly;
using Sitrep.Claims;
using Sitrep.Claims.Modality;
using Sitrep.Tests.Support;

namespace Sitrep.Tests.Claims;

/// <summary>One or more sentences of our own per rule of the claims stage.</summary>
public sealed class ClaimRuleTests
{
    private static IReadOnlyList<Claim> ClaimsOf(string text) => new ClaimAnalyzer().Analyze(Some.Analyzed(text), TestContext.Current.CancellationToken);

    private static Claim Only(string text)
    {
        var claims = ClaimsOf(text);
        claims.Count.ShouldBe(1, $"claims of \"{text}\": {string.Join(" | ", claims.Select(c => c.Span))}");
        return claims[0];
    }

    // Segmentation

    [Fact]
    public void CoordinatedClausesAreSeparateClaims()
    {
        var claims = ClaimsOf("Rebels entered the town at dawn, and government troops withdrew to the river.");
        claims.Count.ShouldBe(2);
        claims[1].Span.Start.ShouldBeGreaterThan(claims[0].Span.End - 1);
    }

    [Fact]
    public void ASemicolonSeparatesClaims() =>
        ClaimsOf("The mayor resigned on Friday; his deputy took over the next morning.").Count.ShouldBe(2);

    [Fact]
    public void CoordinatedNounPhrasesStayOneClaim() =>
        ClaimsOf("The shelling killed at least 15 soldiers, and a journalist.").Count.ShouldBe(1);

    [Theory]
    [InlineData("Troops seize airport as government collapses")]
    [InlineData("- Police arrested the organisers of the march.")]
    [InlineData("• The central bank raised interest rates to 18 percent.")]
    public void HeadlinesAndListItemsAreClaims(string text) => ClaimsOf(text).Count.ShouldBe(1);

    [Theory]
    [InlineData("Share this article")]
    [InlineData("Related Posts")]
    [InlineData("Key takeaways:")]
    [InlineData("Disclaimer: The views expressed are the author's own.")]
    public void FurnitureAndHeadersYieldNoClaim(string text) => ClaimsOf(text).ShouldBeEmpty();

    [Fact]
    public void EveryClaimSpanLiesInsideItsSentence()
    {
        var doc = Some.Analyzed("Kovac claimed his men were ambushed, and the army denied it. Reports indicate 40 people died.");
        var claims = new ClaimAnalyzer().Analyze(doc, TestContext.Current.CancellationToken);
        claims.ShouldNotBeEmpty();
        foreach (var claim in claims)
        {
            var sentence = doc.Sentences[claim.Sentence];
            sentence.Range.Contains(claim.Span.Range).ShouldBeTrue();
            claim.Span.DocumentId.ShouldBe(doc.Document.Id);
        }
    }

    // Attribution

    [Fact]
    public void AnUnattributedStatementIsHeldByTheAuthor() =>
        Only("Armed men seized the regional administration building.").Attribution.Kind.ShouldBe(HolderKind.Author);

    [Theory]
    [InlineData("Petrov claimed that his unit had been fired upon by border guards.", "Petrov", "claimed")]
    [InlineData("Okafor explains that the convoy carried only medical supplies.", "Okafor", "explains")]
    [InlineData("According to the police, the suspect was armed with a rifle.", "the police", "according to")]
    [InlineData("The convoy turned back before noon, the governor said.", "the governor", "said")]
    public void ANamedHolderIsFoundWithItsCue(string text, string holder, string cue)
    {
        var attribution = Only(text).Attribution;
        attribution.Kind.ShouldBe(HolderKind.Named);
        attribution.Text.ShouldBe(holder);
        attribution.Cue.ShouldBe(cue, StringCompareShould.IgnoreCase);
    }

    [Theory]
    [InlineData("Reports indicate that the bridge was destroyed overnight.", "Reports")]
    [InlineData("Pro-government Telegram channels are circulating footage of tanks near the airport.", "Telegram channels")]
    [InlineData("Several people with ties to the ruling party say the minister has resigned.", "people")]
    [InlineData("European agencies now claim to have known about the plot for weeks.", "agencies")]
    [InlineData("A source close to the negotiations said the parties were near a deal.", "source")]
    public void AVagueHolderIsUnnamed(string text, string key)
    {
        var attribution = Only(text).Attribution;
        attribution.Kind.ShouldBe(HolderKind.Unnamed);
        attribution.Text.ShouldNotBeNull().ShouldContain(key);
    }

    [Theory]
    [InlineData("The rally drew between 2,000 and 3,000 people, far fewer than the 50,000 the organisers claimed.", "organisers")]
    [InlineData("The convoy had about 40 trucks, more than the ministry said.", "ministry")]
    [InlineData("Officials counted 120 houses destroyed, more than the governor had said.", "governor")]
    public void AComparisonWithWhatSomeoneSaidDoesNotMakeThemTheHolder(string text, string comparedWith)
    {
        var attribution = Only(text).Attribution;
        (attribution.Text ?? string.Empty).ShouldNotContain(comparedWith);
        attribution.Kind.ShouldBe(HolderKind.Author);
    }

    [Theory]
    [InlineData("Thursday evening Okafor says the depot was shelled twice.", "Okafor")]
    [InlineData("Later on Monday, at a briefing for regional officials, Halvorsen said the ferry service would resume.", "Halvorsen")]
    [InlineData("Early on Sunday, in a short radio interview, the mayor said the bridge had reopened.", "the mayor")]
    [InlineData("The harbour master, in a statement, said the tanker had run aground overnight.", "The harbour master")]
    public void AHolderIsTheSpeakerNotTheTimeOrPlaceBeforeIt(string text, string holder)
    {
        var attribution = Only(text).Attribution;
        attribution.Kind.ShouldBe(HolderKind.Named);
        attribution.Text.ShouldBe(holder);
    }

    [Theory]
    [InlineData("Correction, 3 March 2024: An earlier version of this article said that the ferry sank near the port; it sank offshore.")]
    [InlineData("An earlier version of this report also said that the mayor had resigned.")]
    public void ACorrectionNoteIsTheOutletsOwnWordNotAHolder(string text)
    {
        var attribution = ClaimsOf(text)[0].Attribution;
        attribution.Kind.ShouldBe(HolderKind.Author);
        attribution.Text.ShouldBeNull();
    }

    [Fact]
    public void APronounAfterARelativeWordIsTheHolderNotTheRelativeWord()
    {
        var claims = ClaimsOf("Okafor described the strike as a warning against plans to merge the two units by 1 May, which he said would have ruined the brigade.");
        claims.ShouldAllBe(c => c.Attribution.Text == null || !c.Attribution.Text.StartsWith("which", StringComparison.OrdinalIgnoreCase));
        claims.ShouldContain(c => c.Attribution.Text == "he");
    }

    [Fact]
    public void AParticipleWithAnAdverbialIsNotAPostposedSpeaker()
    {
        var claim = Only("The sudden climbdown, announced at around 21:00 local time, ended a week in which the strikers had blocked every road into the port.");
        claim.Attribution.Kind.ShouldBe(HolderKind.Author);
    }

    [Fact]
    public void AnActThatAnnouncesAnAgreementIsNotSpeechByItsSubject()
    {
        var claims = ClaimsOf("The Norwegian envoy, long seen as a neutral party, stepped in as mediator on Tuesday and announced the truce that halted the shelling.");
        claims.ShouldAllBe(c => c.Attribution.Kind == HolderKind.Author);
    }

    [Fact]
    public void MoreThanSomeWitnessesAreStillHolders()
    {
        var attribution = Only("More than a dozen witnesses said the convoy fired on the checkpoint.").Attribution;
        attribution.Kind.ShouldNotBe(HolderKind.Author);
        attribution.Text.ShouldNotBeNull().ShouldContain("witnesses");
    }

    [Fact]
    public void AnElidedSubjectHoldsTheSecondConjunct()
    {
        var claims = ClaimsOf("The rebel leader, Ivan Moreau, declared a state of emergency, and claimed rebels had shelled the power station.");
        claims.Count.ShouldBe(2);
        claims[0].Attribution.Kind.ShouldBe(HolderKind.Author);
        claims[1].Attribution.Kind.ShouldBe(HolderKind.Named);
        claims[1].Attribution.Text.ShouldNotBeNull().ShouldContain("Moreau");
        claims[1].Attribution.Cue.ShouldBe("claimed");
    }

    [Fact]
    public void ADirectQuoteIsHeldByItsSpeaker()
    {
        var claim = Only("“We will hold the line until the last man,” Lindqvist told reporters.");
        claim.Kind.ShouldBe(ClaimKind.Quote);
        claim.Attribution.Text.ShouldBe("Lindqvist");
    }

    [Fact]
    public void AQuotationAfterAnIntroIsHeldByTheSpeakerTheProNounStandsFor()
    {
        var claims = ClaimsOf("Commander Ilya Sokolov gave a speech on Sunday.\n\nHe said:\n\n“We will return to our bases. The front will be held.”");
        var quotes = claims.Where(c => c.Kind == ClaimKind.Quote).ToList();
        quotes.Count.ShouldBe(2);
        quotes.ShouldAllBe(q => q.Attribution.Text == "He");
    }

    [Fact]
    public void APronounHolderRefersToTheLastNamedHolder()
    {
        var claims = ClaimsOf("General Mira Holt said the bridge was intact. Later he said the bridge had fallen.");
        claims[1].Attribution.Refers.ShouldBe("General Mira Holt");
    }

    [Fact]
    public void FirstPersonStanceIsTheAuthors()
    {
        var claim = Only("I'd argue that the sanctions have already failed.");
        claim.Attribution.Kind.ShouldBe(HolderKind.Author);
        claim.Kind.ShouldBe(ClaimKind.Opinion);
    }

    [Fact]
    public void AHolderResolverLinksHoldersToEntities()
    {
        var analyzer = new ClaimAnalyzer(new ClaimOptions { HolderResolver = new FixedResolver("e7") });
        var claim = analyzer.Analyze(Some.Analyzed("Petrov claimed that the depot burned."), TestContext.Current.CancellationToken).Single();
        claim.Attribution.EntityId.ShouldBe("e7");
    }

    // Polarity

    [Theory]
    [InlineData("The governor did not leave the city during the shelling.")]
    [InlineData("The army has never confirmed the losses.")]
    [InlineData("No civilians were evacuated before the ceasefire collapsed.")]
    [InlineData("Putin says the charges will NOT be dropped.")]
    [InlineData("The ministry denied that its aircraft struck the hospital.")]
    [InlineData("The negotiators failed to agree on an exchange.")]
    [InlineData("The columns stopped short of the capital.")]
    [InlineData("The rebels have yet to release the aid workers.")]
    [InlineData("The sheriff said he cant speak for the first death.")]
    [InlineData("The convoy didnt reach the capital before the deal.")]
    [InlineData("The clerk said the case hadn ’ t been filed as of Tuesday.")]
    [InlineData("The clerk said the case hadn ' t been filed as of Tuesday.")]
    [InlineData("The clerk said the case had n't been filed as of Tuesday.")]
    public void NegatedClaimsAreNegative(string text) => Only(text).Polarity.ShouldBe(ClaimPolarity.Negative);

    [Theory]
    [InlineData("It is not true that the militia did not enter the city.")]
    [InlineData("The rumour is not without foundation.")]
    [InlineData("They had no choice but to surrender the airfield.")]
    [InlineData("The deal is a temporary patch, not a lasting settlement.")]
    [InlineData("The men waited for a driver who never showed.")]
    [InlineData("An attack is not likely before spring.")]
    public void DoubleContrastiveAndEmbeddedNegationsLeaveTheClaimPositive(string text) =>
        Only(text).Polarity.ShouldBe(ClaimPolarity.Positive);

    [Fact]
    public void ARestrictionNegatesTheOtherListedItems()
    {
        var claims = ClaimsOf("The press reported that the president fled, that the cabinet resigned and that an arrest warrant was issued. Only the arrest warrant had any truth to it.");
        var derived = claims.Where(c => c.DerivedFrom is not null).ToList();
        derived.Count.ShouldBe(2);
        derived.ShouldAllBe(c => c.Polarity == ClaimPolarity.Negative);
        claims.Single(c => c.DerivedFrom is null && c.Sentence == 1).Polarity.ShouldBe(ClaimPolarity.Negative);
    }

    // Modality

    [Theory]
    [InlineData("There is almost no chance that the reactor restarts this year.", LikelihoodBand.AlmostNoChance)]
    [InlineData("It is very unlikely that the opposition wins.", LikelihoodBand.VeryUnlikely)]
    [InlineData("It's very doubtful the spies had a hand in this.", LikelihoodBand.VeryUnlikely)]
    [InlineData("An invasion before the thaw is unlikely.", LikelihoodBand.Unlikely)]
    [InlineData("It is doubtful that the truce will hold.", LikelihoodBand.Unlikely)]
    [InlineData("There is a roughly even chance that the strike spreads.", LikelihoodBand.RoughlyEvenChance)]
    [InlineData("The talks may resume next month.", LikelihoodBand.RoughlyEvenChance)]
    [InlineData("The rebels could attempt another crossing.", LikelihoodBand.RoughlyEvenChance)]
    [InlineData("The commander likely ordered the retreat.", LikelihoodBand.Likely)]
    [InlineData("The blackout was probably caused by sabotage.", LikelihoodBand.Likely)]
    [InlineData("It seems the government has lost the north.", LikelihoodBand.Likely)]
    [InlineData("I'd argue the sanctions failed.", LikelihoodBand.Likely)]
    [InlineData("The deal will very likely end the militia's independence.", LikelihoodBand.VeryLikely)]
    [InlineData("We can be pretty certain of the goal.", LikelihoodBand.VeryLikely)]
    [InlineData("We can be 100% certain this was no uprising.", LikelihoodBand.AlmostCertain)]
    [InlineData("The junta will almost certainly postpone the vote.", LikelihoodBand.AlmostCertain)]
    public void EstimativePhrasesLandInTheirIcd203Band(string text, LikelihoodBand band)
    {
        var likelihood = Only(text).Likelihood.ShouldNotBeNull();
        likelihood.Band.ShouldBe(band);
        likelihood.Low.ShouldBe(LikelihoodBands.Low(band));
        text.Substring(likelihood.Range.Start, likelihood.Range.Length).ShouldBe(likelihood.Term);
    }

    [Theory]
    [InlineData("He called doctors after he could not stop the bleeding.")]
    [InlineData("F-16s began patrolling the border in May.")]
    [InlineData("Could you imagine a warlord like him with nuclear weapons?")]
    public void NegatedAbilityMonthsAndAskingModalsAreNoLikelihood(string text) => Only(text).Likelihood.ShouldBeNull();

    [Theory]
    [InlineData("The president reportedly fled the capital.", "reportedly")]
    [InlineData("The mayor allegedly accepted bribes.", "allegedly")]
    [InlineData("The general is said to have fled south.", "is said to")]
    public void HearsayIsRecordedApartFromLikelihood(string text, string term)
    {
        var claim = Only(text);
        claim.Hearsay.ShouldNotBeNull().Term.ShouldBe(term);
        claim.Likelihood.ShouldBeNull();
    }

    // Kinds

    [Theory]
    [InlineData("Armed men seized the building on Tuesday.", ClaimKind.Event)]
    [InlineData("The attack was most likely planned in advance.", ClaimKind.Judgment)]
    [InlineData("“Our troops have not crossed the border,” the commander said.", ClaimKind.Quote)]
    [InlineData("The government should release the journalists.", ClaimKind.Opinion)]
    [InlineData("It is idiotic to think the senator knew more than the spies.", ClaimKind.Opinion)]
    [InlineData("The fire might have been started deliberately.", ClaimKind.Speculation)]
    [InlineData("If the dam fails, the city would flood within hours.", ClaimKind.Speculation)]
    [InlineData("Why did the border guards abandon their posts?", ClaimKind.Question)]
    [InlineData("Was the whole mutiny a piece of theatre?", ClaimKind.Speculation)]
    public void EachClaimGetsItsKind(string text, ClaimKind kind) => Only(text).Kind.ShouldBe(kind);

    [Fact]
    public void RhetoricalQuestionsAreSpeculationWithTheirAnswer()
    {
        const string text = "So what was it? A clever bluff? A staged crisis for foreign eyes?\n\nCould be.";
        var layer = new ClaimAnalyzer().AnalyzeLayer(Some.Analyzed(text), TestContext.Current.CancellationToken);

        // "So what was it?" asks nothing about the matter: not a claim (issue 13); the two hypotheses after it are.
        layer.Excluded[0].Reason.ShouldBe(Sitrep.Claims.Worthiness.NonClaimReason.Question);
        var rhetorical = layer.Items;
        rhetorical.Count.ShouldBe(2);
        rhetorical.ShouldAllBe(c => c.Kind == ClaimKind.Speculation);
        rhetorical.ShouldAllBe(c => c.Answer != null && text.Substring(c.Answer.Value.Start, c.Answer.Value.Length) == "Could be.");
    }

    // Quantities

    [Theory]
    [InlineData("The clashes killed at least 15 soldiers.", 15, "soldiers", "at least")]
    [InlineData("The column numbered about sixty trucks.", 60, "trucks", "about")]
    [InlineData("The army has approximately fifty thousand troops.", 50_000, "troops", "approximately")]
    [InlineData("Dozens of civilians were injured.", 12, "civilians", "vague")]
    [InlineData("Hundreds of protesters gathered outside.", 100, "protesters", "vague")]
    [InlineData("More than 2,000 households lost power.", 2_000, "households", "more than")]
    [InlineData("The city has 1.5 million people.", 1_500_000, "people", null)]
    [InlineData("Turnout fell to 25 percent.", 25, "percent", null)]
    [InlineData("The ministry paid $3 million for the drones.", 3_000_000, "$", null)]
    public void QuantitiesKeepTheirUnitAndHedge(string text, double value, string unit, string? hedge)
    {
        var quantity = Only(text).Quantities.ShouldHaveSingleItem();
        quantity.Value.ShouldBe(value);
        quantity.Unit.ShouldBe(unit);
        quantity.Hedge.ShouldBe(hedge);
        text.Substring(quantity.Range.Start, quantity.Range.Length).ShouldBe(quantity.Text);
    }

    [Theory]
    [InlineData("The summit took place on 16 July 2018.")]
    [InlineData("The 45-year-old colonel was promoted in 2019.")]
    [InlineData("UPDATE 06:15 CET: The convoy has resumed its advance.")]
    [InlineData("The cabinet collapsed two days later.")]
    [InlineData("We can be 100% certain of that.")]
    public void DatesTimesAgesAndCertaintiesAreNotQuantities(string text) => ClaimsOf(text).SelectMany(c => c.Quantities).ShouldBeEmpty();

    private sealed class FixedResolver(string id) : Sitrep.Claims.Attribution.IHolderResolver
    {
        public string? Resolve(Sitrep.Pipeline.AnalyzedDocument document, Sitrep.Documents.TextRange holder) => id;
    }
}
