using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Palisade.Gateway.Llm.Judging;
using Palisade.Gateway.Llm.Sse;

namespace Palisade.Gateway.Llm.Anthropic;

/// <summary>
/// Anthropic Messages streams. The event's type is read from its data (what SDKs dispatch on), never from the
/// <c>event:</c> line alone. A <c>tool_use</c> block's events (start, <c>input_json_delta</c>s, stop) are held by index —
/// parallel blocks each on their own — and released or replaced when its <c>content_block_stop</c> arrives.
/// </summary>
public sealed class AnthropicStream(ToolCallJudge judge, Exchange exchange, SseWriter output) : StreamRewriter(judge, exchange, output)
{
    private sealed class HeldCall(string name, string startInput)
    {
        public string Name { get; } = name;
        public string StartInput { get; } = startInput;
        public StringBuilder PartialJson { get; } = new();
        public List<SseEvent> Events { get; } = [];
    }

    private readonly Dictionary<int, HeldCall> _held = [];
    private int _forwardedCalls, _blockedCalls;

    public override IReadOnlyList<string> OpenCalls => [.. _held.Values.Select(h => h.Name)];

    public override async ValueTask OnEventAsync(SseEvent ev, CancellationToken cancel)
    {
        if (ev.Data.Length == 0)
        {
            await Output.WriteRawAsync(ev.Raw, cancel).ConfigureAwait(false);
            return;
        }
        using var doc = JsonDocument.Parse(ev.Data);
        var root = doc.RootElement;
        var type = Json.String(root, "type");
        var index = Json.Int(root, "index");
        switch (type)
        {
            case "message_start":
                var message = Json.Get(root, "message");
                if (Json.String(message, "model") is { } model) Exchange.Model = model;
                Usage.Read(Json.Get(message, "usage"), Exchange);
                break;
            case "content_block_start" when index is { } i && Json.String(Json.Get(root, "content_block"), "type") == "tool_use":
                var block = Json.Get(root, "content_block");
                var input = Json.Get(block, "input");
                _held[i] = new HeldCall(Json.String(block, "name") ?? "", input.ValueKind == JsonValueKind.Undefined ? "{}" : input.GetRawText());
                _held[i].Events.Add(ev.Detach());
                return;
            case "content_block_delta" when index is { } i && _held.TryGetValue(i, out var held):
                held.Events.Add(ev.Detach());
                if (Json.String(Json.Get(root, "delta"), "partial_json") is { } part) held.PartialJson.Append(part);
                return;
            case "content_block_delta" when Json.String(Json.Get(root, "delta"), "type") == "input_json_delta":
                // Arguments for a call that is not open (never started, or already judged) are not the client's to assemble.
                return;
            case "content_block_stop" when index is { } i && _held.Remove(i, out var done):
                done.Events.Add(ev.Detach());
                await ReleaseAsync(i, done, cancel).ConfigureAwait(false);
                return;
            case "message_delta":
                Usage.Read(Json.Get(root, "usage"), Exchange);
                if (_blockedCalls > 0 && _forwardedCalls == 0 && Json.String(Json.Get(root, "delta"), "stop_reason") == "tool_use")
                {
                    var rewritten = JsonNode.Parse(ev.Data.Span)!;
                    rewritten["delta"]!["stop_reason"] = "end_turn";
                    await Output.WriteEventAsync(ev.Name.Length > 0 ? ev.Name : "message_delta", rewritten, cancel).ConfigureAwait(false);
                    return;
                }
                break;
        }
        await Output.WriteRawAsync(ev.Raw, cancel).ConfigureAwait(false);
    }

    private async ValueTask ReleaseAsync(int index, HeldCall call, CancellationToken cancel)
    {
        var arguments = call.PartialJson.Length > 0 ? call.PartialJson.ToString() : call.StartInput;
        var judgement = await Judge.JudgeAsync(Exchange, call.Name, arguments, cancel).ConfigureAwait(false);
        if (ToolCallJudge.Allows(judgement))
        {
            _forwardedCalls++;
            foreach (var e in call.Events) await Output.WriteRawAsync(e.Raw, cancel).ConfigureAwait(false);
            return;
        }
        _blockedCalls++;
        var note = ToolCallJudge.Note(call.Name, judgement);
        await Output.WriteEventAsync("content_block_start", new JsonObject
        {
            ["type"] = "content_block_start", ["index"] = index, ["content_block"] = new JsonObject { ["type"] = "text", ["text"] = "" },
        }, cancel).ConfigureAwait(false);
        await Output.WriteEventAsync("content_block_delta", new JsonObject
        {
            ["type"] = "content_block_delta", ["index"] = index, ["delta"] = new JsonObject { ["type"] = "text_delta", ["text"] = note },
        }, cancel).ConfigureAwait(false);
        await Output.WriteEventAsync("content_block_stop", new JsonObject { ["type"] = "content_block_stop", ["index"] = index }, cancel).ConfigureAwait(false);
    }
}
