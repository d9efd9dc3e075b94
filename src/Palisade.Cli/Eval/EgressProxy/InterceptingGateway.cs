using Palisade.Core.Audit;
using Palisade.Core.Config;
using Palisade.Core.Engine;
using Palisade.Gateway.Admin;
using Palisade.Gateway.Egress;
using Palisade.Gateway.Egress.Dns;
using Palisade.Gateway.Egress.Interception;
using Palisade.Gateway.Hosting;

namespace Palisade.Cli.Eval.EgressProxy;

/// <summary>
/// A real gateway on loopback in this process, its state (CA, audit log, admin token) in a temporary home, with the
/// egress proxy intercepting TLS: every host name resolves to one public address (<see cref="PublicResolver"/>) that the
/// connector carries to a local origin, whose certificate is the only one accepted upstream. No rate limit or entropy
/// budget, so each request is judged on its own. The eval's <see cref="ProxyBench"/> and the egress benchmarks run on it.
/// </summary>
public sealed class InterceptingGateway : IAsyncDisposable
{
    private readonly RunningGateway _gateway;
    private readonly string _home;

    private InterceptingGateway(RunningGateway gateway, string home)
    {
        _gateway = gateway;
        _home = home;
    }

    /// <summary>The data plane: the forward proxy, <c>/fetch</c> and <c>/ws</c>.</summary>
    public Uri Url => _gateway.Urls.Data;

    public static async Task<InterceptingGateway> StartAsync(PalisadeEngine engine, INetworkConnector connector, string originThumbprint)
    {
        var home = Directory.CreateTempSubdirectory("palisade-egress-gateway-").FullName;
        var palisadeHome = new PalisadeHome(home);
        var caDir = Path.Combine(home, "ca");
        CertificateAuthority.LoadOrCreate(caDir, TimeProvider.System).Authority.Dispose();
        var module = new EgressProxyModule(new EgressProxyOptions
        {
            Intercept = true,
            CaDirectory = caDir,
            Resolver = new PublicResolver(),
            Connector = connector,
            UpstreamCertificateValidation = (_, cert, _, _) => cert?.GetCertHashString() == originThumbprint,
            RequestsPerMinutePerHost = 0,
            EntropyBudgetChars = 0,
        });
        var log = new AuditLog(new AuditLogOptions { Directory = Path.Combine(home, "audit") }, AuditSigningKey.LoadOrCreate(palisadeHome), TimeProvider.System);
        var gateway = await GatewayHost.StartAsync(new GatewayStartOptions
        {
            Engine = engine,
            AuditLog = log,
            AdminToken = AdminToken.LoadOrCreate(palisadeHome),
            Home = palisadeHome,
            Listen = "127.0.0.1:0",
            AdminListen = "127.0.0.1:0",
        }, [module]);
        return new InterceptingGateway(gateway, home);
    }

    public async ValueTask DisposeAsync()
    {
        await _gateway.DisposeAsync();
        try
        {
            Directory.Delete(_home, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
