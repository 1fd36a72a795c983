using FsCheck;
using FsCheck.Fluent;
using Shouldly;
using Sitrep.Documents;
using Sitrep.Pipeline;
using Sitrep.Text;

namespace Sitrep.Tests.Core;

public sealed class SpanPropertyTests
{
    [Fact]
    public void ForAnyText_EveryTokenAndSentenceIsAnInBoundsOrderedSliceWithoutSurroundingWhiteSpace()
    {
        var chars = Gen.Elements("abcXYZ09 .,!?'’\"“”-\n\n\t…•☆éßЖ".ToCharArray());
        var texts = Gen.ArrayOf(chars).Select(a => new string(a));
        Prop.ForAll(texts.ToArbitrary(), text =>
        {
            var analyzed = new AnalyzedDocument(Document.Create(text, "p.txt").Build());
            new SentenceStage().Process(analyzed, CancellationToken.None);
            var previousEnd = 0;
            foreach (var token in analyzed.Tokens)
            {
                token.Start.ShouldBeGreaterThanOrEqualTo(previousEnd);
                token.End.ShouldBeLessThanOrEqualTo(text.Length);
                token.Length.ShouldBeGreaterThan(0);
                char.IsWhiteSpace(text[token.Start]).ShouldBeFalse();
                previousEnd = token.End;
            }

            var covered = 0;
            foreach (var sentence in analyzed.Sentences)
            {
                sentence.FirstToken.ShouldBe(covered);
                covered += sentence.TokenCount;
                sentence.Range.Start.ShouldBe(analyzed.Tokens[sentence.FirstToken].Start);
                sentence.Range.End.ShouldBe(analyzed.Tokens[sentence.FirstToken + sentence.TokenCount - 1].End);
            }

            covered.ShouldBe(analyzed.Tokens.Count);
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void ASpanOfAnotherDocumentCannotBeSliced()
    {
        var a = Document.Create("alpha text", "a.txt").Build();
        var b = Document.Create("beta text", "b.txt").Build();
        Should.Throw<ArgumentException>(() => a.Slice(b.SpanOf(0, 4))).Message.ShouldContain(b.Id);
    }

    [Fact]
    public void TheSameTextFromTwoPathsIsTheSameDocument()
    {
        var a = Document.Create("same words", "a.txt").Build();
        var b = Document.Create("same words", "copy/b.txt").Build();
        a.Id.ShouldBe(b.Id);
        a.Id.ShouldStartWith("d");
        a.ContentHash.Length.ShouldBe(64);
    }

    [Fact]
    public void ARangeOutsideTheTextIsRefusedWhenBuilding()
    {
        Should.Throw<ArgumentOutOfRangeException>(() => Document.Create("short", "s.txt").AddBoilerplate(new TextRange(2, 99)));
    }
}
