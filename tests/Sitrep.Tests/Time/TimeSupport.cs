using Sitrep.Time;
using Sitrep.Time.Normalisation;

namespace Sitrep.Tests.Time;

/// <summary>Helpers for the temporal tests: tag a sentence against a reference day (or none) and pick one expression.</summary>
internal static class TimeSupport
{
    /// <summary>Saturday 24 June 2023, 11:40 Moscow time: the reference most tests resolve against.</summary>
    public static ReferenceTime Saturday { get; } = ReferenceTime.TryParse("2023-06-24T11:40+03:00", AnchorKind.Document)!.Value;

    public static IReadOnlyList<Timex> Tag(string text, ReferenceTime? reference = null) => TimexAnnotator.Annotate(text, reference);

    /// <summary>The one expression whose characters are exactly <paramref name="expected"/>; fails when there is none.</summary>
    public static Timex Find(string text, string expected, ReferenceTime? reference = null)
    {
        var all = Tag(text, reference);
        var hit = all.FirstOrDefault(t => text[t.Range.Start..t.Range.End] == expected);
        if (hit is null)
        {
            var found = string.Join(", ", all.Select(t => $"'{text[t.Range.Start..t.Range.End]}'={t.Value}"));
            Assert.Fail($"No timex '{expected}' in \"{text}\". Found: {(found.Length == 0 ? "none" : found)}");
        }

        return hit!;
    }
}
