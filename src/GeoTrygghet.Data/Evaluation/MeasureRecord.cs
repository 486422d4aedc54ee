using NetTopologySuite.Geometries;

namespace GeoTrygghet.Data.Evaluation;

/// <summary>A measure of the register, as an evaluation needs it.</summary>
public sealed record MeasureRecord(string Source, string ExternalId, string Type, Geometry Geometry, DateOnly StartDate, DateOnly? EndDate, string? Description);
