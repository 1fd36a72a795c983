using Sitrep.Claims.Frames;

namespace Sitrep.Corroboration.Figures;

/// <summary>
/// Distances from one place in directions that cannot both hold: "150 nautical miles east of Aden" and "150 nautical
/// miles west of Aden" agree on the distance and put the thing on opposite sides of the place. Directions a right angle
/// or more apart are opposed; neighbouring ones ("south" and "south-east") are a matter of precision.
/// </summary>
internal static class Bearings
{
    /// <summary>The smallest angle between two written bearings that counts as a dispute.</summary>
    public const double MinAngle = 90;

    /// <summary>True when both values are distances with written bearings at least <see cref="MinAngle"/> apart.</summary>
    public static bool Opposed(Measure a, Measure b) =>
        a.Role == MeasureRoles.Distance && b.Role == MeasureRoles.Distance
        && a.Bearing is { } x && b.Bearing is { } y && Compass.Angle(x, y) >= MinAngle;

    /// <summary>The reason in words, citing both values as written.</summary>
    public static string Reason(string what, FigureValue a, FigureValue b) =>
        $"{what}: {a.Source} puts it “{a.Measure.Text}” {Name(a.Measure.Bearing)} while {b.Source} puts it “{b.Measure.Text}” {Name(b.Measure.Bearing)}; opposite directions cannot both hold";

    private static string Name(double? bearing) => bearing switch
    {
        0 => "north",
        45 => "north-east",
        90 => "east",
        135 => "south-east",
        180 => "south",
        225 => "south-west",
        270 => "west",
        315 => "north-west",
        _ => "in another direction",
    };
}
