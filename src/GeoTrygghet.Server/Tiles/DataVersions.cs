using System.Collections.Concurrent;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace GeoTrygghet.Server.Tiles;

/// <summary>
/// The current version of every table's data, from <c>data_changes</c>: read at start and whenever the
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
        using var cmd = new NpgsqlCommand("SELECT layer, max(id) FROM data_changes GROUP BY layer", conn);
        using var reader = cmd.ExecuteReader();
        while (reader.Read())
        {
            _versions[reader.GetString(0)] = reader.GetInt64(1);
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
                    var colon = e.Payload.LastIndexOf(':');
                    if (colon > 0 && long.TryParse(e.Payload.AsSpan(colon + 1), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var id))
                    {
                        _versions.AddOrUpdate(e.Payload[..colon], id, (_, old) => Math.Max(old, id));
                    }
                };
                await using (var listen = new NpgsqlCommand("LISTEN gt_data_changes", conn))
                {
                    await listen.ExecuteNonQueryAsync(stoppingToken);
                }

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
