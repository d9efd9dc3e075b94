using System.Net.Http;
using Palisade.Core.Analyzers.Egress;
using Palisade.Gateway.Egress.Dns;
using Palisade.Gateway.Egress.Forwarding;
using Palisade.Gateway.Egress.Interception;
using Palisade.Gateway.Egress.RateLimits;
using Palisade.Gateway.Egress.Sessions;
using Palisade.Gateway.Egress.WebSockets;
using Palisade.Gateway.Hosting;

namespace Palisade.Gateway.Egress;

/// <summary>The egress proxy's parts, built once per gateway and shared by the plain, tunnelled, fetch and WebSocket paths.</summary>
public sealed class EgressServices : IAsyncDisposable
{
    public EgressServices(GatewayContext gateway, EgressProxyOptions options)
    {
        Gateway = gateway;
        Options = options;
        Judge = new EgressJudge(gateway);
        Trusted = gateway.Config.Egress.TrustedHosts;
        Guard = new TargetGuard(options.Resolver, Trusted);
        RateLimiter = new HostRateLimiter(options.RequestsPerMinutePerHost, gateway.Time);
        Sessions = new SessionStore(options, gateway.Time);
        CrossRequest = new CrossRequestCheck(Sessions, Judge, gateway.Engine, options);
        Http = PinnedHttpClient.Create(options);
        Responses = new ResponseRelay(Judge, options);
        Forwarder = new HttpForwarder(this);
        WebSockets = new WebSocketRelay(this);
        Fetcher = new Fetch.PageFetcher(this);
        if (options.Intercept)
            Authority = CertificateAuthority.Load(options.CaDirectory ?? CertificateAuthority.DefaultDirectory(gateway.HomeDirectory));
        Leaves = Authority is null ? null : new LeafCertificateCache(Authority, gateway.Time);
        InnerListener = new TunnelListener(this);
    }

    public GatewayContext Gateway { get; }
    public EgressProxyOptions Options { get; }
    public EgressJudge Judge { get; }
    public IReadOnlyList<HostPattern> Trusted { get; }
    public TargetGuard Guard { get; }
    public HostRateLimiter RateLimiter { get; }
    public SessionStore Sessions { get; }
    public CrossRequestCheck CrossRequest { get; }
    public HttpMessageInvoker Http { get; }
    public ResponseRelay Responses { get; }
    public HttpForwarder Forwarder { get; }
    public WebSocketRelay WebSockets { get; }
    public Fetch.PageFetcher Fetcher { get; }
    public CertificateAuthority? Authority { get; }
    public LeafCertificateCache? Leaves { get; }

    /// <summary>The loopback HTTP server that reads requests out of tunnels (intercepted TLS, or plain HTTP sent through CONNECT).</summary>
    public TunnelListener InnerListener { get; }

    public bool IsPassthrough(string host, int port) =>
        Options.Passthrough.Any(p => p.Matches(UrlHost.Parse(host), port));

    public async ValueTask DisposeAsync()
    {
        await InnerListener.DisposeAsync().ConfigureAwait(false);
        Http.Dispose();
        Authority?.Dispose();
    }
}
