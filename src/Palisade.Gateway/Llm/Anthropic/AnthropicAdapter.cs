using System.Text.Json.Nodes;
using Palisade.Gateway.Llm.Judging;
using Palisade.Gateway.Llm.Sse;

namespace Palisade.Gateway.Llm.Anthropic;

/// <summary>
/// Anthropic Messages answers: every <c>tool_use</c> block is judged; a blocked one becomes a <c>text</c> block at the same
/// index saying what was blocked and why, and <c>stop_reason: tool_use</c> becomes <c>end_turn</c> when no call is left.
/// </summary>
public sealed class AnthropicAdapter : IResponseAdapter
{
    public async ValueTask<byte[]?> RewriteAsync(byte[] body, Exchange exchange, ToolCallJudge judge, CancellationToken cancel)
    {
        if (JsonNode.Parse(body) is not JsonObject root) return null;
        Usage.FromAnswer(root, exchange);
        if (root["content"] is not JsonArray content) return null;
        int calls = 0, blocked = 0;
        for (var i = 0; i < content.Count; i++)
        {
            if (content[i] is not JsonObject block || Json.String(block["type"]) != "tool_use") continue;
            calls++;
            var name = Json.String(block["name"]) ?? "";
            var judgement = await judge.JudgeAsync(exchange, name, Json.Arguments(block["input"]), cancel).ConfigureAwait(false);
            if (ToolCallJudge.Allows(judgement)) continue;
            blocked++;
            content[i] = new JsonObject { ["type"] = "text", ["text"] = ToolCallJudge.Note(name, judgement) };
        }
        if (blocked == 0) return null;
        if (blocked == calls && Json.String(root["stop_reason"]) == "tool_use") root["stop_reason"] = "end_turn";
        return Json.Utf8(root);
    }

    public StreamRewriter CreateStream(Exchange exchange, ToolCallJudge judge, SseWriter output) => new AnthropicStream(judge, exchange, output);
}
