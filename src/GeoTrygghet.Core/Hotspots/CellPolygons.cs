using GeoTrygghet.Analysis.Grids;
using NetTopologySuite.Geometries;

namespace GeoTrygghet.Core.Hotspots;

/// <summary>The outline of a grid cell: a square, or a flat-topped hexagon whose circumradius is size/√3.</summary>
public static class CellPolygons
{
    private static readonly GeometryFactory Factory = NetTopologySuite.NtsGeometryServices.Instance.CreateGeometryFactory();

    public static Polygon Of(GridSpec grid, int col, int row)
    {
        var (cx, cy) = grid.Centre(col, row);
        var s = grid.CellSize;
        if (grid.Shape == GridShape.Square)
        {
            var h = s / 2;
            return Factory.CreatePolygon([new(cx - h, cy - h), new(cx + h, cy - h), new(cx + h, cy + h), new(cx - h, cy + h), new(cx - h, cy - h)]);
        }

        var r = s / Math.Sqrt(3);
        var ring = Enumerable.Range(0, 7).Select(k => new Coordinate(cx + (r * Math.Cos(k % 6 * Math.PI / 3)), cy + (r * Math.Sin(k % 6 * Math.PI / 3)))).ToArray();
        return Factory.CreatePolygon(ring);
    }
}
