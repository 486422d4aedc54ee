using GeoTrygghet.IntegrationTests.Support;

namespace GeoTrygghet.IntegrationTests.Import;

/// <summary>
/// A first load into an empty table drops its indexes and primary key and builds them again after the
/// COPY (much faster than maintaining them row by row): the table must come out with exactly the
/// indexes and constraints it had, valid, whether the load is committed or rolled back.
/// </summary>
public sealed class FirstLoadTests(TestDatabase db) : IClassFixture<TestDatabase>
{
    private const string Structure = """
        SELECT c.relname || ': ' || pg_get_indexdef(x.indexrelid) || CASE WHEN x.indisvalid AND x.indisready THEN '' ELSE ' (INVALID)' END
        FROM pg_index x JOIN pg_class c ON c.oid = x.indrelid JOIN pg_namespace s ON s.oid = c.relnamespace
        WHERE s.nspname = 'public'
        UNION ALL
        SELECT r.relname || ': ' || k.conname || ' ' || pg_get_constraintdef(k.oid)
        FROM pg_constraint k JOIN pg_class r ON r.oid = k.conrelid JOIN pg_namespace s ON s.oid = r.relnamespace
        WHERE s.nspname = 'public'
        ORDER BY 1
        """;

    [Fact]
    public void Tables_keep_every_index_and_constraint_after_a_committed_and_a_failed_first_load()
    {
        var before = Snapshot();
        Assert.Contains(before, s => s.StartsWith("incidents: pk_incidents PRIMARY KEY (id)", StringComparison.Ordinal));
        Assert.Contains(before, s => s.Contains("ix_incidents_geom ON public.incidents USING gist (geom)", StringComparison.Ordinal));

        var dir = Directory.CreateTempSubdirectory("gt-firstload-").FullName;
        try
        {
            var bad = Path.Combine(dir, "bad.csv");
            File.WriteAllText(bad, "id,x,y,time_from,category\nA1,556000,6597000,2024-03-01T22:00,Misshandel\nA2,556000,6597000,2024-13-01T22:00,Misshandel\n");
            var failed = GtProcess.Run(db.ConnectionString, "import", "incidents", bad);
            Assert.Equal(1, failed.ExitCode);
            Assert.Equal(0, db.Scalar("SELECT count(*) FROM incidents"));
            Assert.Equal(before, Snapshot());
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }

        var demo = GtProcess.Run(db.ConnectionString, DemoLoad.NoServe);
        Assert.True(demo.ExitCode == 0, demo.All);
        Assert.True(db.Scalar("SELECT count(*) FROM incidents") > 1000);
        Assert.Equal(before, Snapshot());
        Assert.Equal(0, db.Scalar("SELECT count(*) - count(DISTINCT id) FROM incidents"));
    }

    private List<string> Snapshot() => db.Rows(Structure).Select(r => (string)r[0]!).ToList();
}
