using Shouldly;
using Sitrep.Claims.Frames;
using Sitrep.Corroboration.Figures;
using Sitrep.Documents;

namespace Sitrep.Tests.Corroboration;

/// <summary>Two reports tied to one event by giving the same exact values for two of its quantities.</summary>
public sealed class SharedFiguresTests
{
    [Fact]
    public void TwoReportsGivingTheSameTollAndMagnitudeTellOneEvent()
    {
        var shared = SharedFigures.Of(
        [
            Value("a", MeasureRoles.Killed, 14, 14), Value("a", MeasureRoles.Magnitude, 6.25, 6.35), Value("a", MeasureRoles.Injured, 60, 60),
            Value("b", MeasureRoles.Killed, 14, 14), Value("b", MeasureRoles.Magnitude, 6.25, 6.35), Value("b", MeasureRoles.Injured, 95, 95),
        ]);

        shared.TieStory("a", "b").ShouldBeTrue();
        shared.TieStory("b", "a").ShouldBeTrue();
    }

    [Fact]
    public void OneSharedQuantityIsACoincidenceNotAnEvent()
    {
        var shared = SharedFigures.Of(
        [
            Value("a", MeasureRoles.Killed, 14, 14), Value("a", MeasureRoles.Magnitude, 6.25, 6.35),
            Value("b", MeasureRoles.Killed, 14, 14), Value("b", MeasureRoles.Magnitude, 5.45, 5.55),
        ]);

        shared.TieStory("a", "b").ShouldBeFalse();
    }

    [Fact]
    public void OneDeadAndTwoHurtAreSharedByTooManyEventsToTieTwoReports()
    {
        var shared = SharedFigures.Of(
        [
            Value("a", MeasureRoles.Killed, 1, 1), Value("a", MeasureRoles.Injured, 2, 2),
            Value("b", MeasureRoles.Killed, 1, 1), Value("b", MeasureRoles.Injured, 2, 2),
        ]);

        shared.TieStory("a", "b").ShouldBeFalse();
    }

    [Fact]
    public void BoundsPopulationsAndAgesNeverTieTwoReports()
    {
        var shared = SharedFigures.Of(
        [
            Value("a", MeasureRoles.Killed, 14, null), Value("a", MeasureRoles.Population, 90000, 90000), Value("a", MeasureRoles.Age, 41, 41, "rhea tolland"),
            Value("b", MeasureRoles.Killed, 14, null), Value("b", MeasureRoles.Population, 90000, 90000), Value("b", MeasureRoles.Age, 41, 41, "rhea tolland"),
        ]);

        shared.TieStory("a", "b").ShouldBeFalse();
    }

    [Fact]
    public void ADocumentIsNotTiedToItself()
    {
        var shared = SharedFigures.Of([Value("a", MeasureRoles.Killed, 14, 14), Value("a", MeasureRoles.Arrested, 5, 5)]);

        shared.TieStory("a", "a").ShouldBeFalse();
    }

    private static FigureValue Value(string doc, string role, double? min, double? max, string? counted = "people") =>
        new(doc + ":c1", doc, doc, doc, new Measure(role, counted, min, max, role == MeasureRoles.Magnitude ? "magnitude" : "people", "x", new TextRange(0, 1)), null, new Span(doc, 0, 1), null);
}
