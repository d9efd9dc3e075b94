using System.Net.Security;
using Palisade.Core.Analyzers.Egress;
using Palisade.Gateway.Egress.Dns;

namespace Palisade.Gateway.Egress;

/// <summary>How <c>palisade run</c> runs the egress proxy: flags and their defaults. Immutable.</summary>
public sealed record EgressProxyOptions
{
    /// <summary>A listener of the proxy's own (<c>proxy.listen</c>, e.g. <c>127.0.0.1:8789</c>); null serves the proxy on the data plane.</summary>
    public string? Listen { get; init; }

    /// <summary>Terminate TLS of CONNECT tunnels with leaf certificates from the local CA (<c>--intercept</c>).</summary>
    public bool Intercept { get; init; }

    /// <summary>Hosts whose tunnels are never intercepted (certificate-pinning clients); their CONNECT target and SNI are still judged.</summary>
    public IReadOnlyList<HostPattern> Passthrough { get; init; } = [];

    /// <summary>Requests a minute to one host before the proxy answers 429; 0 turns the limit off.</summary>
    public int RequestsPerMinutePerHost { get; init; } = 600;

    /// <summary>High-entropy characters a session may send out in <see cref="EntropyWindow"/> before the proxy blocks; 0 turns the budget off.</summary>
    public int EntropyBudgetChars { get; init; } = 16 * 1024;
    public TimeSpan EntropyWindow { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>Characters of recent outbound payload kept per session and re-scanned with each request.</summary>
    public int SessionBufferChars { get; init; } = 4096;

    /// <summary>A request body up to this size is judged whole before anything is sent; a longer one is judged in windows as it streams.</summary>
    public int FirstWindowBytes { get; init; } = 1024 * 1024;

    /// <summary>Bytes held back at the end of each streamed window so a value across a window boundary is seen whole.</summary>
    public int OverlapBytes { get; init; } = 4096;

    /// <summary>Largest WebSocket message (after reassembly) the relay scans; a longer one closes the socket.</summary>
    public int MaxWebSocketMessageBytes { get; init; } = 1024 * 1024;

    /// <summary>Largest page <c>/fetch</c> reads; the text of a longer page is cut there and marked truncated.</summary>
    public int MaxFetchBytes { get; init; } = 4 * 1024 * 1024;

    public int MaxRedirects { get; init; } = 5;

    /// <summary>Name resolution (a seam: tests map names to chosen addresses to prove rebinding fails).</summary>
    public IHostResolver Resolver { get; init; } = new SystemHostResolver();

    /// <summary>Opens TCP connections to checked addresses (a seam: the evaluation maps public addresses to a local server).</summary>
    public INetworkConnector Connector { get; init; } = new SocketConnector();

    /// <summary>Validates upstream TLS certificates; null for the system's validation. Tests trust their own test certificate here.</summary>
    public RemoteCertificateValidationCallback? UpstreamCertificateValidation { get; init; }

    /// <summary>Where the CA lives (<c>$PALISADE_HOME/ca</c> when null).</summary>
    public string? CaDirectory { get; init; }

    public TimeSpan ConnectTimeout { get; init; } = TimeSpan.FromSeconds(10);
}
