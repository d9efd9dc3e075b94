using System.Text.Json;
using Palisade.Core.Model;

namespace Palisade.Cli.Hooks;

/// <summary>
/// Claude Code's hooks: <c>PreToolUse</c> (tool call, before it runs), <c>PostToolUse</c> (its result),
/// <c>UserPromptSubmit</c> (the person's prompt) and <c>SessionStart</c> (recorded only). A block is a
/// <c>deny</c>, a review is an <c>ask</c>, and an allow says nothing, so Claude Code's own permission rules
/// still apply: Palisade only ever takes permissions away.
/// </summary>
public sealed class ClaudeCodeHookProtocol : IHookProtocol
{
    public const string Name = "claude-code";
    public string Agent => Name;

    public HookRequest Read(JsonElement root)
    {
        var name = HookJson.EventName(root);
        var session = HookJson.Optional(root, "session_id");
        var cwd = HookJson.Optional(root, "cwd");
        switch (name)
        {
            case "PreToolUse":
            {
                var tool = HookJson.Required(root, "tool_name");
                return new HookRequest(name, [HookJson.ToolCall(Name, tool, root, "tool_input", session, cwd)], tool);
            }
            case "PostToolUse":
            {
                var tool = HookJson.Required(root, "tool_name");
                if (!root.TryGetProperty("tool_response", out var response))
                    throw new HookInputException($"the PostToolUse input for '{tool}' has no \"tool_response\"");
                var result = HookJson.ToolResult(Name, tool, HookJson.ResultSource(tool), HookJson.Strings(response, "tool_response"), session, cwd);
                return new HookRequest(name, [result], tool);
            }
            case "UserPromptSubmit":
                return new HookRequest(name, [HookJson.Prompt(Name, name, root, session, cwd)]);
            default:
                // SessionStart and events Palisade was not set up for: nothing to judge, nothing to say.
                return new HookRequest(name, []);
        }
    }

    public HookAnswer Answer(HookRequest request, Verdict verdict, string eventId)
    {
        if (!Stops(verdict.Decision)) return HookAnswer.NoDecision;
        var reason = HookMessages.Reason(verdict, eventId);
        return request.Event switch
        {
            "PreToolUse" => new HookAnswer(0, PreToolUse(verdict.Decision == Decision.Block ? "deny" : "ask", reason), null),
            // The tool has already run: "block" puts the reason in front of the model with the result.
            "PostToolUse" or "UserPromptSubmit" => new HookAnswer(0, Block(reason), null),
            _ => HookAnswer.NoDecision,
        };
    }

    public HookAnswer FailClosed(string? eventName, string reason) =>
        // Exit 2 with the reason on stderr blocks every event that can be blocked, even when the input was too
        // broken to tell which event it was, and in every Claude Code version; stdout is ignored with it.
        new(HookAnswer.BlockingExitCode, null, HookMessages.FailClosedReason(reason));

    /// <summary>
    /// Review asks the person; a redaction cannot be applied to a tool call in place, so it asks too. Allow and
    /// audit answer nothing.
    /// </summary>
    private static bool Stops(Decision d) => d is Decision.Block or Decision.Review or Decision.Redact;

    private static string PreToolUse(string decision, string reason) => HookMessages.Json(w =>
    {
        w.WriteStartObject();
        w.WriteStartObject("hookSpecificOutput");
        w.WriteString("hookEventName", "PreToolUse");
        w.WriteString("permissionDecision", decision);
        w.WriteString("permissionDecisionReason", reason);
        w.WriteEndObject();
        w.WriteEndObject();
    });

    private static string Block(string reason) => HookMessages.Json(w =>
    {
        w.WriteStartObject();
        w.WriteString("decision", "block");
        w.WriteString("reason", reason);
        w.WriteEndObject();
    });
}
