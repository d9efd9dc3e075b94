using System.Text.Json;
using System.Text.Json.Nodes;

namespace Palisade.Gateway.Llm.Judging;

/// <summary>Token usage as the providers report it: <c>input_tokens/output_tokens</c> (Anthropic, Responses) or <c>prompt_tokens/completion_tokens</c> (Chat).</summary>
public static class Usage
{
    /// <summary>The model and token counts an answer (or a streamed chunk of one) carries at its top level.</summary>
    public static void FromAnswer(JsonObject answer, Exchange exchange)
    {
        Model(answer["model"], exchange);
        Read(answer["usage"], exchange);
    }

    public static void Read(JsonNode? usage, Exchange exchange)
    {
        if (usage is not JsonObject u) return;
        if ((Number(u["input_tokens"]) ?? Number(u["prompt_tokens"])) is { } input) exchange.InputTokens = input;
        if ((Number(u["output_tokens"]) ?? Number(u["completion_tokens"])) is { } output) exchange.OutputTokens = output;
    }

    public static void Read(JsonElement usage, Exchange exchange)
    {
        if (usage.ValueKind != JsonValueKind.Object) return;
        if ((Number(usage, "input_tokens") ?? Number(usage, "prompt_tokens")) is { } input) exchange.InputTokens = input;
        if ((Number(usage, "output_tokens") ?? Number(usage, "completion_tokens")) is { } output) exchange.OutputTokens = output;
    }

    /// <summary>The model the upstream says answered (it may differ from the one asked for).</summary>
    public static void Model(JsonNode? model, Exchange exchange)
    {
        if (model is JsonValue v && v.GetValueKind() == JsonValueKind.String) exchange.Model = v.GetValue<string>();
    }

    private static long? Number(JsonNode? node) => node is JsonValue v && v.GetValueKind() == JsonValueKind.Number && v.TryGetValue<long>(out var n) ? n : null;

    private static long? Number(JsonElement e, string name) =>
        e.TryGetProperty(name, out var p) && p.ValueKind == JsonValueKind.Number && p.TryGetInt64(out var n) ? n : null;
}
