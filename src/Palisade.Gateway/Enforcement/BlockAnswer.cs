using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace Palisade.Gateway.Enforcement;

/// <summary>
/// Palisade's machine-readable block answer (DESIGN.md): <c>{"error":{"type":"palisade_blocked","rule","reason","event_id"}}</c>
/// and <c>Palisade-Decision</c> / <c>Palisade-Rule</c> / <c>Palisade-Event-Id</c> headers. Protocol adapters that need their
/// provider's own error shape start from <see cref="WriteError"/> and add their fields around it.
/// </summary>
public static class BlockAnswer
{
    public const string DecisionHeader = "Palisade-Decision";
    public const string RuleHeader = "Palisade-Rule";
    public const string EventHeader = "Palisade-Event-Id";

    /// <summary>
    /// How every JSON answer of the gateway is written: reasons quote rule descriptions and field names, which read badly
    /// as <c>\u0027</c>; the bodies are served as <c>application/json</c>, never into HTML, so relaxed escaping is safe.
    /// </summary>
    public static JsonWriterOptions JsonOptions { get; } = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static void SetHeaders(HttpResponse response, Judgement judgement)
    {
        response.Headers[DecisionHeader] = "block";
        response.Headers[RuleHeader] = judgement.Rule;
        response.Headers[EventHeader] = judgement.EventId;
    }

    /// <summary>Writes the generic 403 answer (or another status, e.g. 413) with headers and body.</summary>
    public static async Task WriteAsync(HttpContext context, Judgement judgement, int status = StatusCodes.Status403Forbidden)
    {
        var response = context.Response;
        response.StatusCode = status;
        SetHeaders(response, judgement);
        response.Headers[HeaderNames.CacheControl] = "no-store";
        response.ContentType = "application/json";
        await using var json = new Utf8JsonWriter(response.Body, JsonOptions);
        json.WriteStartObject();
        WriteError(json, judgement);
        json.WriteEndObject();
        await json.FlushAsync(context.RequestAborted).ConfigureAwait(false);
    }

    /// <summary>Writes <c>"error": {type, rule, reason, event_id, message}</c>; <c>message</c> is for clients that show only that field.</summary>
    public static void WriteError(Utf8JsonWriter json, Judgement judgement, string type = "palisade_blocked")
    {
        json.WriteStartObject("error");
        json.WriteString("type", type);
        json.WriteString("rule", judgement.Rule);
        json.WriteString("reason", judgement.Verdict.Reason);
        json.WriteString("event_id", judgement.EventId);
        json.WriteString("message", Message(judgement));
        json.WriteEndObject();
    }

    /// <summary>One sentence for a person: what Palisade did, why, and where to look.</summary>
    public static string Message(Judgement judgement) =>
        $"Blocked by Palisade ({judgement.Rule}): {judgement.Verdict.Reason} (event {judgement.EventId})";
}
