using GeoTrygghet.Data.Schema;

namespace GeoTrygghet.Server;

/// <summary>
/// The analysis CRS of the service's database: given at start (<c>gt serve</c> reads it there), or read from the
/// database the first time a request needs it, since the service starts and stays up without its database. Read once.
/// </summary>
public sealed class AnalysisCrs(string connectionString, int? given)
{
    private int? _srid = given;

    public int Srid => _srid ??= SchemaManager.AnalysisSrid(connectionString);
}
