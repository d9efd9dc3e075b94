using System.Net.Http.Headers;
using System.Text.Json;
using Palisade.Core.Audit;
using Palisade.Core.Config;
using Palisade.Core.Engine;
using Palisade.Core.Policy;
using Palisade.Gateway.Admin;
using Palisade.Gateway.Hosting;
using Palisade.Tests.Support;

namespace Palisade.Tests.Gateway.Support;

/// <summary>A real gateway on loopback (ports picked by the OS) with its state in a temporary home.</summary>
public sealed class TestGateway : IAsyncDisposable
{
    private TestGateway(RunningGateway running, CliRunner.TempDir home, string token)
    {
        Running = running;
        Home = home;
        AdminTokenText = token;
        Data = new HttpClient { BaseAddress = running.Urls.Data, Timeout = TimeSpan.FromSeconds(30) };
        Admin = new HttpClient { BaseAddress = running.Urls.Admin, Timeout = TimeSpan.FromSeconds(30) };
        Admin.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
    }

    public RunningGateway Running { get; }
    public CliRunner.TempDir Home { get; }
    public string AdminTokenText { get; }
    public string AuditDirectory => Path.Combine(Home.Path, "audit");

    /// <summary>A client for the data plane (what an agent reaches).</summary>
    public HttpClient Data { get; }

    /// <summary>A client for the admin plane, with the bearer token.</summary>
    public HttpClient Admin { get; }

    public static async Task<TestGateway> StartAsync(PalisadeConfig? config = null, IReadOnlyList<IGatewayModule>? modules = null,
        HttpMessageHandler? upstream = null, TimeProvider? time = null, string? listenH2c = null)
    {
        var home = new CliRunner.TempDir();
        var palisadeHome = new PalisadeHome(home.Path);
        var auditKey = AuditSigningKey.LoadOrCreate(palisadeHome);
        var log = new AuditLog(new AuditLogOptions { Directory = Path.Combine(home.Path, "audit") }, auditKey, time ?? TimeProvider.System);
        var running = await GatewayHost.StartAsync(new GatewayStartOptions
        {
            Engine = new PalisadeEngine(config ?? PalisadeConfig.Default),
            AuditLog = log,
            AdminToken = AdminToken.LoadOrCreate(palisadeHome),
            Home = palisadeHome,
            Listen = "127.0.0.1:0",
            AdminListen = "127.0.0.1:0",
            ListenH2c = listenH2c,
            Time = time ?? TimeProvider.System,
            UpstreamHandler = upstream,
        }, modules ?? []);
        var token = File.ReadAllText(AdminToken.PathIn(palisadeHome)).Trim();
        return new TestGateway(running, home, token);
    }

    /// <summary>The records on disk so far, as JSON (the recorder flushes before a non-allow verdict returns).</summary>
    public IReadOnlyList<JsonElement> AuditRecords() =>
        [.. AuditLogReader.LastLines(AuditDirectory, 100_000).Select(line => JsonDocument.Parse(line).RootElement.Clone())];

    public async ValueTask DisposeAsync()
    {
        Data.Dispose();
        Admin.Dispose();
        await Running.DisposeAsync();
        Home.Dispose();
    }
}
