using System.IO.Compression;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Palisade.Core.Model;
using Palisade.Gateway.Egress.JsonRpc;
using Palisade.Gateway.Egress.Forwarding;
using Palisade.Gateway.Enforcement;

namespace Palisade.Gateway.Egress.Fetch;

/// <summary>
/// <c>GET /fetch?url=</c>: the page as readable text, in JSON with the verdict. Redirects are followed here, hop by hop,
/// each hop judged and resolved and checked like the first (a redirect to the metadata endpoint stops there). The page
/// is judged raw (comments and hidden markup included: that is where injections hide) and as the text the agent reads.
/// </summary>
public sealed class PageFetcher(EgressServices services)
{
    public async Task HandleAsync(HttpContext http)
    {
        var url = http.Request.Query["url"].ToString();
        if (!Uri.TryCreate(url, UriKind.Absolute, out var target) || target.Scheme is not ("http" or "https"))
        {
            await ProxyAnswers.BadRequestAsync(http, "Pass the page as ?url=https://…; only http and https URLs can be fetched.").ConfigureAwait(false);
            return;
        }
        var client = ClientInfo.From(http);
        var cancel = http.RequestAborted;
        var noHeaders = new HeaderDictionary();
        for (var hop = 0; hop <= services.Options.MaxRedirects; hop++)
        {
            var extra = new Dictionary<string, string> { ["host"] = services.Judge.SafeHost(target.IdnHost), ["fetch_hop"] = hop.ToString(System.Globalization.CultureInfo.InvariantCulture) };
            var action = ProxyActions.Request("GET", url, noHeaders, null, client);
            if (!services.RateLimiter.TryAcquire(target.IdnHost, out var retry))
            {
                var limited = await services.Judge.RefuseAsync(action, HttpForwarder.RateLimitRule, "rate-limit", $"more than {services.Options.RequestsPerMinutePerHost} requests a minute to {services.Judge.SafeHost(target.IdnHost)}", extra).ConfigureAwait(false);
                if (EgressJudge.Stops(limited))
                {
                    await ProxyAnswers.RateLimitedAsync(http, limited, retry).ConfigureAwait(false);
                    return;
                }
            }
            if (await services.Forwarder.JudgeRequestAsync(action, null, target, noHeaders, client, extra, cancel).ConfigureAwait(false) is { } stop)
            {
                await ProxyAnswers.BlockAsync(http, stop).ConfigureAwait(false);
                return;
            }
            var (pin, refusal) = await services.Guard.ResolveAsync(target.IdnHost, target.Port, cancel).ConfigureAwait(false);
            if (refusal is not null)
            {
                var refused = await services.Judge.RefuseAsync(action, refusal.Rule, "internal-network", refusal.Reason, extra).ConfigureAwait(false);
                if (EgressJudge.Stops(refused) || pin is null)
                {
                    await ProxyAnswers.BlockAsync(http, refused).ConfigureAwait(false);
                    return;
                }
            }
            using var message = new HttpRequestMessage(HttpMethod.Get, target);
            message.Options.Set(PinnedHttpClient.PinKey, pin!);
            message.Headers.TryAddWithoutValidation("User-Agent", "Palisade-Fetch/1");
            message.Headers.TryAddWithoutValidation("Accept", "text/html,application/xhtml+xml,text/plain,application/json;q=0.9,*/*;q=0.5");
            message.Headers.TryAddWithoutValidation("Accept-Encoding", "identity");
            HttpResponseMessage response;
            try
            {
                response = await services.Http.SendAsync(message, cancel).ConfigureAwait(false);
            }
            catch (Exception e) when (e is HttpRequestException or IOException || (e is OperationCanceledException && !cancel.IsCancellationRequested))
            {
                await ProxyAnswers.BadGatewayAsync(http, $"{target.IdnHost}:{target.Port} could not be reached ({e.Message})").ConfigureAwait(false);
                return;
            }
            using (response)
            {
                var status = (int)response.StatusCode;
                if (status is >= 300 and < 400 && response.Headers.Location is { } location)
                {
                    target = new Uri(target, location);
                    url = target.AbsoluteUri;
                    continue;
                }
                await AnswerAsync(http, response, url, target, client).ConfigureAwait(false);
                return;
            }
        }
        await ProxyAnswers.BadGatewayAsync(http, $"more than {services.Options.MaxRedirects} redirects").ConfigureAwait(false);
    }

    private async Task AnswerAsync(HttpContext http, HttpResponseMessage response, string url, Uri target, ClientInfo client)
    {
        var cancel = http.RequestAborted;
        var mediaType = response.Content.Headers.ContentType?.MediaType;
        var (raw, truncated) = await ReadAsync(response, services.Options.MaxFetchBytes, cancel).ConfigureAwait(false);
        var isHtml = mediaType is "text/html" or "application/xhtml+xml" || (mediaType is null && raw.TrimStart().StartsWith('<'));
        var text = isHtml ? HtmlText.Convert(raw) : ResponseRelay.IsText(mediaType) ? raw : "";
        var fields = new List<ContentField> { new("body", raw) };
        if (isHtml) fields.Add(new ContentField("text", text));
        var action = ProxyActions.Response(url, raw, client) with { Fields = fields };
        var extra = new Dictionary<string, string> { ["host"] = services.Judge.SafeHost(target.IdnHost), ["fetch"] = "response" };
        var judgement = await services.Judge.JudgeAsync(action, extra, cancel).ConfigureAwait(false);
        if (!EgressJudge.Stops(judgement) && A2aParts.FromAgentCard(target.AbsolutePath, raw) is { Count: > 0 } card)
        {
            var cardJudgement = await services.Judge.JudgeAsync(ProxyActions.Message(card, Direction.Ingress, client), new Dictionary<string, string>(extra) { ["a2a"] = "agent_card" }, cancel).ConfigureAwait(false);
            if (EgressJudge.Stops(cardJudgement)) judgement = cardJudgement;
        }
        if (EgressJudge.Stops(judgement))
        {
            await ProxyAnswers.BlockAsync(http, judgement).ConfigureAwait(false);
            return;
        }
        http.Response.ContentType = "application/json";
        await using var json = new Utf8JsonWriter(http.Response.Body, BlockAnswer.JsonOptions);
        json.WriteStartObject();
        json.WriteString("url", url);
        json.WriteNumber("status", (int)response.StatusCode);
        json.WriteString("content_type", mediaType);
        json.WriteString("text", text);
        json.WriteBoolean("truncated", truncated);
        json.WriteStartObject("verdict");
        json.WriteString("decision", judgement.Decision.ToWire());
        json.WriteString("rule", judgement.Verdict.DecidingRule);
        json.WriteString("reason", judgement.Verdict.Reason);
        json.WriteString("event_id", judgement.EventId);
        json.WriteStartArray("findings");
        foreach (var f in judgement.Verdict.Findings)
        {
            json.WriteStartObject();
            json.WriteString("rule", f.RuleId);
            json.WriteString("category", f.Category);
            json.WriteString("severity", f.Severity.ToString().ToLowerInvariant());
            json.WriteString("evidence", f.Evidence);
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndObject();
        await json.FlushAsync(cancel).ConfigureAwait(false);
    }

    private static async Task<(string Text, bool Truncated)> ReadAsync(HttpResponseMessage response, int max, CancellationToken cancel)
    {
        var body = await response.Content.ReadAsStreamAsync(cancel).ConfigureAwait(false);
        body = response.Content.Headers.ContentEncoding.LastOrDefault()?.ToLowerInvariant() switch
        {
            "gzip" or "x-gzip" => new GZipStream(body, CompressionMode.Decompress),
            "deflate" => new ZLibStream(body, CompressionMode.Decompress),
            "br" => new BrotliStream(body, CompressionMode.Decompress),
            _ => body,
        };
        await using var _ = body.ConfigureAwait(false);
        var buffer = new byte[max + 1];
        var length = 0;
        while (length < buffer.Length)
        {
            var n = await body.ReadAsync(buffer.AsMemory(length), cancel).ConfigureAwait(false);
            if (n == 0) break;
            length += n;
        }
        var truncated = length > max;
        return (Encoding.UTF8.GetString(buffer, 0, Math.Min(length, max)), truncated);
    }
}
