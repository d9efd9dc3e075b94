using Palisade.Core.Audit;
using Palisade.Core.Engine;
using Palisade.Core.Model;
using Palisade.Core.Policy;
using Palisade.Gateway.Approvals;

namespace Palisade.Gateway.Enforcement;

/// <summary>
/// The one way a surface of the host asks for a verdict: evaluate, record, and — for review — wait for a person.
/// Failure paths decide by mode: in enforce (and paranoid, interactive) an engine crash or an audit log that cannot be
/// written blocks; in monitor they are recorded and the action goes on.
/// </summary>
public sealed class EnforcementPoint(PalisadeEngine engine, AuditRecorder audit, ApprovalQueue approvals, TimeProvider time)
{
    public PalisadeEngine Engine => engine;
    private bool FailClosed => engine.Config.Mode != PolicyMode.Monitor;

    /// <summary>Judges <paramref name="action"/> and records the verdict. Allow verdicts are not waited on disk; anything else is.</summary>
    public async ValueTask<Judgement> JudgeAsync(AgentAction action, string surface, IReadOnlyDictionary<string, string>? extra = null, CancellationToken cancel = default)
    {
        Verdict verdict;
        try
        {
            verdict = engine.Evaluate(action);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The engine guards its own scanners; this is the last line for anything else.
            verdict = Failure("engine-error", "the engine failed on this action; it was stopped because nothing could be checked.");
        }
        var eventId = AuditEvent.NewId(time);
        if (verdict.Decision == Decision.Allow && FailClosed && !audit.Health.Healthy)
            verdict = Failure("audit-unavailable", "the flight recorder cannot write; actions are stopped until it can.");
        var write = audit.AppendAsync(AuditEvent.ForVerdict(surface, action, verdict, eventId, extra), CancellationToken.None);
        if (verdict.Decision == Decision.Allow && verdict.Findings.Count == 0)
        {
            // The common path: do not wait for the disk. A failed write flips Health, which blocks the next action.
            _ = write.ContinueWith(static t => _ = t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted | TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
            return new Judgement(verdict, eventId);
        }
        try
        {
            await write.WaitAsync(cancel).ConfigureAwait(false);
        }
        catch (AuditException) when (FailClosed)
        {
            verdict = Failure("audit-unavailable", "the flight recorder could not write this verdict; the action was stopped.");
        }
        catch (AuditException)
        {
            // monitor: the verdict stands; Health reports the broken log.
        }
        return new Judgement(verdict, eventId);
    }

    /// <summary>
    /// For a <see cref="Decision.Review"/> judgement, holds the caller until a person approves (→ allow) or not (→ block),
    /// and records the outcome (with <paramref name="extra"/>, plus the approval keys). Other judgements come back unchanged.
    /// </summary>
    public async ValueTask<Judgement> ReviewAsync(Judgement judgement, AgentAction action, string surface, string summary, CancellationToken cancel,
        IReadOnlyDictionary<string, string>? extra = null)
    {
        if (judgement.Decision != Decision.Review) return judgement;
        var outcome = await approvals.WaitAsync(judgement.EventId, surface, summary, judgement.Verdict.DecidingRule, judgement.Verdict.Reason, action.SessionId, cancel).ConfigureAwait(false);
        var approved = outcome == ApprovalOutcome.Approved;
        var verdict = judgement.Verdict with
        {
            Decision = approved ? Decision.Allow : Decision.Block,
            Reason = approved ? $"approved by a person: {judgement.Verdict.Reason}" : $"not approved ({outcome.ToWire().Replace('_', ' ')}): {judgement.Verdict.Reason}",
        };
        var eventId = AuditEvent.NewId(time);
        var recorded = extra is null ? new Dictionary<string, string>() : new Dictionary<string, string>(extra);
        recorded["approval"] = outcome.ToWire();
        recorded["review_event"] = judgement.EventId;
        try
        {
            await audit.AppendAsync(AuditEvent.ForVerdict(surface, action, verdict, eventId, recorded), CancellationToken.None).ConfigureAwait(false);
        }
        catch (AuditException) when (FailClosed)
        {
            verdict = Failure("audit-unavailable", "the flight recorder could not write the approval; the action was stopped.");
        }
        return new Judgement(verdict, eventId);
    }

    private static Verdict Failure(string rule, string reason) => new()
    {
        Decision = Decision.Block,
        WouldDecide = Decision.Block,
        DecidingRule = rule,
        Reason = reason,
    };
}
