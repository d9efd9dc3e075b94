using Palisade.Core.Model;
using Palisade.Core.Policy;
using Palisade.Gateway.Enforcement;

namespace Palisade.Gateway.Llm.Judging;

/// <summary>
/// Judges a tool call the model made, once it is complete: the engine decomposes it (a Bash call is judged as the shell
/// line it runs, a Read call as the file it opens), a review waits for a person, and a tainted session holds any call
/// the engine found something in.
/// </summary>
public sealed class ToolCallJudge(EnforcementPoint enforcement)
{
    public const string Surface = "llm";

    public async ValueTask<Judgement> JudgeAsync(Exchange exchange, string name, string argumentsJson, CancellationToken cancel)
    {
        var action = new AgentAction
        {
            Kind = ActionKind.ToolCall,
            Direction = Direction.Ingress,
            Source = ActionSource.Model,
            Transport = "gateway",
            SessionId = exchange.Session,
            ToolName = name,
            ArgumentsJson = argumentsJson,
        };
        var judgement = await enforcement.JudgeAsync(action, Surface, exchange.Extra(), cancel).ConfigureAwait(false);
        if (exchange.Tainted && judgement.Decision is Decision.Audit && judgement.Verdict.WouldDecide is Decision.Audit
            && judgement.Verdict.Findings.Count > 0 && enforcement.Engine.Config.Mode != PolicyMode.Monitor)
        {
            // Untrusted content earlier in this session scored as injection: a call that is merely suspicious is not left to the model.
            judgement = judgement with
            {
                Verdict = judgement.Verdict with
                {
                    Decision = Decision.Review,
                    Reason = $"held for review because the session read content that looked like a prompt injection; {judgement.Verdict.Reason}",
                },
            };
        }
        var summary = $"{exchange.Provider} model {exchange.Model ?? "?"} calls tool '{name}'";
        return await enforcement.ReviewAsync(judgement, action, Surface, summary, cancel, exchange.Extra()).ConfigureAwait(false);
    }

    /// <summary>What the client is told in place of a blocked call. Reasons never quote caught content.</summary>
    public static string Note(string toolName, Judgement judgement) =>
        $"[Palisade blocked a call to tool '{toolName}': {judgement.Verdict.Reason} (rule {judgement.Rule}, event {judgement.EventId})]";

    public static bool Allows(Judgement judgement) => judgement.Decision is not (Decision.Block or Decision.Review);
}
