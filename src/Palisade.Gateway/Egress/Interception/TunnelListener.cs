using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Palisade.Gateway.Egress.Connect;
using Palisade.Gateway.Egress.Forwarding;
using Palisade.Gateway.Egress.WebSockets;
using Palisade.Gateway.Hosting;

namespace Palisade.Gateway.Egress.Interception;

/// <summary>
/// Reads HTTP out of tunnels with Kestrel's own parser (keep-alive, chunked bodies, upgrades) instead of a second one:
/// a tunnel's plaintext (after TLS termination, or plain HTTP sent through CONNECT) is piped over loopback into this
/// private listener, whose requests go through the same forwarder as absolute-URI ones. The listener accepts only
/// connections it is expecting: each pipe binds its local port first and registers it with the tunnel it carries.
/// </summary>
public sealed class TunnelListener(EgressServices services) : IAsyncDisposable
{
    public const string HostMismatchRule = "proxy-host-mismatch";
    private readonly ConcurrentDictionary<int, TunnelInfo> _tunnels = new();
    private readonly SemaphoreSlim _startLock = new(1, 1);
    private WebApplication? _app;
    private IPEndPoint? _endpoint;

    public async Task ServeAsync(Stream tunnel, TunnelInfo info, CancellationToken cancel)
    {
        var endpoint = await StartAsync().ConfigureAwait(false);
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        var port = ((IPEndPoint)socket.LocalEndPoint!).Port;
        _tunnels[port] = info;
        try
        {
            await socket.ConnectAsync(endpoint, cancel).ConfigureAwait(false);
            await using var pipe = new NetworkStream(socket, ownsSocket: false);
            await Pump.BothWaysAsync(tunnel, pipe, cancel).ConfigureAwait(false);
        }
        finally
        {
            _tunnels.TryRemove(port, out _);
        }
    }

    private async Task<IPEndPoint> StartAsync()
    {
        if (_endpoint is { } ready) return ready;
        await _startLock.WaitAsync().ConfigureAwait(false);
        try
        {
            if (_endpoint is { } again) return again;
            var builder = IsolatedWebBuilder.Create();
            builder.Logging.ClearProviders();
            builder.WebHost.ConfigureKestrel(k =>
            {
                k.AddServerHeader = false;
                k.Limits.MaxRequestBodySize = null;
                k.Listen(IPAddress.Loopback, 0, l =>
                {
                    l.Protocols = HttpProtocols.Http1;
                    l.Use(next => connection =>
                    {
                        // Only the pipes this proxy opened: anything else reaching the loopback port is dropped unread.
                        var remote = connection.RemoteEndPoint as IPEndPoint;
                        if (remote is null || !IPAddress.IsLoopback(remote.Address) || !_tunnels.ContainsKey(remote.Port))
                        {
                            connection.Abort();
                            return Task.CompletedTask;
                        }
                        return next(connection);
                    });
                });
            });
            var app = builder.Build();
            app.UseWebSockets();
            app.Run(HandleAsync);
            await app.StartAsync().ConfigureAwait(false);
            var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            _app = app;
            _endpoint = new IPEndPoint(IPAddress.Loopback, new Uri(address).Port);
            return _endpoint;
        }
        finally
        {
            _startLock.Release();
        }
    }

    private async Task HandleAsync(HttpContext http)
    {
        if (!_tunnels.TryGetValue(http.Connection.RemotePort, out var tunnel))
        {
            http.Abort();
            return;
        }
        var header = http.Request.Headers[ClientInfo.SessionHeader].ToString();
        var client = string.IsNullOrEmpty(header) ? tunnel.Client : ClientInfo.From(header, tunnel.Client.Address);
        var raw = http.Features.Get<IHttpRequestFeature>()?.RawTarget ?? "/";
        var authority = tunnel.Host.Contains(':') ? $"[{tunnel.Host}]" : tunnel.Host;
        var defaultPort = tunnel.Scheme == "https" ? 443 : 80;
        var origin = tunnel.Port == defaultPort ? $"{tunnel.Scheme}://{authority}" : $"{tunnel.Scheme}://{authority}:{tunnel.Port}";
        var url = raw.StartsWith('/') ? origin + raw : raw;
        var hostHeader = http.Request.Host.Host;
        if (!Uri.TryCreate(url, UriKind.Absolute, out var target) || !string.Equals(target.IdnHost.Trim('[', ']'), tunnel.Host, StringComparison.OrdinalIgnoreCase)
            || (hostHeader.Length > 0 && !string.Equals(hostHeader.Trim('[', ']'), tunnel.Host, StringComparison.OrdinalIgnoreCase)))
        {
            // A request for another host inside a tunnel judged for this one (domain fronting): refused.
            var refused = await services.Judge.RefuseAsync(ProxyActions.Request(http.Request.Method, url, http.Request.Headers, null, client), HostMismatchRule, "exfiltration",
                $"a request inside the tunnel to {services.Judge.SafeHost(tunnel.Host)} names another host").ConfigureAwait(false);
            if (EgressJudge.Stops(refused))
            {
                await ProxyAnswers.BlockAsync(http, refused).ConfigureAwait(false);
                return;
            }
        }
        if (target is null) return;
        if (WebSocketRelay.IsUpgrade(http))
        {
            await services.WebSockets.RelayAsync(http, WebSocketRelay.ToWebSocketUri(target), url, client).ConfigureAwait(false);
            return;
        }
        await services.Forwarder.ForwardAsync(http, target, url, client).ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is { } app)
        {
            using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            try
            {
                await app.StopAsync(stop.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
            }
            await app.DisposeAsync().ConfigureAwait(false);
        }
        _startLock.Dispose();
    }
}
