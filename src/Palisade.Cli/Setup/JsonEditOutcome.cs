namespace Palisade.Cli.Setup;

public enum JsonEditOutcome
{
    /// <summary>The file already held what setup would write; nothing was touched.</summary>
    Unchanged,
    /// <summary>The file was rewritten; a backup sits next to it.</summary>
    Changed,
    /// <summary>Dry run: the diff shows what would change.</summary>
    WouldChange,
    /// <summary>The latest backup was put back.</summary>
    Restored,
    /// <summary>Dry run of an undo: the diff shows what restoring would change.</summary>
    WouldRestore,
}

/// <summary>What one edit or undo did to one file. <see cref="Diff"/> is unified-format and empty when nothing changes.</summary>
public sealed record JsonEditResult(string Path, JsonEditOutcome Outcome, string Diff, string? BackupPath);
