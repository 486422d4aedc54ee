using GeoTrygghet.Analysis;
using GeoTrygghet.Core.Crs;
using NetTopologySuite.Geometries;
using NetTopologySuite.Operation.Union;

namespace GeoTrygghet.Core.Hotspots;

/// <summary>
/// A study area drawn in the viewer or given as a GeoJSON file: its polygons moved into the analysis CRS and joined
/// into one area, refused when there is no polygon or the drawing crosses itself.
/// </summary>
public static class DrawnArea
{
    public static Geometry Of(IEnumerable<Geometry?> geometries, int sourceSrid, int analysisSrid, string role = "the study area")
    {
        var reprojector = new GeometryReprojector(sourceSrid, analysisSrid);
        var polygons = geometries.OfType<Geometry>().Where(g => g is Polygon or MultiPolygon).Select(reprojector.Transform).ToList();
        if (polygons.Count == 0)
        {
            throw new AnalysisException($"has no polygon to use as {role}");
        }

        var union = UnaryUnionOp.Union(polygons);
        return union.IsValid ? union : throw new AnalysisException($"the polygon of {role} is not valid (it crosses itself?)");
    }
}
