using System.Text.Json;
using Palisade.Core.Model;
using Palisade.Gateway.Egress.Forwarding;

namespace Palisade.Gateway.Egress.JsonRpc;

/// <summary>
/// MCP over HTTP (streamable HTTP) passing through the proxy: a JSON-RPC <c>tools/call</c> in a request body is a tool
/// call, judged as one (its arguments decomposed into the commands, paths and URLs inside them), not only as body text.
/// </summary>
public static class McpToolCalls
{
    private const int MaxCalls = 32;

    public static IReadOnlyList<AgentAction> FromRequestBody(string? body, ClientInfo client)
    {
        if (body is null || body.Length == 0 || body.Length > 4 * 1024 * 1024 || !body.Contains("tools/call", StringComparison.Ordinal)) return [];
        try
        {
            using var doc = JsonDocument.Parse(body);
            var calls = new List<AgentAction>();
            foreach (var m in doc.RootElement.ValueKind == JsonValueKind.Array ? doc.RootElement.EnumerateArray() : Enumerable.Repeat(doc.RootElement, 1))
            {
                if (calls.Count >= MaxCalls || m.ValueKind != JsonValueKind.Object) continue;
                if (!m.TryGetProperty("method", out var method) || method.ValueKind != JsonValueKind.String || method.GetString() != "tools/call") continue;
                if (!m.TryGetProperty("params", out var p) || p.ValueKind != JsonValueKind.Object) continue;
                var name = p.TryGetProperty("name", out var n) && n.ValueKind == JsonValueKind.String ? n.GetString()! : "";
                var args = p.TryGetProperty("arguments", out var a) ? a.GetRawText() : "{}";
                calls.Add(new AgentAction
                {
                    Kind = ActionKind.ToolCall,
                    Direction = Direction.Egress,
                    Source = ActionSource.Model,
                    Transport = ProxyActions.Transport,
                    SessionId = client.Session,
                    ToolName = name,
                    ArgumentsJson = args,
                    Fields = [new ContentField("mcp.arguments", args)],
                });
            }
            return calls;
        }
        catch (JsonException)
        {
            return [];
        }
    }
}
