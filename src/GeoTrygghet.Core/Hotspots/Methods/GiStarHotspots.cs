using System.Globalization;
using System.Text.Json.Nodes;
using GeoTrygghet.Analysis.Statistics;
using NetTopologySuite.Geometries;
using static GeoTrygghet.Core.Hotspots.Methods.HotspotMethods;

namespace GeoTrygghet.Core.Hotspots.Methods;

/// <summary>Getis-Ord Gi* (Getis &amp; Ord 1992; Ord &amp; Getis 1995) on grid cell counts, with Benjamini-Hochberg FDR.</summary>
internal static class GiStarHotspots
{
    public static HotspotOutcome Run(PointTable points, string input, HotspotParameters p, int srid, CancellationToken cancel)
    {
        RequireEvents(points, "Gi*");
        var automatic = new Dictionary<string, string>();
        var (spec, counts) = Aggregate(points, p.Cell, p.Grid, automatic);
        var (cx, cy) = counts.Centres();
        var band = Band(p.Band, cx, cy, counts.Counts, spec.CellSize, automatic, cancel);
        var result = GetisOrdGiStar.Compute(cx, cy, counts.Counts, band, p.Fdr, cancel: cancel);
        var report = new AnalysisReport("Getis-Ord Gi*", "Getis & Ord 1992; Ord & Getis 1995; FDR: Benjamini & Hochberg 1995", input, points.Count,
            new Dictionary<string, object?>
            {
                ["grid"] = GridName(spec), ["cell_m"] = spec.CellSize, ["cells"] = spec.CellCount, ["band_m"] = band,
                ["weights"] = "binary, centres within the band (inclusive), cell itself included", ["fdr"] = p.Fdr ? "bh" : "none", ["crs"] = $"EPSG:{srid}",
            },
            automatic,
            new Dictionary<string, object?>
            {
                ["hot_cells_99"] = result.Bins.Count(b => b == 3), ["hot_cells_95"] = result.Bins.Count(b => b == 2), ["hot_cells_90"] = result.Bins.Count(b => b == 1),
                ["cold_cells"] = result.Bins.Count(b => b < 0), ["mean_neighbours"] = Math.Round(result.NeighbourCounts.Average(), 2),
            });
        var rows = Enumerable.Range(0, counts.Counts.Length);
        return new HotspotOutcome(report, "cx,cy,count,z,p,bin",
            rows.Select(i => $"{FeatureValues.Format(cx[i])},{FeatureValues.Format(cy[i])},{FeatureValues.Format(counts.Counts[i])},{FeatureValues.Format(result.Z[i])},{FeatureValues.Format(result.P[i])},{result.Bins[i].ToString(CultureInfo.InvariantCulture)}"),
            rows.Select(i => (FeatureValues.Point(cx[i], cy[i]), new JsonObject { ["count"] = counts.Counts[i], ["z"] = result.Z[i], ["p"] = result.P[i], ["bin"] = result.Bins[i] })),
            rows.Select(i => ("cell", (Geometry)CellPolygons.Of(spec, i % spec.Cols, i / spec.Cols), (object)new { count = counts.Counts[i], z = result.Z[i], p = result.P[i], bin = result.Bins[i] })));
    }
}
