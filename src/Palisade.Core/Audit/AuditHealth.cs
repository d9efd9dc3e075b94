namespace Palisade.Core.Audit;

/// <summary>
/// How the recorder is doing, for callers that do not await each append (and for health endpoints).
/// <see cref="Healthy"/> is false from a failed batch until the next batch succeeds.
/// </summary>
public sealed record AuditHealth(bool Healthy, string? LastError, DateTimeOffset? LastErrorAt, long RecordsWritten, long LastSeq)
{
    public static AuditHealth Initial { get; } = new(true, null, null, 0, 0);
}
