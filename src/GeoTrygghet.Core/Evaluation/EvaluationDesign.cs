namespace GeoTrygghet.Core.Evaluation;

/// <summary>
/// What an evaluation compares: the measure (or treated file), its date, the before and after windows as
/// instants (UTC, from Stockholm midnights), the areas, where the sun is reckoned, and what events count.
/// </summary>
public sealed record EvaluationDesign
{
    public required string Measure { get; init; }
    public string? MeasureType { get; init; }
    public string? Description { get; init; }
    public DateOnly? MeasureEnd { get; init; }
    public required DateOnly Date { get; init; }
    public required int BeforeDays { get; init; }
    public required int AfterDays { get; init; }
    public required DateTimeOffset BeforeFrom { get; init; }
    public required DateTimeOffset Start { get; init; }
    public required DateTimeOffset AfterTo { get; init; }
    public required double Latitude { get; init; }
    public required double Longitude { get; init; }
    public required EvaluationAreas Areas { get; init; }
    public bool DarkOnly { get; init; }
    public required string Events { get; init; }
    public IReadOnlyDictionary<string, string> Defaults { get; init; } = new Dictionary<string, string>();
    public DateTimeOffset? DataFrom { get; init; }
    public DateTimeOffset? DataTo { get; init; }
}
