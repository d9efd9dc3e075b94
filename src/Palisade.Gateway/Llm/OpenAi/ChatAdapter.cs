using System.Text.Json.Nodes;
using Palisade.Gateway.Llm.Judging;
using Palisade.Gateway.Llm.Sse;

namespace Palisade.Gateway.Llm.OpenAi;

/// <summary>
/// OpenAI Chat Completions answers (and every OpenAI-compatible host): each <c>tool_calls</c> entry (and the legacy
/// <c>function_call</c>) is judged; a blocked call is removed, a note is added to the message content, and
/// <c>finish_reason: tool_calls</c> becomes <c>stop</c> when no call is left.
/// </summary>
public sealed class ChatAdapter : IResponseAdapter
{
    public async ValueTask<byte[]?> RewriteAsync(byte[] body, Exchange exchange, ToolCallJudge judge, CancellationToken cancel)
    {
        if (JsonNode.Parse(body) is not JsonObject root) return null;
        Usage.FromAnswer(root, exchange);
        if (root["choices"] is not JsonArray choices) return null;
        var changed = false;
        foreach (var choice in choices.OfType<JsonObject>())
        {
            if (choice["message"] is not JsonObject message) continue;
            var notes = new List<string>();
            if (message["tool_calls"] is JsonArray calls)
            {
                for (var i = calls.Count - 1; i >= 0; i--)
                {
                    var function = calls[i]?["function"];
                    var name = Json.String(function?["name"]) ?? "";
                    var judgement = await judge.JudgeAsync(exchange, name, Json.Arguments(function?["arguments"]), cancel).ConfigureAwait(false);
                    if (ToolCallJudge.Allows(judgement)) continue;
                    calls.RemoveAt(i);
                    notes.Insert(0, ToolCallJudge.Note(name, judgement));
                }
                if (calls.Count == 0) message.Remove("tool_calls");
            }
            if (message["function_call"] is JsonObject legacy)
            {
                var name = Json.String(legacy["name"]) ?? "";
                var judgement = await judge.JudgeAsync(exchange, name, Json.Arguments(legacy["arguments"]), cancel).ConfigureAwait(false);
                if (!ToolCallJudge.Allows(judgement))
                {
                    message.Remove("function_call");
                    notes.Add(ToolCallJudge.Note(name, judgement));
                }
            }
            if (notes.Count == 0) continue;
            changed = true;
            var text = Json.String(message["content"]);
            message["content"] = string.Join("\n", (text is { Length: > 0 } ? [text] : Array.Empty<string>()).Concat(notes));
            if (message["tool_calls"] is null && message["function_call"] is null && Json.String(choice["finish_reason"]) is "tool_calls" or "function_call")
                choice["finish_reason"] = "stop";
        }
        return changed ? Json.Utf8(root) : null;
    }

    public StreamRewriter CreateStream(Exchange exchange, ToolCallJudge judge, SseWriter output) => new ChatStream(judge, exchange, output);
}
