using System.Net;
using System.Net.Http;
using System.Text;
using Palisade.Core.Engine;
using Palisade.Core.Policy;
using Palisade.Gateway.Egress;

namespace Palisade.Cli.Eval.EgressProxy;

/// <summary>
/// A real gateway with the egress proxy (interception on) in this process, on loopback, in front of a
/// <see cref="BenchOrigin"/>; and the clients that send each case the way its transport says: through the forward
/// proxy (HttpClient with a WebProxy: absolute-URI for http, CONNECT then intercepted TLS for https), through
/// <c>/fetch</c>, or as raw WebSocket frames through <c>/ws</c>.
/// </summary>
public sealed class ProxyBench : IAsyncDisposable
{
    private const string AgentUrl = "https://a2a-agent.example.com/";
    private const string McpUrl = "https://mcp.example.com/mcp";
    private readonly BenchOrigin _origin;
    private readonly InterceptingGateway _gateway;
    private readonly HttpClient _viaProxy;
    private readonly HttpClient _direct;

    private ProxyBench(BenchOrigin origin, InterceptingGateway gateway)
    {
        _origin = origin;
        _gateway = gateway;
        _viaProxy = new HttpClient(new SocketsHttpHandler
        {
            Proxy = new WebProxy(gateway.Url),
            UseProxy = true,
            AllowAutoRedirect = false,
            UseCookies = false,
            // The bench client accepts the proxy's minted leaves (it stands for an agent that trusts the Palisade CA).
            SslOptions = { RemoteCertificateValidationCallback = (_, _, _, _) => true },
        }) { Timeout = TimeSpan.FromSeconds(20) };
        _direct = new HttpClient { BaseAddress = gateway.Url, Timeout = TimeSpan.FromSeconds(20) };
    }

    public static async Task<ProxyBench> StartAsync(PalisadeConfig config)
    {
        var origin = await BenchOrigin.StartAsync();
        // Separate sessions per case (see RunAsync): each case is judged on its own.
        // A review nobody answers ends unapproved at once rather than after the default two minutes.
        var engine = new PalisadeEngine(config with { Gateway = config.Gateway with { ApprovalTimeout = TimeSpan.FromMilliseconds(1) } });
        var gateway = await InterceptingGateway.StartAsync(engine, new LocalConnector(origin.HttpPort, origin.HttpsPort), origin.Certificate.Thumbprint);
        return new ProxyBench(origin, gateway);
    }

    /// <summary>Sends the case; true when the proxy stopped it (403/429, a refused tunnel, a cut connection, a closed socket).</summary>
    public async Task<(bool Blocked, string Path, string Detail)> RunAsync(BenchCase c)
    {
        var session = $"bench-{c.Id}";
        using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        switch (c.InputType)
        {
            case "websocket_frame":
                var target = c.Url.Length > 0 ? c.Url : "wss://example.com/ws";
                var (outcome, detail) = await RawWebSocketClient.RunAsync(_gateway.Url, target, c.Frames(), cancel.Token);
                return (outcome != RawWebSocketClient.Outcome.Delivered, "ws relay", detail);
            case "response_content":
                _origin.Body = c.Payload.Str("response_body");
                return c.Transport == "fetch_proxy" ? await FetchAsync(c.Url, session) : await SendAsync(HttpMethod.Get, c.Url, null, null, [], session, "forward proxy");
            case "a2a_agent_card":
                _origin.Body = c.Payload.GetProperty("agent_card").GetRawText();
                return await SendAsync(HttpMethod.Get, AgentUrl + ".well-known/agent.json", null, null, [], session, "forward proxy (agent card)");
            case "a2a_message":
            case "mcp_tool_call":
                _origin.Body = "{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":{}}";
                var url = c.InputType == "a2a_message" ? AgentUrl : McpUrl;
                foreach (var message in c.JsonRpcMessages)
                {
                    var r = await SendAsync(HttpMethod.Post, url, message, "application/json", [], session, c.InputType == "a2a_message" ? "forward proxy (a2a json-rpc)" : "forward proxy (mcp json-rpc over http)");
                    if (r.Blocked) return r;
                }
                return (false, c.InputType == "a2a_message" ? "forward proxy (a2a json-rpc)" : "forward proxy (mcp json-rpc over http)", "all messages delivered");
            default:
                _origin.Body = "ok";
                var body = c.Payload.Str("body");
                if (c.Transport == "fetch_proxy" && c.InputType == "url" && c.Method == "GET") return await FetchAsync(c.Url, session);
                return await SendAsync(new HttpMethod(c.Method), c.Url, body.Length > 0 ? body : null, c.Payload.Str("content_type", "text/plain"), c.Headers, session, "forward proxy");
        }
    }

    private async Task<(bool Blocked, string Path, string Detail)> FetchAsync(string url, string session)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/fetch?url={Uri.EscapeDataString(url)}");
        request.Headers.Add(ClientInfo.SessionHeader, session);
        using var response = await _direct.SendAsync(request);
        var status = (int)response.StatusCode;
        return (status is 403 or 429 or 400, "/fetch", $"{status} {Rule(response)}");
    }

    private async Task<(bool Blocked, string Path, string Detail)> SendAsync(HttpMethod method, string url, string? body, string? contentType, IEnumerable<(string Name, string Value)> headers, string session, string path)
    {
        using var request = new HttpRequestMessage(method, url);
        request.Headers.TryAddWithoutValidation(ClientInfo.SessionHeader, session);
        var contentHeaders = headers.Where(h => h.Name.StartsWith("Content-", StringComparison.OrdinalIgnoreCase)).ToList();
        if (body is not null || contentHeaders.Count > 0)
        {
            request.Content = new StringContent(body ?? "", Encoding.UTF8);
            request.Content.Headers.Remove("Content-Type");
            if (body is not null) request.Content.Headers.TryAddWithoutValidation("Content-Type", contentType ?? "text/plain");
        }
        foreach (var (name, value) in headers)
        {
            var added = name.StartsWith("Content-", StringComparison.OrdinalIgnoreCase)
                ? request.Content!.Headers.Remove(name) | request.Content.Headers.TryAddWithoutValidation(name, value)
                : request.Headers.TryAddWithoutValidation(name, value);
            if (!added) return (false, path, $"header {name} cannot be sent by HttpClient");
        }
        try
        {
            using var response = await _viaProxy.SendAsync(request);
            await response.Content.ReadAsByteArrayAsync();
            var status = (int)response.StatusCode;
            return (status is 403 or 429, path, $"{status} {Rule(response)}");
        }
        catch (HttpRequestException e) when (e.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.TooManyRequests)
        {
            return (true, path + " (tunnel refused)", $"{(int)e.StatusCode!} CONNECT");
        }
        catch (HttpRequestException e)
        {
            // The proxy cuts a connection when a verdict comes after the status line; anything else is an error to read.
            return (true, path, $"connection ended: {e.Message}");
        }
    }

    private static string Rule(HttpResponseMessage r) => r.Headers.TryGetValues("Palisade-Rule", out var v) ? v.First() : "";

    public async ValueTask DisposeAsync()
    {
        _viaProxy.Dispose();
        _direct.Dispose();
        await _gateway.DisposeAsync();
        await _origin.DisposeAsync();
    }
}
