using Shouldly;
using Sitrep.Claims.Timeline;
using Sitrep.Documents;
using Sitrep.Pipeline;
using Sitrep.Syntax;
using Sitrep.Time.Timeline;

namespace Sitrep.Tests.Time;

/// <summary>
/// Which date of a sentence is its event's, read from the sentence's parse (hand-written here, so no model is loaded):
/// a date in a relative clause set off by commas or one that modifies a noun is background; an undated sentence that
/// dates two things is filed once.
/// </summary>
public sealed class TimelineMainEventTests
{
    private static readonly DateTimeOffset Published = new(2023, 6, 28, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void WhenADateSitsInARelativeClauseSetOffByCommas_ItIsBackground()
    {
        // Okafor , whose crews blockaded the port on 26 June , was on the list of passengers .
        var entries = Entries("Okafor, whose crews blockaded the port on 26 June, was on the list of passengers.", Published,
        [
            ("Okafor", "PROPN", 14, "nsubj"), (",", "PUNCT", 4, "punct"), ("whose", "PRON", 3, "nmod:poss"), ("crews", "NOUN", 4, "nsubj"),
            ("blockaded", "VERB", 0, "acl:relcl"), ("the", "DET", 6, "det"), ("port", "NOUN", 4, "obj"), ("on", "ADP", 8, "case"),
            ("26", "NUM", 9, "nummod"), ("June", "PROPN", 4, "obl"), (",", "PUNCT", 4, "punct"), ("was", "AUX", 14, "cop"),
            ("on", "ADP", 14, "case"), ("the", "DET", 14, "det"), ("list", "NOUN", -1, "root"), ("of", "ADP", 16, "case"),
            ("passengers", "NOUN", 14, "nmod"), (".", "PUNCT", 14, "punct"),
        ]);
        entries.Single(e => e.When == "2023-06-26").Role.ShouldBe(TimelineRole.Background);
    }

    [Fact]
    public void WhenAVerblessLineHoldsOnlyARelativeClause_ItsDateStaysInTheStory()
    {
        // A senior envoy , who met the strikers on 26 June .
        var entries = Entries("A senior envoy, who met the strikers on 26 June.", Published,
        [
            ("A", "DET", 2, "det"), ("senior", "ADJ", 2, "amod"), ("envoy", "NOUN", -1, "root"), (",", "PUNCT", 5, "punct"),
            ("who", "PRON", 5, "nsubj"), ("met", "VERB", 2, "acl:relcl"), ("the", "DET", 7, "det"), ("strikers", "NOUN", 5, "obj"),
            ("on", "ADP", 10, "case"), ("26", "NUM", 10, "nummod"), ("June", "PROPN", 5, "obl"), (".", "PUNCT", 2, "punct"),
        ]);
        entries.Single(e => e.When == "2023-06-26").Role.ShouldBe(TimelineRole.Story);
    }

    [Fact]
    public void WhenTheSameDateIsTheMainPredicates_ItStaysInTheStory()
    {
        // Okafor blockaded the port on 26 June , the harbour office said .
        var entries = Entries("Okafor blockaded the port on 26 June, the harbour office said.", Published,
        [
            ("Okafor", "PROPN", 1, "nsubj"), ("blockaded", "VERB", 11, "ccomp"), ("the", "DET", 3, "det"), ("port", "NOUN", 1, "obj"),
            ("on", "ADP", 6, "case"), ("26", "NUM", 6, "nummod"), ("June", "PROPN", 1, "obl"), (",", "PUNCT", 11, "punct"),
            ("the", "DET", 10, "det"), ("harbour", "NOUN", 10, "compound"), ("office", "NOUN", 11, "nsubj"), ("said", "VERB", -1, "root"),
            (".", "PUNCT", 11, "punct"),
        ]);
        entries.Single(e => e.When == "2023-06-26").Role.ShouldBe(TimelineRole.Story);
    }

    [Fact]
    public void WhenADateModifiesANoun_ItIsBackground()
    {
        // He did not mention the 26 June blockade .
        var entries = Entries("He did not mention the 26 June blockade.", Published,
        [
            ("He", "PRON", 3, "nsubj"), ("did", "AUX", 3, "aux"), ("not", "PART", 3, "advmod"), ("mention", "VERB", -1, "root"),
            ("the", "DET", 7, "det"), ("26", "NUM", 6, "nummod"), ("June", "PROPN", 7, "compound"), ("blockade", "NOUN", 3, "obj"),
            (".", "PUNCT", 3, "punct"),
        ]);
        entries.Single(e => e.When == "2023-06-26").Role.ShouldBe(TimelineRole.Background);
    }

    [Fact]
    public void WhenAnUndatedSentenceNamesTwoWeekdays_ItIsFiledOnceUnderItsMainPredicatesDay()
    {
        // Halvorsen was told on the Wednesday before the strike that Friday .
        var entries = Entries("Halvorsen was told on the Wednesday before the strike that Friday.", null,
        [
            ("Halvorsen", "PROPN", 2, "nsubj:pass"), ("was", "AUX", 2, "aux:pass"), ("told", "VERB", -1, "root"), ("on", "ADP", 5, "case"),
            ("the", "DET", 5, "det"), ("Wednesday", "PROPN", 2, "obl"), ("before", "ADP", 8, "case"), ("the", "DET", 8, "det"),
            ("strike", "NOUN", 5, "nmod"), ("that", "DET", 10, "det"), ("Friday", "PROPN", 8, "nmod:tmod"), (".", "PUNCT", 2, "punct"),
        ]);
        entries.Count(e => e.Cites.Count > 0).ShouldBe(1, string.Join(" | ", entries.Select(e => e.When)));
        entries.Single().When.ShouldStartWith("XXXX-WXX-3");
    }

    [Fact]
    public void WhenARelativeClauseSitsInsideAnAppositionSetOffByCommas_ItsDateIsBackground()
    {
        // Okafor , the head of the union whose crews blockaded the port in June , was on the list .
        var entries = Entries("Okafor, the head of the union whose crews blockaded the port in June, was on the list.", Published,
        [
            ("Okafor", "PROPN", 18, "nsubj"), (",", "PUNCT", 3, "punct"), ("the", "DET", 3, "det"), ("head", "NOUN", 0, "appos"),
            ("of", "ADP", 6, "case"), ("the", "DET", 6, "det"), ("union", "NOUN", 3, "nmod"), ("whose", "PRON", 8, "nmod:poss"),
            ("crews", "NOUN", 9, "nsubj"), ("blockaded", "VERB", 6, "acl:relcl"), ("the", "DET", 11, "det"), ("port", "NOUN", 9, "obj"),
            ("in", "ADP", 13, "case"), ("June", "PROPN", 9, "obl"), (",", "PUNCT", 3, "punct"), ("was", "AUX", 18, "cop"),
            ("on", "ADP", 18, "case"), ("the", "DET", 18, "det"), ("list", "NOUN", -1, "root"), (".", "PUNCT", 18, "punct"),
        ]);
        entries.Single(e => e.When == "2023-06").Role.ShouldBe(TimelineRole.Background);
    }

    [Fact]
    public void WhenAVerblessLineNamesASourceAndADate_ItIsADocumentsNoteAndLeavesTheTimeline()
    {
        // Note from the harbour office channel , 26 June 2023 .
        var entries = Entries("Note from the harbour office channel, 26 June 2023.", Published,
        [
            ("Note", "NOUN", -1, "root"), ("from", "ADP", 5, "case"), ("the", "DET", 5, "det"), ("harbour", "NOUN", 5, "compound"),
            ("office", "NOUN", 5, "compound"), ("channel", "NOUN", 0, "nmod"), (",", "PUNCT", 7, "punct"), ("26", "NUM", 5, "appos"),
            ("June", "PROPN", 7, "nmod:unmarked"), ("2023", "NUM", 7, "nmod:unmarked"), (".", "PUNCT", 0, "punct"),
        ]);
        entries.ShouldNotContain(e => e.When.StartsWith("2023-06-26", StringComparison.Ordinal) && e.Cites.Count > 0);
    }

    [Fact]
    public void WhenALinesOnlyVerbIsItsOwnIssuingSetOffByAComma_ItIsADocumentsNote()
    {
        // Harbour Watch , assessment 41 , issued 26 June 2023 .
        var entries = Entries("Harbour Watch, assessment 41, issued 26 June 2023.", Published,
        [
            ("Harbour", "PROPN", 1, "compound"), ("Watch", "PROPN", 6, "nsubj"), (",", "PUNCT", 3, "punct"), ("assessment", "NOUN", 1, "appos"),
            ("41", "NUM", 3, "nummod"), (",", "PUNCT", 6, "punct"), ("issued", "VERB", -1, "root"), ("26", "NUM", 6, "obl"),
            ("June", "PROPN", 7, "nmod:unmarked"), ("2023", "NUM", 7, "nmod:unmarked"), (".", "PUNCT", 6, "punct"),
        ]);
        entries.ShouldNotContain(e => e.When.StartsWith("2023-06-26", StringComparison.Ordinal) && e.Cites.Count > 0);
    }

    [Fact]
    public void WhenSomeoneIssuesSomethingOnADate_ItIsAnEvent()
    {
        // The council issued a warning on 26 June 2023 .
        var entries = Entries("The council issued a warning on 26 June 2023.", Published,
        [
            ("The", "DET", 1, "det"), ("council", "NOUN", 2, "nsubj"), ("issued", "VERB", -1, "root"), ("a", "DET", 4, "det"),
            ("warning", "NOUN", 2, "obj"), ("on", "ADP", 6, "case"), ("26", "NUM", 2, "obl"), ("June", "PROPN", 6, "nmod:unmarked"),
            ("2023", "NUM", 6, "nmod:unmarked"), (".", "PUNCT", 2, "punct"),
        ]);
        entries.Single(e => e.When.StartsWith("2023-06-26", StringComparison.Ordinal)).Role.ShouldBe(TimelineRole.Story);
    }

    [Fact]
    public void WhenAnAddressIsTheSentencesAct_AnEarlierTimeInsideWhatWasSaid_IsNotItsTime()
    {
        // Okafor , addressing the dockers on the quay , said they had saved the port by standing firm over the weekend .
        var entries = Entries("Okafor, addressing the dockers on the quay, said they had saved the port by standing firm over the weekend.", Published,
        [
            // As the parser reads such a sentence: the participle hung on a noun, and that noun a second subject.
            ("Okafor", "PROPN", 9, "nsubj"), (",", "PUNCT", 2, "punct"), ("addressing", "VERB", 4, "compound"), ("the", "DET", 4, "det"),
            ("dockers", "NOUN", 9, "nsubj"), ("on", "ADP", 7, "case"), ("the", "DET", 7, "det"), ("quay", "NOUN", 4, "nmod"),
            (",", "PUNCT", 4, "punct"), ("said", "VERB", -1, "root"), ("they", "PRON", 12, "nsubj"), ("had", "AUX", 12, "aux"),
            ("saved", "VERB", 9, "ccomp"), ("the", "DET", 14, "det"), ("port", "NOUN", 12, "obj"), ("by", "SCONJ", 16, "mark"),
            ("standing", "VERB", 12, "advcl"), ("firm", "ADJ", 16, "xcomp"), ("over", "ADP", 20, "case"), ("the", "DET", 20, "det"),
            ("weekend", "NOUN", 16, "obl"), (".", "PUNCT", 9, "punct"),
        ]);
        entries.ShouldNotBeEmpty();
        entries.ShouldAllBe(e => e.Role == TimelineRole.Background);
    }

    [Fact]
    public void WhenAnOfficeSaysWhatHappenedOverTheWeekend_TheWeekendIsItsTime()
    {
        // The harbour office said the dockers had blockaded the port over the weekend .
        var entries = Entries("The harbour office said the dockers had blockaded the port over the weekend.", Published,
        [
            ("The", "DET", 2, "det"), ("harbour", "NOUN", 2, "compound"), ("office", "NOUN", 3, "nsubj"), ("said", "VERB", -1, "root"),
            ("the", "DET", 5, "det"), ("dockers", "NOUN", 7, "nsubj"), ("had", "AUX", 7, "aux"), ("blockaded", "VERB", 3, "ccomp"),
            ("the", "DET", 9, "det"), ("port", "NOUN", 7, "obj"), ("over", "ADP", 12, "case"), ("the", "DET", 12, "det"),
            ("weekend", "NOUN", 7, "obl"), (".", "PUNCT", 3, "punct"),
        ]);
        entries.ShouldContain(e => e.Role == TimelineRole.Story && e.Cites.Count > 0);
    }

    [Fact]
    public void WhenADateSaysWhichThingANounIs_ItIsBackground()
    {
        // The absence of any strikers is the most important single fact of the weekend .
        var entries = Entries("The absence of any strikers is the most important single fact of the weekend.", Published,
        [
            ("The", "DET", 1, "det"), ("absence", "NOUN", 10, "nsubj"), ("of", "ADP", 4, "case"), ("any", "DET", 4, "det"),
            ("strikers", "NOUN", 1, "nmod"), ("is", "AUX", 10, "cop"), ("the", "DET", 10, "det"), ("most", "ADV", 8, "advmod"),
            ("important", "ADJ", 10, "amod"), ("single", "ADJ", 10, "amod"), ("fact", "NOUN", -1, "root"), ("of", "ADP", 13, "case"),
            ("the", "DET", 13, "det"), ("weekend", "NOUN", 10, "nmod"), (".", "PUNCT", 10, "punct"),
        ]);
        entries.ShouldNotBeEmpty();
        entries.ShouldAllBe(e => e.Role == TimelineRole.Background);
    }

    [Fact]
    public void WhenADateAfterOfSaysWhenADeadlineFalls_ItStaysInTheStory()
    {
        // The union's deadline of 1 July was widely seen as a threat .
        var entries = Entries("The union's deadline of 1 July was widely seen as a threat.", Published,
        [
            ("The", "DET", 1, "det"), ("union", "NOUN", 3, "nmod:poss"), ("'s", "PART", 1, "case"), ("deadline", "NOUN", 9, "nsubj:pass"),
            ("of", "ADP", 6, "case"), ("1", "NUM", 6, "nummod"), ("July", "PROPN", 3, "nmod"), ("was", "AUX", 9, "aux:pass"),
            ("widely", "ADV", 9, "advmod"), ("seen", "VERB", -1, "root"), ("as", "ADP", 12, "case"), ("a", "DET", 12, "det"),
            ("threat", "NOUN", 9, "obl"), (".", "PUNCT", 9, "punct"),
        ]);
        entries.ShouldContain(e => e.Role == TimelineRole.Story && e.Cites.Count > 0);
    }

    private static List<TimelineEntry> Entries(string text, DateTimeOffset? published, (string Form, string Upos, int Head, string Relation)[] words)
    {
        var doc = TimexStageTests.Run(Document.Create(text, "t.txt").WithSource(new Source(Published: published)).Build());
        doc.Sentences.Count.ShouldBe(1);
        var tokens = doc.TokensOf(doc.Sentences[0]).ToArray();
        tokens.Select(t => text.Substring(t.Start, t.Length)).ShouldBe(words.Select(w => w.Form));
        var parse = new ParsedSentence([.. words.Select(w => new ParsedWord(w.Form, w.Upos, string.Empty, w.Form.ToLowerInvariant(), w.Head, w.Relation))]);
        doc.Layers.Set(new SyntaxLayer([parse]));
        var corpus = new Corpus([doc]);
        new TimelineStage().Process(corpus, CancellationToken.None);
        return MainEventTime.Apply(corpus, [.. corpus.Layers.Get<TimelineLayer>().Entries]);
    }
}
