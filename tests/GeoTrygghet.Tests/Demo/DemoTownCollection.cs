namespace GeoTrygghet.Tests.Demo;

/// <summary>Shares one generated demo town among the demo test classes.</summary>
[CollectionDefinition(Name)]
public sealed class DemoTownCollection : ICollectionFixture<DemoTownFixture>
{
    public const string Name = "demo town";
}
