using Palisade.Gateway.Egress.Forwarding;
using Palisade.Core.Model;
using Palisade.Gateway.Enforcement;

namespace Palisade.Gateway.Egress.Sessions;

/// <summary>
/// The session-level checks of an outbound payload that each request alone passed: its fragment joined to the
/// session's recent fragments is judged again, and a finding that spans the join (a secret sent in pieces) blocks the
/// request that completes it; then the session's entropy budget is charged.
/// </summary>
public sealed class CrossRequestCheck(SessionStore sessions, EgressJudge judge, Core.Engine.PalisadeEngine engine, EgressProxyOptions options)
{
    public const string EntropyRule = "proxy-entropy-budget";

    public async ValueTask<Judgement?> CheckAsync(string fragment, ClientInfo client, AgentAction request)
    {
        if (fragment.Length == 0) return null;
        var (joined, start) = sessions.JoinAndRemember(client.Session, fragment);
        if (start > 0)
        {
            var action = ProxyActions.Message([new ContentField("session.recent", joined)], Direction.Egress, client);
            var verdict = engine.Evaluate(action);
            var spanning = verdict.Findings
                .Where(f => f.Action == Decision.Block && f.Location.Start < start && f.Location.Start + f.Location.Length > start)
                .ToList();
            if (spanning.Count > 0)
            {
                var first = spanning[0];
                return await judge.RefuseAsync(request, first.RuleId, first.Category,
                    $"a value sent in pieces over several requests completes here: {first.Description}",
                    new Dictionary<string, string> { ["cross_request"] = "true" }, spanning).ConfigureAwait(false);
            }
        }
        if (!sessions.Spend(client.Session, fragment, out var spent))
            return await judge.RefuseAsync(request, EntropyRule, "exfiltration",
                $"the session sent {spent} high-entropy characters in {options.EntropyWindow.TotalMinutes:0} minutes, over its budget of {options.EntropyBudgetChars}").ConfigureAwait(false);
        return null;
    }
}
