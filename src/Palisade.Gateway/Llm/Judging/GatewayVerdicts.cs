using Palisade.Core.Audit;
using Palisade.Core.Model;
using Palisade.Core.Policy;
using Palisade.Gateway.Enforcement;
using Palisade.Gateway.Hosting;

namespace Palisade.Gateway.Llm.Judging;

/// <summary>
/// Verdicts the gateway reaches itself, before or after the engine: a body over the cap, one that is not JSON, one in a
/// coding Palisade cannot read, a stream cut off inside a tool call. In monitor they are recorded and traffic goes on.
/// </summary>
public static class GatewayVerdicts
{
    public const string BodyTooLarge = "gateway-body-too-large";
    public const string UnreadableBody = "gateway-unreadable-body";
    public const string UnknownEncoding = "gateway-unscannable-encoding";
    public const string TruncatedToolCall = "gateway-truncated-tool-call";
    public const string UnreadableStream = "gateway-unreadable-stream";

    /// <param name="always">The gateway cannot go on whatever the mode (a body over the cap is never buffered).</param>
    public static async Task<Judgement> RecordAsync(GatewayContext context, Exchange exchange, ActionKind kind, Direction direction, string rule, string reason, bool always = false)
    {
        var enforce = always || context.Config.Mode != PolicyMode.Monitor;
        var verdict = new Verdict
        {
            Decision = enforce ? Decision.Block : Decision.Audit,
            WouldDecide = Decision.Block,
            DecidingRule = rule,
            Reason = enforce ? $"blocked: {reason}" : $"would be blocked ({context.Config.Mode.ToWire()} mode): {reason}",
        };
        var action = new AgentAction
        {
            Kind = kind, Direction = direction, Source = direction == Direction.Egress ? ActionSource.User : ActionSource.Model,
            Transport = "gateway", SessionId = exchange.Session,
        };
        var eventId = AuditEvent.NewId(context.Time);
        try
        {
            await context.Audit.AppendAsync(AuditEvent.ForVerdict(ToolCallJudge.Surface, action, verdict, eventId, exchange.Extra()), CancellationToken.None).ConfigureAwait(false);
        }
        catch (AuditException)
        {
            // The verdict stands either way (a block blocks; monitor goes on); the recorder's health reports the broken log.
        }
        return new Judgement(verdict, eventId);
    }
}
