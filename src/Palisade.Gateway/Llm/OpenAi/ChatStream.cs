using System.Text;
using System.Text.Json.Nodes;
using Palisade.Gateway.Llm.Judging;
using Palisade.Gateway.Llm.Sse;

namespace Palisade.Gateway.Llm.OpenAi;

/// <summary>
/// Chat Completions streams. Tool call fragments are collected by (choice, index) and taken out of the chunks that carry
/// them; a call is complete when the next index of its choice starts, when its choice finishes, or at <c>[DONE]</c>.
/// An allowed call is then sent as one chunk with its whole arguments (indexes renumbered so they stay dense); a blocked
/// one becomes a content note, and <c>finish_reason: tool_calls</c> becomes <c>stop</c> when its choice has no call left.
/// </summary>
public sealed class ChatStream(ToolCallJudge judge, Exchange exchange, SseWriter output) : StreamRewriter(judge, exchange, output)
{
    private sealed class HeldCall(int choice, int index)
    {
        public int Choice { get; } = choice;
        public int Index { get; } = index;
        public string? Id { get; set; }
        public StringBuilder Name { get; } = new();
        public StringBuilder Arguments { get; } = new();
        public bool Legacy { get; init; }
    }

    private sealed class ChoiceState
    {
        public int Forwarded { get; set; }
        public int Blocked { get; set; }
    }

    private readonly List<HeldCall> _held = [];
    private readonly Dictionary<int, ChoiceState> _choices = [];
    private JsonObject? _template;

    public override IReadOnlyList<string> OpenCalls => [.. _held.Select(h => h.Name.ToString())];

    public override async ValueTask OnEventAsync(SseEvent ev, CancellationToken cancel)
    {
        if (ev.IsDone)
        {
            await CompleteAsync(_ => true, cancel).ConfigureAwait(false);
            await Output.WriteRawAsync(ev.Raw, cancel).ConfigureAwait(false);
            return;
        }
        if (ev.Data.Length == 0 || (_template is not null && _held.Count == 0 && !ChatChunkFilter.NeedsLook(ev.Data.Span)))
        {
            await Output.WriteRawAsync(ev.Raw, cancel).ConfigureAwait(false);
            return;
        }
        if (JsonNode.Parse(ev.Data.Span) is not JsonObject root || root["error"] is not null)
        {
            await Output.WriteRawAsync(ev.Raw, cancel).ConfigureAwait(false);
            return;
        }
        _template ??= Template(root);
        Usage.FromAnswer(root, Exchange);
        var modified = false;
        var keep = root["usage"] is JsonObject;
        foreach (var choice in (root["choices"] as JsonArray ?? []).OfType<JsonObject>())
        {
            var ci = Json.Int(choice["index"]) ?? 0;
            if (choice["delta"] is JsonObject delta)
            {
                if (delta["tool_calls"] is JsonArray calls)
                {
                    foreach (var call in calls.OfType<JsonObject>()) await CollectAsync(ci, Json.Int(call["index"]) ?? 0, call, false, cancel).ConfigureAwait(false);
                    delta.Remove("tool_calls");
                    modified = true;
                }
                if (delta["function_call"] is JsonObject legacy)
                {
                    await CollectAsync(ci, -1, legacy, true, cancel).ConfigureAwait(false);
                    delta.Remove("function_call");
                    modified = true;
                }
                keep |= delta.Any(p => p.Key != "role" && p.Value is not null) || (modified && delta.ContainsKey("role"));
            }
            if (Json.String(choice["finish_reason"]) is { } finish)
            {
                keep = true;
                await CompleteAsync(h => h.Choice == ci, cancel).ConfigureAwait(false);
                var state = State(ci);
                if (finish is "tool_calls" or "function_call" && state.Forwarded == 0 && state.Blocked > 0)
                {
                    choice["finish_reason"] = "stop";
                    modified = true;
                }
            }
        }
        if (!modified) await Output.WriteRawAsync(ev.Raw, cancel).ConfigureAwait(false);
        else if (keep) await Output.WriteEventAsync(ev.Name, root, cancel).ConfigureAwait(false);
    }

    private async ValueTask CollectAsync(int choice, int index, JsonObject fragment, bool legacy, CancellationToken cancel)
    {
        var held = _held.Find(h => h.Choice == choice && h.Index == index);
        if (held is null)
        {
            // A new index in this choice means the calls before it are complete.
            await CompleteAsync(h => h.Choice == choice, cancel).ConfigureAwait(false);
            held = new HeldCall(choice, index) { Legacy = legacy };
            _held.Add(held);
        }
        if (Json.String(fragment["id"]) is { } id) held.Id ??= id;
        var function = legacy ? fragment : fragment["function"] as JsonObject;
        if (Json.String(function?["name"]) is { } name)
        {
            Holding(name.Length);
            held.Name.Append(name);
        }
        if (Json.String(function?["arguments"]) is { } args)
        {
            Holding(args.Length);
            held.Arguments.Append(args);
        }
    }

    private async ValueTask CompleteAsync(Predicate<HeldCall> which, CancellationToken cancel)
    {
        foreach (var call in _held.FindAll(which))
        {
            _held.Remove(call);
            Released(call.Name.Length + call.Arguments.Length);
            var name = call.Name.ToString();
            var judgement = await JudgeCallAsync(name, call.Arguments.ToString(), cancel).ConfigureAwait(false);
            var state = State(call.Choice);
            JsonObject delta;
            if (ToolCallJudge.Allows(judgement))
            {
                var function = new JsonObject { ["name"] = name, ["arguments"] = call.Arguments.ToString() };
                delta = call.Legacy
                    ? new JsonObject { ["function_call"] = function }
                    : new JsonObject { ["tool_calls"] = new JsonArray(new JsonObject { ["index"] = state.Forwarded, ["id"] = call.Id, ["type"] = "function", ["function"] = function }) };
                state.Forwarded++;
            }
            else
            {
                delta = new JsonObject { ["content"] = "\n\n" + ToolCallJudge.Note(name, judgement) };
                state.Blocked++;
            }
            var chunk = (JsonObject)(_template ?? new JsonObject { ["object"] = "chat.completion.chunk" }).DeepClone();
            chunk["choices"] = new JsonArray(new JsonObject { ["index"] = call.Choice, ["delta"] = delta, ["finish_reason"] = null });
            await Output.WriteEventAsync("", chunk, cancel).ConfigureAwait(false);
        }
    }

    private ChoiceState State(int choice)
    {
        if (!_choices.TryGetValue(choice, out var state)) _choices[choice] = state = new ChoiceState();
        return state;
    }

    private static JsonObject Template(JsonObject root)
    {
        var template = new JsonObject();
        foreach (var key in (ReadOnlySpan<string>)["id", "object", "created", "model", "system_fingerprint", "service_tier"])
            if (root[key] is { } value) template[key] = value.DeepClone();
        return template;
    }
}
