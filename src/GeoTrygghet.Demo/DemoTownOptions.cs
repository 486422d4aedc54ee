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

    /// <summary>
    /// Last day of the period, a Stockholm calendar date; the period is the <see cref="Years"/> whole years that end on it.
    /// The default is the end of the committed files in data/demo; <c>gt demo</c> uses yesterday, so that the demo runs up
    /// to today (issue #11).
    /// </summary>
    public DateOnly End { get; init; } = CommittedEnd;

    /// <summary>The last day of the files committed in data/demo, which the tests load.</summary>
    public static readonly DateOnly CommittedEnd = new(2024, 12, 31);

    /// <summary>
    /// Exact number of incident rows; null gives the realistic default (about 2,500 a year). A larger
    /// number scales every planted component by the same factor, so the ground truth keeps its shares.
    /// </summary>
    public int? IncidentCount { get; init; }
}
