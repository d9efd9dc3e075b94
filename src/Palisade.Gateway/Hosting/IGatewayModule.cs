using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;

namespace Palisade.Gateway.Hosting;

/// <summary>
/// One feature of the host (LLM gateway, egress proxy, MCP over HTTP). Modules add services, middleware and
/// endpoints to the data plane, and endpoints to the admin plane; the host calls them in registration order.
/// </summary>
public interface IGatewayModule
{
    /// <summary>Services shared by both planes (the same singleton instances are visible to each).</summary>
    void ConfigureServices(IServiceCollection services, GatewayContext context) { }

    /// <summary>
    /// Connection middleware on the data plane's listener, before Kestrel's HTTP parser: a forward proxy takes CONNECT
    /// tunnels here, because Kestrel's HTTP/1.1 pipeline answers CONNECT but does not hand over the connection.
    /// </summary>
    void ConfigureDataListener(ListenOptions listen, GatewayContext context) { }

    /// <summary>Middleware and endpoints on the data plane. A forward proxy adds middleware here to see absolute-URI and CONNECT requests first.</summary>
    void MapData(WebApplication app, GatewayContext context) { }

    /// <summary>Endpoints on the admin plane (behind the admin token).</summary>
    void MapAdmin(WebApplication app, GatewayContext context) { }

    /// <summary>Lines <c>palisade run</c> prints once the planes listen (how to point an agent at this feature).</summary>
    IEnumerable<string> Describe(GatewayUrls urls) => [];
}
