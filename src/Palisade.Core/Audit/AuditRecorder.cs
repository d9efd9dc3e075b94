using System.Threading.Channels;

namespace Palisade.Core.Audit;

/// <summary>
/// The long-running writer (gateway, proxies): events go through a bounded channel to one background task
/// that appends them in batches, one lock and one flush per batch. <see cref="AppendAsync"/>'s task
/// completes when the record is on disk and faults with <see cref="AuditException"/> when it could not be
/// written, so an enforcing caller can await it and fail closed; a caller that does not wait reads
/// <see cref="Health"/>. <see cref="DisposeAsync"/> drains the queue and writes a closing checkpoint.
/// </summary>
public sealed class AuditRecorder : IAsyncDisposable
{
    private readonly AuditLog _log;
    private readonly AuditRecorderOptions _options;
    private readonly Channel<Pending> _queue;
    private readonly Task _loop;
    private AuditHealth _health = AuditHealth.Initial;
    private int _disposed;

    public AuditRecorder(AuditLog log, AuditRecorderOptions? options = null)
    {
        _log = log;
        _options = options ?? new AuditRecorderOptions();
        if (_options.Capacity < 1 || _options.MaxBatch < 1) throw new ArgumentException("the recorder's capacity and batch size must be positive.", nameof(options));
        _queue = Channel.CreateBounded<Pending>(new BoundedChannelOptions(_options.Capacity)
        {
            FullMode = BoundedChannelFullMode.Wait,
            SingleReader = true,
        });
        _loop = Task.Run(RunAsync);
    }

    public AuditHealth Health => Volatile.Read(ref _health);

    /// <summary>Queues <paramref name="e"/>; the task completes with its record once flushed to disk, or faults with <see cref="AuditException"/>.</summary>
    public async Task<AuditRecord> AppendAsync(AuditEvent e, CancellationToken cancellationToken = default)
    {
        AuditLog.EnsureAppendable(e);
        var pending = new Pending(e, new TaskCompletionSource<AuditRecord>(TaskCreationOptions.RunContinuationsAsynchronously));
        try
        {
            await _queue.Writer.WriteAsync(pending, cancellationToken).ConfigureAwait(false);
        }
        catch (ChannelClosedException)
        {
            throw new AuditException("the audit recorder is closed; no more records can be written.");
        }
        return await pending.Written.Task.ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0) return;
        _queue.Writer.TryComplete();
        await _loop.ConfigureAwait(false);
        try
        {
            if (_log.Checkpoint() is { } checkpoint) Succeeded([checkpoint]);
        }
        catch (Exception e)
        {
            Failed(e);
        }
    }

    private async Task RunAsync()
    {
        var batch = new List<Pending>(_options.MaxBatch);
        while (await _queue.Reader.WaitToReadAsync().ConfigureAwait(false))
        {
            batch.Clear();
            while (batch.Count < _options.MaxBatch && _queue.Reader.TryRead(out var p)) batch.Add(p);
            try
            {
                var records = _log.Append([.. batch.Select(p => p.Event)]);
                // Health first: a caller woken by its task must already see the state that woke it.
                Succeeded(records);
                Complete(batch, records);
            }
            catch (Exception e)
            {
                var error = e as AuditException ?? new AuditException($"could not write the audit log in {_log.Directory}: {e.Message}", e);
                Failed(error);
                foreach (var p in batch) p.Written.TrySetException(error);
            }
        }
    }

    /// <summary>Pairs each event with its record: the log returns the caller's event objects, among its own checkpoints and gaps.</summary>
    private static void Complete(List<Pending> batch, IReadOnlyList<AuditRecord> records)
    {
        var next = 0;
        foreach (var record in records)
            if (next < batch.Count && ReferenceEquals(record.Event, batch[next].Event)) batch[next++].Written.TrySetResult(record);
        for (; next < batch.Count; next++) batch[next].Written.TrySetException(new AuditException("the audit log did not return this event's record."));
    }

    private void Succeeded(IReadOnlyList<AuditRecord> records)
    {
        var h = Health;
        Volatile.Write(ref _health, h with { Healthy = true, RecordsWritten = h.RecordsWritten + records.Count, LastSeq = records.Count > 0 ? records[^1].Seq : h.LastSeq });
    }

    private void Failed(Exception e) =>
        Volatile.Write(ref _health, Health with { Healthy = false, LastError = e.Message, LastErrorAt = _log.Time.GetUtcNow() });

    private sealed record Pending(AuditEvent Event, TaskCompletionSource<AuditRecord> Written);
}
