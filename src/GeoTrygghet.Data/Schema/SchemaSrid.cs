namespace GeoTrygghet.Data.Schema;

/// <summary>
/// The SRID the migrations create geometry columns with. For a new schema it is <c>GEOTRYGGHET_SRID</c> (default 3006,
/// SWEREF 99 TM); once the schema exists the database's own <c>deployment_settings.analysis_srid</c> is authoritative:
/// <see cref="SchemaManager.Migrate"/> adopts it before a later migration runs, a different variable is refused, and
/// every command and the map service read the CRS from the database (<see cref="SchemaManager.AnalysisSrid"/>), not
/// from here.
/// </summary>
public static class SchemaSrid
{
    public const int Default = 3006;

    private static readonly Lock Gate = new();

    /// <summary>The SRID for the migrations about to run.</summary>
    public static int Value { get; private set; } = FromEnvironment ?? Default;

    /// <summary>The SRID <c>GEOTRYGGHET_SRID</c> asks for, or null when it is not set.</summary>
    public static int? FromEnvironment =>
        Environment.GetEnvironmentVariable("GEOTRYGGHET_SRID") is { } text && !string.IsNullOrWhiteSpace(text)
            ? GeoTrygghet.Core.Crs.CrsRegistry.ParseCode(text)
            : null;

    /// <summary>Runs the migrations of one database with its SRID (one at a time in a process: the migrations read <see cref="Value"/>).</summary>
    internal static T With<T>(int srid, Func<T> migrate)
    {
        lock (Gate)
        {
            var before = Value;
            Value = srid;
            try
            {
                return migrate();
            }
            finally
            {
                Value = before;
            }
        }
    }
}
