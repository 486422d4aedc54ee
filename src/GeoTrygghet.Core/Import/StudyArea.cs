using NetTopologySuite.Geometries;

namespace GeoTrygghet.Core.Import;

/// <summary>The deployment's study area in the analysis CRS; data outside it is rejected on import.</summary>
public sealed record StudyArea(string Name, Geometry Geometry)
{
    public bool Accepts(Geometry g) => g is Point p ? Geometry.Covers(p) : Geometry.Intersects(g);
}
