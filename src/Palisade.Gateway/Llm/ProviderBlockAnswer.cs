using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;
using Palisade.Gateway.Enforcement;
using Palisade.Gateway.Llm.Providers;

namespace Palisade.Gateway.Llm;

/// <summary>
/// A block in the provider's own error shape, so the agent's SDK surfaces it as an API error with a readable message:
/// Anthropic <c>{"type":"error","error":{…}}</c>, OpenAI <c>{"error":{…}}</c>; inside <c>error</c> are Palisade's
/// machine-readable fields (type <c>palisade_blocked</c>, rule, reason, event_id), and the Palisade headers are set.
/// </summary>
public static class ProviderBlockAnswer
{
    public static async Task WriteAsync(HttpContext context, WireProtocol protocol, string provider, Judgement judgement, int status = StatusCodes.Status403Forbidden)
    {
        var response = context.Response;
        response.StatusCode = status;
        BlockAnswer.SetHeaders(response, judgement);
        response.Headers[HeaderNames.CacheControl] = "no-store";
        response.ContentType = "application/json";
        await using var json = new Utf8JsonWriter(response.Body, BlockAnswer.JsonOptions);
        json.WriteStartObject();
        if (protocol.UsesAnthropicErrors(provider)) json.WriteString("type", "error");
        BlockAnswer.WriteError(json, judgement);
        json.WriteEndObject();
        await json.FlushAsync(context.RequestAborted).ConfigureAwait(false);
    }
}
