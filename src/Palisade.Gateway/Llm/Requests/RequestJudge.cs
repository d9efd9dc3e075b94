using Palisade.Core.Model;
using Palisade.Core.Redaction;
using Palisade.Core.Scanners;
using Palisade.Gateway.Enforcement;
using Palisade.Gateway.Llm.Judging;

namespace Palisade.Gateway.Llm.Requests;

/// <summary>
/// Judges what a request sends upstream as up to three actions — the prompt (system and messages), the tool results,
/// the tool definitions — each recorded once. Block stops the request; redact replaces the caught values in the body;
/// review waits for a person; injection in tool results below the block threshold taints the session.
/// </summary>
public sealed class RequestJudge(EnforcementPoint enforcement, SessionTaint taint)
{
    private static readonly FieldRole[] Roles = [FieldRole.Prompt, FieldRole.ToolResult, FieldRole.ToolDefinition];

    /// <summary>The judgement that blocks the request, or null to forward it (<paramref name="redacted"/> says whether the body changed).</summary>
    public async ValueTask<(Judgement? Blocked, bool Redacted)> JudgeAsync(Exchange exchange, List<RequestField> fields, CancellationToken cancel)
    {
        var redacted = false;
        foreach (var role in Roles)
        {
            var group = fields.Where(f => f.Role == role).ToList();
            if (group.Count == 0) continue;
            var action = new AgentAction
            {
                Kind = role switch { FieldRole.ToolResult => ActionKind.ToolResult, FieldRole.ToolDefinition => ActionKind.ToolDefinition, _ => ActionKind.Prompt },
                Direction = Direction.Egress,
                Source = role == FieldRole.Prompt ? ActionSource.User : ActionSource.Tool,
                Transport = "gateway",
                SessionId = exchange.Session,
                Fields = [.. group.Select(f => new ContentField(f.Path, f.Text))],
            };
            var judgement = await enforcement.JudgeAsync(action, ToolCallJudge.Surface, exchange.Extra(), cancel).ConfigureAwait(false);
            var summary = $"{RoleName(role)} to {exchange.Provider} model {exchange.Model ?? "?"}";
            judgement = await enforcement.ReviewAsync(judgement, action, ToolCallJudge.Surface, summary, cancel, exchange.Extra()).ConfigureAwait(false);
            switch (judgement.Decision)
            {
                case Decision.Block or Decision.Review:
                    return (judgement, redacted);
                case Decision.Redact:
                    redacted |= Redact(group, judgement.Verdict.Findings);
                    break;
            }
            if (role == FieldRole.ToolResult && judgement.Verdict.Findings.Any(f => f.Scanner == InjectionScanner.ScannerName))
            {
                exchange.Tainted = true;
                if (exchange.Session is { } session) taint.Mark(session);
            }
        }
        return (null, redacted);
    }

    private static bool Redact(List<RequestField> group, IReadOnlyList<Finding> findings)
    {
        var changed = false;
        foreach (var field in group)
        {
            // Only findings the policy asked to redact are replaced; audit-level findings stay as the agent wrote them.
            var text = Redactor.Apply(field.Text, field.Path, findings.Where(f => f.Action == Decision.Redact));
            if (ReferenceEquals(text, field.Text)) continue;
            field.Replace(text);
            changed = true;
        }
        return changed;
    }

    private static string RoleName(FieldRole role) => role switch
    {
        FieldRole.ToolResult => "tool results",
        FieldRole.ToolDefinition => "tool definitions",
        _ => "prompt",
    };
}
