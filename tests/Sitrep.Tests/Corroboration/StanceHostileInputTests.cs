using Shouldly;
using Sitrep.Corroboration.Stance;

namespace Sitrep.Tests.Corroboration;

/// <summary>Untrusted text never crashes a stance classifier.</summary>
public sealed class StanceHostileInputTests
{
    public static TheoryData<string> Texts() =>
    [
        string.Empty,
        "   \n\t ",
        "?????!!!!....",
        new string('a', 200_000),
        string.Concat(Enumerable.Repeat("word. ", 20_000)),
        "\u0000\u0001\u0002 control \uFFFF \uD800 lone surrogate",
        "http:// @ # RT @ MT \u201c@",
        "\u0645\u0631\u062D\u0628\u0627 \u4F60\u597D \U0001F525\U0001F525",
    ];

    [Theory]
    [MemberData(nameof(Texts))]
    public void AnyTextGetsALabelAndProbabilitiesThatSumToOne(string text)
    {
        IStanceClassifier[] classifiers = [Fnc1StanceClassifier.Default, SdqcStanceClassifier.Default];
        foreach (var classifier in classifiers)
        {
            foreach (var prediction in new[] { classifier.Classify(text, text), classifier.Classify("Plant fire", text), classifier.Classify(text, "Plant fire") })
            {
                classifier.Labels.ShouldContain(prediction.Label);
                prediction.Probabilities.ShouldAllBe(p => float.IsFinite(p) && p >= 0 && p <= 1);
                prediction.Probabilities.Sum().ShouldBe(1f, 1e-3f);
            }
        }
    }

    [Fact]
    public void AThreadPostWithNoSourceOrParentIsClassified()
    {
        var prediction = SdqcStanceClassifier.Default.Classify(new SdqcContext("no idea what happened", null, null, 3));

        StanceSchemes.Sdqc.ShouldContain(prediction.Label);
    }
}
