using System.Net;
using System.Net.Http;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Logging;
using Palisade.Core.Audit;
using Palisade.Core.Config;
using Palisade.Core.Engine;
using Palisade.Core.Policy;
using Palisade.Gateway.Admin;
using Palisade.Gateway.Egress;
using Palisade.Gateway.Egress.Dns;
using Palisade.Gateway.Egress.Interception;
using Palisade.Gateway.Hosting;

namespace Palisade.Bench;

/// <summary>
/// An HTTPS origin (Kestrel, certificate made here) and a gateway with the intercepting egress proxy in front of it, both
/// on loopback in this process; <c>bench.example.com</c> resolves (through the resolver seam) to a public address that the
/// connector seam carries to the origin. Clients: one straight to the origin, one through the proxy (CONNECT, minted leaf).
/// </summary>
public sealed class EgressRig : IAsyncDisposable
{
    public const string Host = "bench.example.com";
    private static readonly byte[] Chunk = Encoding.UTF8.GetBytes(SampleText.Clean(64 * 1024));

    private WebApplication _origin = null!;
    private RunningGateway _gateway = null!;
    private string _home = null!;
    private X509Certificate2 _cert = null!;
    public HttpClient Direct { get; private set; } = null!;
    public HttpClient Proxied { get; private set; } = null!;
    public Uri DirectBase { get; private set; } = null!;
    public static Uri ProxiedBase => new($"https://{Host}/");

    public static async Task<EgressRig> StartAsync()
    {
        var rig = new EgressRig { _home = Directory.CreateTempSubdirectory("palisade-egress-bench-").FullName };
        using (var key = ECDsa.Create(ECCurve.NamedCurves.nistP256))
        {
            var req = new CertificateRequest($"CN={Host}", key, HashAlgorithmName.SHA256);
            using var self = req.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(2));
            rig._cert = X509CertificateLoader.LoadPkcs12(self.Export(X509ContentType.Pkcs12), null);
        }
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k =>
        {
            k.Limits.MaxRequestBodySize = null;
            k.Listen(IPAddress.Loopback, 0, l => { l.Protocols = HttpProtocols.Http1; l.UseHttps(rig._cert); });
        });
        var app = builder.Build();
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
        var port = new Uri(app.Urls.First()).Port;
        rig.DirectBase = new Uri($"https://127.0.0.1:{port}/");

        var home = new PalisadeHome(rig._home);
        var caDir = Path.Combine(rig._home, "ca");
        CertificateAuthority.LoadOrCreate(caDir, TimeProvider.System).Authority.Dispose();
        var thumb = rig._cert.Thumbprint;
        var module = new EgressProxyModule(new EgressProxyOptions
        {
            Intercept = true,
            CaDirectory = caDir,
            Resolver = new OneAddress(),
            Connector = new ToPort(port),
            UpstreamCertificateValidation = (_, c, _, _) => c?.GetCertHashString() == thumb,
            RequestsPerMinutePerHost = 0,
            EntropyBudgetChars = 0,
        });
        var log = new AuditLog(new AuditLogOptions { Directory = Path.Combine(rig._home, "audit") }, AuditSigningKey.LoadOrCreate(home), TimeProvider.System);
        var engine = new PalisadeEngine(PalisadeConfig.Default);
        rig._gateway = await GatewayHost.StartAsync(new GatewayStartOptions
        {
            Engine = engine,
            AuditLog = log,
            AdminToken = AdminToken.LoadOrCreate(home),
            Home = home,
            Listen = "127.0.0.1:0",
            AdminListen = "127.0.0.1:0",
        }, [module]);
        await engine.WarmUpLinearTimeAsync();
        rig.Direct = new HttpClient(new SocketsHttpHandler { SslOptions = { RemoteCertificateValidationCallback = (_, _, _, _) => true } }) { Timeout = TimeSpan.FromMinutes(10) };
        rig.Proxied = new HttpClient(new SocketsHttpHandler
        {
            Proxy = new WebProxy(rig._gateway.Urls.Data),
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

    private sealed class OneAddress : IHostResolver
    {
        public ValueTask<IPAddress[]> ResolveAsync(string host, CancellationToken cancel) => ValueTask.FromResult(new[] { IPAddress.Parse("93.184.215.14") });
    }

    private sealed class ToPort(int port) : INetworkConnector
    {
        public ValueTask<Stream> ConnectAsync(IPEndPoint endpoint, CancellationToken cancel) => new SocketConnector().ConnectAsync(new IPEndPoint(IPAddress.Loopback, port), cancel);
    }

    public async ValueTask DisposeAsync()
    {
        Direct.Dispose();
        Proxied.Dispose();
        await _gateway.DisposeAsync();
        await _origin.DisposeAsync();
        _cert.Dispose();
        Directory.Delete(_home, recursive: true);
    }
}
