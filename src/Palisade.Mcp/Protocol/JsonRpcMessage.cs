using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Palisade.Mcp.Protocol;

/// <summary>What a JSON-RPC message is, by its members: a request has a method and an id, a notification a method and no id.</summary>
public enum JsonRpcKind
{
    Request,
    Notification,
    Response,
}

/// <summary>
/// One JSON-RPC 2.0 message as it crosses the proxy, validated on parse. Anything the MCP peers could read
/// differently from the proxy — duplicate members, a wrong version, an id that is neither string nor integer,
/// a batch — is refused rather than guessed at, so what the engine judged is what the peer acts on.
/// </summary>
public sealed class JsonRpcMessage
{
    private static readonly JsonDocumentOptions ParseOptions = new() { MaxDepth = 64, AllowDuplicateProperties = false };

    public JsonObject Node { get; }
    public JsonRpcKind Kind { get; }
    public string? Method { get; }

    /// <summary>The id as compact JSON (<c>7</c> or <c>"a"</c>), so 7 and "7" stay different keys; null for notifications.</summary>
    public string? IdKey { get; }

    private JsonRpcMessage(JsonObject node, JsonRpcKind kind, string? method, string? idKey)
    {
        Node = node;
        Kind = kind;
        Method = method;
        IdKey = idKey;
    }

    public JsonNode? Id => Node["id"];
    public JsonNode? Params => Node["params"];
    public JsonNode? Result => Node["result"];
    public bool IsError => Node.ContainsKey("error");

    public string ToJson() => Node.ToJsonString();

    public static bool TryParse(string text, out JsonRpcMessage message, out string problem)
    {
        message = null!;
        JsonNode? node;
        try
        {
            node = JsonNode.Parse(text, documentOptions: ParseOptions);
        }
        catch (Exception e) when (e is JsonException or ArgumentException or InvalidOperationException)
        {
            problem = "a frame that is not valid JSON";
            return false;
        }
        if (node is JsonArray)
        {
            problem = "a JSON-RPC batch (MCP 2025-06-18 removed batches)";
            return false;
        }
        if (node is not JsonObject obj)
        {
            problem = "a frame that is not a JSON object";
            return false;
        }
        if (obj["jsonrpc"] is not JsonValue v || v.GetValueKind() != JsonValueKind.String || v.GetValue<string>() != "2.0")
        {
            problem = "a frame without \"jsonrpc\": \"2.0\"";
            return false;
        }
        var hasId = obj.TryGetPropertyValue("id", out var id);
        string? idKey = null;
        if (hasId && !TryIdKey(id, out idKey))
        {
            problem = "an id that is neither a string nor an integer";
            return false;
        }
        if (obj.TryGetPropertyValue("method", out var m))
        {
            if (m is not JsonValue mv || mv.GetValueKind() != JsonValueKind.String || mv.GetValue<string>().Length == 0)
            {
                problem = "a method that is not a non-empty string";
                return false;
            }
            if (obj.ContainsKey("result") || obj.ContainsKey("error"))
            {
                problem = "a frame that is both a request and a response";
                return false;
            }
            if (hasId && idKey is null)
            {
                problem = "a request with a null id";
                return false;
            }
            message = new JsonRpcMessage(obj, hasId ? JsonRpcKind.Request : JsonRpcKind.Notification, mv.GetValue<string>(), idKey);
            problem = "";
            return true;
        }
        if (!hasId || obj.ContainsKey("result") == obj.ContainsKey("error"))
        {
            problem = "a response without an id or without exactly one of result and error";
            return false;
        }
        message = new JsonRpcMessage(obj, JsonRpcKind.Response, null, idKey);
        problem = "";
        return true;
    }

    /// <summary>Strings and integers are ids; null is allowed (error responses to unreadable requests) and has no key.</summary>
    private static bool TryIdKey(JsonNode? id, out string? key)
    {
        key = null;
        if (id is null) return true;
        if (id is not JsonValue v) return false;
        switch (v.GetValueKind())
        {
            case JsonValueKind.String:
                key = id.ToJsonString();
                return true;
            case JsonValueKind.Number when v.TryGetValue<long>(out var n):
                key = n.ToString(System.Globalization.CultureInfo.InvariantCulture);
                return true;
            default:
                return false;
        }
    }

    /// <summary>UTF-8 length of the message as relayed.</summary>
    public static int ByteCount(string json) => Encoding.UTF8.GetByteCount(json);
}
