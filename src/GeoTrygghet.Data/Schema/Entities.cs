using NetTopologySuite.Geometries;

namespace GeoTrygghet.Data.Schema;

// The stored entities, one per table. They are the schema's source of truth for EF Core migrations;
// rows are written by binary COPY (see Import/), not through change tracking. Kept in one file so
// the schema reads as one page.

public sealed class Incident
{
    public long Id { get; set; }
    public required string Source { get; set; }

    /// <summary>The organisation that owns the row (issue #10); null for rows imported before owners were kept.</summary>
    public string? OrgId { get; set; }
    public required string ExternalId { get; set; }
    public string? CrimeCode { get; set; }
    public string? Category { get; set; }
    public required string CategoryGroup { get; set; }
    public DateTimeOffset TimeFrom { get; set; }
    public DateTimeOffset? TimeTo { get; set; }
    public required Point Geom { get; set; }
    public double? AccuracyM { get; set; }
    public string? LocationName { get; set; }
    public DateTimeOffset ImportedAt { get; set; }
}

public sealed class Report
{
    public long Id { get; set; }
    public required string Source { get; set; }

    /// <summary>The organisation that owns the row (issue #10); null for rows imported before owners were kept.</summary>
    public string? OrgId { get; set; }
    public required string ExternalId { get; set; }
    public required string Kind { get; set; }
    public required string Category { get; set; }
    public string? ReporterRole { get; set; }
    public string? Text { get; set; }
    public DateTimeOffset TimeFrom { get; set; }
    public DateTimeOffset? TimeTo { get; set; }
    public required Point Geom { get; set; }
    public DateTimeOffset ImportedAt { get; set; }
}

public sealed class StreetLight
{
    public long Id { get; set; }
    public required string Source { get; set; }

    /// <summary>The organisation that owns the row (issue #10); null for rows imported before owners were kept.</summary>
    public string? OrgId { get; set; }
    public required string ExternalId { get; set; }
    public required Point Geom { get; set; }
    public required string Status { get; set; }
    public required string StatusChanges { get; set; }
    public string? LampType { get; set; }
    public double? Lumen { get; set; }
    public double? Watt { get; set; }
    public double? HeightM { get; set; }
    public DateOnly? InstalledOn { get; set; }
    public DateTimeOffset ImportedAt { get; set; }
}

public sealed class Camera
{
    public long Id { get; set; }
    public required string Source { get; set; }

    /// <summary>The organisation that owns the row (issue #10); null for rows imported before owners were kept.</summary>
    public string? OrgId { get; set; }
    public required string ExternalId { get; set; }
    public required Point Geom { get; set; }
    public double? DirectionDeg { get; set; }
    public double? FovDeg { get; set; }
    public double? RangeM { get; set; }
    public TimeOnly? HoursStart { get; set; }
    public TimeOnly? HoursEnd { get; set; }
    public string? Owner { get; set; }
    public string? PermitRef { get; set; }
    public DateOnly? InstalledOn { get; set; }
    public DateTimeOffset ImportedAt { get; set; }
}

public sealed class Measure
{
    public long Id { get; set; }
    public required string Source { get; set; }

    /// <summary>The organisation that owns the row (issue #10); null for rows imported before owners were kept.</summary>
    public string? OrgId { get; set; }
    public required string ExternalId { get; set; }
    public required string Type { get; set; }
    public required Geometry Geom { get; set; }
    public DateOnly StartDate { get; set; }
    public DateOnly? EndDate { get; set; }
    public string? Description { get; set; }
    public required string[] Assets { get; set; }
    public DateTimeOffset ImportedAt { get; set; }
}

public sealed class Area
{
    public long Id { get; set; }
    public required string Source { get; set; }
    public required string ExternalId { get; set; }
    public required string Kind { get; set; }
    public required string Name { get; set; }
    public int? Year { get; set; }
    public required MultiPolygon Geom { get; set; }
    public double? SafetyScore { get; set; }
    public int? Respondents { get; set; }
    public DateTimeOffset ImportedAt { get; set; }
}

public sealed class BasemapFeature
{
    public long Id { get; set; }
    public required string Source { get; set; }
    public required string ExternalId { get; set; }
    public required string Kind { get; set; }
    public string? Name { get; set; }
    public required Geometry Geom { get; set; }
}

public sealed class DeploymentSetting
{
    public required string Key { get; set; }
    public required string Value { get; set; }
}

public sealed class DataChange
{
    public long Id { get; set; }
    public required string Layer { get; set; }
    public DateTimeOffset ChangedAt { get; set; }
    public long Rows { get; set; }
}

/// <summary>A stored analysis: what was run on which data, with its full report (method, parameters, automatic choices).</summary>
public sealed class AnalysisRun
{
    public long Id { get; set; }
    public required string Name { get; set; }
    public required string Method { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? PeriodFrom { get; set; }
    public DateTimeOffset? PeriodTo { get; set; }
    public required string Filters { get; set; }
    public required string Report { get; set; }
    public int FeatureCount { get; set; }

    /// <summary>The organisation the run was made for; only its users see the run (null: no signed-in user does).</summary>
    public string? OrgId { get; set; }
}

/// <summary>One result feature of a run (a cell, a cluster polygon) with its statistics as JSON.</summary>
public sealed class AnalysisFeature
{
    public long Id { get; set; }
    public long RunId { get; set; }
    public required string Kind { get; set; }
    public required Geometry Geom { get; set; }
    public required string Properties { get; set; }
}

/// <summary>A citizen promise of the register (issue #11): its main fields for queries, the whole promise as given in <see cref="Document"/>.</summary>
public sealed class PromiseRecord
{
    public required string Id { get; set; }
    public required string Title { get; set; }
    public DateOnly PeriodFrom { get; set; }
    public DateOnly PeriodTo { get; set; }
    public string? Area { get; set; }
    public string? Theme { get; set; }
    public required string Document { get; set; }
    public required string Source { get; set; }
    public DateTimeOffset ImportedAt { get; set; }
}

/// <summary>A visit a patrol actually made: from a GPX track (where it stood still) or a check-in list.</summary>
public sealed class PatrolVisit
{
    public long Id { get; set; }
    public required string Source { get; set; }
    public required string ExternalId { get; set; }
    public required string Patrol { get; set; }
    public string? Hotspot { get; set; }
    public DateTimeOffset ArrivedAt { get; set; }
    public DateTimeOffset LeftAt { get; set; }
    public required Point Geom { get; set; }
    public DateTimeOffset ImportedAt { get; set; }
}
