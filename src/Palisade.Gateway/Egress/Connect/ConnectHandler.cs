using System.Buffers;
using System.IO.Pipelines;
using System.Net;
using System.Net.Security;
using Microsoft.AspNetCore.Connections;
using Palisade.Gateway.Egress.Dns;
using Palisade.Gateway.Egress.Forwarding;
using Palisade.Gateway.Egress.Interception;
using Palisade.Gateway.Enforcement;

namespace Palisade.Gateway.Egress.Connect;

/// <summary>
/// CONNECT tunnels, taken at the connection before Kestrel's HTTP parser (which answers CONNECT but does not hand the
/// connection over). The target is judged like a URL before anything is resolved, then resolved once and checked;
/// a refusal is a 403 with Palisade's body and headers. Inside the tunnel: a TLS ClientHello whose server name is not
/// the CONNECT host closes it; with interception the TLS is terminated with a leaf from the local CA and the requests
/// inside are judged like plain ones; without it the bytes go through to the checked address; plain HTTP inside a
/// tunnel (how .NET sends ws:// through a proxy) is always read and judged.
/// </summary>
public sealed class ConnectHandler(EgressServices services)
{
    public const string SniMismatchRule = "proxy-sni-mismatch";
    private static readonly TimeSpan HeadTimeout = TimeSpan.FromSeconds(30);
    private static readonly byte[] Established = "HTTP/1.1 200 Connection Established\r\n\r\n"u8.ToArray();

    public async Task OnConnectionAsync(ConnectionContext connection, ConnectionDelegate next)
    {
        var input = connection.Transport.Input;
        byte[] head;
        // Kestrel's own header timeout starts only when it reads; until then this handler bounds the wait itself.
        using var headTimeout = CancellationTokenSource.CreateLinkedTokenSource(connection.ConnectionClosed);
        headTimeout.CancelAfter(HeadTimeout);
        while (true)
        {
            ReadResult read;
            try
            {
                read = await input.ReadAsync(headTimeout.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                connection.Abort();
                return;
            }
            var starts = ConnectRequest.StartsConnect(read.Buffer);
            if (starts == false || (starts is null && read.IsCompleted) || read.Buffer.Length == 0 && read.IsCompleted)
            {
                input.AdvanceTo(read.Buffer.Start);
                await next(connection).ConfigureAwait(false);
                return;
            }
            if (starts == true)
            {
                var length = ConnectRequest.HeadLength(read.Buffer);
                if (length >= 0)
                {
                    head = read.Buffer.Slice(0, length).ToArray();
                    input.AdvanceTo(read.Buffer.GetPosition(length));
                    break;
                }
                if (read.Buffer.Length > ConnectRequest.MaxHead || read.IsCompleted)
                {
                    input.AdvanceTo(read.Buffer.End);
                    await WriteAsync(connection, ProxyAnswers.RawStatus(400, "Bad Request", "The CONNECT request head is incomplete or longer than 16 KiB.")).ConfigureAwait(false);
                    return;
                }
            }
            input.AdvanceTo(read.Buffer.Start, read.Buffer.End);
        }

        var request = ConnectRequest.TryParse(head, out var error);
        if (request is null)
        {
            await WriteAsync(connection, ProxyAnswers.RawStatus(400, "Bad Request", $"Malformed CONNECT: {error}.")).ConfigureAwait(false);
            return;
        }
        var address = (connection.RemoteEndPoint as IPEndPoint)?.Address.ToString() ?? "unknown";
        var client = ClientInfo.From(request.Headers[ClientInfo.SessionHeader].ToString(), address);
        await using var stream = new DuplexStream(input.AsStream(), connection.Transport.Output.AsStream());
        try
        {
            await TunnelAsync(connection, stream, request, client).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or OperationCanceledException or System.Security.Authentication.AuthenticationException or ConnectionResetException)
        {
            // The client or the server went away; the verdicts are already recorded.
        }
    }

    private async Task TunnelAsync(ConnectionContext connection, Stream stream, ConnectRequest request, ClientInfo client)
    {
        var judge = services.Judge;
        var cancel = connection.ConnectionClosed;
        var action = ProxyActions.Request("CONNECT", request.Url, request.Headers, null, client);
        var extra = new Dictionary<string, string> { ["host"] = judge.SafeHost(request.Host), ["method"] = "CONNECT" };
        if (!services.RateLimiter.TryAcquire(request.Host, out var retry))
        {
            var limited = await judge.RefuseAsync(action, HttpForwarder.RateLimitRule, "rate-limit", $"more than {services.Options.RequestsPerMinutePerHost} requests a minute to {judge.SafeHost(request.Host)}", extra).ConfigureAwait(false);
            if (EgressJudge.Stops(limited))
            {
                await WriteAsync(connection, ProxyAnswers.RawBlock(limited, 429, "Too Many Requests", "palisade_rate_limited", retry)).ConfigureAwait(false);
                return;
            }
        }
        if (await services.Forwarder.JudgeRequestAsync(action, null, new Uri(request.Url), request.Headers, client, extra, cancel).ConfigureAwait(false) is { } stop)
        {
            await WriteAsync(connection, ProxyAnswers.RawBlock(stop)).ConfigureAwait(false);
            return;
        }
        var (pin, refusal) = await services.Guard.ResolveAsync(request.Host, request.Port, cancel).ConfigureAwait(false);
        if (refusal is not null)
        {
            var refused = await judge.RefuseAsync(action, refusal.Rule, "internal-network", refusal.Reason, extra).ConfigureAwait(false);
            if (EgressJudge.Stops(refused) || pin is null)
            {
                await WriteAsync(connection, ProxyAnswers.RawBlock(refused)).ConfigureAwait(false);
                return;
            }
        }
        await WriteAsync(connection, Established).ConfigureAwait(false);

        ClientHello.Peek peek;
        using (var first = CancellationTokenSource.CreateLinkedTokenSource(cancel))
        {
            first.CancelAfter(TimeSpan.FromSeconds(30));
            peek = await ClientHello.ReadAsync(stream, first.Token).ConfigureAwait(false);
        }
        if (peek.Bytes.Length == 0) return;
        var tunnel = new TunnelInfo(request.Host, request.Port, peek.IsTls ? "https" : "http", client);
        if (!peek.IsTls)
        {
            await services.InnerListener.ServeAsync(new PrefixedStream(peek.Bytes, stream), tunnel, cancel).ConfigureAwait(false);
            return;
        }
        if (peek.ServerName is { } sni && !string.Equals(sni.TrimEnd('.'), request.Host.TrimEnd('.'), StringComparison.OrdinalIgnoreCase))
        {
            var mismatch = await judge.RefuseAsync(action, SniMismatchRule, "exfiltration",
                "the TLS server name inside the tunnel is not the host the tunnel was opened to (domain fronting)", new Dictionary<string, string>(extra) { ["sni"] = judge.SafeHost(sni.Length > 253 ? sni[..253] : sni) }).ConfigureAwait(false);
            if (EgressJudge.Stops(mismatch)) return;
        }
        if (services.Leaves is { } leaves && !services.IsPassthrough(request.Host, request.Port))
        {
            var tls = new SslStream(new PrefixedStream(peek.Bytes, stream), leaveInnerStreamOpen: false);
            await using var _ = tls.ConfigureAwait(false);
            using (var handshake = CancellationTokenSource.CreateLinkedTokenSource(cancel))
            {
                handshake.CancelAfter(TimeSpan.FromSeconds(30));
                await tls.AuthenticateAsServerAsync(new SslServerAuthenticationOptions
                {
                    ServerCertificateContext = leaves.For(request.Host),
                    ApplicationProtocols = [SslApplicationProtocol.Http11],
                }, handshake.Token).ConfigureAwait(false);
            }
            await services.InnerListener.ServeAsync(tls, tunnel, cancel).ConfigureAwait(false);
            return;
        }
        await using var upstream = await PinnedConnect.OpenAsync(services.Options.Connector, pin!, services.Options.ConnectTimeout, cancel).ConfigureAwait(false);
        await upstream.WriteAsync(peek.Bytes, cancel).ConfigureAwait(false);
        await Pump.BothWaysAsync(stream, upstream, cancel).ConfigureAwait(false);
    }

    private static async Task WriteAsync(ConnectionContext connection, byte[] bytes)
    {
        await connection.Transport.Output.WriteAsync(bytes).ConfigureAwait(false);
        await connection.Transport.Output.FlushAsync().ConfigureAwait(false);
    }
}
