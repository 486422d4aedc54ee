using GeoTrygghet.Core.Import;
using GeoTrygghet.Data.Evaluation;
using NetTopologySuite.Geometries;

namespace GeoTrygghet.Application.Evaluation;

/// <summary>What a user asks to evaluate, from the command line or the map service; nulls take the reported defaults.</summary>
public sealed record EvaluationRequest
{
    public const double DefaultBufferMetres = 200;
    public const int DefaultDays = 365;

    public string? MeasureId { get; init; }
    public Geometry? Treated { get; init; }
    public string? TreatedName { get; init; }
    public DateOnly? Date { get; init; }
    public double? BufferMetres { get; init; }
    public Geometry? Control { get; init; }
    public string? ControlName { get; init; }
    public int? BeforeDays { get; init; }
    public int? AfterDays { get; init; }
    public bool DarkOnly { get; init; }
    public bool Reports { get; init; }
    public IReadOnlyList<string> Categories { get; init; } = [];
    public IReadOnlyList<string> Sources { get; init; } = [];

    /// <summary>The organisations whose events the evaluation counts (issue #10); null counts all (the command line, the public view's aggregate).</summary>
    public Core.Access.EventOwners? Owners { get; init; }

    /// <summary>The deployment's study area (geotrygghet.json), if any, and the file it came from.</summary>
    public StudyArea? StudyArea { get; init; }
    public string? StudyAreaSource { get; init; }
}
