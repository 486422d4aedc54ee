namespace GeoTrygghet.Analysis.Grids;

/// <summary>Square cells, or hexagons with flat tops whose centres lie on rows one cell apart.</summary>
public enum GridShape
{
    Square,
    Hexagon,
}
