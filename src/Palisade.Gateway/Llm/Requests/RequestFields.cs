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
        var walk = new Walk(fields);
        if (root.ValueKind != JsonValueKind.Object)
        {
            walk.Strings(root, "", FieldRole.Prompt);
            return fields;
        }
        switch (protocol)
        {
            case WireProtocol.AnthropicMessages: Anthropic(root, walk); break;
            case WireProtocol.OpenAiChat: Chat(root, walk); break;
            case WireProtocol.OpenAiResponses: Responses(root, walk); break;
            default: walk.Strings(root, "", FieldRole.Prompt); break;
        }
        return fields;
    }

    private static string? Type(JsonElement e, string name = "type") =>
        e.TryGetProperty(name, out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : null;

    private static void Anthropic(JsonElement body, Walk walk)
    {
        walk.Content(body, "system", "system", FieldRole.Prompt);
        if (body.TryGetProperty("messages", out var messages) && messages.ValueKind == JsonValueKind.Array)
        {
            using var scope = walk.Enter("messages");
            var i = 0;
            foreach (var m in messages.EnumerateArray())
            {
                using var at = walk.Enter(i);
                var path = $"messages[{i++}].content";
                if (m.ValueKind != JsonValueKind.Object) continue;
                if (m.TryGetProperty("content", out var content) && content.ValueKind == JsonValueKind.Array)
                {
                    using var c = walk.Enter("content");
                    var j = 0;
                    foreach (var block in content.EnumerateArray())
                    {
                        using var b = walk.Enter(j);
                        var p = $"{path}[{j++}]";
                        if (block.ValueKind != JsonValueKind.Object) continue;
                        switch (Type(block))
                        {
                            case "text": walk.Text(block, "text", $"{p}.text", FieldRole.Prompt); break;
                            case "tool_result": walk.Content(block, "content", $"{p}.content", FieldRole.ToolResult); break;
                            case "document" when block.TryGetProperty("source", out var source) && source.ValueKind == JsonValueKind.Object && Type(source) == "text":
                                using (walk.Enter("source")) walk.Text(source, "data", $"{p}.source.data", FieldRole.Prompt);
                                break;
                        }
                    }
                }
                else walk.Content(m, "content", path, FieldRole.Prompt);
            }
        }
        Tools(body, walk);
    }

    private static void Chat(JsonElement body, Walk walk)
    {
        if (body.TryGetProperty("messages", out var messages) && messages.ValueKind == JsonValueKind.Array)
        {
            using var scope = walk.Enter("messages");
            var i = 0;
            foreach (var m in messages.EnumerateArray())
            {
                using var at = walk.Enter(i);
                var path = $"messages[{i++}].content";
                if (m.ValueKind != JsonValueKind.Object) continue;
                var kind = Type(m, "role") is "tool" or "function" ? FieldRole.ToolResult : FieldRole.Prompt;
                walk.Content(m, "content", path, kind);
            }
        }
        Tools(body, walk);
        if (body.TryGetProperty("functions", out var functions))
            using (walk.Enter("functions")) walk.Strings(functions, "functions", FieldRole.ToolDefinition);
    }

    private static void Responses(JsonElement body, Walk walk)
    {
        walk.Text(body, "instructions", "instructions", FieldRole.Prompt);
        if (body.TryGetProperty("input", out var input) && input.ValueKind == JsonValueKind.Array)
        {
            using var scope = walk.Enter("input");
            var i = 0;
            foreach (var item in input.EnumerateArray())
            {
                using var at = walk.Enter(i);
                var index = i++;
                if (item.ValueKind != JsonValueKind.Object) continue;
                var type = Type(item);
                if (type is not null && type.EndsWith("_call_output", StringComparison.Ordinal))
                    walk.Content(item, "output", $"input[{index}].output", FieldRole.ToolResult);
                else if (type is null or "message")
                    walk.Content(item, "content", $"input[{index}].content", FieldRole.Prompt);
            }
        }
        else walk.Text(body, "input", "input", FieldRole.Prompt);
        Tools(body, walk);
    }

    private static void Tools(JsonElement body, Walk walk)
    {
        if (body.TryGetProperty("tools", out var tools))
            using (walk.Enter("tools")) walk.Strings(tools, "tools", FieldRole.ToolDefinition);
    }

    /// <summary>Keeps the keys and indexes from the root to where the walk is, so each field knows its way back.</summary>
    private sealed class Walk(List<RequestField> fields)
    {
        private readonly List<object> _steps = [];

        public Step Enter(object step)
        {
            _steps.Add(step);
            return new Step(_steps);
        }

        public readonly struct Step(List<object> steps) : IDisposable
        {
            public void Dispose() => steps.RemoveAt(steps.Count - 1);
        }

        private void Add(string path, string text, FieldRole role, object last)
        {
            var steps = new object[_steps.Count + 1];
            _steps.CopyTo(steps);
            steps[^1] = last;
            fields.Add(new RequestField(path, text, role, steps));
        }

        public void Text(JsonElement parent, string key, string path, FieldRole role)
        {
            if (parent.TryGetProperty(key, out var v) && v.ValueKind == JsonValueKind.String) Add(path, v.GetString()!, role, key);
        }

        /// <summary>A message content: a string, or an array of parts whose <c>text</c> strings are read (images and files are not text).</summary>
        public void Content(JsonElement parent, string key, string path, FieldRole role)
        {
            if (!parent.TryGetProperty(key, out var content)) return;
            if (content.ValueKind == JsonValueKind.String)
            {
                Add(path, content.GetString()!, role, key);
                return;
            }
            if (content.ValueKind != JsonValueKind.Array) return;
            using var scope = Enter(key);
            var j = 0;
            foreach (var part in content.EnumerateArray())
            {
                var index = j++;
                if (part.ValueKind == JsonValueKind.String) Add($"{path}[{index}]", part.GetString()!, role, index);
                else if (part.ValueKind == JsonValueKind.Object)
                    using (Enter(index)) Text(part, "text", $"{path}[{index}].text", role);
            }
        }

        /// <summary>Every string under <paramref name="node"/> (tool definitions, unknown request shapes).</summary>
        public void Strings(JsonElement node, string path, FieldRole role)
        {
            switch (node.ValueKind)
            {
                case JsonValueKind.Object:
                    foreach (var p in node.EnumerateObject())
                    {
                        var childPath = path.Length == 0 ? p.Name : $"{path}.{p.Name}";
                        if (p.Value.ValueKind == JsonValueKind.String) Add(childPath, p.Value.GetString()!, role, p.Name);
                        else using (Enter(p.Name)) Strings(p.Value, childPath, role);
                    }
                    break;
                case JsonValueKind.Array:
                    var i = 0;
                    foreach (var item in node.EnumerateArray())
                    {
                        var index = i++;
                        if (item.ValueKind == JsonValueKind.String) Add($"{path}[{index}]", item.GetString()!, role, index);
                        else using (Enter(index)) Strings(item, $"{path}[{index}]", role);
                    }
                    break;
            }
        }
    }
}
