namespace Palisade.Core.Audit;

/// <summary>Queue and batch sizes for <see cref="AuditRecorder"/>.</summary>
public sealed record AuditRecorderOptions
{
    /// <summary>Events waiting to be written; when full, <see cref="AuditRecorder.AppendAsync"/> waits for room (backpressure, never loss).</summary>
    public int Capacity { get; init; } = 4096;

    /// <summary>The most events one locked, flushed batch takes.</summary>
    public int MaxBatch { get; init; } = 256;
}
