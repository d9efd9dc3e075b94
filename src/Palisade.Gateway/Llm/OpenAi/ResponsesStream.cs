using System.Text.Json.Nodes;
using Palisade.Gateway.Llm.Judging;
using Palisade.Gateway.Llm.Sse;

namespace Palisade.Gateway.Llm.OpenAi;

/// <summary>
/// Responses API streams. A call item's events (<c>response.output_item.added</c>, the
/// <c>response.function_call_arguments.delta</c>s and <c>.done</c>, <c>response.output_item.done</c>) are held by
/// <c>output_index</c> until the item is done, then judged with the arguments of the finished item. A blocked call is
/// replaced by the events of an assistant message item at the same index, and the final <c>response.completed</c>
/// (or <c>incomplete</c>/<c>failed</c>) carries that message in its <c>output</c> instead of the call.
/// </summary>
public sealed class ResponsesStream(ToolCallJudge judge, Exchange exchange, SseWriter output) : StreamRewriter(judge, exchange, output)
{
    private sealed record HeldCall(string Name, List<SseEvent> Events);

    private readonly Dictionary<int, HeldCall> _held = [];
    private readonly Dictionary<string, JsonObject> _replaced = new(StringComparer.Ordinal);

    public override IReadOnlyList<string> OpenCalls => [.. _held.Values.Select(h => h.Name)];

    public override async ValueTask OnEventAsync(SseEvent ev, CancellationToken cancel)
    {
        if (ev.Data.Length == 0 || ev.IsDone)
        {
            await Output.WriteRawAsync(ev.Raw, cancel).ConfigureAwait(false);
            return;
        }
        var root = JsonNode.Parse(ev.Data.Span) as JsonObject;
        var type = Json.String(root?["type"]);
        var index = Json.Int(root?["output_index"]);
        if (root is null || type is null)
        {
            await Output.WriteRawAsync(ev.Raw, cancel).ConfigureAwait(false);
            return;
        }
        if (type == "response.output_item.added" && ResponsesItems.IsCall(root["item"]) && index is { } start)
        {
            _held[start] = new HeldCall(ResponsesItems.Call(root["item"]!).Name, [ev.Detach()]);
            return;
        }
        if (index is { } i && _held.TryGetValue(i, out var held))
        {
            held.Events.Add(ev.Detach());
            if (type == "response.output_item.done")
            {
                _held.Remove(i);
                await ReleaseAsync(i, root, held, cancel).ConfigureAwait(false);
            }
            return;
        }
        if (type.StartsWith("response.function_call_arguments.", StringComparison.Ordinal) || type.StartsWith("response.custom_tool_call_input.", StringComparison.Ordinal))
            return; // arguments for a call that is not open are not the client's to assemble
        if (type is "response.created" or "response.in_progress" or "response.completed" or "response.incomplete" or "response.failed")
        {
            var response = root["response"];
            Usage.Model(response?["model"], Exchange);
            Usage.Read(response?["usage"], Exchange);
            if (_replaced.Count > 0 && response?["output"] is JsonArray items)
            {
                for (var k = 0; k < items.Count; k++)
                    if (Json.String(items[k]?["id"]) is { } id && _replaced.TryGetValue(id, out var message)) items[k] = message.DeepClone();
                await Output.WriteEventAsync(ev.Name, root, cancel).ConfigureAwait(false);
                return;
            }
        }
        await Output.WriteRawAsync(ev.Raw, cancel).ConfigureAwait(false);
    }

    private async ValueTask ReleaseAsync(int index, JsonObject done, HeldCall held, CancellationToken cancel)
    {
        var item = done["item"]!;
        var (name, arguments) = ResponsesItems.Call(item);
        var judgement = await Judge.JudgeAsync(Exchange, name, arguments, cancel).ConfigureAwait(false);
        if (ToolCallJudge.Allows(judgement))
        {
            foreach (var e in held.Events) await Output.WriteRawAsync(e.Raw, cancel).ConfigureAwait(false);
            return;
        }
        var note = ToolCallJudge.Note(name, judgement);
        var id = ResponsesItems.MessageId(judgement);
        var complete = ResponsesItems.Message(id, note, complete: true);
        if (Json.String(item["id"]) is { } callId) _replaced[callId] = complete;
        // Synthetic events reuse the sequence number of the item's last held event: clients order by arrival.
        var seq = Json.Int(done["sequence_number"]) ?? 0;
        await Emit("response.output_item.added", new JsonObject { ["output_index"] = index, ["item"] = ResponsesItems.Message(id, note, complete: false) });
        await Emit("response.content_part.added", Part(new JsonObject { ["part"] = ResponsesItems.Text("") }));
        await Emit("response.output_text.delta", Part(new JsonObject { ["delta"] = note, ["logprobs"] = new JsonArray() }));
        await Emit("response.output_text.done", Part(new JsonObject { ["text"] = note, ["logprobs"] = new JsonArray() }));
        await Emit("response.content_part.done", Part(new JsonObject { ["part"] = ResponsesItems.Text(note) }));
        await Emit("response.output_item.done", new JsonObject { ["output_index"] = index, ["item"] = complete.DeepClone() });

        JsonObject Part(JsonObject fields)
        {
            fields["item_id"] = id;
            fields["output_index"] = index;
            fields["content_index"] = 0;
            return fields;
        }

        ValueTask Emit(string type, JsonObject data)
        {
            var ordered = new JsonObject { ["type"] = type, ["sequence_number"] = seq };
            foreach (var (k, v) in data.ToList())
            {
                data.Remove(k);
                ordered[k] = v;
            }
            return Output.WriteEventAsync(type, ordered, cancel);
        }
    }
}
