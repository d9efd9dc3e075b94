using Palisade.Core.Audit;
using Palisade.Core.Model;
using Palisade.Core.Policy;
using Palisade.Gateway.Enforcement;
using Palisade.Gateway.Hosting;

namespace Palisade.Gateway.Egress;

/// <summary>
/// How the egress proxy asks for verdicts. <see cref="JudgeAsync"/> goes through the enforcement point (evaluated and
/// recorded). <see cref="JudgeQuietAsync"/> is for the windows of a long stream: a clean window is not recorded one by
/// one (the request's own record covers it), a window with findings is. <see cref="RefuseAsync"/> records the proxy's
/// own decisions (an address in a blocked range, a rate limit, an SNI that does not match), which no rule of the engine makes.
/// </summary>
public sealed class EgressJudge(GatewayContext gateway)
{
    public const string Surface = "proxy";

    public bool Monitor => gateway.Config.Mode == PolicyMode.Monitor;

    public ValueTask<Judgement> JudgeAsync(AgentAction action, IReadOnlyDictionary<string, string>? extra = null, CancellationToken cancel = default) =>
        gateway.Enforcement.JudgeAsync(action, Surface, extra, cancel);

    public async ValueTask<Judgement?> JudgeQuietAsync(AgentAction action, IReadOnlyDictionary<string, string>? extra = null, CancellationToken cancel = default)
    {
        Verdict verdict;
        try
        {
            verdict = gateway.Engine.Evaluate(action);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return await JudgeAsync(action, extra, cancel).ConfigureAwait(false);
        }
        if (verdict.Decision == Decision.Allow && verdict.Findings.Count == 0) return null;
        return await JudgeAsync(action, extra, cancel).ConfigureAwait(false);
    }

    /// <summary>Judges and, for a review, waits for a person.</summary>
    public async ValueTask<Judgement> JudgeAndReviewAsync(AgentAction action, string summary, IReadOnlyDictionary<string, string>? extra, CancellationToken cancel)
    {
        var judgement = await JudgeAsync(action, extra, cancel).ConfigureAwait(false);
        return await gateway.Enforcement.ReviewAsync(judgement, action, Surface, summary, cancel).ConfigureAwait(false);
    }

    /// <summary>Records a refusal the proxy itself decided; in monitor mode it is recorded as what would have happened and the traffic goes on.</summary>
    public async ValueTask<Judgement> RefuseAsync(AgentAction action, string rule, string category, string reason, IReadOnlyDictionary<string, string>? extra = null,
        IReadOnlyList<Finding>? findings = null)
    {
        var verdict = new Verdict
        {
            Decision = Monitor ? Decision.Audit : Decision.Block,
            WouldDecide = Decision.Block,
            DecidingRule = rule,
            Reason = reason,
            Findings = findings ?? [new Finding
            {
                RuleId = rule,
                Scanner = "proxy",
                Category = category,
                Severity = Severity.High,
                Location = new FindingLocation("connection", "raw", 0, 0),
                Evidence = "",
                Description = reason,
                Action = Decision.Block,
            }],
        };
        var eventId = AuditEvent.NewId(gateway.Time);
        try
        {
            await gateway.Audit.AppendAsync(AuditEvent.ForVerdict(Surface, action, verdict, eventId, extra), CancellationToken.None).ConfigureAwait(false);
        }
        catch (AuditException) when (!Monitor)
        {
            // Already a block; the recorder's health stops the next action.
        }
        return new Judgement(verdict, eventId);
    }

    /// <summary>
    /// A host as the flight recorder may show it: the last two labels (or the IP address), and for a longer name how
    /// many labels were left out with a keyed hash of the whole. Subdomains are where secrets hide (a key split into
    /// labels), and the recorder must never hold what it caught.
    /// </summary>
    public string SafeHost(string host)
    {
        if (System.Net.IPAddress.TryParse(host.Trim('[', ']'), out _)) return host;
        var labels = host.TrimEnd('.').Split('.');
        if (labels.Length <= 2 && host.Length <= 63) return host;
        var tail = string.Join('.', labels[^Math.Min(2, labels.Length)..]);
        if (tail.Length > 63) tail = gateway.Engine.Redactor.Mask(tail);
        return $"{tail} (+{labels.Length - 2} labels, h:{gateway.Engine.Redactor.Hash(host)})";
    }

    /// <summary>True when the traffic must not go on: a block (or a redaction the proxy cannot apply to bytes in flight).</summary>
    public static bool Stops(Judgement judgement) => judgement.Decision is Decision.Block or Decision.Redact or Decision.Review;
}
