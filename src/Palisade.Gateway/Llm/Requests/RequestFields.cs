using System.Text.Json;
using Palisade.Gateway.Llm.Providers;

namespace Palisade.Gateway.Llm.Requests;

/// <summary>
/// Finds the text a request sends upstream, per protocol: system prompt and messages, tool results, tool definitions.
/// Images and other binary parts are skipped; earlier tool calls of the model are not judged again (they were judged
/// when they came back). Requests of any other shape have every string judged as prompt.
/// </summary>
public static class RequestFields
{
    public static List<RequestField> Find(JsonElement root, WireProtocol protocol)
    {
        var fields = new List<RequestField>();
        var walk = new RequestWalk(fields);
        if (root.ValueKind != JsonValueKind.Object)
        {
            walk.Strings(root, FieldRole.Prompt);
            return fields;
        }
        switch (protocol)
        {
            case WireProtocol.AnthropicMessages: Anthropic(root, walk); break;
            case WireProtocol.OpenAiChat: Chat(root, walk); break;
            case WireProtocol.OpenAiResponses: Responses(root, walk); break;
            default: walk.Strings(root, FieldRole.Prompt); break;
        }
        return fields;
    }

    private static string? Type(JsonElement e, string name = "type") =>
        e.TryGetProperty(name, out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : null;

    private static void Anthropic(JsonElement body, RequestWalk walk)
    {
        walk.Content(body, "system", FieldRole.Prompt);
        walk.Objects(body, "messages", m =>
        {
            if (!(m.TryGetProperty("content", out var content) && content.ValueKind == JsonValueKind.Array))
            {
                walk.Content(m, "content", FieldRole.Prompt);
                return;
            }
            walk.Objects(m, "content", block =>
            {
                switch (Type(block))
                {
                    case "text": walk.Text(block, "text", FieldRole.Prompt); break;
                    case "tool_result": walk.Content(block, "content", FieldRole.ToolResult); break;
                    case "document" when block.TryGetProperty("source", out var source) && source.ValueKind == JsonValueKind.Object && Type(source) == "text":
                        using (walk.Enter("source")) walk.Text(source, "data", FieldRole.Prompt);
                        break;
                }
            });
        });
        Tools(body, walk);
    }

    private static void Chat(JsonElement body, RequestWalk walk)
    {
        walk.Objects(body, "messages", m =>
            walk.Content(m, "content", Type(m, "role") is "tool" or "function" ? FieldRole.ToolResult : FieldRole.Prompt));
        Tools(body, walk);
        if (body.TryGetProperty("functions", out var functions))
            using (walk.Enter("functions")) walk.Strings(functions, FieldRole.ToolDefinition);
    }

    private static void Responses(JsonElement body, RequestWalk walk)
    {
        walk.Text(body, "instructions", FieldRole.Prompt);
        if (body.TryGetProperty("input", out var input) && input.ValueKind == JsonValueKind.Array)
            walk.Objects(body, "input", item =>
            {
                var type = Type(item);
                if (type is not null && type.EndsWith("_call_output", StringComparison.Ordinal)) walk.Content(item, "output", FieldRole.ToolResult);
                else if (type is null or "message") walk.Content(item, "content", FieldRole.Prompt);
            });
        else walk.Text(body, "input", FieldRole.Prompt);
        Tools(body, walk);
    }

    private static void Tools(JsonElement body, RequestWalk walk)
    {
        if (body.TryGetProperty("tools", out var tools))
            using (walk.Enter("tools")) walk.Strings(tools, FieldRole.ToolDefinition);
    }
}
