using NetTopologySuite.Geometries;

namespace GeoTrygghet.Demo;

internal enum LightRole
{
    Street,

    /// <summary>An old sodium lamp along Parkstigen, removed on the lighting-measure date.</summary>
    OldPath,

    /// <summary>A new LED along Parkstigen, installed on the lighting-measure date.</summary>
    NewPath,
}

internal sealed class DemoLight
{
    public required string Id { get; set; }

    public required Coordinate At { get; init; }

    public required string Street { get; init; }

    public required LightRole Role { get; init; }

    public required string LampType { get; set; }

    public required int Lumen { get; set; }

    public required int Watt { get; set; }

    public required double Height { get; init; }

    public required DateOnly InstalledOn { get; set; }

    public List<(DateOnly Date, string Status)> Changes { get; } = [];

    /// <summary>The status at the end of the period: the last change, else working.</summary>
    public string Status => Changes.Count == 0 ? "working" : Changes[^1].Status;
}
