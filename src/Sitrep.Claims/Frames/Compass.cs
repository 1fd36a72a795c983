namespace Sitrep.Claims.Frames;

/// <summary>Compass words as bearings: "north" is 0°, "south-east" 135°.</summary>
public static class Compass
{
    /// <summary>The bearing of a compass word in degrees clockwise from north, or null when it is none.</summary>
    /// <param name="word">A word, lowercase ("east", "north-west", "southeast").</param>
    public static double? Bearing(string word) => word switch
    {
        "north" => 0,
        "northeast" or "north-east" => 45,
        "east" => 90,
        "southeast" or "south-east" => 135,
        "south" => 180,
        "southwest" or "south-west" => 225,
        "west" => 270,
        "northwest" or "north-west" => 315,
        _ => null,
    };

    /// <summary>The angle between two bearings, 0° to 180°.</summary>
    /// <param name="a">One bearing in degrees.</param>
    /// <param name="b">The other bearing in degrees.</param>
    public static double Angle(double a, double b)
    {
        var d = Math.Abs(a - b) % 360;
        return d > 180 ? 360 - d : d;
    }
}
