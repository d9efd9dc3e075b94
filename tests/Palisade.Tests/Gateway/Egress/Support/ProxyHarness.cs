using System.Diagnostics;
using System.Net;
using System.Net.Http;
using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using Palisade.Core.Analyzers.Egress;
using Palisade.Core.Policy;
using Palisade.Gateway.Egress;
using Palisade.Gateway.Egress.Interception;
using Palisade.Tests.Gateway.Support;
using Palisade.Tests.Support;

namespace Palisade.Tests.Gateway.Egress.Support;

/// <summary>A gateway with the egress proxy in front of an <see cref="OriginServer"/>, and real clients pointed at it.</summary>
public sealed class ProxyHarness : IAsyncDisposable
{
    private readonly CliRunner.TempDir _caDir;

    private ProxyHarness(OriginServer origin, TestGateway gateway, EgressProxyModule module, CliRunner.TempDir caDir)
    {
        Origin = origin;
        Gateway = gateway;
        Module = module;
        _caDir = caDir;
    }

    public OriginServer Origin { get; }
    public TestGateway Gateway { get; }
    public EgressProxyModule Module { get; }
    public Uri ProxyUrl => Gateway.Running.Urls.Data;
    public string CaDirectory => _caDir.Path;
    public string CaPem => Path.Combine(_caDir.Path, CertificateAuthority.CertificateFile);

    /// <summary>
    /// Starts origin and gateway. The origin's ports are trusted (they are loopback) unless <paramref name="trustOrigin"/> is false;
    /// <paramref name="configure"/> adjusts the proxy's options (interception, limits, resolver seams), <paramref name="policy"/> the configuration.
    /// </summary>
    public static async Task<ProxyHarness> StartAsync(Func<EgressProxyOptions, EgressProxyOptions>? configure = null, bool trustOrigin = true,
        PolicyMode mode = PolicyMode.Enforce, OriginServer? origin = null, Func<PalisadeConfig, PalisadeConfig>? policy = null)
    {
        origin ??= await OriginServer.StartAsync();
        var caDir = new CliRunner.TempDir();
        CertificateAuthority.LoadOrCreate(caDir.Path, TimeProvider.System).Authority.Dispose();
        var trusted = new List<HostPattern>();
        if (trustOrigin)
            foreach (var host in new[] { "127.0.0.1", "localhost" })
                foreach (var port in new[] { origin.HttpPort, origin.HttpsPort })
                    trusted.Add(HostPattern.TryParse($"{host}:{port}", true, out _)!);
        var config = PalisadeConfig.Default with { Mode = mode, Egress = EgressConfig.Default with { TrustedHosts = trusted } };
        config = policy?.Invoke(config) ?? config;
        var thumbprint = origin.Certificate.Thumbprint;
        var options = new EgressProxyOptions
        {
            CaDirectory = caDir.Path,
            // The origin's own test certificate is the only one the proxy accepts upstream.
            UpstreamCertificateValidation = (_, cert, _, errors) => errors == SslPolicyErrors.None || cert?.GetCertHashString() == thumbprint,
        };
        options = configure?.Invoke(options) ?? options;
        var module = new EgressProxyModule(options);
        var gateway = await TestGateway.StartAsync(config, [module]);
        return new ProxyHarness(origin, gateway, module, caDir);
    }

    /// <summary>An HttpClient that goes through the proxy and trusts the Palisade CA (interception) or the origin's certificate (passthrough).</summary>
    public HttpClient Client(string? session = null)
    {
        var ca = X509Certificate2.CreateFromPem(File.ReadAllText(CaPem));
        var handler = new SocketsHttpHandler
        {
            Proxy = new WebProxy(ProxyUrl) { BypassProxyOnLocal = false },
            UseProxy = true,
            AllowAutoRedirect = false,
            SslOptions = new SslClientAuthenticationOptions
            {
                RemoteCertificateValidationCallback = (_, cert, _, _) => cert is not null && (cert.GetCertHashString() == Origin.Certificate.Thumbprint || ChainsTo(new X509Certificate2(cert), ca)),
            },
        };
        var client = new HttpClient(handler) { Timeout = TimeSpan.FromSeconds(30) };
        if (session is not null) client.DefaultRequestHeaders.Add(ClientInfo.SessionHeader, session);
        return client;
    }

    public static bool ChainsTo(X509Certificate2 leaf, X509Certificate2 root)
    {
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.Add(root);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        return chain.Build(leaf);
    }

    /// <summary>Runs curl (the real binary) with the given arguments; returns its exit code, stdout and stderr.</summary>
    public static async Task<(int Code, string Out, string Err)> CurlAsync(IEnumerable<string> args, IDictionary<string, string>? env = null)
    {
        var psi = new ProcessStartInfo("curl") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in args) psi.ArgumentList.Add(a);
        foreach (var name in new[] { "http_proxy", "https_proxy", "HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "all_proxy", "NO_PROXY", "no_proxy" }) psi.Environment.Remove(name);
        if (env is not null) foreach (var (k, v) in env) psi.Environment[k] = v;
        using var process = Process.Start(psi)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));
        return (process.ExitCode, await stdout, await stderr);
    }

    public static bool CurlAvailable => File.Exists("/usr/bin/curl") || File.Exists("/usr/local/bin/curl");

    /// <summary>Verdict records of the proxy surface, newest last.</summary>
    public IReadOnlyList<JsonElement> ProxyVerdicts() =>
        [.. Gateway.AuditRecords().Where(r => r.TryGetProperty("surface", out var s) && s.GetString() == "proxy")];

    /// <summary>A string member of an audit record, or null when the record has none (allow records carry no rule).</summary>
    public static string? Str(JsonElement record, string name) =>
        record.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    public static string? Extra(JsonElement record, string name) =>
        record.TryGetProperty("extra", out var e) && e.TryGetProperty(name, out var v) ? v.GetString() : null;

    public async ValueTask DisposeAsync()
    {
        await Gateway.DisposeAsync();
        await Origin.DisposeAsync();
        _caDir.Dispose();
    }
}
