using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Palisade.Core.Model;
using Palisade.Core.Policy;
using Palisade.Gateway.Hosting;
using Palisade.Gateway.Llm.Judging;

namespace Palisade.Gateway.Llm.Sse;

/// <summary>
/// Pumps an upstream event stream through a protocol's <see cref="StreamRewriter"/>, flushing to the client after every
/// read so text is not held. A stream that ends (or breaks) with a tool call still open, or whose events cannot be read,
/// is recorded and the client connection is aborted: a cut stream must not look like a complete answer.
/// </summary>
public static class StreamRelay
{
    public static async Task RunAsync(HttpContext http, GatewayContext context, Exchange exchange, StreamRewriter rewriter, Stream upstream)
    {
        var cancel = http.RequestAborted;
        http.Features.Get<IHttpResponseBodyFeature>()?.DisableBuffering();
        var enforce = context.Config.Mode != PolicyMode.Monitor;
        using var reader = new SseReader(upstream);
        var broken = false;
        try
        {
            while (await reader.ReadAsync(cancel).ConfigureAwait(false) is { } events)
            {
                foreach (var ev in events)
                {
                    try
                    {
                        await rewriter.OnEventAsync(ev, cancel).ConfigureAwait(false);
                    }
                    catch (JsonException) when (!enforce)
                    {
                        await http.Response.Body.WriteAsync(ev.Raw, cancel).ConfigureAwait(false);
                    }
                }
                await http.Response.Body.FlushAsync(cancel).ConfigureAwait(false);
            }
            await rewriter.OnEndAsync(cancel).ConfigureAwait(false);
            await http.Response.Body.FlushAsync(cancel).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancel.IsCancellationRequested)
        {
            return; // the client went away; disposing the upstream answer cancels the call
        }
        catch (Exception e) when (e is JsonException or SseException)
        {
            await GatewayVerdicts.RecordAsync(context, exchange, ActionKind.ModelOutput, Direction.Ingress, GatewayVerdicts.UnreadableStream,
                $"an event in the upstream stream could not be read ({(e is SseException ? e.Message : "not valid JSON")}), so the stream was cut there.", always: true).ConfigureAwait(false);
            http.Abort();
            return;
        }
        catch (Exception e) when (e is IOException or HttpRequestException)
        {
            broken = true;
        }
        if (rewriter.OpenCalls.Count > 0)
        {
            await GatewayVerdicts.RecordAsync(context, exchange, ActionKind.ToolCall, Direction.Ingress, GatewayVerdicts.TruncatedToolCall,
                $"the upstream stream ended inside a call to {string.Join(", ", rewriter.OpenCalls.Select(n => $"'{n}'"))}; an incomplete call is never forwarded.", always: true).ConfigureAwait(false);
            http.Abort();
        }
        else if (broken) http.Abort();
    }
}
