namespace GeoTrygghet.IntegrationTests.Support;

/// <summary>A test database with the demo town loaded once for the test class, by the real <c>gt demo --no-serve</c>.</summary>
public sealed class DemoTownDatabase : IDisposable
{
    public DemoTownDatabase()
    {
        var demo = GtProcess.Run(Db.ConnectionString, DemoLoad.NoServe);
        if (demo.ExitCode != 0)
        {
            Db.Dispose();
            throw new InvalidOperationException($"gt demo --no-serve failed: {demo.All}");
        }
    }

    public TestDatabase Db { get; } = new();

    public string ConnectionString => Db.ConnectionString;

    public long Scalar(string sql) => Db.Scalar(sql);

    public List<object?[]> Rows(string sql) => Db.Rows(sql);

    public void Dispose() => Db.Dispose();
}
