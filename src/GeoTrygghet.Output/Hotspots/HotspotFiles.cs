using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

using GeoTrygghet.Core.Hotspots;
using GeoTrygghet.Core.Hotspots.Methods;

namespace GeoTrygghet.Output.Hotspots;

/// <summary>
/// Writes analysis results in the file contracts of <c>gt hotspots</c>: CSV with exactly the documented
/// columns, or GeoJSON (chosen by the .geojson extension) in the analysis CRS with the report as a
/// top-level "analysis" member; and the report beside the output as <c>&lt;out&gt;.meta.json</c>.
/// Numbers are written with the invariant culture and round-trip precision.
/// </summary>
public static class HotspotFiles
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public static bool IsGeoJson(string path) =>
        path.EndsWith(".geojson", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".json", StringComparison.OrdinalIgnoreCase);

    /// <summary>Writes a method's rows to <paramref name="path"/> (.csv, else GeoJSON) and its report beside it.</summary>
    public static void Write(HotspotOutcome outcome, string path, int srid)
    {
        if (IsGeoJson(path))
        {
            WriteGeoJson(path, srid, outcome.Report, outcome.FileFeatures);
        }
        else
        {
            WriteCsv(path, outcome.CsvHeader, outcome.CsvRows);
        }

        WriteReport(path, outcome.Report);
    }

    public static void WriteCsv(string path, string header, IEnumerable<string> rows)
    {
        using var w = new StreamWriter(path, false, new UTF8Encoding(false)) { NewLine = "\n" };
        w.WriteLine(header);
        foreach (var row in rows)
        {
            w.WriteLine(row);
        }
    }

    /// <summary>A FeatureCollection of points (x, y) or of geometries given as GeoJSON nodes.</summary>
    public static void WriteGeoJson(string path, int srid, AnalysisReport report, IEnumerable<(JsonNode Geometry, JsonObject Properties)> features)
    {
        var collection = new JsonObject
        {
            ["type"] = "FeatureCollection",
            ["crs"] = new JsonObject { ["type"] = "name", ["properties"] = new JsonObject { ["name"] = $"urn:ogc:def:crs:EPSG::{srid.ToString(Inv)}" } },
            ["analysis"] = JsonSerializer.SerializeToNode(report),
            ["features"] = new JsonArray(features.Select(f => (JsonNode)new JsonObject
            {
                ["type"] = "Feature",
                ["geometry"] = f.Geometry,
                ["properties"] = f.Properties,
            }).ToArray()),
        };
        File.WriteAllText(path, collection.ToJsonString(new JsonSerializerOptions { WriteIndented = false }) + "\n", new UTF8Encoding(false));
    }

    public static void WriteReport(string outPath, AnalysisReport report) =>
        File.WriteAllText(outPath + ".meta.json", JsonSerializer.Serialize(report, new JsonSerializerOptions { WriteIndented = true }) + "\n", new UTF8Encoding(false));

    public static string Describe(AnalysisReport report)
    {
        var sb = new StringBuilder();
        sb.Append(Inv, $"{report.Method} ({report.Reference}) on {report.Points:N0} points from {report.Input}\n");
        foreach (var (k, v) in report.Parameters.Where(kv => kv.Value is not null))
        {
            sb.Append(Inv, $"  {k} = {Convert.ToString(v, Inv)}{(report.Automatic.TryGetValue(k, out var how) ? $"  [{how}]" : string.Empty)}\n");
        }

        foreach (var (k, v) in report.Summary.Where(kv => kv.Value is not null))
        {
            sb.Append(Inv, $"  {k}: {Convert.ToString(v, Inv)}\n");
        }

        return sb.ToString();
    }
}
