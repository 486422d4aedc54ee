using System.Globalization;
using GeoTrygghet.Core.Crs;

namespace GeoTrygghet.Data.Layers;

/// <summary>
/// The tile grid every tile query shares: the MVT extent, the cells that points are counted in, and the envelope of a
/// tile in the analysis CRS. Point layers below the detail zoom are counted in 64 × 64 cells per tile instead of sent
/// point by point; from the detail zoom on, a tile that would hold more points than the feature budget is counted in
/// 32 × 32 cells instead (at z14–15 cells of 20–40 m). Both bound a tile's size and the work of drawing it whatever the
/// data: with 128 × 128 cells a view at z15 over 1,000,000 incidents held ~48,000 features and panning stalled for
/// 230 ms a frame in the browser (bench/BASELINE.md).
/// </summary>
public static class TileGrid
{
    public const int Extent = 4096;
    public const int AggregateCellsPerSide = 64;
    public const int DenseCellsPerSide = 32;

    /// <summary>The width of a cell in Web Mercator metres at zoom <paramref name="z"/> (the world is 40,075,016.69 m wide; a tile is that over 2^z).</summary>
    public static double CellMetres(int z, int cellsPerSide) => 40075016.685578488 / (1L << z) / Math.Max(1, cellsPerSide);

    /// <summary>
    /// The CTEs <c>env</c> (the tile in EPSG:3857, parameters @z, @x, @y) and <c>bounds</c> (the tile
    /// grown by its buffer, given as a share of its width, densified and transformed into the analysis
    /// CRS, so that <c>t.geom &amp;&amp; bounds.b</c> uses the layer's GiST index and takes exactly what the tile shows).
    /// The grown tile is first cut to the analysis CRS's area of use: a tile of zoom 0–2 reaches far beyond it, where
    /// PostGIS refuses the transformation ("point outside of projection domain") and the tile answered 500.
    /// </summary>
    public static string Envelope(int srid, double bufferShare) => string.Create(CultureInfo.InvariantCulture, $"""
        env AS (SELECT ST_TileEnvelope(@z, @x, @y) AS e),
                 bounds AS (SELECT ST_Transform(ST_Segmentize({AreaOfUse(srid, $"ST_Expand(e, (ST_XMax(e) - ST_XMin(e)) * {bufferShare:R})")}, LEAST((ST_XMax(e) - ST_XMin(e)) / 8, 10000)), {srid}) AS b FROM env)
        """);

    /// <summary>
    /// A Web Mercator geometry cut to where coordinates of <paramref name="srid"/> make sense (its area of use, within
    /// Web Mercator's latitudes), so it can be transformed into that CRS.
    /// </summary>
    public static string AreaOfUse(int srid, string geometry3857)
    {
        if (!CrsRegistry.IsKnown(srid))
        {
            return geometry3857;
        }

        var a = CrsRegistry.Get(srid);
        return string.Create(CultureInfo.InvariantCulture,
            $"ST_Intersection({geometry3857}, ST_Transform(ST_MakeEnvelope({a.MinLon:R}, {Math.Max(a.MinLat, -85):R}, {a.MaxLon:R}, {Math.Min(a.MaxLat, 85):R}, 4326), 3857))");
    }

    /// <summary>
    /// A CRS84 box cut to the analysis CRS's area of use: a box over the whole world cannot be transformed into a
    /// transverse Mercator CRS (PostGIS: "point outside of projection domain") and answered 500.
    /// </summary>
    public static string AreaOfUse4326(int srid, string box4326)
    {
        if (!CrsRegistry.IsKnown(srid))
        {
            return box4326;
        }

        var a = CrsRegistry.Get(srid);
        return string.Create(CultureInfo.InvariantCulture, $"ST_Intersection({box4326}, ST_MakeEnvelope({a.MinLon:R}, {a.MinLat:R}, {a.MaxLon:R}, {a.MaxLat:R}, 4326))");
    }
}
