using System.Text.Json;
using Palisade.Core.Model;

namespace Palisade.Cli.Hooks;

/// <summary>Reading the JSON that agents send to hooks, the same way for every agent.</summary>
public static class HookJson
{
    /// <summary>How many string values of a tool result are scanned; a result with more is refused, never partly scanned.</summary>
    public const int MaxContentValues = 65_536;

    /// <summary>How deep a tool result may nest before it is refused rather than partly scanned.</summary>
    public const int MaxContentDepth = 64;

    /// <summary>The event a hook input is for; the input must be a JSON object naming it in <c>hook_event_name</c>.</summary>
    public static string EventName(JsonElement root) =>
        root.ValueKind == JsonValueKind.Object ? Required(root, "hook_event_name") : throw new HookInputException("the hook input is not a JSON object");

    public static string Required(JsonElement root, string name) =>
        Optional(root, name) is { Length: > 0 } value ? value
            : throw new HookInputException($"the hook input has no \"{name}\" string");

    public static string? Optional(JsonElement root, string name) =>
        root.ValueKind == JsonValueKind.Object && root.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    /// <summary>
    /// A tool call as the engine judges it. Arguments arrive as an object, or (Cursor's MCP hook) as a JSON string
    /// holding one; anything else is not a tool call Palisade can read.
    /// </summary>
    public static AgentAction ToolCall(string agent, string toolName, JsonElement root, string inputProperty, string? session, string? cwd)
    {
        if (!root.TryGetProperty(inputProperty, out var input) || input.ValueKind == JsonValueKind.Null)
            throw new HookInputException($"the hook input has no \"{inputProperty}\" for tool '{toolName}'");
        string arguments;
        if (input.ValueKind == JsonValueKind.Object) arguments = input.GetRawText();
        else if (input.ValueKind == JsonValueKind.String) arguments = ObjectInString(input.GetString()!, inputProperty, toolName);
        else throw new HookInputException($"\"{inputProperty}\" of tool '{toolName}' is a JSON {input.ValueKind.ToString().ToLowerInvariant()}, not an object");
        return ToolCall(agent, toolName, arguments, session, cwd);
    }

    /// <summary>A tool call whose arguments (a JSON object) are already known.</summary>
    public static AgentAction ToolCall(string agent, string toolName, string argumentsJson, string? session, string? cwd) => new()
    {
        Kind = ActionKind.ToolCall, Direction = Direction.Egress, Source = ActionSource.Model, Transport = "hook",
        SessionId = session, AgentId = agent, ToolName = toolName, ArgumentsJson = argumentsJson, WorkingDirectory = cwd,
    };

    /// <summary>A tool's result, coming back to the model, as the engine judges it.</summary>
    public static AgentAction ToolResult(string agent, string toolName, ActionSource source, IReadOnlyList<ContentField> fields, string? session, string? cwd) => new()
    {
        Kind = ActionKind.ToolResult, Direction = Direction.Ingress, Source = source, Transport = "hook",
        SessionId = session, AgentId = agent, ToolName = toolName, WorkingDirectory = cwd, Fields = fields,
    };

    /// <summary>The person's prompt, from the input's <c>prompt</c> string, which the event must carry.</summary>
    public static AgentAction Prompt(string agent, string eventName, JsonElement root, string? session, string? cwd)
    {
        var prompt = Optional(root, "prompt") ?? throw new HookInputException($"the {eventName} input has no \"prompt\" string");
        return AgentAction.FromText(ActionKind.Prompt, prompt, Direction.Egress, ActionSource.User) with
        {
            Transport = "hook", SessionId = session, AgentId = agent, WorkingDirectory = cwd,
        };
    }

    /// <summary>Arguments of one string-valued property, as a JSON object: <c>{"command": "…"}</c>.</summary>
    public static string Arguments(string name, string value) => HookMessages.Json(w =>
    {
        w.WriteStartObject();
        w.WriteString(name, value);
        w.WriteEndObject();
    });

    private static string ObjectInString(string text, string inputProperty, string toolName)
    {
        try
        {
            using var inner = JsonDocument.Parse(text.Length == 0 ? "{}" : text);
            if (inner.RootElement.ValueKind != JsonValueKind.Object) throw new HookInputException($"\"{inputProperty}\" of tool '{toolName}' is not a JSON object");
            return inner.RootElement.GetRawText();
        }
        catch (JsonException)
        {
            throw new HookInputException($"\"{inputProperty}\" of tool '{toolName}' is a string that is not JSON");
        }
    }

    /// <summary>Where a tool's result came from, which decides how far it is trusted.</summary>
    public static ActionSource ResultSource(string toolName) => toolName switch
    {
        _ when toolName.StartsWith("mcp__", StringComparison.Ordinal) => ActionSource.McpServer,
        "WebFetch" or "WebSearch" or "web_search" or "fetch" => ActionSource.Web,
        _ => ActionSource.Tool,
    };

    /// <summary>Every string in <paramref name="value"/> as a content field named by its JSON path under <paramref name="prefix"/>.</summary>
    public static IReadOnlyList<ContentField> Strings(JsonElement value, string prefix)
    {
        var into = new List<ContentField>();
        Walk(value, prefix, 0, into);
        return into;
    }

    private static void Walk(JsonElement e, string at, int depth, List<ContentField> into)
    {
        if (depth > MaxContentDepth) throw new HookInputException($"the hook input nests deeper than {MaxContentDepth} levels at '{at}'");
        switch (e.ValueKind)
        {
            case JsonValueKind.String:
                if (into.Count >= MaxContentValues) throw new HookInputException($"the hook input holds more than {MaxContentValues} strings");
                into.Add(new ContentField(at, e.GetString()!));
                break;
            case JsonValueKind.Object:
                foreach (var p in e.EnumerateObject()) Walk(p.Value, $"{at}.{p.Name}", depth + 1, into);
                break;
            case JsonValueKind.Array:
                var n = 0;
                foreach (var item in e.EnumerateArray()) Walk(item, $"{at}[{n++}]", depth + 1, into);
                break;
        }
    }
}
