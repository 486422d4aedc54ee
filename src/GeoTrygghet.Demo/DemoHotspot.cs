using NetTopologySuite.Geometries;
using NetTopologySuite.Operation.Buffer;

namespace GeoTrygghet.Demo;

internal enum HotspotShape
{
    /// <summary>Circular normal around a centre, redrawn beyond the truncation radius.</summary>
    Gaussian,

    /// <summary>Uniform along a segment, normal across it, redrawn beyond the truncation distance.</summary>
    Segment,
}

/// <summary>A planted hotspot: where, how concentrated, how many incidents a year and of which categories.</summary>
internal sealed record DemoHotspot(
    string Id,
    string Name,
    string Kind,
    HotspotShape Shape,
    (double U, double V) Centre,
    (double U, double V) From,
    (double U, double V) To,
    double SdM,
    double TruncateAtSd,
    int PerYear,
    bool LastYearOnly,
    (string Category, double Share)[] Mix)
{
    public static IReadOnlyList<DemoHotspot> All { get; } =
    [
        new("H1", "Stora torget", "compact", HotspotShape.Gaussian, (0, 0), default, default, 25, 2.5, 130, false,
            [("Misshandel", 0.30), ("Ordningsstörning", 0.25), ("Narkotikabrott", 0.15), ("Olaga hot", 0.12), ("Rån", 0.06), ("Stöld", 0.12)]),
        new("H2", "Storgatan–Busstationen", "elongated", HotspotShape.Segment, (265, -70), (110, -70), (420, -70), 12, 2.5, 110, false,
            [("Stöld", 0.35), ("Misshandel", 0.20), ("Skadegörelse", 0.15), ("Rån", 0.10), ("Olaga hot", 0.10), ("Ordningsstörning", 0.10)]),
        new("H3", "Nygård", "diffuse", HotspotShape.Gaussian, (450, 1000), default, default, 140, 2.0, 60, false,
            [("Skadegörelse", 0.35), ("Klotter", 0.25), ("Inbrott", 0.15), ("Stöld", 0.15), ("Ordningsstörning", 0.10)]),
        new("H4", "Södra staden, vid fritidsgården", "emerging", HotspotShape.Gaussian, (650, -650), default, default, 40, 2.5, 150, true,
            [("Narkotikabrott", 0.30), ("Ordningsstörning", 0.25), ("Rån", 0.15), ("Misshandel", 0.15), ("Skadegörelse", 0.15)]),
    ];

    /// <summary>The area holding every incident of the hotspot (the truncation limit).</summary>
    public Geometry Extent() => Shape switch
    {
        HotspotShape.Gaussian => DemoTown.Reduce(DemoTown.P(Centre.U, Centre.V).Buffer(SdM * TruncateAtSd, 16)),
        _ => DemoTown.Reduce(DemoTown.Factory.CreateLineString([DemoTown.W(From.U, From.V), DemoTown.W(To.U, To.V)])
            .Buffer(SdM * TruncateAtSd, new BufferParameters(16, EndCapStyle.Flat))),
    };

    public Coordinate Sample(Random r)
    {
        if (Shape == HotspotShape.Gaussian)
        {
            while (true)
            {
                var (gx, gy) = (DemoRandom.Gaussian(r), DemoRandom.Gaussian(r));
                if (gx * gx + gy * gy <= TruncateAtSd * TruncateAtSd)
                {
                    return DemoTown.W(Centre.U + gx * SdM, Centre.V + gy * SdM);
                }
            }
        }

        var t = r.NextDouble();
        var across = DemoRandom.TruncatedGaussian(r, TruncateAtSd) * SdM;
        var (du, dv) = (To.U - From.U, To.V - From.V);
        var length = Math.Sqrt(du * du + dv * dv);
        return DemoTown.W(From.U + t * du - across * dv / length, From.V + t * dv + across * du / length);
    }
}
