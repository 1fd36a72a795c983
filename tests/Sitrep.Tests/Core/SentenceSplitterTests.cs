using Shouldly;
using Sitrep.Tests.Support;

namespace Sitrep.Tests.Core;

public sealed class SentenceSplitterTests
{
    [Fact]
    public void WhenTextHasTwoSentences_ItSplitsAfterTheFullStop()
    {
        var doc = Some.Analyzed("Wagner fighters seized the headquarters. The Kremlin said nothing.");
        doc.Sentences.Select(doc.TextOf).ShouldBe(["Wagner fighters seized the headquarters.", "The Kremlin said nothing."]);
    }

    [Theory]
    [InlineData("Gen. Gerasimov was absent. Nobody knew why.", "Gen. Gerasimov was absent.")]
    [InlineData("The U.S. government was briefed. It declined to comment.", "The U.S. government was briefed.")]
    [InlineData("Mr. Peskov spoke at 10 a.m. on Saturday. Then he left.", "Mr. Peskov spoke at 10 a.m. on Saturday.")]
    [InlineData("He said: \"We will turn back.\" The column stopped.", "He said: \"We will turn back.\"")]
    public void AbbreviationsAndQuotesDoNotBreakSentences(string text, string first)
    {
        var doc = Some.Analyzed(text);
        doc.TextOf(doc.Sentences[0]).ShouldBe(first);
        doc.Sentences.Count.ShouldBe(2);
    }

    [Theory]
    [InlineData("The clerk came back with a. 357 revolver and fired twice. Two people died.", "The clerk came back with a. 357 revolver and fired twice.")]
    [InlineData("It is odd that the guard carried a. 38 pistol at all. Nobody asked why.", "It is odd that the guard carried a. 38 pistol at all.")]
    public void ACalibresDotCutFromItsFigure_EndsNoSentenceAfterAnArticle(string text, string first)
    {
        var doc = Some.Analyzed(text);
        doc.TextOf(doc.Sentences[0]).ShouldBe(first);
        doc.Sentences.Count.ShouldBe(2);
    }

    [Fact]
    public void ABlankLineEndsASentenceEvenWithoutPunctuation()
    {
        var doc = Some.Analyzed("Key takeaways\n\nThe deal is a short-term fix.");
        doc.Sentences.Select(doc.TextOf).ShouldBe(["Key takeaways", "The deal is a short-term fix."]);
    }

    [Fact]
    public void HardWrappedLinesStayOneSentence()
    {
        var text = "The convoy of trucks that left Rostov early in the morning was reported\nnear Voronezh by the afternoon.";
        var doc = Some.Analyzed(text);
        doc.Sentences.Count.ShouldBe(1);
    }

    [Fact]
    public void EverySentenceAndTokenIsASliceOfTheOriginalText()
    {
        var text = "  Prigozhin’s men didn’t stop. They’re “paralysed”, sources said!\n\n• Putin: no comment…  ";
        var doc = Some.Analyzed(text);
        foreach (var sentence in doc.Sentences)
        {
            doc.TextOf(sentence).ShouldBe(doc.TextOf(sentence).Trim());
            foreach (var token in doc.TokensOf(sentence))
            {
                sentence.Range.Contains(token.Range).ShouldBeTrue();
                text[token.Start..token.End].Trim().ShouldBe(text[token.Start..token.End]);
            }
        }

        doc.Tokens.Select(t => text[t.Start..t.End]).ShouldContain("n’t");
        doc.Tokens.Select(t => text[t.Start..t.End]).ShouldContain("’s");
    }
}
