using Palisade.Core.Analyzers.Egress;

namespace Palisade.Core.Config;

/// <summary>The <c>proxy:</c> section: how <c>palisade run</c>'s egress proxy treats tunnels and volume. Immutable.</summary>
public sealed record ProxyConfig
{
    /// <summary>A listener of the proxy's own (HOST:PORT); null serves the proxy on the data plane.</summary>
    public string? Listen { get; init; }

    /// <summary>Terminate TLS of CONNECT tunnels with leaves from the local CA (also <c>--intercept</c>).</summary>
    public bool Intercept { get; init; }

    /// <summary>HOST[:PORT] never intercepted (certificate-pinning clients); their CONNECT target and SNI are still judged.</summary>
    public IReadOnlyList<HostPattern> Passthrough { get; init; } = [];

    /// <summary>Requests a minute to one host before 429; 0 turns the limit off.</summary>
    public int RequestsPerMinutePerHost { get; init; } = 600;

    /// <summary>High-entropy characters a session may send in ten minutes; 0 turns the budget off.</summary>
    public int EntropyBudgetChars { get; init; } = 16 * 1024;

    public static ProxyConfig Default { get; } = new();

    public bool IsDefault => Listen is null && !Intercept && Passthrough.Count == 0 && RequestsPerMinutePerHost == Default.RequestsPerMinutePerHost && EntropyBudgetChars == Default.EntropyBudgetChars;
}
