using Palisade.Core.Audit;
using Palisade.Core.Config;
using Palisade.Core.Engine;
using Palisade.Core.Policy;
using Palisade.Gateway.Admin;
using Palisade.Gateway.Egress;
using Palisade.Gateway.Hosting;
using Palisade.Gateway.Llm;

namespace Palisade.GatewayLoad;

/// <summary>The real gateway as <c>palisade run</c> builds it (egress proxy module first, then the LLM gateway; default rules, enforce, audit on disk in a temporary home) with <c>openai</c> pointed at the fake provider.</summary>
public sealed class InProcessGateway : IAsyncDisposable
{
    private readonly RunningGateway _running;
    private readonly string _home;

    private InProcessGateway(RunningGateway running, string home)
    {
        _running = running;
        _home = home;
    }

    public Uri Url => _running.Urls.Data;

    public static async Task<InProcessGateway> StartAsync(Uri upstream)
    {
        var home = Directory.CreateTempSubdirectory("palisade-bench-").FullName;
        var palisadeHome = new PalisadeHome(home);
        var config = PalisadeConfig.Default with { Gateway = GatewayConfig.Default with { Providers = new Dictionary<string, Uri> { ["openai"] = upstream } } };
        // As `palisade run` has it: rules stay on the bounded backtracking engine until a long text needs linear time (decision 011).
        var engine = new PalisadeEngine(config);
        var log = new AuditLog(new AuditLogOptions { Directory = Path.Combine(home, "audit") }, AuditSigningKey.LoadOrCreate(palisadeHome), TimeProvider.System);
        var running = await GatewayHost.StartAsync(new GatewayStartOptions
        {
            Engine = engine, AuditLog = log, AdminToken = AdminToken.LoadOrCreate(palisadeHome), Home = palisadeHome,
            Listen = "127.0.0.1:0", AdminListen = "127.0.0.1:0",
        }, [new EgressProxyModule(new EgressProxyOptions()), new LlmGatewayModule()]); // the modules and order of `palisade run`
        return new InProcessGateway(running, home);
    }

    public async ValueTask DisposeAsync()
    {
        await _running.DisposeAsync();
        Directory.Delete(_home, recursive: true);
    }
}
