using NetTopologySuite.Geometries;

namespace GeoTrygghet.Core.Domain;

// The typed rows an import produces: validated, in the analysis CRS, times in UTC.
// One file because they are the vocabulary of a single table each and read best side by side.

public sealed record IncidentRow(
    string Source, string ExternalId, string? CrimeCode, string? Category, string CategoryGroup,
    DateTimeOffset TimeFrom, DateTimeOffset? TimeTo, Point Geom, double? AccuracyM, string? LocationName);

public sealed record ReportRow(
    string Source, string ExternalId, string Kind, string Category, string? ReporterRole, string? Text,
    DateTimeOffset TimeFrom, DateTimeOffset? TimeTo, Point Geom);

public sealed record LightStatusChange(DateOnly Date, string Status);

public sealed record LightRow(
    string Source, string ExternalId, Point Geom, string Status, IReadOnlyList<LightStatusChange> StatusChanges,
    string? LampType, double? Lumen, double? Watt, double? HeightM, DateOnly? InstalledOn);

public sealed record CameraRow(
    string Source, string ExternalId, Point Geom, double? DirectionDeg, double? FovDeg, double? RangeM,
    TimeOnly? HoursStart, TimeOnly? HoursEnd, string? Owner, string? PermitRef, DateOnly? InstalledOn);

public sealed record MeasureRow(
    string Source, string ExternalId, string Type, Geometry Geom, DateOnly StartDate, DateOnly? EndDate,
    string? Description, IReadOnlyList<string> Assets);

public sealed record AreaRow(
    string Source, string ExternalId, string Kind, string Name, int? Year, MultiPolygon Geom,
    double? SafetyScore, int? Respondents);

public sealed record BasemapRow(string Source, string ExternalId, string Kind, string? Name, Geometry Geom);
