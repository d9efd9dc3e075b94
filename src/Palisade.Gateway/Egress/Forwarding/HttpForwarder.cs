using System.Net;
using System.Net.Http;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;
using Palisade.Core.Model;
using Palisade.Gateway.Egress.JsonRpc;
using Palisade.Gateway.Enforcement;

namespace Palisade.Gateway.Egress.Forwarding;

/// <summary>
/// One HTTP request through the proxy, in the order that keeps secrets in: rate limit; the request judged (URL, headers,
/// body) before any name is resolved; A2A parts and the session's recent payload judged; the host resolved once and every
/// address checked; the request sent to a checked address; the answer judged on its way back.
/// </summary>
public sealed class HttpForwarder(EgressServices services)
{
    public const string RateLimitRule = "proxy-rate-limit";
    public const string CompressedBodyRule = "proxy-compressed-request-body";

    public async Task ForwardAsync(HttpContext http, Uri target, string url, ClientInfo client)
    {
        var request = http.Request;
        var cancel = http.RequestAborted;
        var judge = services.Judge;
        var method = request.Method;
        var extra = new Dictionary<string, string> { ["host"] = judge.SafeHost(target.IdnHost), ["method"] = method };
        var headOnly = ProxyActions.Request(method, url, request.Headers, null, client);

        if (!services.RateLimiter.TryAcquire(target.IdnHost, out var retry))
        {
            var limited = await judge.RefuseAsync(headOnly, RateLimitRule, "rate-limit", $"more than {services.Options.RequestsPerMinutePerHost} requests a minute to {judge.SafeHost(target.IdnHost)}", extra).ConfigureAwait(false);
            if (EgressJudge.Stops(limited))
            {
                await ProxyAnswers.RateLimitedAsync(http, limited, retry).ConfigureAwait(false);
                return;
            }
        }
        if (request.Headers.ContentEncoding.Any(e => e is not null && !e.Equals("identity", StringComparison.OrdinalIgnoreCase)))
        {
            var coded = await judge.RefuseAsync(headOnly, CompressedBodyRule, "engine", "the request body is compressed, so it cannot be scanned; send it uncompressed", extra).ConfigureAwait(false);
            if (EgressJudge.Stops(coded))
            {
                await ProxyAnswers.BlockAsync(http, coded).ConfigureAwait(false);
                return;
            }
        }

        var (first, firstLength, complete) = await ReadFirstWindowAsync(request.Body, services.Options.FirstWindowBytes, cancel).ConfigureAwait(false);
        // A body of exactly the window's size is whole when its declared length says so (no read could tell).
        complete |= request.ContentLength == firstLength;
        var bodyText = firstLength > 0 ? Encoding.UTF8.GetString(first, 0, firstLength) : null;
        var action = ProxyActions.Request(method, url, request.Headers, bodyText, client);
        if (await JudgeRequestAsync(action, bodyText, target, request.Headers, client, extra, cancel).ConfigureAwait(false) is { } stop)
        {
            await ProxyAnswers.BlockAsync(http, stop).ConfigureAwait(false);
            return;
        }

        var (pin, refusal) = await services.Guard.ResolveAsync(target.IdnHost, target.Port, cancel).ConfigureAwait(false);
        if (refusal is not null)
        {
            var refused = await judge.RefuseAsync(action, refusal.Rule, "internal-network", refusal.Reason, extra).ConfigureAwait(false);
            if (EgressJudge.Stops(refused) || pin is null)
            {
                await ProxyAnswers.BlockAsync(http, refused).ConfigureAwait(false);
                return;
            }
        }

        using var message = new HttpRequestMessage(new HttpMethod(method), target) { Version = HttpVersion.Version11, VersionPolicy = HttpVersionPolicy.RequestVersionExact };
        message.Options.Set(PinnedHttpClient.PinKey, pin!);
        var hasBody = firstLength > 0 || !complete;
        if (hasBody)
        {
            var scanner = new StreamWindowScanner(judge, t => ProxyActions.RequestBodyWindow(method, t, client), services.Options.OverlapBytes, StreamWindowScanner.ChunkBytes, extra);
            message.Content = new ScannedRequestContent(first, firstLength, complete ? null : request.Body, scanner, request.ContentLength);
        }
        foreach (var (name, values) in request.Headers)
        {
            if (HopHeaders.IsHopByHop(name) || name.Equals(HeaderNames.AcceptEncoding, StringComparison.OrdinalIgnoreCase)) continue;
            if (name.StartsWith("Content-", StringComparison.OrdinalIgnoreCase))
            {
                if (hasBody && !name.Equals(HeaderNames.ContentLength, StringComparison.OrdinalIgnoreCase)) message.Content!.Headers.TryAddWithoutValidation(name, values.ToArray());
                continue;
            }
            message.Headers.TryAddWithoutValidation(name, values.ToArray());
        }
        // Ask for bytes the proxy can read as they come; a server that compresses anyway is decoded on the way back.
        message.Headers.TryAddWithoutValidation(HeaderNames.AcceptEncoding, "identity");

        HttpResponseMessage upstream;
        try
        {
            upstream = await services.Http.SendAsync(message, cancel).ConfigureAwait(false);
        }
        catch (Exception e) when (BodyBlockedException.Find(e) is { } blocked)
        {
            await ProxyAnswers.BlockAsync(http, blocked).ConfigureAwait(false);
            return;
        }
        catch (Exception e) when (e is HttpRequestException or IOException || (e is OperationCanceledException && !cancel.IsCancellationRequested))
        {
            await ProxyAnswers.BadGatewayAsync(http, $"the upstream {target.IdnHost}:{target.Port} could not be reached ({e.Message})").ConfigureAwait(false);
            return;
        }
        using (upstream)
        {
            await services.Responses.RelayAsync(http, upstream, url, target.AbsolutePath, client, action).ConfigureAwait(false);
        }
    }

    /// <summary>The request, its A2A parts, then its place in the session; the first judgement that stops it, or null.</summary>
    public async ValueTask<Judgement?> JudgeRequestAsync(AgentAction action, string? bodyText, Uri target, IHeaderDictionary headers, ClientInfo client,
        Dictionary<string, string> extra, CancellationToken cancel)
    {
        var judge = services.Judge;
        var judgement = await judge.JudgeAndReviewAsync(action, $"{action.Method} {judge.SafeHost(target.IdnHost)}", extra, cancel).ConfigureAwait(false);
        if (EgressJudge.Stops(judgement)) return judgement;
        var parts = A2aParts.FromRequestBody(bodyText);
        if (parts.Count > 0)
        {
            var a2a = await judge.JudgeAsync(ProxyActions.Message(parts, Direction.Egress, client), new Dictionary<string, string>(extra) { ["a2a"] = "message" }, cancel).ConfigureAwait(false);
            if (EgressJudge.Stops(a2a)) return a2a;
        }
        foreach (var call in McpToolCalls.FromRequestBody(bodyText, client))
        {
            var tool = await judge.JudgeAsync(call, new Dictionary<string, string>(extra) { ["mcp"] = "tools/call" }, cancel).ConfigureAwait(false);
            if (EgressJudge.Stops(tool)) return tool;
        }
        var cross = await services.CrossRequest.CheckAsync(ProxyActions.Fragment(target, headers, bodyText), client, action).ConfigureAwait(false);
        return cross is not null && EgressJudge.Stops(cross) ? cross : null;
    }

    private static async Task<(byte[] Buffer, int Length, bool Complete)> ReadFirstWindowAsync(Stream body, int max, CancellationToken cancel)
    {
        var buffer = new byte[Math.Min(max, 64 * 1024)];
        var length = 0;
        while (true)
        {
            if (length == buffer.Length)
            {
                if (buffer.Length >= max) return (buffer, length, false);
                Array.Resize(ref buffer, Math.Min(max, buffer.Length * 2));
            }
            var n = await body.ReadAsync(buffer.AsMemory(length), cancel).ConfigureAwait(false);
            if (n == 0) return (buffer, length, true);
            length += n;
        }
    }
}
