using Palisade.Core.Config;
using Palisade.Core.Mcp;
using Palisade.Gateway.Hosting;
using Palisade.Mcp;
using Palisade.Mcp.Inspection;
using Palisade.Mcp.Proxy;
using Palisade.Mcp.Transport;

namespace Palisade.Gateway.Mcp;

/// <summary>One client's MCP session on <c>/mcp/{name}</c>: the same relay as <c>palisade mcp</c>, HTTP on both sides.</summary>
internal sealed class McpHttpSession : IAsyncDisposable
{
    private readonly HttpUpstreamChannel _upstream;
    private readonly Task _run;

    public string Id { get; }
    public string Server { get; }

    /// <summary>The shared relay for requests that carry no session (no <c>Mcp-Session-Id</c> is sent back).</summary>
    public bool Stateless { get; }
    public HttpClientSide Client { get; } = new();

    public McpHttpSession(string id, McpUpstreamConfig server, GatewayContext context, bool stateless, Action<McpHttpSession> ended)
    {
        Id = id;
        Stateless = stateless;
        Server = server.Name;
        _upstream = new HttpUpstreamChannel(context.Upstream, server.Url, server.Headers, context.Config.Mcp.MaxLineBytes);
        var pins = McpProxyFactory.OpenPins(context.Engine, new PalisadeHome(context.HomeDirectory), context.Time);
        var inspector = McpProxyFactory.CreateInspector(context.Engine, server.Name, pins, new RecorderAuditSink(context.Audit), context.Time);
        _run = new McpSession(Client, _upstream, inspector).RunAsync(context.Stopping);
        // A session the relay ended (client gone, upstream failed) leaves the table at once, not at the cap.
        _run.ContinueWith(_ => ended(this), TaskScheduler.Default);
    }

    public async ValueTask DisposeAsync()
    {
        Client.EndInput();
        try
        {
            await _run.WaitAsync(TimeSpan.FromSeconds(10)).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            // The upstream is stuck; disposing it below cancels its requests.
        }
        await _upstream.DisposeAsync().ConfigureAwait(false);
    }
}
