using GeoTrygghet.Core.Import;
using GeoTrygghet.Core.Reporting;

namespace GeoTrygghet.Application.Reporting;

/// <summary>What <c>gt report quarter</c> (and the viewer's report page) asks for.</summary>
public sealed record QuarterReportRequest
{
    public required Quarter Quarter { get; init; }

    /// <summary>The areas by name; null or empty: every focus area (and always the whole municipality).</summary>
    public IReadOnlyList<string>? Areas { get; init; }

    public ReportLanguage Language { get; init; } = ReportLanguage.Swedish;

    /// <summary>The public version: whole months, fixed cells, counts under <see cref="PublicMinCount"/> hidden, no single event.</summary>
    public bool Public { get; init; }

    public int PublicMinCount { get; init; } = 5;

    public double PublicCellMetres { get; init; } = 250;

    /// <summary>Gi* grid cell of the quarter's hotspots, metres.</summary>
    public double HotspotCellMetres { get; init; } = 50;

    /// <summary>Gi* distance band of the quarter's hotspots, metres.</summary>
    public double HotspotBandMetres { get; init; } = 100;

    /// <summary>A hotspot of fewer events than this in the quarter is left out (noise at the edge of a hot cell).</summary>
    public int HotspotMinEvents { get; init; } = 5;

    /// <summary>The study area of geotrygghet.json, for the measures' control areas; null: the areas' extent.</summary>
    public StudyArea? StudyArea { get; init; }

    public string? StudyAreaSource { get; init; }
}

/// <summary>A report that cannot be made as asked (an unknown area, a quarter without data): says what there is.</summary>
public sealed class ReportException(string message) : Exception(message);
