namespace GeoTrygghet.Data.Schema;

/// <summary>
/// The SRID geometry columns are created with. Read once from <c>GEOTRYGGHET_SRID</c> (default 3006,
/// SWEREF 99 TM) when the schema is first created; afterwards the database's own
/// <c>deployment_settings.analysis_srid</c> is authoritative and a different value is refused.
/// </summary>
public static class SchemaSrid
{
    public const int Default = 3006;

    public static int Value { get; } = ReadEnvironment();

    private static int ReadEnvironment()
    {
        var text = Environment.GetEnvironmentVariable("GEOTRYGGHET_SRID");
        return string.IsNullOrWhiteSpace(text) ? Default : GeoTrygghet.Core.Crs.CrsRegistry.ParseCode(text);
    }
}
