using System.CommandLine;
using System.Runtime.InteropServices;
using Palisade.Core.Config;
using Palisade.Gateway.Admin;
using Palisade.Gateway.Egress;
using Palisade.Gateway.Hosting;

namespace Palisade.Cli.Commands;

/// <summary><c>palisade run</c>: the long-running gateway — data plane for agents, admin plane for people — until Ctrl-C drains it.</summary>
public static class RunCommand
{
    public static Command Create(CliConsole console)
    {
        var listen = new Option<string?>("--listen") { Description = "Data plane address (default 127.0.0.1:8787, or gateway.listen in config)." };
        var listenH2c = new Option<string?>("--listen-h2c") { Description = "Also serve the data plane to HTTP/2 cleartext (prior knowledge) clients on this address, e.g. 127.0.0.1:8789." };
        var adminListen = new Option<string?>("--admin-listen") { Description = "Admin plane address (default 127.0.0.1:8788, or gateway.admin_listen)." };
        var config = new Option<string?>("--config") { Description = "Configuration file (default: $PALISADE_HOME/config.yaml if present)." };
        var mode = new Option<string?>("--mode") { Description = "Policy mode: monitor, enforce (default), paranoid or interactive." };
        var auditDir = new Option<string?>("--audit-dir") { Description = "Flight recorder directory (default: audit.dir in config, else $PALISADE_HOME/audit)." };
        var provider = new Option<string[]>("--provider") { Description = "NAME=URL: the upstream for a provider, e.g. openai=http://127.0.0.1:9000/v1 (repeatable).", AllowMultipleArgumentsPerToken = false };
        var intercept = new Option<bool>("--intercept") { Description = "Terminate TLS of CONNECT tunnels with leaves from the local CA (palisade ca init) so requests inside are judged." };
        var trustHost = new Option<string[]>("--trust-host") { Description = "HOST[:PORT] the proxy may reach although it is local or private, e.g. localhost:3000 (repeatable).", AllowMultipleArgumentsPerToken = false };
        var passthrough = new Option<string[]>("--passthrough") { Description = "HOST[:PORT] never intercepted (certificate-pinning clients); target and SNI are still judged (repeatable).", AllowMultipleArgumentsPerToken = false };
        var command = new Command("run", "Run the gateway: point agents' base URLs at it; every prompt out and tool call back is judged.")
        {
            listen, listenH2c, adminListen, config, mode, auditDir, provider, intercept, trustHost, passthrough,
        };
        command.SetAction((parse, cancel) => RunAsync(new RunSettings(
            parse.GetValue(listen), parse.GetValue(adminListen), parse.GetValue(config), parse.GetValue(mode),
            parse.GetValue(auditDir), parse.GetValue(provider) ?? [])
        {
            ListenH2c = parse.GetValue(listenH2c),
            Intercept = parse.GetValue(intercept),
            TrustHosts = parse.GetValue(trustHost) ?? [],
            Passthrough = parse.GetValue(passthrough) ?? [],
        }, console));
        return command;
    }

    public sealed record RunSettings(string? Listen, string? AdminListen, string? Config, string? Mode, string? AuditDir, IReadOnlyList<string> Providers)
    {
        public string? ListenH2c { get; init; }
        public bool Intercept { get; init; }
        public IReadOnlyList<string> TrustHosts { get; init; } = [];
        public IReadOnlyList<string> Passthrough { get; init; } = [];
    }

    public static async Task<int> RunAsync(RunSettings s, CliConsole console)
    {
        RunningGateway gateway;
        IReadOnlyList<IGatewayModule> modules;
        try
        {
            var config = WithTrustedHosts(WithProviders(EngineFactory.LoadConfig(s.Config, s.Mode), s.Providers), s.TrustHosts);
            var home = PalisadeHome.FromEnvironment();
            // Flags add to the proxy: section of the config; they never turn off what it turns on.
            modules = GatewayModules.Create(new EgressProxyOptions
            {
                Listen = config.Proxy.Listen,
                Intercept = s.Intercept || config.Proxy.Intercept,
                Passthrough = [.. config.Proxy.Passthrough, .. EgressProxyModule.ParseHosts(s.Passthrough, "--passthrough")],
                RequestsPerMinutePerHost = config.Proxy.RequestsPerMinutePerHost,
                EntropyBudgetChars = config.Proxy.EntropyBudgetChars,
            });
            var auditDir = s.AuditDir ?? config.AuditDirectory ?? home.AuditDirectory;
            var (auditLog, _) = AuditFactory.Open(auditDir);
            gateway = await GatewayHost.StartAsync(new GatewayStartOptions
            {
                Engine = EngineFactory.Create(config),
                AuditLog = auditLog,
                AdminToken = AdminToken.LoadOrCreate(home),
                Home = home,
                Listen = s.Listen ?? config.Gateway.Listen,
                AdminListen = s.AdminListen ?? config.Gateway.AdminListen,
                ListenH2c = s.ListenH2c,
            }, modules).ConfigureAwait(false);
            PrintBanner(console, gateway, modules, auditDir, AdminToken.PathIn(home));
        }
        catch (Exception e) when (e is ConfigException or ArgumentException)
        {
            console.Error.WriteLine($"palisade: {e.Message}");
            return ExitCodes.UsageError;
        }
        catch (Core.Audit.AuditException e)
        {
            // Nothing is served without a flight recorder: the gateway would otherwise judge actions it cannot record.
            console.Error.WriteLine($"palisade: cannot start: {e.Message} Pass a writable directory with --audit-dir.");
            return ExitCodes.Stopped;
        }
        catch (UnauthorizedAccessException e)
        {
            console.Error.WriteLine($"palisade: cannot start: {e.Message} Check the permissions of $PALISADE_HOME and the audit directory.");
            return ExitCodes.Stopped;
        }
        catch (IOException e)
        {
            console.Error.WriteLine($"palisade: cannot start: {e.Message} Is another gateway running? Choose other ports with --listen and --admin-listen.");
            return ExitCodes.Stopped;
        }

        var draining = 0;
        using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Drain);
        using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Drain);
        await gateway.Stopped.ConfigureAwait(false);
        console.Out.WriteLine("palisade: stopped; the audit log is closed with a checkpoint.");
        return ExitCodes.Ok;

        void Drain(PosixSignalContext signal)
        {
            // The first signal drains; a second one is left to the runtime, which ends the process at once.
            if (Interlocked.Exchange(ref draining, 1) != 0) return;
            signal.Cancel = true;
            console.Out.WriteLine("palisade: draining in-flight requests; Ctrl-C again stops at once.");
            console.Out.Flush();
            _ = gateway.StopAsync();
        }
    }

    private static Core.Policy.PalisadeConfig WithProviders(Core.Policy.PalisadeConfig config, IReadOnlyList<string> flags)
    {
        if (flags.Count == 0) return config;
        var providers = new Dictionary<string, Uri>(config.Gateway.Providers, StringComparer.Ordinal);
        foreach (var flag in flags)
        {
            var eq = flag.IndexOf('=');
            var name = eq > 0 ? flag[..eq].Trim().ToLowerInvariant() : "";
            if (!GatewayConfig.IsValidProviderName(name))
                throw new ArgumentException($"--provider '{flag}': write NAME=URL, e.g. openai=https://api.openai.com or ollama=http://127.0.0.1:11434.");
            providers[name] = GatewayConfig.TryParseUpstream(flag[(eq + 1)..], out var error) ?? throw new ArgumentException($"--provider {name}: {error}");
        }
        return config with { Gateway = config.Gateway with { Providers = providers } };
    }

    /// <summary><c>--trust-host</c> entries join <c>egress.trusted_hosts</c>: the URL analyzer and the proxy's address check both honour them.</summary>
    private static Core.Policy.PalisadeConfig WithTrustedHosts(Core.Policy.PalisadeConfig config, IReadOnlyList<string> flags)
    {
        if (flags.Count == 0) return config;
        var trusted = config.Egress.TrustedHosts.Concat(EgressProxyModule.ParseHosts(flags, "--trust-host")).ToList();
        return config with { Egress = config.Egress with { TrustedHosts = trusted } };
    }

    private static void PrintBanner(CliConsole console, RunningGateway gateway, IReadOnlyList<IGatewayModule> modules, string auditDir, string tokenPath)
    {
        var urls = gateway.Urls;
        console.Out.WriteLine($"palisade: gateway listening on {urls.Data} (mode: {gateway.Context.Config.Mode.ToString().ToLowerInvariant()})");
        console.Out.WriteLine($"palisade: admin plane on {urls.Admin} (bearer token in {tokenPath})");
        console.Out.WriteLine($"palisade: flight recorder in {auditDir}");
        foreach (var line in modules.SelectMany(m => m.Describe(urls))) console.Out.WriteLine(line);
        console.Out.WriteLine("palisade: Ctrl-C drains in-flight requests and stops.");
        console.Out.Flush();
    }
}
