using Palisade.Core.Audit;

namespace Palisade.Mcp.Inspection;

/// <summary>Where the MCP proxy's verdicts go: the flight recorder, or nowhere (tests, eval).</summary>
public interface IMcpAuditSink
{
    /// <summary>Completes when the record is written; faults with <see cref="AuditException"/> when it cannot be.</summary>
    Task RecordAsync(AuditEvent e, CancellationToken cancel);
}

/// <summary>Records through the long-running, batched <see cref="AuditRecorder"/>.</summary>
public sealed class RecorderAuditSink(AuditRecorder recorder) : IMcpAuditSink
{
    public Task RecordAsync(AuditEvent e, CancellationToken cancel) => recorder.AppendAsync(e, cancel);
}

/// <summary>Keeps nothing.</summary>
public sealed class NoAuditSink : IMcpAuditSink
{
    public static NoAuditSink Instance { get; } = new();
    public Task RecordAsync(AuditEvent e, CancellationToken cancel) => Task.CompletedTask;
}
