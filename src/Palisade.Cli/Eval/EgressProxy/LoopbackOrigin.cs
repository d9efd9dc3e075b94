using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Logging;

namespace Palisade.Cli.Eval.EgressProxy;

/// <summary>
/// What a stand-in origin server needs, for the eval, the benchmarks and the tests alike: a self-signed certificate for
/// <c>localhost</c> / <c>127.0.0.1</c>, and a quiet Kestrel builder listening on loopback twice — plain HTTP first, HTTPS second.
/// </summary>
public static class LoopbackOrigin
{
    public static WebApplicationBuilder CreateBuilder(X509Certificate2 certificate)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k =>
        {
            k.Limits.MaxRequestBodySize = null;
            k.Listen(IPAddress.Loopback, 0, l => l.Protocols = HttpProtocols.Http1);
            k.Listen(IPAddress.Loopback, 0, l =>
            {
                l.Protocols = HttpProtocols.Http1;
                l.UseHttps(certificate);
            });
        });
        return builder;
    }

    /// <summary>The ports the OS gave a started app built by <see cref="CreateBuilder"/>.</summary>
    public static (int Http, int Https) Ports(WebApplication app)
    {
        var urls = app.Urls.Select(u => new Uri(u)).ToList();
        return (urls.First(u => u.Scheme == "http").Port, urls.First(u => u.Scheme == "https").Port);
    }

    public static X509Certificate2 MakeCertificate()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=localhost", key, HashAlgorithmName.SHA256);
        var san = new SubjectAlternativeNameBuilder();
        san.AddDnsName("localhost");
        san.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(san.Build());
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], false));
        using var cert = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(7));
        // Through PKCS#12 so the key is usable by SslStream on every platform.
        return X509CertificateLoader.LoadPkcs12(cert.Export(X509ContentType.Pkcs12), null);
    }
}
