using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Palisade.Core.Model;
using Palisade.Core.Policy;
using Palisade.Gateway.Hosting;
using Palisade.Gateway.Llm.Anthropic;
using Palisade.Gateway.Llm.Forwarding;
using Palisade.Gateway.Llm.Judging;
using Palisade.Gateway.Llm.OpenAi;
using Palisade.Gateway.Llm.Providers;
using Palisade.Gateway.Llm.Sse;

namespace Palisade.Gateway.Llm;

/// <summary>
/// Sends the judged request upstream and relays the answer. Error statuses pass through as the upstream sent them.
/// Streams are read event by event — text goes out as it arrives, flushed after every read — and whole answers are
/// read, judged and rewritten. A coding Palisade cannot read is never forwarded in enforce.
/// </summary>
public sealed class ResponseRelay(GatewayContext context, ToolCallJudge judge)
{
    private static readonly AnthropicAdapter Anthropic = new();
    private static readonly ChatAdapter Chat = new();
    private static readonly ResponsesAdapter Responses = new();
    private bool Enforce => context.Config.Mode != PolicyMode.Monitor;

    public async Task ForwardAsync(HttpContext http, Exchange exchange, Uri target, byte[]? body)
    {
        var cancel = http.RequestAborted;
        using var request = UpstreamRequest.Create(http.Request, target, body);
        HttpResponseMessage upstream;
        try
        {
            upstream = await context.Upstream.SendAsync(request, cancel).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancel.IsCancellationRequested)
        {
            return; // the client went away; the upstream call is cancelled with it
        }
        catch (HttpRequestException e)
        {
            await UnreachableAsync(http, exchange, target, e).ConfigureAwait(false);
            return;
        }
        using (upstream)
        {
            var adapter = AdapterFor(exchange.Protocol);
            var raw = await upstream.Content.ReadAsStreamAsync(cancel).ConfigureAwait(false);
            if (adapter is null || !upstream.IsSuccessStatusCode)
            {
                UpstreamRequest.CopyResponseHead(upstream, http.Response, bodyChanges: false);
                await CopyAsync(raw, http, cancel).ConfigureAwait(false);
                return;
            }
            var coding = string.Join(",", upstream.Content.Headers.ContentEncoding);
            var decoded = ContentCoding.Decode(raw, coding);
            if (decoded is null)
            {
                var judgement = await GatewayVerdicts.RecordAsync(context, exchange, ActionKind.ModelOutput, Direction.Ingress, GatewayVerdicts.UnknownEncoding,
                    $"the upstream answered in content coding '{coding}', which Palisade cannot read.").ConfigureAwait(false);
                if (Enforce)
                {
                    await ProviderBlockAnswer.WriteAsync(http, exchange.Protocol, exchange.Provider, judgement, StatusCodes.Status502BadGateway).ConfigureAwait(false);
                    return;
                }
                UpstreamRequest.CopyResponseHead(upstream, http.Response, bodyChanges: false);
                await CopyAsync(raw, http, cancel).ConfigureAwait(false);
                return;
            }
            await using (decoded.ConfigureAwait(false))
            {
                UpstreamRequest.CopyResponseHead(upstream, http.Response, bodyChanges: true);
                if (upstream.Content.Headers.ContentType?.MediaType == "text/event-stream")
                {
                    exchange.Stream = true;
                    await StreamRelay.RunAsync(http, context, exchange, adapter.CreateStream(exchange, judge, new SseWriter(http.Response.Body)), decoded).ConfigureAwait(false);
                }
                else await RewriteWholeAsync(http, exchange, adapter, decoded).ConfigureAwait(false);
            }
        }
    }

    private async Task RewriteWholeAsync(HttpContext http, Exchange exchange, IResponseAdapter adapter, Stream decoded)
    {
        var cancel = http.RequestAborted;
        var body = await BodyReader.ReadCappedAsync(decoded, context.Config.Gateway.MaxRequestBodyBytes, cancel).ConfigureAwait(false);
        byte[]? rewritten = null;
        string? problem = body is null ? "the upstream answer is over the body size limit and could not be checked." : null;
        if (body is not null)
        {
            try
            {
                rewritten = await adapter.RewriteAsync(body, exchange, judge, cancel).ConfigureAwait(false);
            }
            catch (JsonException)
            {
                problem = "the upstream answer is not the JSON this API returns, so its tool calls could not be checked.";
            }
        }
        if (problem is not null)
        {
            var judgement = await GatewayVerdicts.RecordAsync(context, exchange, ActionKind.ModelOutput, Direction.Ingress, GatewayVerdicts.UnreadableStream, problem).ConfigureAwait(false);
            if (Enforce || body is null)
            {
                http.Response.Headers.Clear();
                await ProviderBlockAnswer.WriteAsync(http, exchange.Protocol, exchange.Provider, judgement, StatusCodes.Status502BadGateway).ConfigureAwait(false);
                return;
            }
        }
        var answer = rewritten ?? body!;
        http.Response.ContentLength = answer.Length;
        await http.Response.Body.WriteAsync(answer, cancel).ConfigureAwait(false);
    }

    private static IResponseAdapter? AdapterFor(WireProtocol protocol) => protocol switch
    {
        WireProtocol.AnthropicMessages => Anthropic,
        WireProtocol.OpenAiChat => Chat,
        WireProtocol.OpenAiResponses => Responses,
        _ => null,
    };

    /// <summary>Bytes as they come, flushed per read (other endpoints, error bodies): nothing in them is a tool call.</summary>
    private static async Task CopyAsync(Stream source, HttpContext http, CancellationToken cancel)
    {
        http.Features.Get<IHttpResponseBodyFeature>()?.DisableBuffering();
        var buffer = new byte[16 * 1024];
        try
        {
            int n;
            while ((n = await source.ReadAsync(buffer, cancel).ConfigureAwait(false)) > 0)
            {
                await http.Response.Body.WriteAsync(buffer.AsMemory(0, n), cancel).ConfigureAwait(false);
                await http.Response.Body.FlushAsync(cancel).ConfigureAwait(false);
            }
        }
        catch (Exception e) when (e is IOException or HttpRequestException && !cancel.IsCancellationRequested)
        {
            http.Abort(); // the upstream broke off: the client must not take a cut body for a whole one
        }
    }

    private static Task UnreachableAsync(HttpContext http, Exchange exchange, Uri target, HttpRequestException e)
    {
        http.Response.StatusCode = StatusCodes.Status502BadGateway;
        http.Response.ContentType = "application/json";
        var error = new JsonObject
        {
            ["type"] = "upstream_unreachable",
            ["message"] = $"Palisade could not reach the {exchange.Provider} upstream at {target.GetLeftPart(UriPartial.Authority)} ({e.Message}); check the provider URL (--provider {exchange.Provider}=URL).",
        };
        var root = exchange.Protocol.UsesAnthropicErrors(exchange.Provider) ? new JsonObject { ["type"] = "error", ["error"] = error } : new JsonObject { ["error"] = error };
        return http.Response.WriteAsync(root.ToJsonString(Json.Writing));
    }
}
