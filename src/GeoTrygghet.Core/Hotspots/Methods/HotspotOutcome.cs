using System.Text.Json.Nodes;
using NetTopologySuite.Geometries;

namespace GeoTrygghet.Core.Hotspots.Methods;

/// <summary>
/// One method's result on one point table: its report, its rows in the file contract (CSV header and lines, GeoJSON
/// features) and the features a stored run keeps for the map. The rows are produced when read, so a run that is only
/// stored does not format a CSV.
/// </summary>
public sealed record HotspotOutcome(
    AnalysisReport Report,
    string CsvHeader,
    IEnumerable<string> CsvRows,
    IEnumerable<(JsonNode Geometry, JsonObject Properties)> FileFeatures,
    IEnumerable<(string Kind, Geometry Geometry, object Properties)> StoredFeatures)
{
    /// <summary>DBSCAN: the clusters as polygons with their profile, for <c>--clusters</c>.</summary>
    public IEnumerable<(JsonNode Geometry, JsonObject Properties)>? Clusters { get; init; }
}
