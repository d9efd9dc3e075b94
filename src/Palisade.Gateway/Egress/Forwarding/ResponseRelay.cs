using System.IO.Compression;
using System.Net.Http;
using System.Text;
using Microsoft.AspNetCore.Http;
using Palisade.Core.Model;
using Palisade.Gateway.Egress.JsonRpc;
using Palisade.Gateway.Enforcement;

namespace Palisade.Gateway.Egress.Forwarding;

/// <summary>
/// Sends the upstream's answer back to the agent, judged on the way: the first window before the status line is
/// written (a blocked page becomes a 403), every later window before its bytes are released (a block mid-stream cuts
/// the connection). Compressed bodies are decoded so they can be read; a coding the proxy cannot decode is refused.
/// </summary>
public sealed class ResponseRelay(EgressJudge judge, EgressProxyOptions options)
{
    public const string UndecodableRule = "proxy-undecodable-body";
    private const int FirstWindow = 64 * 1024;
    private const int Chunk = StreamWindowScanner.ChunkBytes;

    public async Task RelayAsync(HttpContext http, HttpResponseMessage upstream, string url, string path, ClientInfo client, AgentAction request)
    {
        var response = http.Response;
        var cancel = http.RequestAborted;
        var encoding = upstream.Content.Headers.ContentEncoding.LastOrDefault()?.ToLowerInvariant();
        if (encoding is not (null or "identity" or "gzip" or "x-gzip" or "deflate" or "br"))
        {
            var refused = await judge.RefuseAsync(request, UndecodableRule, "engine", $"the response is {encoding}-coded, which the proxy cannot decode to scan").ConfigureAwait(false);
            if (EgressJudge.Stops(refused))
            {
                await ProxyAnswers.BlockAsync(http, refused).ConfigureAwait(false);
                return;
            }
        }
        var decode = encoding is "gzip" or "x-gzip" or "deflate" or "br";
        var scan = IsText(upstream.Content.Headers.ContentType?.MediaType);
        var streaming = upstream.Content.Headers.ContentType?.MediaType == "text/event-stream";
        var body = await upstream.Content.ReadAsStreamAsync(cancel).ConfigureAwait(false);
        if (decode)
            body = encoding switch
            {
                "gzip" or "x-gzip" => new GZipStream(body, CompressionMode.Decompress),
                "deflate" => new ZLibStream(body, CompressionMode.Decompress),
                "br" => new BrotliStream(body, CompressionMode.Decompress),
                _ => body,
            };
        await using var _ = body.ConfigureAwait(false);

        var first = new byte[FirstWindow];
        var firstLength = 0;
        var ended = false;
        if (scan)
        {
            // The first window: up to 64 KiB or the end, or the first read of an event stream (which must stay a stream).
            while (firstLength < first.Length)
            {
                var n = await body.ReadAsync(first.AsMemory(firstLength), cancel).ConfigureAwait(false);
                if (n == 0) { ended = true; break; }
                firstLength += n;
                if (streaming) break;
            }
            var text = Encoding.UTF8.GetString(first, 0, firstLength);
            if (firstLength > 0 && await JudgeFirstAsync(url, path, text, ended, client, cancel).ConfigureAwait(false) is { } stop)
            {
                await ProxyAnswers.BlockAsync(http, stop).ConfigureAwait(false);
                return;
            }
        }

        response.StatusCode = (int)upstream.StatusCode;
        CopyHeaders(upstream, response, decode);
        if (!scan)
        {
            await body.CopyToAsync(response.Body, cancel).ConfigureAwait(false);
            return;
        }
        if (ended)
        {
            await response.Body.WriteAsync(first.AsMemory(0, firstLength), cancel).ConfigureAwait(false);
            return;
        }
        var scanner = new StreamWindowScanner(judge, t => ProxyActions.Response(url, t, client), options.OverlapBytes, Chunk);
        var (release, blocked) = await scanner.PushAsync(first.AsMemory(0, firstLength), final: false, cancel).ConfigureAwait(false);
        var buffer = new byte[Chunk];
        while (blocked is null)
        {
            await response.Body.WriteAsync(release, cancel).ConfigureAwait(false);
            if (streaming) await response.Body.FlushAsync(cancel).ConfigureAwait(false);
            var n = await body.ReadAsync(buffer, cancel).ConfigureAwait(false);
            (release, blocked) = await scanner.PushAsync(buffer.AsMemory(0, n), final: n == 0, cancel).ConfigureAwait(false);
            if (n == 0 && blocked is null)
            {
                await response.Body.WriteAsync(release, cancel).ConfigureAwait(false);
                return;
            }
        }
        // The status line is out: the only way left to stop the rest is to cut the connection (the verdict is recorded).
        http.Abort();
    }

    private async ValueTask<Judgement?> JudgeFirstAsync(string url, string path, string text, bool whole, ClientInfo client, CancellationToken cancel)
    {
        var judgement = await judge.JudgeAsync(ProxyActions.Response(url, text, client), null, cancel).ConfigureAwait(false);
        if (EgressJudge.Stops(judgement)) return judgement;
        if (!whole) return null;
        var card = A2aParts.FromAgentCard(path, text);
        if (card.Count == 0) return null;
        var cardJudgement = await judge.JudgeAsync(ProxyActions.Message(card, Direction.Ingress, client), new Dictionary<string, string> { ["a2a"] = "agent_card" }, cancel).ConfigureAwait(false);
        return EgressJudge.Stops(cardJudgement) ? cardJudgement : null;
    }

    public static bool IsText(string? mediaType) => mediaType is null
        || mediaType.StartsWith("text/", StringComparison.OrdinalIgnoreCase)
        || mediaType.Contains("json", StringComparison.OrdinalIgnoreCase)
        || mediaType.Contains("xml", StringComparison.OrdinalIgnoreCase)
        || mediaType.Contains("javascript", StringComparison.OrdinalIgnoreCase)
        || mediaType.Contains("x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase)
        || mediaType.Contains("yaml", StringComparison.OrdinalIgnoreCase);

    private static void CopyHeaders(HttpResponseMessage upstream, HttpResponse response, bool decoded)
    {
        foreach (var (name, values) in upstream.Headers)
            if (!HopHeaders.IsHopByHop(name)) response.Headers[name] = values.ToArray();
        foreach (var (name, values) in upstream.Content.Headers)
        {
            if (decoded && (name.Equals("Content-Encoding", StringComparison.OrdinalIgnoreCase) || name.Equals("Content-Length", StringComparison.OrdinalIgnoreCase))) continue;
            response.Headers[name] = values.ToArray();
        }
    }
}
