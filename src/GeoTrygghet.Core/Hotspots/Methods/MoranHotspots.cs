using System.Globalization;
using System.Text.Json.Nodes;
using GeoTrygghet.Analysis.Statistics;
using NetTopologySuite.Geometries;
using static GeoTrygghet.Core.Hotspots.Methods.HotspotMethods;

namespace GeoTrygghet.Core.Hotspots.Methods;

/// <summary>Local Moran's I (Anselin 1995) on grid cell counts, with conditional permutation inference.</summary>
internal static class MoranHotspots
{
    public static HotspotOutcome Run(PointTable points, string input, HotspotParameters p, int srid, CancellationToken cancel)
    {
        var inv = CultureInfo.InvariantCulture;
        RequireEvents(points, "local Moran's I");
        var automatic = new Dictionary<string, string>();
        var (spec, counts) = Aggregate(points, p.Cell, p.Grid, automatic);
        var (cx, cy) = counts.Centres();
        var band = Band(p.Band, cx, cy, counts.Counts, spec.CellSize, automatic, cancel);
        var result = LocalMoran.Compute(cx, cy, counts.Counts, band, p.Permutations, p.Seed, p.Fdr, cancel: cancel);
        var n = counts.Counts.Length;
        int Count(string quadrant) => Enumerable.Range(0, result.Quadrant.Length).Count(i => result.Significant[i] && result.Quadrant[i] == quadrant);
        var report = new AnalysisReport("Local Moran's I", "Anselin 1995; moments: Sokal, Oden & Thomson 1998; FDR: Benjamini & Hochberg 1995", input, points.Count,
            new Dictionary<string, object?>
            {
                ["grid"] = GridName(spec), ["cell_m"] = spec.CellSize, ["cells"] = spec.CellCount, ["band_m"] = band,
                ["weights"] = "row-standardised, centres within the band (inclusive), not the cell itself", ["permutations"] = result.Permutations,
                ["seed"] = result.Seed, ["alpha"] = result.Alpha, ["fdr"] = p.Fdr ? "bh" : "none", ["crs"] = $"EPSG:{srid}",
            },
            automatic,
            new Dictionary<string, object?>
            {
                ["significant_HH"] = Count("HH"), ["significant_LL"] = Count("LL"), ["significant_HL"] = Count("HL"), ["significant_LH"] = Count("LH"),
                ["note"] = p.Fdr && result.Significant.All(s => !s) && 1.0 / (result.Permutations + 1) > result.Alpha / n
                    ? string.Create(inv, $"with {result.Permutations} permutations the smallest p is {1.0 / (result.Permutations + 1):0.####}; FDR over {n:N0} cells then needs at least {Math.Ceiling(n / (result.Alpha * (result.Permutations + 1))):N0} cells at that p before any is significant: use more permutations (e.g. --permutations {((result.Permutations + 1) * 10) - 1}) or a larger cell")
                    : null,
            });
        var rows = Enumerable.Range(0, n);
        return new HotspotOutcome(report, "cx,cy,count,ii,z,p,p_perm,quadrant,significant",
            rows.Select(i => string.Join(',',
                FeatureValues.Format(cx[i]), FeatureValues.Format(cy[i]), FeatureValues.Format(counts.Counts[i]), FeatureValues.Format(result.Ii[i]),
                FeatureValues.Format(result.Z[i]), FeatureValues.Format(result.PAnalytical[i]), FeatureValues.Format(result.PPermutation[i]),
                result.Quadrant[i], result.Significant[i] ? "1" : "0")),
            rows.Select(i => (FeatureValues.Point(cx[i], cy[i]), new JsonObject
            {
                ["count"] = counts.Counts[i], ["ii"] = Finite(result.Ii[i]), ["z"] = Finite(result.Z[i]), ["p"] = Finite(result.PAnalytical[i]),
                ["p_perm"] = Finite(result.PPermutation[i]), ["quadrant"] = result.Quadrant[i], ["significant"] = result.Significant[i],
            })),
            rows.Select(i => ("cell", (Geometry)CellPolygons.Of(spec, i % spec.Cols, i / spec.Cols), (object)new
            {
                count = counts.Counts[i], ii = Finite(result.Ii[i]), z = Finite(result.Z[i]), p = Finite(result.PAnalytical[i]), p_perm = Finite(result.PPermutation[i]),
                quadrant = result.Quadrant[i], significant = result.Significant[i],
            })));
    }
}
