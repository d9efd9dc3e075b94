using System.Net;
using System.Net.WebSockets;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Palisade.Cli.Eval.EgressProxy;

/// <summary>
/// The stand-in for the internet while the bench runs: one Kestrel app on loopback (HTTP and HTTPS with a certificate
/// made here). Every host name the cases use resolves (through the proxy's resolver seam) to a public address that the
/// connector seam carries here, so nothing leaves the machine. It answers every path with the current case's response
/// body, and echoes WebSocket messages.
/// </summary>
public sealed class BenchOrigin : IAsyncDisposable
{
    private readonly WebApplication _app;
    private volatile string _body = "ok";

    private BenchOrigin(WebApplication app, X509Certificate2 certificate)
    {
        _app = app;
        Certificate = certificate;
    }

    public int HttpPort { get; private set; }
    public int HttpsPort { get; private set; }
    public X509Certificate2 Certificate { get; }

    /// <summary>What every path answers until the next case sets another body.</summary>
    public string Body
    {
        get => _body;
        set => _body = value;
    }

    public static async Task<BenchOrigin> StartAsync()
    {
        var certificate = LoopbackOrigin.MakeCertificate();
        var builder = LoopbackOrigin.CreateBuilder(certificate);
        var app = builder.Build();
        var origin = new BenchOrigin(app, certificate);
        app.UseWebSockets();
        app.Run(async http =>
        {
            if (http.WebSockets.IsWebSocketRequest)
            {
                await EchoAsync(await http.WebSockets.AcceptWebSocketAsync());
                return;
            }
            await http.Request.Body.CopyToAsync(Stream.Null);
            var body = origin.Body;
            var trimmed = body.TrimStart();
            http.Response.ContentType = trimmed.StartsWith('{') || trimmed.StartsWith('[') ? "application/json"
                : trimmed.StartsWith('<') ? "text/html" : "text/plain";
            await http.Response.WriteAsync(body);
        });
        await app.StartAsync();
        (origin.HttpPort, origin.HttpsPort) = LoopbackOrigin.Ports(app);
        return origin;
    }

    private static async Task EchoAsync(WebSocket ws)
    {
        var buffer = new byte[64 * 1024];
        var message = new MemoryStream();
        try
        {
            while (true)
            {
                var r = await ws.ReceiveAsync(buffer, CancellationToken.None);
                if (r.MessageType == WebSocketMessageType.Close)
                {
                    await ws.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "bye", CancellationToken.None);
                    return;
                }
                message.Write(buffer, 0, r.Count);
                if (!r.EndOfMessage) continue;
                await ws.SendAsync(message.ToArray(), r.MessageType, true, CancellationToken.None);
                message.SetLength(0);
            }
        }
        catch (WebSocketException)
        {
        }
    }


    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        Certificate.Dispose();
    }
}
