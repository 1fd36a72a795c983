using FsCheck;
using FsCheck.Fluent;
using Shouldly;
using Sitrep.Claims;
using Sitrep.Tests.Support;

namespace Sitrep.Tests.Claims;

/// <summary>Untrusted text never crashes the claims stage, and every span it returns points into the text.</summary>
public sealed class ClaimRobustnessTests
{
    private static readonly string[] Pieces =
    [
        "said", "claimed", "not", "n't", "never", "likely", "very", "may", "could", "“", "”", "\"", "?", "!", ",", ";", ":", ".", "\n\n",
        "Only", "that", "reportedly", "at least", "15", "dozens of", "fifty thousand", "he", "Reports indicate", "100%", "certain", "and",
        "but", "If", "would", "Prigozhin", "the", "$", "—", "I'd argue", "According to", "’", "'", "-", "•",
    ];

    [Fact]
    public void RandomTextNeverThrowsAndSpansStayInside()
    {
        var gen = Gen.ArrayOf(Gen.Elements(Pieces)).Select(parts => string.Join(' ', parts));
        Prop.ForAll(gen.ToArbitrary(), text =>
        {
            var doc = Some.Analyzed(text);
            foreach (var claim in new ClaimAnalyzer().Analyze(doc, TestContext.Current.CancellationToken))
            {
                claim.Span.End.ShouldBeLessThanOrEqualTo(text.Length);
                claim.Attribution.Range?.End.ShouldBeLessThanOrEqualTo(text.Length);
                foreach (var q in claim.Quantities)
                {
                    q.Range.End.ShouldBeLessThanOrEqualTo(text.Length);
                }
            }
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void AnOverlongSentenceIsSkippedNotAnalysed()
    {
        var text = string.Join(' ', Enumerable.Repeat("word", 2_000)) + ".";
        new ClaimAnalyzer(new ClaimOptions { MaxSentenceTokens = 100 }).Analyze(Some.Analyzed(text), TestContext.Current.CancellationToken).ShouldBeEmpty();
    }
}
