using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Palisade.Gateway.Llm.Judging;

/// <summary>Small readers over untrusted JSON: a wrong type reads as absent, never as an exception.</summary>
public static class Json
{
    /// <summary>For JSON Palisade writes into API answers: not HTML, so quotes and apostrophes stay as they are.</summary>
    public static JsonSerializerOptions Writing { get; } = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>A node written back as the UTF-8 bytes of an answer body.</summary>
    public static byte[] Utf8(JsonNode node) => System.Text.Encoding.UTF8.GetBytes(node.ToJsonString(Writing));

    public static string? String(JsonNode? node) => node is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : null;

    public static int? Int(JsonNode? node) => node is JsonValue v && v.GetValueKind() == JsonValueKind.Number && v.TryGetValue<int>(out var n) ? n : null;

    public static string? String(JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var p) && p.ValueKind == JsonValueKind.String ? p.GetString() : null;

    public static int? Int(JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var p) && p.ValueKind == JsonValueKind.Number && p.TryGetInt32(out var n) ? n : null;

    public static JsonElement Get(JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var p) ? p : default;

    /// <summary>Tool arguments as JSON text: Anthropic sends an object, OpenAI a string holding JSON.</summary>
    public static string Arguments(JsonNode? node) => node switch
    {
        null => "{}",
        JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>(),
        _ => node.ToJsonString(),
    };
}
