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
/// <remarks>
/// The prompt is judged by <paramref name="prompts"/> (injection recorded, never blocking: it is the user's and the
/// agent harness's own text); tool results and definitions, which come from elsewhere, by <paramref name="enforcement"/>.
/// </remarks>
public sealed class RequestJudge(EnforcementPoint prompts, EnforcementPoint enforcement, SessionTaint taint, CleanFieldCache clean)
{
    private static readonly FieldRole[] Roles = [FieldRole.Prompt, FieldRole.ToolResult, FieldRole.ToolDefinition];

    /// <summary>The judgement that blocks the request, or null to forward it with the listed redactions applied.</summary>
    public async ValueTask<(Judgement? Blocked, List<(RequestField Field, string Text)> Redactions)> JudgeAsync(Exchange exchange, List<RequestField> fields, CancellationToken cancel)
    {
        var redacted = new List<(RequestField, string)>();
        foreach (var role in Roles)
        {
            var all = fields.Where(f => f.Role == role).ToList();
            if (all.Count == 0) continue;
            // Fields read clean on an earlier turn are not read again; the record says how many were skipped.
            var group = all.Where(f => !clean.IsClean(f)).ToList();
            var extra = exchange.Extra();
            if (group.Count < all.Count) extra = new Dictionary<string, string>(extra) { ["known_clean_fields"] = (all.Count - group.Count).ToString(System.Globalization.CultureInfo.InvariantCulture) };
            var action = new AgentAction
            {
                Kind = role switch { FieldRole.ToolResult => ActionKind.ToolResult, FieldRole.ToolDefinition => ActionKind.ToolDefinition, _ => ActionKind.Prompt },
                Direction = Direction.Egress,
                Source = role == FieldRole.Prompt ? ActionSource.User : ActionSource.Tool,
                Transport = "gateway",
                SessionId = exchange.Session,
                Fields = [.. group.Select(f => new ContentField(f.Path, f.Text))],
            };
            var judge = role == FieldRole.Prompt ? prompts : enforcement;
            var judgement = await judge.JudgeAsync(action, ToolCallJudge.Surface, extra, cancel).ConfigureAwait(false);
            // A verdict with a deciding rule but no findings is a failure path (engine crash, audit down): nothing was read.
            if (judgement.Verdict.Findings.Count > 0 || judgement.Verdict.DecidingRule is null)
                foreach (var field in group)
                    if (!judgement.Verdict.Findings.Any(f => f.Location.Field == field.Path)) clean.MarkClean(field);
            var summary = $"{RoleName(role)} to {exchange.Provider} model {exchange.Model ?? "?"}";
            judgement = await judge.ReviewAsync(judgement, action, ToolCallJudge.Surface, summary, cancel, extra).ConfigureAwait(false);
            switch (judgement.Decision)
            {
                case Decision.Block or Decision.Review:
                    return (judgement, redacted);
                case Decision.Redact:
                    Redact(group, judgement.Verdict.Findings, redacted);
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

    private static void Redact(List<RequestField> group, IReadOnlyList<Finding> findings, List<(RequestField, string)> redacted)
    {
        foreach (var field in group)
        {
            // Only findings the policy asked to redact are replaced; audit-level findings stay as the agent wrote them.
            var text = Redactor.Apply(field.Text, field.Path, findings.Where(f => f.Action == Decision.Redact));
            if (!ReferenceEquals(text, field.Text)) redacted.Add((field, text));
        }
    }

    private static string RoleName(FieldRole role) => role switch
    {
        FieldRole.ToolResult => "tool results",
        FieldRole.ToolDefinition => "tool definitions",
        _ => "prompt",
    };
}
