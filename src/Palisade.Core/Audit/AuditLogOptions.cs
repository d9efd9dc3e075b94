namespace Palisade.Core.Audit;

/// <summary>Where and how the flight recorder writes. Checked when an <see cref="AuditLog"/> is made.</summary>
public sealed record AuditLogOptions
{
    /// <summary>The audit directory (<c>$PALISADE_HOME/audit</c> by default); created 0700 on first append.</summary>
    public required string Directory { get; init; }

    /// <summary>A signed checkpoint lands whenever <c>seq</c> reaches a multiple of this, and on orderly close.</summary>
    public int CheckpointInterval { get; init; } = 256;

    /// <summary>How long an append waits for another writer's lock before failing.</summary>
    public TimeSpan LockTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>The most bytes a torn-tail repair may cut; more damage than this stops the writer for a person to look at.</summary>
    public long MaxRepairBytes { get; init; } = 4 * 1024 * 1024;

    internal void Validate()
    {
        if (string.IsNullOrWhiteSpace(Directory)) throw new ArgumentException("the audit directory is empty.", nameof(Directory));
        if (CheckpointInterval < 2) throw new ArgumentException($"the checkpoint interval must be at least 2 (got {CheckpointInterval}).", nameof(CheckpointInterval));
        if (LockTimeout <= TimeSpan.Zero) throw new ArgumentException("the lock timeout must be positive.", nameof(LockTimeout));
        if (MaxRepairBytes < 0) throw new ArgumentException("the repair bound cannot be negative.", nameof(MaxRepairBytes));
    }
}
