using System.Text.Json.Nodes;

namespace Palisade.Mcp.Protocol;

/// <summary>Error responses Palisade writes in a peer's place.</summary>
public static class JsonRpcReplies
{
    /// <summary>An error response for <paramref name="id"/>; <paramref name="data"/> is the machine-readable block body.</summary>
    public static string Error(JsonNode? id, int code, string message, JsonObject? data = null)
    {
        var error = new JsonObject { ["code"] = code, ["message"] = message };
        if (data is not null) error["data"] = data;
        return new JsonObject { ["jsonrpc"] = "2.0", ["id"] = id?.DeepClone(), ["error"] = error }.ToJsonString();
    }

    /// <summary>The block body every surface uses: <c>{type: palisade_blocked, rule, reason, event_id}</c>.</summary>
    public static JsonObject BlockData(string? rule, string reason, string eventId) => new()
    {
        ["type"] = "palisade_blocked",
        ["rule"] = rule,
        ["reason"] = reason,
        ["event_id"] = eventId,
    };
}
