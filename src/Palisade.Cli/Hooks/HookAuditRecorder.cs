using Palisade.Core.Audit;
using Palisade.Core.Config;

namespace Palisade.Cli.Hooks;

/// <summary>
/// The flight recorder under <c>$PALISADE_HOME/audit</c>, opened on first use. A hook is one process per tool
/// call, so it does not close the chain with a checkpoint each time (that would double the log): the log signs a
/// checkpoint every <see cref="CheckpointInterval"/> records, and a new agent session signs whatever came before it.
/// </summary>
public sealed class HookAuditRecorder(PalisadeHome home, TimeProvider time) : IHookRecorder, IDisposable
{
    /// <summary>At most this many records wait unsigned at the end of the log.</summary>
    public const int CheckpointInterval = 64;

    private AuditSigningKey? _key;
    private AuditLog? _log;

    private readonly Lock _gate = new();

    public void Open()
    {
        lock (_gate)
        {
            if (_log is not null) return;
            // The key is loaded only when a checkpoint falls due (every 64th record, or a session start).
            _log = new AuditLog(new AuditLogOptions { Directory = home.AuditDirectory, CheckpointInterval = CheckpointInterval },
                () => _key = AuditSigningKey.LoadOrCreate(home), time);
        }
    }

    public void Record(AuditEvent record, bool checkpoint)
    {
        Open();
        _log!.Append([record], checkpoint);
    }

    public void Dispose() => _key?.Dispose();
}
