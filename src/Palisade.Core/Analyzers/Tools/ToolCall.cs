using System.Text.Json;

namespace Palisade.Core.Analyzers.Tools;

/// <summary>A tool call as a model or agent expressed it: a name and a JSON object of arguments.</summary>
public sealed record ToolCall(string Name, JsonElement Arguments)
{
    /// <summary>
    /// Reads the shapes tool calls arrive in: <c>{"name","arguments"}</c> (arguments as an object or as a JSON string, as
    /// OpenAI sends them), <c>{"type":"function","function":{…}}</c>, Anthropic's <c>{"type":"tool_use","name","input"}</c>,
    /// and hook payloads <c>{"tool_name","tool_input"}</c>.
    /// </summary>
    public static bool TryParse(string json, out ToolCall? call, out string error)
    {
        call = null;
        try
        {
            using var doc = JsonDocument.Parse(json);
            return TryRead(doc.RootElement, out call, out error);
        }
        catch (JsonException e)
        {
            error = $"tool call is not valid JSON: {e.Message}";
            return false;
        }
    }

    public static bool TryRead(JsonElement root, out ToolCall? call, out string error)
    {
        call = null;
        error = "";
        if (root.ValueKind != JsonValueKind.Object) { error = "a tool call must be a JSON object"; return false; }
        if (root.TryGetProperty("function", out var fn) && fn.ValueKind == JsonValueKind.Object) root = fn;
        var name = Str(root, "name") ?? Str(root, "tool_name") ?? Str(root, "tool");
        if (string.IsNullOrEmpty(name)) { error = "a tool call needs a 'name'"; return false; }
        JsonElement args;
        if (root.TryGetProperty("arguments", out var a) || root.TryGetProperty("input", out a) || root.TryGetProperty("tool_input", out a) || root.TryGetProperty("args", out a))
        {
            if (a.ValueKind == JsonValueKind.String)
            {
                // OpenAI sends arguments as a JSON-encoded string; a model can also send a string that is not JSON.
                var text = a.GetString()!;
                try
                {
                    using var inner = JsonDocument.Parse(text.Length == 0 ? "{}" : text);
                    args = inner.RootElement.Clone();
                }
                catch (JsonException e)
                {
                    error = $"the arguments of '{name}' are not valid JSON: {e.Message}";
                    return false;
                }
            }
            else args = a.Clone();
        }
        else
        {
            using var empty = JsonDocument.Parse("{}");
            args = empty.RootElement.Clone();
        }
        call = new ToolCall(name, args);
        return true;
    }

    /// <summary>The tool's own name without an MCP client prefix: <c>mcp__github__create_issue</c> → <c>create_issue</c>.</summary>
    public string BaseName
    {
        get
        {
            if (!Name.StartsWith("mcp__", StringComparison.Ordinal)) return Name;
            var last = Name.LastIndexOf("__", StringComparison.Ordinal);
            return last > 4 ? Name[(last + 2)..] : Name;
        }
    }

    /// <summary>The MCP server a prefixed name points at, or null.</summary>
    public string? McpServer
    {
        get
        {
            if (!Name.StartsWith("mcp__", StringComparison.Ordinal)) return null;
            var last = Name.LastIndexOf("__", StringComparison.Ordinal);
            return last > 5 ? Name[5..last] : null;
        }
    }

    private static string? Str(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
}
