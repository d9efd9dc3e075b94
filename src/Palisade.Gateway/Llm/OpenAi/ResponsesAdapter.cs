using System.Text.Json.Nodes;
using Palisade.Gateway.Llm.Judging;
using Palisade.Gateway.Llm.Sse;

namespace Palisade.Gateway.Llm.OpenAi;

/// <summary>
/// OpenAI Responses API answers: each <c>function_call</c> (or <c>custom_tool_call</c>) output item is judged; a blocked
/// one is replaced by an assistant message item at the same place saying what was blocked and why.
/// </summary>
public sealed class ResponsesAdapter : IResponseAdapter
{
    public async ValueTask<byte[]?> RewriteAsync(byte[] body, Exchange exchange, ToolCallJudge judge, CancellationToken cancel)
    {
        if (JsonNode.Parse(body) is not JsonObject root) return null;
        Usage.FromAnswer(root, exchange);
        if (root["output"] is not JsonArray output) return null;
        var changed = false;
        for (var i = 0; i < output.Count; i++)
        {
            if (!ResponsesItems.IsCall(output[i])) continue;
            var (name, arguments) = ResponsesItems.Call(output[i]!);
            var judgement = await judge.JudgeAsync(exchange, name, arguments, cancel).ConfigureAwait(false);
            if (ToolCallJudge.Allows(judgement)) continue;
            output[i] = ResponsesItems.Message(ResponsesItems.MessageId(judgement), ToolCallJudge.Note(name, judgement), complete: true);
            changed = true;
        }
        return changed ? Json.Utf8(root) : null;
    }

    public StreamRewriter CreateStream(Exchange exchange, ToolCallJudge judge, SseWriter output) => new ResponsesStream(judge, exchange, output);
}
