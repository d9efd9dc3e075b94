using System.Net;
using System.Net.Http;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Palisade.Cli.Eval.EgressProxy;
using Palisade.Core.Policy;
using Palisade.Core.Engine;

namespace Palisade.Bench;

/// <summary>
/// An HTTPS origin (Kestrel on loopback, certificate made here) and, in front of it, the gateway the eval's proxy bench
/// uses (<see cref="InterceptingGateway"/>: the intercepting egress proxy; <c>bench.example.com</c> resolves to a public
/// address that the connector seam carries to the origin). Clients: one straight to the origin, one through the proxy
/// (CONNECT, minted leaf).
/// </summary>
public sealed class EgressRig : IAsyncDisposable
{
    public const string Host = "bench.example.com";
    private static readonly byte[] Chunk = Encoding.UTF8.GetBytes(SampleText.Clean(64 * 1024));

    private WebApplication _origin = null!;
    private InterceptingGateway _gateway = null!;
    private X509Certificate2 _cert = null!;
    public HttpClient Direct { get; private set; } = null!;
    public HttpClient Proxied { get; private set; } = null!;
    public Uri DirectBase { get; private set; } = null!;
    public static Uri ProxiedBase => new($"https://{Host}/");

    public static async Task<EgressRig> StartAsync()
    {
        var rig = new EgressRig { _cert = LoopbackOrigin.MakeCertificate() };
        var app = LoopbackOrigin.CreateBuilder(rig._cert).Build();
        app.MapGet("/down", async (HttpContext http, long n) =>
        {
            http.Response.ContentType = "text/plain; charset=utf-8";
            http.Response.ContentLength = n;
            for (long sent = 0; sent < n; sent += Chunk.Length)
                await http.Response.Body.WriteAsync(Chunk.AsMemory(0, (int)Math.Min(Chunk.Length, n - sent)));
        });
        app.MapPost("/up", async (HttpContext http) =>
        {
            var buffer = new byte[64 * 1024];
            long total = 0;
            int read;
            while ((read = await http.Request.Body.ReadAsync(buffer)) > 0) total += read;
            return Results.Text(total.ToString(System.Globalization.CultureInfo.InvariantCulture));
        });
        await app.StartAsync();
        rig._origin = app;
        var (httpPort, httpsPort) = LoopbackOrigin.Ports(app);
        rig.DirectBase = new Uri($"https://127.0.0.1:{httpsPort}/");

        var engine = new PalisadeEngine(PalisadeConfig.Default);
        rig._gateway = await InterceptingGateway.StartAsync(engine, new LocalConnector(httpPort, httpsPort), rig._cert.Thumbprint);
        await engine.WarmUpLinearTimeAsync();
        rig.Direct = new HttpClient(new SocketsHttpHandler { SslOptions = { RemoteCertificateValidationCallback = (_, _, _, _) => true } }) { Timeout = TimeSpan.FromMinutes(10) };
        rig.Proxied = new HttpClient(new SocketsHttpHandler
        {
            Proxy = new WebProxy(rig._gateway.Url),
            SslOptions = { RemoteCertificateValidationCallback = (_, _, _, _) => true },
        }) { Timeout = TimeSpan.FromMinutes(10) };
        return rig;
    }

    /// <summary>An upload body of <paramref name="length"/> bytes made as it is sent (never held whole).</summary>
    public static HttpContent Upload(long length) => new GeneratedContent(length);

    private sealed class GeneratedContent(long length) : HttpContent
    {
        protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
        {
            for (long sent = 0; sent < length; sent += Chunk.Length)
                await stream.WriteAsync(Chunk.AsMemory(0, (int)Math.Min(Chunk.Length, length - sent)));
        }

        protected override bool TryComputeLength(out long len)
        {
            len = length;
            return true;
        }
    }

    public async ValueTask DisposeAsync()
    {
        Direct.Dispose();
        Proxied.Dispose();
        await _gateway.DisposeAsync();
        await _origin.DisposeAsync();
        _cert.Dispose();
    }
}
