using System.Text.Json.Nodes;
using Palisade.Gateway.Enforcement;
using Palisade.Gateway.Llm.Judging;

namespace Palisade.Gateway.Llm.OpenAi;

/// <summary>Responses API output items: which are tool calls, and the assistant message that replaces a blocked one.</summary>
public static class ResponsesItems
{
    /// <summary>A call whose arguments the client runs: <c>function_call</c> (JSON arguments) or <c>custom_tool_call</c> (free-form input).</summary>
    public static bool IsCall(JsonNode? item) => Json.String(item?["type"]) is "function_call" or "custom_tool_call";

    public static (string Name, string Arguments) Call(JsonNode item) =>
        Json.String(item["type"]) == "custom_tool_call"
            ? (Json.String(item["name"]) ?? "", new JsonObject { ["input"] = Json.String(item["input"]) ?? "" }.ToJsonString(Json.Writing))
            : (Json.String(item["name"]) ?? "", Json.String(item["arguments"]) ?? "");

    public static string MessageId(Judgement judgement) => "msg_palisade_" + judgement.EventId.Replace("-", "", StringComparison.Ordinal);

    public static JsonObject Text(string note) => new() { ["type"] = "output_text", ["text"] = note, ["annotations"] = new JsonArray() };

    public static JsonObject Message(string id, string note, bool complete) => new()
    {
        ["type"] = "message",
        ["id"] = id,
        ["status"] = complete ? "completed" : "in_progress",
        ["role"] = "assistant",
        ["content"] = complete ? new JsonArray(Text(note)) : new JsonArray(),
    };
}
