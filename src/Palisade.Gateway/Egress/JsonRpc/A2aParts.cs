using System.Text.Json;
using Palisade.Core.Model;

namespace Palisade.Gateway.Egress.JsonRpc;

/// <summary>
/// Agent-to-agent traffic carried over HTTP: JSON-RPC messages (<c>message/send</c>, <c>message/stream</c>,
/// <c>tasks/*</c>) and Agent Cards (<c>/.well-known/agent.json</c>, <c>agent-card.json</c>). Their text parts are
/// judged as messages, so injection scanning applies to what one agent tells another (it does not apply to a plain
/// request body).
/// </summary>
public static class A2aParts
{
    private const int MaxFields = 256;

    /// <summary>The string leaves under <c>params.message</c> (or <c>params</c>) of an A2A JSON-RPC request, or none.</summary>
    public static IReadOnlyList<ContentField> FromRequestBody(string? body)
    {
        if (body is null || body.Length == 0 || body.Length > 4 * 1024 * 1024 || !body.Contains("\"jsonrpc\"", StringComparison.Ordinal)) return [];
        try
        {
            using var doc = JsonDocument.Parse(body);
            var fields = new List<ContentField>();
            foreach (var message in doc.RootElement.ValueKind == JsonValueKind.Array ? doc.RootElement.EnumerateArray() : Enumerable.Repeat(doc.RootElement, 1))
            {
                if (message.ValueKind != JsonValueKind.Object || !message.TryGetProperty("method", out var m) || m.ValueKind != JsonValueKind.String) continue;
                var method = m.GetString() ?? "";
                if (!(method.StartsWith("message/", StringComparison.Ordinal) || method.StartsWith("tasks/", StringComparison.Ordinal))) continue;
                if (message.TryGetProperty("params", out var p)) Leaves(p, "a2a.params", fields);
            }
            return fields;
        }
        catch (JsonException)
        {
            return [];
        }
    }

    /// <summary>The string leaves of an Agent Card (name, description, skills, metadata), or none if the body is not one.</summary>
    public static IReadOnlyList<ContentField> FromAgentCard(string path, string? body)
    {
        if (body is null || body.Length == 0 || body.Length > 4 * 1024 * 1024) return [];
        var byPath = path.EndsWith("/agent.json", StringComparison.OrdinalIgnoreCase) || path.EndsWith("/agent-card.json", StringComparison.OrdinalIgnoreCase);
        if (!byPath && !body.Contains("\"skills\"", StringComparison.Ordinal)) return [];
        try
        {
            using var doc = JsonDocument.Parse(body);
            if (doc.RootElement.ValueKind != JsonValueKind.Object) return [];
            if (!byPath && !doc.RootElement.TryGetProperty("skills", out _)) return [];
            var fields = new List<ContentField>();
            Leaves(doc.RootElement, "agent_card", fields);
            return fields;
        }
        catch (JsonException)
        {
            return [];
        }
    }

    private static void Leaves(JsonElement e, string path, List<ContentField> fields, int depth = 0)
    {
        if (fields.Count >= MaxFields || depth > 32) return;
        switch (e.ValueKind)
        {
            case JsonValueKind.String:
                var s = e.GetString();
                if (!string.IsNullOrEmpty(s)) fields.Add(new ContentField(path, s));
                break;
            case JsonValueKind.Object:
                foreach (var p in e.EnumerateObject()) Leaves(p.Value, $"{path}.{p.Name}", fields, depth + 1);
                break;
            case JsonValueKind.Array:
                var i = 0;
                foreach (var item in e.EnumerateArray()) Leaves(item, $"{path}[{i++}]", fields, depth + 1);
                break;
        }
    }
}
