using NetTopologySuite.Geometries;

namespace GeoTrygghet.Demo;

// The small value types of the demo town's layout, read side by side with DemoTown.

internal enum StreetClass
{
    /// <summary>Through road outside the centre (Arbogavägen, Västeråsvägen, Skogsvägen, Mälarvägen).</summary>
    Main,

    /// <summary>The ring road, a state road whose lights are not in the municipal register.</summary>
    Ring,

    /// <summary>A street of the grid in the town centre.</summary>
    Centre,

    /// <summary>A residential street.</summary>
    Residential,
}

internal sealed record DemoStreet(string Id, string Name, StreetClass Class, LineString Line);

internal sealed record DemoPolygon(string Id, string Kind, string? Name, Polygon Polygon);

internal sealed record DemoArea(string Id, string Name, string Kind, int? Year, Geometry Geometry);

/// <summary>A street centreline as a wave across an axis: cross = base + amplitude · sin(2π (s + phase) / length).</summary>
internal readonly record struct Wave(double Base, double Amplitude = 0, double Length = 1, double Phase = 0)
{
    public double At(double s) => Amplitude == 0 ? Base : Base + Amplitude * Math.Sin(2 * Math.PI * (s + Phase) / Length);
}
