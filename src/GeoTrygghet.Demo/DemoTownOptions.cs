namespace GeoTrygghet.Demo;

/// <summary>
/// Settings of <see cref="DemoTownGenerator"/>. The defaults produce the committed files in data/demo;
/// the same options always give byte-identical files.
/// </summary>
public sealed record DemoTownOptions
{
    /// <summary>Seed of every random stream of the generator.</summary>
    public int Seed { get; init; } = 20241983;

    /// <summary>Length of the period in whole years (1 to 20).</summary>
    public int Years { get; init; } = 3;

    /// <summary>First day of the period, a Stockholm calendar date.</summary>
    public DateOnly Start { get; init; } = new(2022, 1, 1);

    /// <summary>
    /// Exact number of incident rows; null gives the realistic default (about 2,500 a year). A larger
    /// number scales every planted component by the same factor, so the ground truth keeps its shares.
    /// </summary>
    public int? IncidentCount { get; init; }
}
