using Palisade.Core.Audit;
using Palisade.Core.Config;
using Palisade.Core.Engine;
using Palisade.Gateway.Admin;

namespace Palisade.Gateway.Hosting;

/// <summary>Everything <see cref="GatewayHost.StartAsync"/> needs, resolved from flags and config by the caller.</summary>
public sealed record GatewayStartOptions
{
    public required PalisadeEngine Engine { get; init; }
    public required AuditLog AuditLog { get; init; }
    public required AdminToken AdminToken { get; init; }
    public required PalisadeHome Home { get; init; }

    /// <summary>The data plane address (e.g. <c>127.0.0.1:8787</c>; port 0 in tests).</summary>
    public required string Listen { get; init; }
    public required string AdminListen { get; init; }

    /// <summary>
    /// An extra data plane listener for HTTP/2 clients without TLS (prior knowledge, h2c), or null for none. Kestrel cannot
    /// offer HTTP/1.1 and cleartext HTTP/2 on one port, so HTTP/2 clients get a port of their own.
    /// </summary>
    public string? ListenH2c { get; init; }
    public TimeProvider Time { get; init; } = TimeProvider.System;

    /// <summary>Replaces <c>SocketsHttpHandler</c> for upstream calls (tests, benchmarks); null for the default.</summary>
    public HttpMessageHandler? UpstreamHandler { get; init; }
}
