using System.Collections.Concurrent;
using GeoTrygghet.Data.Access;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace GeoTrygghet.Server.Security;

/// <summary>
/// The database as a request may read it (issue #10): as the service's role (<see cref="ServiceRole"/>) for the signed-in
/// reader's organisation, so row-level security lets through only what that organisation may see even where a query
/// forgot the sharing rules; as nobody's for the public view; and, for the public view's counts and the extents of
/// layers, the whole data (<see cref="Aggregates"/>), which only aggregating code asks for. One pooled data source per
/// organisation. The service role is granted the tables when the first request comes (and again after a failure, e.g.
/// while the database was away).
/// </summary>
public sealed class ServiceDatabase(ServerOptions options, ILogger<ServiceDatabase> log) : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, NpgsqlDataSource> _sources = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();
    private volatile bool _granted;

    /// <summary>The connection string of the request's reader, for the runners that open their own connections.</summary>
    public string ConnectionString(HttpContext http)
    {
        EnsureGranted();
        return http.SeesPublicView(options) ? ServiceRole.ForOrganisation(options.ConnectionString, null) : ServiceRole.ForOrganisation(options.ConnectionString, http.Viewer()!.Org);
    }

    public NpgsqlDataSource For(HttpContext http) => Source(ConnectionString(http));

    /// <summary>Every event, for counts that leave the service only as aggregates (the public cells, the public evaluation, layer extents).</summary>
    public string AggregatesConnectionString
    {
        get
        {
            EnsureGranted();
            return ServiceRole.ForAggregates(options.ConnectionString);
        }
    }

    public NpgsqlDataSource Aggregates => Source(AggregatesConnectionString);

    /// <summary>Nobody's connection: no event, no run; the audit trail appends with it.</summary>
    public string NobodysConnectionString
    {
        get
        {
            EnsureGranted();
            return ServiceRole.ForOrganisation(options.ConnectionString, null);
        }
    }

    private NpgsqlDataSource Source(string connectionString) =>
        _sources.GetOrAdd(connectionString, cs => new NpgsqlDataSourceBuilder(cs).Build());

    private void EnsureGranted()
    {
        if (_granted)
        {
            return;
        }

        try
        {
            // One at a time: GRANTs of the same tables at once fail with "tuple concurrently updated".
            lock (_gate)
            {
                if (!_granted)
                {
                    ServiceRole.Grant(options.ConnectionString);
                    _granted = true;
                }
            }
        }
        catch (Data.DatabaseException e) when (e.InnerException is NpgsqlException or System.Net.Sockets.SocketException or TimeoutException)
        {
            log.LogWarning("Could not grant the service role its tables yet ({Message}); trying again with the next request.", e.Message);
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var source in _sources.Values)
        {
            await source.DisposeAsync();
        }
    }
}
