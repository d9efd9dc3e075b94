using System.Text;
using System.Text.Json;

namespace Palisade.Cli.Eval.EgressProxy;

/// <summary>One Agent Egress Bench case as the proxy bench uses it (format: the bench's docs/SPEC.md).</summary>
public sealed record BenchCase(string Id, string Category, string InputType, string Transport, bool Block, JsonElement Payload, IReadOnlyList<string> Tags)
{
    public static BenchCase From(JsonElement e) => new(
        e.Str("id"), e.Str("category"), e.Str("input_type"), e.Str("transport"), e.Str("expected_verdict") == "block", e.GetProperty("payload").Clone(),
        e.TryGetProperty("capability_tags", out var t) && t.ValueKind == JsonValueKind.Array ? [.. t.EnumerateArray().Select(x => x.GetString() ?? "")] : []);

    /// <summary>Transports the egress proxy carries (the bench's http_proxy, fetch_proxy and websocket).</summary>
    public bool OnProxyTransport => Transport is "http_proxy" or "fetch_proxy" or "websocket";

    public string Url => Payload.Str("url");
    public string Method => Payload.Str("method", "GET");

    public IEnumerable<(string Name, string Value)> Headers =>
        Payload.TryGetProperty("headers", out var h) && h.ValueKind == JsonValueKind.Object
            ? h.EnumerateObject().Select(p => (p.Name, p.Value.ValueKind == JsonValueKind.String ? p.Value.GetString()! : p.Value.GetRawText()))
            : [];

    public IEnumerable<string> JsonRpcMessages =>
        Payload.TryGetProperty("jsonrpc_messages", out var m) && m.ValueKind == JsonValueKind.Array ? m.EnumerateArray().Select(x => x.GetRawText()) : [];

    public IReadOnlyList<RawWebSocketClient.Frame> Frames()
    {
        if (!Payload.TryGetProperty("frames", out var frames)) return [];
        return [.. frames.EnumerateArray().Select(f =>
        {
            var opcode = f.Str("opcode", "text") switch { "binary" => 2, "continuation" => 0, "close" => 8, "ping" => 9, _ => 1 };
            var fin = !f.TryGetProperty("fin", out var fe) || fe.GetBoolean();
            var rsv1 = f.TryGetProperty("rsv1", out var r) && r.GetBoolean();
            var text = f.Str("payload");
            var bytes = f.Str("encoding") == "base64" ? Convert.FromBase64String(text) : Encoding.UTF8.GetBytes(text);
            return new RawWebSocketClient.Frame(opcode, fin, rsv1, bytes);
        })];
    }

    /// <summary>The case with every string in its payload passed through <paramref name="map"/> (the placeholder variant).</summary>
    public BenchCase WithPayloadText(Func<string, string> map)
    {
        var raw = Payload.GetRawText();
        var mapped = map(raw);
        return mapped == raw ? this : this with { Payload = JsonDocument.Parse(mapped).RootElement.Clone() };
    }
}
