namespace GeoTrygghet.Core.Import;

/// <summary>
/// Deployment settings an import checks against: the analysis CRS every geometry is stored in, the
/// study area (optional), and a strict incident category list (optional; empty means any category).
/// </summary>
public sealed record ImportSettings(int AnalysisSrid, StudyArea? StudyArea, IReadOnlySet<string>? StrictIncidentCategories)
{
    public static ImportSettings Default { get; } = new(3006, null, null);
}
