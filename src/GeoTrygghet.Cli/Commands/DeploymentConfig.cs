using System.Text.Json;
using GeoTrygghet.Core.Crs;
using GeoTrygghet.Core.Import;
using GeoTrygghet.Core.Import.Readers;
using GeoTrygghet.Data;
using NetTopologySuite.Geometries;

namespace GeoTrygghet.Cli.Commands;

/// <summary>
/// Optional deployment settings in <c>geotrygghet.json</c> at the project root (or the file named by
/// <c>GEOTRYGGHET_CONFIG</c>): <c>studyArea</c>, a GeoJSON file whose polygons bound where data may
/// lie, and <c>incidentCategories</c>, a strict list of accepted incident categories.
/// </summary>
internal static class DeploymentConfig
{
    public static string? PathInUse =>
        Environment.GetEnvironmentVariable("GEOTRYGGHET_CONFIG") is { Length: > 0 } p ? p
        : File.Exists(System.IO.Path.Combine(ProjectPaths.Root, "geotrygghet.json")) ? System.IO.Path.Combine(ProjectPaths.Root, "geotrygghet.json") : null;

    public static ImportSettings Load(int analysisSrid)
    {
        var path = PathInUse;
        if (path is null)
        {
            return ImportSettings.Default with { AnalysisSrid = analysisSrid };
        }

        if (!File.Exists(path))
        {
            throw new ConfigException($"{path}: the configuration file does not exist");
        }

        using var doc = JsonDocument.Parse(File.ReadAllText(path));
        StudyArea? area = null;
        if (doc.RootElement.TryGetProperty("studyArea", out var a) && a.GetString() is { } areaFile)
        {
            var full = System.IO.Path.IsPathRooted(areaFile) ? areaFile : System.IO.Path.Combine(System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path))!, areaFile);
            using var reader = new GeoJsonRecordReader(full);
            var reprojector = new GeometryReprojector(reader.DeclaredSrid ?? 4326, analysisSrid);
            var polygons = reader.Read().Select(r => r.Geometry).OfType<Geometry>().Where(g => g is Polygon or MultiPolygon).Select(reprojector.Transform).ToList();
            if (polygons.Count == 0)
            {
                throw new ConfigException($"{path}: studyArea {full} has no polygon");
            }

            area = new StudyArea(System.IO.Path.GetFileNameWithoutExtension(full), NetTopologySuite.Operation.Union.UnaryUnionOp.Union(polygons));
        }

        HashSet<string>? categories = null;
        if (doc.RootElement.TryGetProperty("incidentCategories", out var c) && c.ValueKind == JsonValueKind.Array)
        {
            categories = c.EnumerateArray().Select(e => e.GetString() ?? string.Empty).ToHashSet(StringComparer.Ordinal);
        }

        return new ImportSettings(analysisSrid, area, categories);
    }
}
