using Npgsql;

namespace GeoTrygghet.Data;

/// <summary>
/// Reading a query's rows so that a request whose client has left, or whose time is up, also stops the query in
/// PostgreSQL instead of letting it run to the end for nobody.
/// </summary>
internal static class CommandCancellation
{
    public static void ReadRows(this NpgsqlCommand cmd, CancellationToken cancel, Action<NpgsqlDataReader> row)
    {
        cancel.ThrowIfCancellationRequested();
        using var stop = cancel.Register(cmd.Cancel);
        try
        {
            using var reader = cmd.ExecuteReader();
            var rows = 0;
            while (reader.Read())
            {
                if ((++rows & 4095) == 0)
                {
                    cancel.ThrowIfCancellationRequested();
                }

                row(reader);
            }
        }
        catch (Exception e) when (cancel.IsCancellationRequested && e is not OperationCanceledException)
        {
            // The server answers a cancelled query with 57014 (query_canceled): that is the cancellation, not a failure.
            throw new OperationCanceledException("the query was stopped", e, cancel);
        }
    }
}
