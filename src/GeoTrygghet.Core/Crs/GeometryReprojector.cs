using NetTopologySuite.Geometries;

namespace GeoTrygghet.Core.Crs;

/// <summary>
/// Transforms NetTopologySuite geometries between two CRSs of <see cref="CrsRegistry"/> (through WGS 84
/// when RT90 is involved, with PROJ's Helmert step), and tells whether a geometry lies inside the
/// areas of use. Not thread-safe: ProjNet's
/// math transforms keep state; create one per thread.
/// </summary>
public sealed class GeometryReprojector
{
    private readonly Func<double, double, (double, double)>? _transform;
    private readonly Func<double, double, (double, double)> _toWgs84;
    private readonly CrsDefinition _source;
    private readonly CrsDefinition _target;

    public GeometryReprojector(int sourceSrid, int targetSrid)
    {
        _source = CrsRegistry.Get(sourceSrid);
        TargetSrid = targetSrid;
        _target = CrsRegistry.Get(targetSrid);
        _toWgs84 = ToWgs84(sourceSrid);
        if (sourceSrid == targetSrid)
        {
            _transform = null;
        }
        else if (CrsRegistry.NeedsRt90Shift(sourceSrid) || CrsRegistry.NeedsRt90Shift(targetSrid))
        {
            var fromWgs84 = FromWgs84(targetSrid);
            _transform = (x, y) =>
            {
                var (lon, lat) = _toWgs84(x, y);
                return fromWgs84(lon, lat);
            };
        }
        else
        {
            var direct = CrsRegistry.CreateTransform(sourceSrid, targetSrid).MathTransform;
            _transform = (x, y) => direct.Transform(x, y);
        }
    }

    public int SourceSrid => _source.Srid;

    public int TargetSrid { get; }

    /// <summary>A position of the source CRS as WGS 84 longitude/latitude.</summary>
    public (double Lon, double Lat) ToLonLat(double x, double y) => _toWgs84(x, y);

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

            // Most files lie in one town: a 1 km cell of a projected CRS whose four corners are inside
            // both areas is inside them (their edges are meridians and parallels, straight to well
            // under a millimetre over a kilometre), so later points in it need no inverse projection.
            var cell = _source.IsGeographic ? (long.MinValue, 0L) : ((long)Math.Floor(c.X / 1000), (long)Math.Floor(c.Y / 1000));
            if (!_source.IsGeographic && _insideCells.Contains(cell))
            {
                continue;
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

            if (!_source.IsGeographic && _insideCells.Count < 100_000 && CellInside(cell.Item1, cell.Item2))
            {
                _insideCells.Add(cell);
            }
        }

        return null;
    }

    private readonly HashSet<(long, long)> _insideCells = [];

    private bool CellInside(long cx, long cy)
    {
        for (var k = 0; k < 4; k++)
        {
            var (lon, lat) = ToLonLat((cx + (k & 1)) * 1000.0, (cy + (k >> 1)) * 1000.0);
            if (!_source.ContainsLonLat(lon, lat) || !_target.ContainsLonLat(lon, lat))
            {
                return false;
            }
        }

        return true;
    }

    public (double X, double Y) Transform(double x, double y) =>
        _transform is null ? (x, y) : _transform(x, y);

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

    private static Func<double, double, (double, double)> ToWgs84(int srid)
    {
        if (srid == 4326)
        {
            return (x, y) => (x, y);
        }

        if (CrsRegistry.NeedsRt90Shift(srid))
        {
            var toBessel = CrsRegistry.CreateToOwnGeographic(srid);
            return (x, y) =>
            {
                var (lon, lat) = toBessel.Transform(x, y);
                return Rt90Helmert.ToWgs84(lon, lat);
            };
        }

        var transform = CrsRegistry.CreateTransform(srid, 4326).MathTransform;
        return (x, y) => transform.Transform(x, y);
    }

    private static Func<double, double, (double, double)> FromWgs84(int srid)
    {
        if (srid == 4326)
        {
            return (x, y) => (x, y);
        }

        if (CrsRegistry.NeedsRt90Shift(srid))
        {
            var fromBessel = CrsRegistry.CreateToOwnGeographic(srid).Inverse();
            return (lon, lat) =>
            {
                var (blon, blat) = Rt90Helmert.FromWgs84(lon, lat);
                return fromBessel.Transform(blon, blat);
            };
        }

        var transform = CrsRegistry.CreateTransform(4326, srid).MathTransform;
        return (x, y) => transform.Transform(x, y);
    }

    private sealed class TransformFilter(Func<double, double, (double, double)> transform) : IEntireCoordinateSequenceFilter
    {
        public bool Done => false;

        public bool GeometryChanged => true;

        public void Filter(CoordinateSequence seq)
        {
            for (var i = 0; i < seq.Count; i++)
            {
                var (x, y) = transform(seq.GetX(i), seq.GetY(i));
                seq.SetX(i, x);
                seq.SetY(i, y);
            }
        }
    }
}
