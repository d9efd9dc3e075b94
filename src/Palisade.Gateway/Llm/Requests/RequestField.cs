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

/// <summary>One JSON string of the request body, its path (e.g. <c>messages[2].content</c>), and where it sits so a redaction can replace it.</summary>
public sealed class RequestField(string path, string text, FieldRole role, JsonNode container, string? key, int index)
{
    public string Path { get; } = path;
    public string Text { get; } = text;
    public FieldRole Role { get; } = role;

    /// <summary>Puts <paramref name="text"/> where this string was in the body.</summary>
    public void Replace(string text)
    {
        if (key is not null) container[key] = text;
        else container[index] = text;
    }
}
