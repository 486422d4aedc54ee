using System.Collections.Concurrent;

namespace GeoTrygghet.Core.Import;

/// <summary>
/// Hands rows to a sink on its own thread in batches, so that parsing and writing use both cores.
/// The sink sees the rows in order and from one thread only. A failure of the sink stops the
/// producer and is rethrown by <see cref="Finish"/> (or the next <see cref="Add"/>).
/// </summary>
public sealed class BatchWriter<TRow> : IDisposable
{
    private const int BatchSize = 4096;
    private readonly BlockingCollection<List<TRow>> _queue = new(boundedCapacity: 16);
    private readonly CancellationTokenSource _failed = new();
    private readonly Task _consumer;
    private List<TRow> _batch = new(BatchSize);

    public BatchWriter(IImportSink<TRow> sink)
    {
        _consumer = Task.Factory.StartNew(
            () =>
            {
                try
                {
                    foreach (var batch in _queue.GetConsumingEnumerable())
                    {
                        foreach (var row in batch)
                        {
                            sink.Add(row);
                        }
                    }
                }
                catch
                {
                    _failed.Cancel();
                    throw;
                }
            },
            CancellationToken.None,
            TaskCreationOptions.LongRunning,
            TaskScheduler.Default);
    }

    public void Add(TRow row)
    {
        _batch.Add(row);
        if (_batch.Count == BatchSize)
        {
            Flush();
        }
    }

    /// <summary>Waits until the sink has every row; rethrows the sink's failure, if any.</summary>
    public void Finish()
    {
        if (_batch.Count > 0)
        {
            Flush();
        }

        _queue.CompleteAdding();
        _consumer.GetAwaiter().GetResult();
    }

    public void Dispose()
    {
        if (!_queue.IsAddingCompleted)
        {
            _queue.CompleteAdding();
            try
            {
                _consumer.Wait();
            }
            catch (AggregateException)
            {
                // Already failing: the caller's exception is the one to report.
            }
        }

        _queue.Dispose();
        _failed.Dispose();
    }

    private void Flush()
    {
        try
        {
            _queue.Add(_batch, _failed.Token);
        }
        catch (OperationCanceledException)
        {
            _consumer.GetAwaiter().GetResult();
            throw;
        }

        _batch = new List<TRow>(BatchSize);
    }
}
