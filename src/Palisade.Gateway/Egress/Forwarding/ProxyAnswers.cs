using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Palisade.Gateway.Enforcement;

namespace Palisade.Gateway.Egress.Forwarding;

/// <summary>What the proxy answers instead of the upstream: 403 blocks (DESIGN.md body and headers), 429 rate limits, 502 upstream failures.</summary>
public static class ProxyAnswers
{
    public static Task BlockAsync(HttpContext http, Judgement judgement) => BlockAnswer.WriteAsync(http, judgement);

    public static async Task RateLimitedAsync(HttpContext http, Judgement judgement, TimeSpan retryAfter)
    {
        http.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        await WriteJsonAsync(http, judgement, StatusCodes.Status429TooManyRequests, "palisade_rate_limited").ConfigureAwait(false);
    }

    public static async Task BadGatewayAsync(HttpContext http, string message)
    {
        if (http.Response.HasStarted)
        {
            http.Abort();
            return;
        }
        http.Response.StatusCode = StatusCodes.Status502BadGateway;
        http.Response.ContentType = "application/json";
        var body = JsonSerializer.Serialize(new { error = new { type = "palisade_upstream_error", message } });
        await http.Response.WriteAsync(body).ConfigureAwait(false);
    }

    public static async Task BadRequestAsync(HttpContext http, string message)
    {
        http.Response.StatusCode = StatusCodes.Status400BadRequest;
        http.Response.ContentType = "application/json";
        await http.Response.WriteAsync(JsonSerializer.Serialize(new { error = new { type = "palisade_bad_request", message } })).ConfigureAwait(false);
    }

    private static async Task WriteJsonAsync(HttpContext http, Judgement judgement, int status, string type)
    {
        http.Response.StatusCode = status;
        BlockAnswer.SetHeaders(http.Response, judgement);
        http.Response.Headers[BlockAnswer.DecisionHeader] = status == 429 ? "rate_limited" : "block";
        http.Response.ContentType = "application/json";
        await using var json = new Utf8JsonWriter(http.Response.Body, BlockAnswer.JsonOptions);
        json.WriteStartObject();
        BlockAnswer.WriteError(json, judgement, type);
        json.WriteEndObject();
        await json.FlushAsync().ConfigureAwait(false);
    }

    /// <summary>A raw HTTP/1.1 answer for the CONNECT handler, which speaks to the socket before Kestrel's HTTP layer.</summary>
    public static byte[] RawBlock(Judgement judgement, int status = 403, string reasonPhrase = "Forbidden", string type = "palisade_blocked", TimeSpan? retryAfter = null)
    {
        using var ms = new MemoryStream();
        using (var json = new Utf8JsonWriter(ms, BlockAnswer.JsonOptions))
        {
            json.WriteStartObject();
            BlockAnswer.WriteError(json, judgement, type);
            json.WriteEndObject();
        }
        var body = ms.ToArray();
        var head = new StringBuilder()
            .Append(CultureInfo.InvariantCulture, $"HTTP/1.1 {status} {reasonPhrase}\r\n")
            .Append("Content-Type: application/json\r\n")
            .Append(CultureInfo.InvariantCulture, $"{BlockAnswer.DecisionHeader}: {(status == 429 ? "rate_limited" : "block")}\r\n")
            .Append(CultureInfo.InvariantCulture, $"{BlockAnswer.RuleHeader}: {judgement.Rule}\r\n")
            .Append(CultureInfo.InvariantCulture, $"{BlockAnswer.EventHeader}: {judgement.EventId}\r\n");
        if (retryAfter is { } r) head.Append(CultureInfo.InvariantCulture, $"Retry-After: {Math.Max(1, (int)Math.Ceiling(r.TotalSeconds))}\r\n");
        head.Append(CultureInfo.InvariantCulture, $"Content-Length: {body.Length}\r\nConnection: close\r\n\r\n");
        return [.. Encoding.ASCII.GetBytes(head.ToString()), .. body];
    }

    public static byte[] RawStatus(int status, string phrase, string message)
    {
        var body = Encoding.UTF8.GetBytes(JsonSerializer.Serialize(new { error = new { type = "palisade_proxy_error", message } }));
        var head = $"HTTP/1.1 {status} {phrase}\r\nContent-Type: application/json\r\nContent-Length: {body.Length}\r\nConnection: close\r\n\r\n";
        return [.. Encoding.ASCII.GetBytes(head), .. body];
    }
}
