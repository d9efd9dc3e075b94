using System.Text.Json.Nodes;

namespace Palisade.Gateway.Llm.Requests;

/// <summary>What a piece of request text is to the engine.</summary>
public enum FieldRole
{
    /// <summary>System prompt and messages (<c>Prompt</c>).</summary>
    Prompt,

    /// <summary>Tool output going back into the model (<c>ToolResult</c>): scored for injection.</summary>
    ToolResult,

    /// <summary>Tool names, descriptions and schemas offered to the model (<c>ToolDefinition</c>).</summary>
    ToolDefinition,
}

/// <summary>
/// One JSON string of the request body, its path (e.g. <c>messages[2].content</c>), and the keys and indexes that lead to
/// it, so a redaction can replace it in the parsed body (bodies are only parsed into mutable nodes when something changes).
/// </summary>
public sealed class RequestField(string path, string text, FieldRole role, object[] steps)
{
    public string Path { get; } = path;
    public string Text { get; } = text;
    public FieldRole Role { get; } = role;

    /// <summary>Puts <paramref name="text"/> where this string was in <paramref name="root"/>.</summary>
    public void Replace(JsonNode root, string text)
    {
        var node = root;
        for (var i = 0; i < steps.Length - 1; i++) node = steps[i] is string key ? node![key] : node![(int)steps[i]];
        if (steps[^1] is string last) node![last] = text;
        else node![(int)steps[^1]] = text;
    }
}
