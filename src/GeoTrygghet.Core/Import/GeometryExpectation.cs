using NetTopologySuite.Geometries;

namespace GeoTrygghet.Core.Import;

/// <summary>What geometry a kind needs: a point, a (multi)polygon, or any.</summary>
public sealed record GeometryExpectation(string Description, Func<Geometry, bool> Accepts)
{
    public static readonly GeometryExpectation PointOnly = new("a point", g => g is Point || g is MultiPoint { NumGeometries: 1 });
    public static readonly GeometryExpectation PolygonOnly = new("a polygon or multipolygon", g => g is Polygon or MultiPolygon);
    public static readonly GeometryExpectation AnyGeometry = new("a point, line or polygon", g => g is Point or LineString or Polygon or MultiPoint or MultiLineString or MultiPolygon);
}
