using System.Collections.Concurrent;
using GeoTrygghet.Data.Layers;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace GeoTrygghet.Server.Tiles;

/// <summary>
/// The current version of every table's data, from <c>data_changes</c> (<see cref="DataChanges"/>): read at start and whenever the
/// listening connection (re)connects, and moved on by the <c>gt_data_changes</c> notification that every
/// committed import or analysis run sends. Tile ETags and the tile cache key on these versions, so a
/// tile of changed data is never served from cache.
/// </summary>
public sealed class DataVersions(string connectionString, ILogger<DataVersions> log) : BackgroundService
{
    private readonly ConcurrentDictionary<string, long> _versions = new(StringComparer.Ordinal);
    private long _epoch;

    /// <summary>Changes whenever the versions were reloaded (e.g. after the database was away).</summary>
    public long Epoch => Interlocked.Read(ref _epoch);

    public long Of(IEnumerable<string> tables) => tables.Sum(t => _versions.GetValueOrDefault(t));

    public bool Ready { get; private set; }

    public void Reload(NpgsqlConnection conn)
    {
        foreach (var (table, version) in DataChanges.Read(conn))
        {
            _versions[table] = version;
        }

        Interlocked.Increment(ref _epoch);
        Ready = true;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var conn = new NpgsqlConnection(connectionString);
                await conn.OpenAsync(stoppingToken);
                conn.Notification += (_, e) =>
                {
                    if (DataChanges.Parse(e.Payload) is { } change)
                    {
                        _versions.AddOrUpdate(change.Table, change.Version, (_, old) => Math.Max(old, change.Version));
                    }
                };
                await DataChanges.ListenAsync(conn, stoppingToken);

                Reload(conn);
                while (!stoppingToken.IsCancellationRequested)
                {
                    await conn.WaitAsync(stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is NpgsqlException or System.Net.Sockets.SocketException or IOException or TimeoutException)
            {
                Ready = false;
                log.LogWarning("Lost the database connection that tracks data changes ({Message}); retrying in 2 s.", e.Message);
                await Task.Delay(TimeSpan.FromSeconds(2), stoppingToken).ConfigureAwait(false);
            }
        }
    }
}
