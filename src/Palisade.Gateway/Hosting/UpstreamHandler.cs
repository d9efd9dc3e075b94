using System.Net;
using System.Net.Http;

namespace Palisade.Gateway.Hosting;

/// <summary>The handler for calls to configured upstreams (LLM providers, MCP servers): pooled, no proxy, no redirects, no decompression.</summary>
public static class UpstreamHandler
{
    public static SocketsHttpHandler Create() => new()
    {
        UseProxy = false,
        AllowAutoRedirect = false,
        // Bodies pass through as the upstream sent them; a surface that must scan a compressed body decodes it itself,
        // or asks for identity, so it never forwards bytes it could not read.
        AutomaticDecompression = DecompressionMethods.None,
        UseCookies = false,
        ConnectTimeout = TimeSpan.FromSeconds(10),
        PooledConnectionIdleTimeout = TimeSpan.FromMinutes(1),
        PooledConnectionLifetime = TimeSpan.FromMinutes(5),
        EnableMultipleHttp2Connections = true,
    };
}
