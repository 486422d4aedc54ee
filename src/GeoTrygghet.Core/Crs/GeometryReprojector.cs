using NetTopologySuite.Geometries;
using ProjNet.CoordinateSystems.Transformations;

namespace GeoTrygghet.Core.Crs;

/// <summary>
/// Transforms NetTopologySuite geometries between two CRSs of <see cref="CrsRegistry"/>, and tells
/// whether a geometry lies inside the source CRS's area of use. Not thread-safe: ProjNet's
/// math transforms keep state; create one per thread.
/// </summary>
public sealed class GeometryReprojector
{
    private readonly MathTransform? _transform;
    private readonly MathTransform? _toWgs84;
    private readonly CrsDefinition _source;
    private readonly CrsDefinition _target;

    public GeometryReprojector(int sourceSrid, int targetSrid)
    {
        _source = CrsRegistry.Get(sourceSrid);
        TargetSrid = targetSrid;
        _target = CrsRegistry.Get(targetSrid);
        _transform = sourceSrid == targetSrid ? null : CrsRegistry.CreateTransform(sourceSrid, targetSrid).MathTransform;
        _toWgs84 = sourceSrid == 4326 ? null : CrsRegistry.CreateTransform(sourceSrid, 4326).MathTransform;
    }

    public int SourceSrid => _source.Srid;

    public int TargetSrid { get; }

    /// <summary>The geometry in WGS 84 lon/lat; null when a coordinate is not finite.</summary>
    public (double Lon, double Lat) ToLonLat(double x, double y)
    {
        if (_toWgs84 is null)
        {
            return (x, y);
        }

        var (lon, lat) = _toWgs84.Transform(x, y);
        return (lon, lat);
    }

    /// <summary>
    /// The first coordinate outside the area of use of the source CRS, or of the target CRS (a point
    /// far outside it would project to meaningless numbers), with the CRS it falls outside; null when
    /// all are inside.
    /// </summary>
    public (Coordinate Coordinate, CrsDefinition Crs)? FirstOutsideArea(Geometry geometry)
    {
        foreach (var c in geometry.Coordinates)
        {
            if (!double.IsFinite(c.X) || !double.IsFinite(c.Y))
            {
                return (c, _source);
            }

            var (lon, lat) = ToLonLat(c.X, c.Y);
            if (!double.IsFinite(lon) || !double.IsFinite(lat) || !_source.ContainsLonLat(lon, lat))
            {
                return (c, _source);
            }

            if (!_target.ContainsLonLat(lon, lat))
            {
                return (c, _target);
            }
        }

        return null;
    }

    public (double X, double Y) Transform(double x, double y) =>
        _transform is null ? (x, y) : _transform.Transform(x, y);

    public Geometry Transform(Geometry geometry)
    {
        var copy = geometry.Copy();
        if (_transform is not null)
        {
            copy.Apply(new TransformFilter(_transform));
        }

        copy.SRID = TargetSrid;
        return copy;
    }

    private sealed class TransformFilter(MathTransform transform) : IEntireCoordinateSequenceFilter
    {
        public bool Done => false;

        public bool GeometryChanged => true;

        public void Filter(CoordinateSequence seq)
        {
            for (var i = 0; i < seq.Count; i++)
            {
                var (x, y) = transform.Transform(seq.GetX(i), seq.GetY(i));
                seq.SetX(i, x);
                seq.SetY(i, y);
            }
        }
    }
}
