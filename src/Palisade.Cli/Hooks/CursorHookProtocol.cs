using System.Text.Json;
using Palisade.Core.Model;

namespace Palisade.Cli.Hooks;

/// <summary>
/// Cursor's hooks (<c>hooks.json</c> version 1): <c>beforeShellExecution</c>, <c>beforeMCPExecution</c>,
/// <c>preToolUse</c> and <c>beforeReadFile</c> answer a <c>permission</c>; <c>beforeSubmitPrompt</c> answers
/// <c>continue</c>. An allow answers no permission at all (<c>{}</c>), so Cursor's own approval settings still apply.
/// </summary>
public sealed class CursorHookProtocol : IHookProtocol
{
    public const string Name = "cursor";
    public string Agent => Name;

    public HookRequest Read(JsonElement root)
    {
        var name = HookJson.EventName(root);
        var session = HookJson.Optional(root, "conversation_id");
        var cwd = HookJson.Optional(root, "cwd") ?? FirstWorkspaceRoot(root);
        switch (name)
        {
            case "beforeShellExecution":
            {
                // Judged as Cursor's terminal tool call, as the same command is judged when it crosses the gateway.
                var command = HookJson.Required(root, "command");
                return new HookRequest(name, [HookJson.ToolCall(Name, "run_terminal_cmd", HookJson.Arguments("command", command), session, cwd)], "run_terminal_cmd");
            }
            case "beforeMCPExecution" or "preToolUse":
            {
                var tool = HookJson.Required(root, "tool_name");
                return new HookRequest(name, [HookJson.ToolCall(Name, tool, root, "tool_input", session, cwd)], tool);
            }
            case "beforeReadFile":
            {
                // The path is judged as a read; the content is what would go to the model, so its secrets and
                // any instructions planted in it are judged too.
                var path = HookJson.Required(root, "file_path");
                var read = HookJson.ToolCall(Name, "read_file", HookJson.Arguments("target_file", path), session, cwd);
                var content = HookJson.Optional(root, "content");
                if (string.IsNullOrEmpty(content)) return new HookRequest(name, [read], "read_file");
                var text = HookJson.ToolResult(Name, "read_file", ActionSource.Tool, [new ContentField("content", content)], session, cwd);
                return new HookRequest(name, [read, text], "read_file");
            }
            case "beforeSubmitPrompt":
                return new HookRequest(name, [HookJson.Prompt(Name, name, root, session, cwd)]);
            default:
                return new HookRequest(name, []);
        }
    }

    public HookAnswer Answer(HookRequest request, Verdict verdict, string eventId)
    {
        var stops = verdict.Decision is Decision.Block or Decision.Review or Decision.Redact;
        if (request.Event == "beforeSubmitPrompt")
            return new HookAnswer(0, stops ? StopPrompt(HookMessages.Reason(verdict, eventId)) : """{"continue":true}""", null);
        if (request.Actions.Count == 0 || !stops) return new HookAnswer(0, "{}", null);
        // beforeReadFile has no "ask"; a review of a file read is a deny the person can lift by allow-listing.
        var permission = verdict.Decision == Decision.Block || request.Event == "beforeReadFile" ? "deny" : "ask";
        return new HookAnswer(0, Permission(permission, HookMessages.Reason(verdict, eventId)), null);
    }

    public HookAnswer FailClosed(string? eventName, string reason)
    {
        // Exit code 2 is Cursor's "deny" too, so the call is stopped even if the JSON were not read.
        var message = HookMessages.FailClosedReason(reason);
        return new HookAnswer(HookAnswer.BlockingExitCode, eventName == "beforeSubmitPrompt" ? StopPrompt(message) : Permission("deny", message), message);
    }

    private static string Permission(string permission, string reason) => HookMessages.Json(w =>
    {
        w.WriteStartObject();
        w.WriteString("permission", permission);
        w.WriteString("user_message", reason);
        w.WriteString("agent_message", reason);
        w.WriteEndObject();
    });

    private static string StopPrompt(string reason) => HookMessages.Json(w =>
    {
        w.WriteStartObject();
        w.WriteBoolean("continue", false);
        w.WriteString("user_message", reason);
        w.WriteEndObject();
    });

    private static string? FirstWorkspaceRoot(JsonElement root) =>
        root.TryGetProperty("workspace_roots", out var roots) && roots.ValueKind == JsonValueKind.Array && roots.GetArrayLength() > 0
        && roots[0].ValueKind == JsonValueKind.String ? roots[0].GetString() : null;
}
