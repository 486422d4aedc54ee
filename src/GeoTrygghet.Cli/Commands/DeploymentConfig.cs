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
/// lie, <c>incidentCategories</c>, a strict list of accepted incident categories, and <c>retention</c>
/// (<c>{"reportTextDays": 365, "visitDays": 90}</c>), how long report texts and patrol visits are kept, and <c>oidc</c>
/// (<c>{"authority", "clientId", "userClaim", "orgClaim", "roleClaim"}</c>; the client secret in
/// <c>GEOTRYGGHET_OIDC_SECRET</c>, not in the file), sign-in through the organisations' identity provider (issue #10).
/// </summary>
internal static class DeploymentConfig
{
    private static readonly string[] Known = ["studyArea", "incidentCategories", "retention", "oidc"];

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

        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(File.ReadAllText(path));
        }
        catch (JsonException e)
        {
            throw new ConfigException($"{path}: the configuration file is not valid JSON (line {e.LineNumber + 1}): {e.Message}");
        }

        using var _ = doc;
        if (doc.RootElement.ValueKind != JsonValueKind.Object)
        {
            throw new ConfigException($"{path}: the configuration must be a JSON object such as {{\"studyArea\": \"kommun.geojson\", \"incidentCategories\": [\"Misshandel\"]}}");
        }

        // A misspelt setting would silently switch its check off.
        var unknown = doc.RootElement.EnumerateObject().Select(p => p.Name).Where(n => !Known.Contains(n, StringComparer.Ordinal)).ToList();
        if (unknown.Count > 0)
        {
            throw new ConfigException($"{path}: unknown setting(s) {string.Join(", ", unknown.Select(u => $"'{u}'"))}; the settings are {string.Join(", ", Known)} (names are case-sensitive)");
        }

        StudyArea? area = null;
        if (doc.RootElement.TryGetProperty("studyArea", out var a))
        {
            if (a.ValueKind != JsonValueKind.String || a.GetString() is not { Length: > 0 } areaFile)
            {
                throw new ConfigException($"{path}: studyArea must be the path of a GeoJSON file, as text");
            }

            var full = System.IO.Path.IsPathRooted(areaFile) ? areaFile : System.IO.Path.Combine(System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path))!, areaFile);
            if (!File.Exists(full))
            {
                throw new ConfigException($"{path}: studyArea {full} does not exist");
            }

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
        if (doc.RootElement.TryGetProperty("incidentCategories", out var c))
        {
            if (c.ValueKind != JsonValueKind.Array || c.EnumerateArray().Any(e => e.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(e.GetString())))
            {
                throw new ConfigException($"{path}: incidentCategories must be a list of category names, e.g. [\"Misshandel\", \"Rån\"]");
            }

            categories = c.EnumerateArray().Select(e => e.GetString()!.Trim()).ToHashSet(StringComparer.Ordinal);
        }

        return new ImportSettings(analysisSrid, area, categories);
    }

    /// <summary>The retention ages of <c>retention</c> in the settings file: (report texts, patrol visits) in days, each null when not set.</summary>
    public static (int? ReportTextDays, int? VisitDays) Retention()
    {
        if (PathInUse is not { } path || !File.Exists(path))
        {
            return (null, null);
        }

        using var doc = JsonDocument.Parse(File.ReadAllText(path));
        if (!doc.RootElement.TryGetProperty("retention", out var r))
        {
            return (null, null);
        }

        int? Days(string name)
        {
            if (r.ValueKind != JsonValueKind.Object)
            {
                throw new ConfigException($"{path}: retention must be an object such as {{\"reportTextDays\": 365, \"visitDays\": 90}}");
            }

            if (!r.TryGetProperty(name, out var v))
            {
                return null;
            }

            return v.ValueKind == JsonValueKind.Number && v.TryGetInt32(out var days) && days is >= 1 and <= 36500
                ? days
                : throw new ConfigException($"{path}: retention.{name} must be a whole number of days from 1 to 36500");
        }

        var unknown = r.ValueKind == JsonValueKind.Object ? r.EnumerateObject().Select(p => p.Name).Where(n => n is not ("reportTextDays" or "visitDays")).ToList() : [];
        return unknown.Count > 0
            ? throw new ConfigException($"{path}: unknown retention setting(s) {string.Join(", ", unknown)}; they are reportTextDays and visitDays")
            : (Days("reportTextDays"), Days("visitDays"));
    }

    /// <summary>The identity provider of <c>oidc</c> in the settings file, or null; its client secret from <c>GEOTRYGGHET_OIDC_SECRET</c>.</summary>
    public static Server.Security.OidcSettings? Oidc()
    {
        if (PathInUse is not { } path || !File.Exists(path))
        {
            return null;
        }

        using var doc = JsonDocument.Parse(File.ReadAllText(path));
        if (!doc.RootElement.TryGetProperty("oidc", out var o))
        {
            return null;
        }

        string? Text(string name, bool required)
        {
            if (o.ValueKind != JsonValueKind.Object)
            {
                throw new ConfigException($"{path}: oidc must be an object such as {{\"authority\": \"https://login.kommun.se\", \"clientId\": \"geotrygghet\"}}");
            }

            if (o.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String && v.GetString() is { Length: > 0 } text)
            {
                return text;
            }

            return required ? throw new ConfigException($"{path}: oidc.{name} is missing (text)") : null;
        }

        var known = new[] { "authority", "clientId", "userClaim", "orgClaim", "roleClaim" };
        var unknown = o.ValueKind == JsonValueKind.Object ? o.EnumerateObject().Select(p => p.Name).Where(n => !known.Contains(n, StringComparer.Ordinal)).ToList() : [];
        if (unknown.Count > 0)
        {
            throw new ConfigException($"{path}: unknown oidc setting(s) {string.Join(", ", unknown)}; they are {string.Join(", ", known)} (the client secret goes in GEOTRYGGHET_OIDC_SECRET)");
        }

        var authority = Text("authority", required: true)!;
        if (!Uri.TryCreate(authority, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && !uri.IsLoopback))
        {
            throw new ConfigException($"{path}: oidc.authority '{authority}' must be an https:// address (plain http only on this machine)");
        }

        var defaults = new Server.Security.OidcSettings(authority, string.Empty, null);
        return new Server.Security.OidcSettings(authority, Text("clientId", required: true)!, Environment.GetEnvironmentVariable("GEOTRYGGHET_OIDC_SECRET") is { Length: > 0 } secret ? secret : null,
            Text("userClaim", false) ?? defaults.UserClaim, Text("orgClaim", false) ?? defaults.OrgClaim, Text("roleClaim", false) ?? defaults.RoleClaim);
    }
}
