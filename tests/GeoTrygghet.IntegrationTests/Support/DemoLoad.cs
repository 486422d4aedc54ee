namespace GeoTrygghet.IntegrationTests.Support;

/// <summary>
/// The arguments that load the demo town the tests know: the files committed in data/demo, which end on 2024-12-31
/// (plain <c>gt demo</c> makes a town that ends yesterday, whose dates move every day).
/// </summary>
public static class DemoLoad
{
    public const string CommittedEnd = "2024-12-31";

    public static readonly string[] NoServe = ["demo", "--no-serve", "--end", CommittedEnd];
}
