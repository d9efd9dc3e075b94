using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading.Channels;
using Palisade.Mcp.Protocol;

namespace Palisade.Mcp.Transport;

/// <summary>
/// The server side over MCP streamable HTTP: every message is POSTed to the endpoint; the answer comes back as a JSON
/// body or as a server-sent-event stream, and the session id the server assigns (<c>Mcp-Session-Id</c>) is sent on
/// every later request. A request the server never answers — HTTP error, broken stream, stream closed without the
/// response — is answered with a JSON-RPC error, so the client never waits forever.
/// </summary>
public sealed class HttpUpstreamChannel : IMcpChannel
{
    private readonly HttpMessageInvoker _http;
    private readonly Uri _endpoint;
    private readonly IReadOnlyDictionary<string, string> _headers;
    private readonly int _maxBytes;
    private readonly Channel<McpFrame> _inbound = Channel.CreateUnbounded<McpFrame>(new UnboundedChannelOptions { SingleReader = true });
    private readonly CancellationTokenSource _stop = new();
    private string? _sessionId;
    private string? _protocolVersion;
    private int _outstanding;
    private int _completed;

    /// <param name="http">An <see cref="HttpClient"/> or the gateway's pooled invoker; it must not buffer responses (SSE streams).</param>
    public HttpUpstreamChannel(HttpMessageInvoker http, Uri endpoint, IReadOnlyDictionary<string, string> headers, int maxBytes)
    {
        _http = http;
        _endpoint = endpoint;
        _headers = headers;
        _maxBytes = maxBytes;
    }

    public string? SessionId => Volatile.Read(ref _sessionId);

    public async ValueTask<McpFrame?> ReadAsync(CancellationToken cancel)
    {
        while (await _inbound.Reader.WaitToReadAsync(cancel).ConfigureAwait(false))
            if (_inbound.Reader.TryRead(out var frame)) return frame;
        return null;
    }

    public ValueTask WriteAsync(string json, CancellationToken cancel)
    {
        JsonRpcMessage.TryParse(json, out var message, out _);
        Interlocked.Increment(ref _outstanding);
        _ = Task.Run(() => PostAsync(json, message), CancellationToken.None);
        return ValueTask.CompletedTask;
    }

    private async Task PostAsync(string json, JsonRpcMessage? message)
    {
        var isRequest = message?.Kind == JsonRpcKind.Request;
        var answered = false;
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, _endpoint) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
            request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
            request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/event-stream"));
            foreach (var (k, v) in _headers) request.Headers.TryAddWithoutValidation(k, v);
            if (SessionId is { } sid) request.Headers.TryAddWithoutValidation("Mcp-Session-Id", sid);
            if (Volatile.Read(ref _protocolVersion) is { } pv) request.Headers.TryAddWithoutValidation("MCP-Protocol-Version", pv);
            using var response = await Send(request, _stop.Token).ConfigureAwait(false);
            if (response.Headers.TryGetValues("Mcp-Session-Id", out var ids)) Volatile.Write(ref _sessionId, ids.First());
            if (!response.IsSuccessStatusCode)
            {
                if (isRequest) Fail(message!, $"the MCP server answered HTTP {(int)response.StatusCode}{(response.StatusCode == HttpStatusCode.NotFound && SessionId is not null ? " (its session has expired; restart the client)" : "")}.");
                answered = true;
                return;
            }
            if (response.StatusCode == HttpStatusCode.Accepted || !isRequest && response.Content.Headers.ContentLength == 0) return;
            await using var body = await response.Content.ReadAsStreamAsync(_stop.Token).ConfigureAwait(false);
            if (response.Content.Headers.ContentType?.MediaType == "text/event-stream")
            {
                await foreach (var frame in SseFrames.ReadAsync(body, _maxBytes, _stop.Token).ConfigureAwait(false))
                    answered |= Deliver(frame, message);
            }
            else
            {
                var limited = new MemoryStream();
                var buffer = new byte[16 * 1024];
                int n;
                while ((n = await body.ReadAsync(buffer, _stop.Token).ConfigureAwait(false)) > 0)
                {
                    if (limited.Length + n > _maxBytes)
                    {
                        _inbound.Writer.TryWrite(McpFrame.Rejected($"a response body larger than {_maxBytes} bytes"));
                        answered = true;
                        return;
                    }
                    limited.Write(buffer, 0, n);
                }
                if (limited.Length > 0) answered |= Deliver(McpFrame.Of(Encoding.UTF8.GetString(limited.ToArray())), message);
            }
        }
        catch (Exception e) when (e is HttpRequestException or IOException or OperationCanceledException)
        {
            if (isRequest && !_stop.IsCancellationRequested) Fail(message!, $"the MCP server's HTTP endpoint failed: {e.Message}");
            answered = true;
        }
        finally
        {
            if (isRequest && !answered) Fail(message!, "the MCP server closed its response without answering.");
            if (Interlocked.Decrement(ref _outstanding) == 0 && Volatile.Read(ref _completed) == 1) _inbound.Writer.TryComplete();
        }
    }

    /// <summary>Headers first, body streamed: an <see cref="HttpClient"/> is told so; a bare invoker never buffers.</summary>
    private Task<HttpResponseMessage> Send(HttpRequestMessage request, CancellationToken cancel) =>
        _http is HttpClient client ? client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancel) : _http.SendAsync(request, cancel);

    /// <summary>Queues a frame for the session; true when it is the response to <paramref name="request"/>.</summary>
    private bool Deliver(McpFrame frame, JsonRpcMessage? request)
    {
        _inbound.Writer.TryWrite(frame);
        if (frame.Text is null || request?.Kind != JsonRpcKind.Request) return frame.Text is null;
        if (!JsonRpcMessage.TryParse(frame.Text, out var m, out _) || m.Kind != JsonRpcKind.Response || m.IdKey != request.IdKey) return false;
        if (request.Method == "initialize" && m.Result?["protocolVersion"] is JsonValue v && v.TryGetValue<string>(out var version))
            Volatile.Write(ref _protocolVersion, version);
        return true;
    }

    private void Fail(JsonRpcMessage request, string why) =>
        _inbound.Writer.TryWrite(McpFrame.Of(JsonRpcReplies.Error(request.Id, PalisadeErrorCodes.ServerUnavailable, why)));

    public ValueTask CompleteAsync()
    {
        if (Interlocked.Exchange(ref _completed, 1) == 0 && Volatile.Read(ref _outstanding) == 0) _inbound.Writer.TryComplete();
        return ValueTask.CompletedTask;
    }

    /// <summary>Ends the server's session (HTTP DELETE, best effort) and stops reading.</summary>
    public async ValueTask DisposeAsync()
    {
        await CompleteAsync().ConfigureAwait(false);
        if (SessionId is { } sid)
        {
            try
            {
                using var request = new HttpRequestMessage(HttpMethod.Delete, _endpoint);
                request.Headers.TryAddWithoutValidation("Mcp-Session-Id", sid);
                foreach (var (k, v) in _headers) request.Headers.TryAddWithoutValidation(k, v);
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
                using var _ = await Send(request, timeout.Token).ConfigureAwait(false);
            }
            catch (Exception e) when (e is HttpRequestException or OperationCanceledException)
            {
                // The server may already be gone; the session ends either way.
            }
        }
        // Cancelled, not disposed: a POST still finishing reads the token.
        await _stop.CancelAsync().ConfigureAwait(false);
        _inbound.Writer.TryComplete();
    }
}
