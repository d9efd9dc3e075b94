using System.Text.Json;
using System.Text.Json.Nodes;
using Palisade.Gateway.Llm.Providers;

namespace Palisade.Gateway.Llm.Requests;

/// <summary>
/// Finds the text a request sends upstream, per protocol: system prompt and messages, tool results, tool definitions.
/// Images and other binary parts are skipped; earlier tool calls of the model are not judged again (they were judged
/// when they came back). Requests of any other shape have every string judged as prompt.
/// </summary>
public static class RequestFields
{
    public static List<RequestField> Find(JsonNode root, WireProtocol protocol)
    {
        var fields = new List<RequestField>();
        if (root is not JsonObject body)
        {
            Strings(root, "", FieldRole.Prompt, fields);
            return fields;
        }
        switch (protocol)
        {
            case WireProtocol.AnthropicMessages: Anthropic(body, fields); break;
            case WireProtocol.OpenAiChat: Chat(body, fields); break;
            case WireProtocol.OpenAiResponses: Responses(body, fields); break;
            default: Strings(body, "", FieldRole.Prompt, fields); break;
        }
        return fields;
    }

    private static void Anthropic(JsonObject body, List<RequestField> fields)
    {
        Content(body, "system", "system", FieldRole.Prompt, fields);
        if (body["messages"] is JsonArray messages)
            for (var i = 0; i < messages.Count; i++)
            {
                if (messages[i] is not JsonObject m) continue;
                var path = $"messages[{i}].content";
                if (m["content"] is JsonArray blocks)
                {
                    for (var j = 0; j < blocks.Count; j++)
                    {
                        if (blocks[j] is not JsonObject block) continue;
                        var type = (block["type"] as JsonValue)?.GetValueKind() == JsonValueKind.String ? (string?)block["type"] : null;
                        if (type == "text") Text(block, "text", $"{path}[{j}].text", FieldRole.Prompt, fields);
                        else if (type == "tool_result") Content(block, "content", $"{path}[{j}].content", FieldRole.ToolResult, fields);
                        else if (type == "document" && block["source"] is JsonObject source) Text(source, "data", $"{path}[{j}].source.data", FieldRole.Prompt, fields, onlyWhenType: "text");
                    }
                }
                else Content(m, "content", path, FieldRole.Prompt, fields);
            }
        Tools(body, fields);
    }

    private static void Chat(JsonObject body, List<RequestField> fields)
    {
        if (body["messages"] is JsonArray messages)
            for (var i = 0; i < messages.Count; i++)
            {
                if (messages[i] is not JsonObject m) continue;
                var role = (m["role"] as JsonValue)?.GetValueKind() == JsonValueKind.String ? (string?)m["role"] : null;
                var kind = role is "tool" or "function" ? FieldRole.ToolResult : FieldRole.Prompt;
                Content(m, "content", $"messages[{i}].content", kind, fields);
            }
        Tools(body, fields);
        if (body["functions"] is JsonArray functions) Strings(functions, "functions", FieldRole.ToolDefinition, fields);
    }

    private static void Responses(JsonObject body, List<RequestField> fields)
    {
        Text(body, "instructions", "instructions", FieldRole.Prompt, fields);
        if (body["input"] is JsonArray items)
        {
            for (var i = 0; i < items.Count; i++)
            {
                if (items[i] is not JsonObject item) continue;
                var type = (item["type"] as JsonValue)?.GetValueKind() == JsonValueKind.String ? (string?)item["type"] : null;
                if (type is not null && type.EndsWith("_call_output", StringComparison.Ordinal))
                    Content(item, "output", $"input[{i}].output", FieldRole.ToolResult, fields);
                else if (type is null or "message")
                    Content(item, "content", $"input[{i}].content", FieldRole.Prompt, fields);
            }
        }
        else Text(body, "input", "input", FieldRole.Prompt, fields);
        Tools(body, fields);
    }

    private static void Tools(JsonObject body, List<RequestField> fields)
    {
        if (body["tools"] is JsonArray tools) Strings(tools, "tools", FieldRole.ToolDefinition, fields);
    }

    /// <summary>A message content: a string, or an array of parts whose <c>text</c> strings are read (images and files are not text).</summary>
    private static void Content(JsonObject parent, string key, string path, FieldRole role, List<RequestField> fields)
    {
        switch (parent[key])
        {
            case JsonValue:
                Text(parent, key, path, role, fields);
                break;
            case JsonArray parts:
                for (var j = 0; j < parts.Count; j++)
                {
                    if (parts[j] is JsonObject part) Text(part, "text", $"{path}[{j}].text", role, fields);
                    else if (parts[j] is JsonValue) Text(parts, j, $"{path}[{j}]", role, fields);
                }
                break;
        }
    }

    private static void Text(JsonObject parent, string key, string path, FieldRole role, List<RequestField> fields, string? onlyWhenType = null)
    {
        if (onlyWhenType is not null && (parent["type"] as JsonValue)?.ToString() != onlyWhenType) return;
        if (parent[key] is JsonValue v && v.GetValueKind() == JsonValueKind.String)
            fields.Add(new RequestField(path, v.GetValue<string>(), role, parent, key, -1));
    }

    private static void Text(JsonArray parent, int index, string path, FieldRole role, List<RequestField> fields)
    {
        if (parent[index] is JsonValue v && v.GetValueKind() == JsonValueKind.String)
            fields.Add(new RequestField(path, v.GetValue<string>(), role, parent, null, index));
    }

    /// <summary>Every string under <paramref name="node"/> (tool definitions, unknown request shapes).</summary>
    private static void Strings(JsonNode? node, string path, FieldRole role, List<RequestField> fields)
    {
        switch (node)
        {
            case JsonObject o:
                foreach (var (k, child) in o.ToList())
                {
                    var p = path.Length == 0 ? k : $"{path}.{k}";
                    if (child is JsonValue v && v.GetValueKind() == JsonValueKind.String) fields.Add(new RequestField(p, v.GetValue<string>(), role, o, k, -1));
                    else Strings(child, p, role, fields);
                }
                break;
            case JsonArray a:
                for (var i = 0; i < a.Count; i++)
                {
                    var p = $"{path}[{i}]";
                    if (a[i] is JsonValue v && v.GetValueKind() == JsonValueKind.String) fields.Add(new RequestField(p, v.GetValue<string>(), role, a, null, i));
                    else Strings(a[i], p, role, fields);
                }
                break;
        }
    }
}
