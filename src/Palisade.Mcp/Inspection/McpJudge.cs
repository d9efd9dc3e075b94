using Palisade.Core.Audit;
using Palisade.Core.Engine;
using Palisade.Core.Model;

namespace Palisade.Mcp.Inspection;

/// <summary>A verdict and the id of the audit record that holds it (quoted in block errors).</summary>
public sealed record Judgement(Verdict Verdict, string EventId);

/// <summary>
/// Asks the engine about one action, adds the proxy's own findings, and records the verdict. If the record cannot
/// be written the action is stopped: an enforcing proxy does not act without a trace.
/// </summary>
public sealed class McpJudge(PalisadeEngine engine, IMcpAuditSink audit, TimeProvider time, string server)
{
    public PalisadeEngine Engine => engine;
    public string Server => server;

    public async Task<Judgement> JudgeAsync(AgentAction action, IReadOnlyList<Finding> extra, string method, CancellationToken cancel)
    {
        var verdict = action.Fields.Count > 0 || action.Kind == ActionKind.ToolCall ? engine.Evaluate(action) : Verdict.Allow;
        if (extra.Count > 0) verdict = engine.Policy.Decide([.. verdict.Findings, .. extra]);
        var eventId = AuditEvent.NewId(time);
        var details = new Dictionary<string, string> { ["mcp_server"] = server, ["mcp_method"] = method };
        if (action.ToolName is { } tool) details["tool"] = tool;
        try
        {
            await audit.RecordAsync(AuditEvent.ForVerdict(McpActions.Transport, action, verdict, eventId, details), cancel).ConfigureAwait(false);
        }
        catch (AuditException)
        {
            if (engine.Config.Mode != Palisade.Core.Policy.PolicyMode.Monitor)
                verdict = engine.Policy.Decide([.. verdict.Findings, McpFindings.Of(McpFindings.AuditUnavailable, "", "the flight recorder could not write this verdict")]);
        }
        return new Judgement(verdict, eventId);
    }
}
