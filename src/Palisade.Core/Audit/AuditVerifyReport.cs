namespace Palisade.Core.Audit;

/// <summary>The first record that broke the chain: where it is and what broke.</summary>
public sealed record AuditVerifyFailure(string File, long Line, long? Seq, string Problem);

/// <summary>What <see cref="AuditVerifier"/> found. Counts cover the records checked before any failure.</summary>
public sealed record AuditVerifyReport
{
    public required string Directory { get; init; }
    public required string KeyId { get; init; }
    public int Files { get; init; }
    public long Records { get; init; }
    public long Checkpoints { get; init; }
    public long Gaps { get; init; }
    public long DroppedBytes { get; init; }
    public long LastSeq { get; init; }

    /// <summary>Records after the last checkpoint: chained, but not yet covered by a signature.</summary>
    public long UnsignedTail { get; init; }
    public AuditVerifyFailure? Failure { get; init; }
    public bool Intact => Failure is null;
}
