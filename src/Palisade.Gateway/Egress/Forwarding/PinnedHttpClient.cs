using System.Net;
using System.Net.Http;
using System.Security.Authentication;
using Palisade.Gateway.Egress.Dns;

namespace Palisade.Gateway.Egress.Forwarding;

/// <summary>
/// The proxy's own upstream client: a <c>SocketsHttpHandler</c> whose connect callback never resolves a name. It
/// connects to the addresses the <see cref="TargetGuard"/> checked for this request (carried in the request's options);
/// a request without them fails. No proxy, no redirects (they go back to the client, or hop by hop in /fetch), no cookies.
/// </summary>
public static class PinnedHttpClient
{
    public static readonly HttpRequestOptionsKey<PinnedTarget> PinKey = new("palisade.pinned-target");

    public static HttpMessageInvoker Create(EgressProxyOptions options, PinnedTarget? fixedPin = null) => new(new SocketsHttpHandler
    {
        UseProxy = false,
        AllowAutoRedirect = false,
        AutomaticDecompression = DecompressionMethods.None,
        UseCookies = false,
        ConnectTimeout = options.ConnectTimeout,
        PooledConnectionIdleTimeout = TimeSpan.FromSeconds(30),
        PooledConnectionLifetime = TimeSpan.FromMinutes(2),
        SslOptions = new() { RemoteCertificateValidationCallback = options.UpstreamCertificateValidation, EnabledSslProtocols = SslProtocols.None },
        ConnectCallback = async (context, cancel) =>
        {
            var pin = fixedPin;
            if (pin is null && !context.InitialRequestMessage.Options.TryGetValue(PinKey, out pin))
                throw new InvalidOperationException("no checked address for this request; the proxy never resolves a name at connect time.");
            return await PinnedConnect.OpenAsync(options.Connector, pin with { Port = context.DnsEndPoint.Port }, options.ConnectTimeout, cancel).ConfigureAwait(false);
        },
    }, disposeHandler: true);
}
