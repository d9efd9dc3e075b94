using System.Text.Json;
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
    private sealed record HeldCall(string Name, List<SseEvent> Events)
    {
        public System.Text.StringBuilder Deltas { get; } = new();
    }

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
        // Most events are text deltas: read them without building mutable nodes.
        using var doc = JsonDocument.Parse(ev.Data);
        var root = doc.RootElement;
        var type = Json.String(root, "type");
        var index = Json.Int(root, "output_index");
        if (type is null)
        {
            await Output.WriteRawAsync(ev.Raw, cancel).ConfigureAwait(false);
            return;
        }
        if (type == "response.output_item.added" && ResponsesItems.IsCall(Json.Get(root, "item")))
        {
            if (index is not { } start) throw new SseException("a tool call item in the upstream stream has no output_index.");
            _held[start] = new HeldCall(Json.String(Json.Get(root, "item"), "name") ?? "", [Hold(ev)]);
            return;
        }
        if (index is { } i && _held.TryGetValue(i, out var held))
        {
            held.Events.Add(Hold(ev));
            if (type.EndsWith("_call_arguments.delta", StringComparison.Ordinal) || type.EndsWith("_call_input.delta", StringComparison.Ordinal))
                held.Deltas.Append(Json.String(root, "delta"));
            if (type == "response.output_item.done")
            {
                _held.Remove(i);
                await ReleaseAsync(i, (JsonObject)JsonNode.Parse(ev.Data.Span)!, held, cancel).ConfigureAwait(false);
            }
            return;
        }
        if (type.StartsWith("response.function_call_arguments.", StringComparison.Ordinal) || type.StartsWith("response.custom_tool_call_input.", StringComparison.Ordinal))
            return; // arguments for a call that is not open are not the client's to assemble
        if (type is "response.created" or "response.in_progress" or "response.completed" or "response.incomplete" or "response.failed")
        {
            var response = Json.Get(root, "response");
            if (Json.String(response, "model") is { } model) Exchange.Model = model;
            Usage.Read(Json.Get(response, "usage"), Exchange);
            if (_replaced.Count > 0 && Json.Get(response, "output").ValueKind == JsonValueKind.Array)
            {
                var rewritten = JsonNode.Parse(ev.Data.Span)!;
                var items = (JsonArray)rewritten["response"]!["output"]!;
                for (var k = 0; k < items.Count; k++)
                    if (Json.String(items[k]?["id"]) is { } id && _replaced.TryGetValue(id, out var message)) items[k] = message.DeepClone();
                await Output.WriteEventAsync(ev.Name, rewritten, cancel).ConfigureAwait(false);
                return;
            }
        }
        await Output.WriteRawAsync(ev.Raw, cancel).ConfigureAwait(false);
    }

    private async ValueTask ReleaseAsync(int index, JsonObject done, HeldCall held, CancellationToken cancel)
    {
        Released(held.Events);
        var item = done["item"] as JsonObject ?? new JsonObject { ["type"] = "function_call", ["name"] = held.Name };
        var (name, arguments) = ResponsesItems.Call(item);
        var judgement = await JudgeCallAsync(name, arguments, cancel).ConfigureAwait(false);
        // A client that assembles the deltas would run those: when they are not the finished item's arguments, judge them too.
        var deltas = held.Deltas.ToString();
        if (ToolCallJudge.Allows(judgement) && deltas.Length > 0 && deltas != arguments && Json.String(item["type"]) == "function_call")
            judgement = await JudgeCallAsync(name, deltas, cancel).ConfigureAwait(false);
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
