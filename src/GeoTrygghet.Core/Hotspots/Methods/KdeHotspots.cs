using System.Text.Json.Nodes;
using GeoTrygghet.Analysis;
using GeoTrygghet.Analysis.Density;
using GeoTrygghet.Analysis.Grids;
using NetTopologySuite.Geometries;
using static GeoTrygghet.Core.Hotspots.Methods.HotspotMethods;

namespace GeoTrygghet.Core.Hotspots.Methods;

/// <summary>Kernel density (Silverman 1986), quartic kernel, at cell centres; dual KDE divides by a second density.</summary>
internal static class KdeHotspots
{
    public static HotspotOutcome Run(PointTable points, string input, HotspotParameters p, int srid, CancellationToken cancel)
    {
        var automatic = new Dictionary<string, string>();
        var h = p.Bandwidth;
        if (h is null)
        {
            h = BandwidthRule.Choose(points.X, points.Y);
            automatic["bandwidth_m"] = BandwidthRule.Describe(h.Value);
        }

        if (!(h > 0))
        {
            throw new AnalysisException("the bandwidth must be a positive number of metres.");
        }

        var spec = Grid(points, p.Cell, GridShape.Square, automatic);
        var density = KernelDensityEstimator.Estimate(spec, points.X, points.Y, h.Value, points.Weight, cancel);
        double[]? denominator = null;
        double?[]? ratio = null;
        if (p.RatioTo is var (name, other))
        {
            denominator = KernelDensityEstimator.Estimate(spec, other.X, other.Y, h.Value, other.Weight, cancel);
            // Where the denominator is below a thousandth of its peak the ratio says more about noise than about risk.
            ratio = KernelDensityEstimator.Ratio(density, denominator, denominator.DefaultIfEmpty(0).Max() * 1e-3);
            automatic["ratio_to"] = $"dual KDE: divided by the density of {(name == "lights" ? "the working street lights" : name)} with the same bandwidth and grid; empty where that density is below 1/1000 of its peak";
        }

        var report = new AnalysisReport("Kernel density (quartic)", "Silverman 1986; bandwidth rule as ArcGIS Kernel Density", input, points.Count,
            new Dictionary<string, object?>
            {
                ["cell_m"] = spec.CellSize, ["cells"] = spec.CellCount, ["bandwidth_m"] = h, ["kernel"] = "quartic 3/(pi h^2) (1 - d^2/h^2)^2", ["unit"] = "events per km2",
                ["ratio_to"] = p.RatioTo?.Name, ["crs"] = $"EPSG:{srid}",
            },
            automatic,
            new Dictionary<string, object?> { ["max_density"] = density.Max(), ["max_ratio"] = ratio?.Max() });
        var rows = Enumerable.Range(0, density.Length);
        return new HotspotOutcome(report, ratio is null ? "cx,cy,density" : "cx,cy,density,denominator,ratio",
            rows.Select(i =>
            {
                var (x, y) = spec.Centre(i % spec.Cols, i / spec.Cols);
                var line = $"{FeatureValues.Format(x)},{FeatureValues.Format(y)},{FeatureValues.Format(density[i])}";
                return ratio is null ? line : $"{line},{FeatureValues.Format(denominator![i])},{(ratio[i] is { } r ? FeatureValues.Format(r) : string.Empty)}";
            }),
            rows.Select(i =>
            {
                var (x, y) = spec.Centre(i % spec.Cols, i / spec.Cols);
                return (FeatureValues.Point(x, y), new JsonObject { ["density"] = density[i] });
            }),
            rows.Where(i => density[i] > 0).Select(i => ("cell", (Geometry)CellPolygons.Of(spec, i % spec.Cols, i / spec.Cols),
                (object)new { density = density[i], denominator = denominator?[i], ratio = ratio?[i] })));
    }
}
