using System.Security.Cryptography;
using Palisade.Core.Audit;
using Palisade.Core.Config;
using Palisade.Core.Engine;
using Palisade.Mcp;
using Palisade.Mcp.Inspection;
using Palisade.Mcp.Proxy;
using Palisade.Mcp.Transport;

namespace Palisade.Cli.Mcp;

/// <summary>
/// Runs <c>palisade mcp</c>: our stdin/stdout is the client side (the agent launched us in the server's place);
/// the server side is the launched child or the HTTP upstream. Diagnostics go to stderr only — stdout is the protocol.
/// Exit code: 0 when the client closed the session, the server's own exit code (or 1) when the server went away first,
/// 2 for usage and configuration errors.
/// </summary>
public static class McpProxyRunner
{
    public static async Task<int> RunAsync(McpProxySettings s, CliConsole console, CancellationToken cancel)
    {
        var err = console.Error;
        int Usage(string message)
        {
            err.WriteLine($"palisade mcp: {message}");
            return ExitCodes.UsageError;
        }

        PalisadeEngine engine;
        try
        {
            engine = EngineFactory.Create(EngineFactory.LoadConfig(s.Config, s.Mode));
        }
        catch (ConfigException e)
        {
            return Usage(e.Message);
        }
        engine.PrepareForLongRun(); // one process for the whole MCP session
        var mcp = engine.Config.Mcp;
        var targets = (s.ServerCommand.Count > 0 ? 1 : 0) + (s.Upstream is null ? 0 : 1) + (s.ServerName is null ? 0 : 1);
        if (targets != 1) return Usage("give exactly one server: '-- COMMAND [ARGS…]', '--upstream URL' or '--server NAME'.");

        Uri? url = null;
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        if (s.ServerName is not null)
        {
            if (!mcp.Servers.TryGetValue(s.ServerName, out var configured))
                return Usage($"no server '{s.ServerName}' under 'mcp: servers:' in {engine.Config.Source}; add it with its url.");
            url = configured.Url;
            foreach (var (k, v) in configured.Headers) headers[k] = v;
        }
        else if (s.Upstream is not null && (!Uri.TryCreate(s.Upstream, UriKind.Absolute, out url) || url.Scheme is not ("http" or "https")))
            return Usage($"--upstream '{s.Upstream}' is not an http or https URL.");
        foreach (var h in s.Headers)
        {
            var colon = h.IndexOf(':');
            if (colon <= 0) return Usage($"--header '{h}' is not 'Name: value'.");
            headers[h[..colon].Trim()] = h[(colon + 1)..].Trim();
        }
        var name = s.Name ?? s.ServerName ?? (url is not null ? McpServerName.FromUrl(url) : McpServerName.FromCommand(s.ServerCommand));
        if (!McpServerName.IsValid(name)) return Usage($"--name '{name}' may hold only letters, digits, '-', '_' and '.' (at most 100).");

        var home = PalisadeHome.FromEnvironment();
        var time = TimeProvider.System;
        AuditRecorder recorder;
        AuditSigningKey key;
        try
        {
            (var log, key) = AuditFactory.Open(s.AuditDir ?? engine.Config.AuditDirectory ?? home.AuditDirectory);
            recorder = new AuditRecorder(log);
        }
        catch (Exception e) when (e is AuditException or IOException or UnauthorizedAccessException or CryptographicException or ArgumentException)
        {
            return Usage($"cannot open the audit log: {e.Message}; pass --audit DIR with a writable directory.");
        }
        using var _ = key;
        await using var __ = recorder;

        Palisade.Mcp.Pinning.ToolPinner? pins;
        try
        {
            pins = McpProxyFactory.OpenPins(engine, home, time);
        }
        catch (Exception e) when (e is Microsoft.Data.Sqlite.SqliteException or IOException or UnauthorizedAccessException)
        {
            // Without pins a rug-pull would pass unseen: refuse to start rather than relay unchecked.
            return Usage($"cannot open the pin store {home.StateDatabase}: {e.Message}; fix $PALISADE_HOME or set 'mcp: pinning: false'.");
        }
        void Notice(string message)
        {
            lock (err) err.WriteLine($"palisade: {message}");
        }
        var inspector = McpProxyFactory.CreateInspector(engine, name, pins, new RecorderAuditSink(recorder), time, Notice);
        var client = new StreamChannel(Console.OpenStandardInput(), Console.OpenStandardOutput(), mcp.MaxLineBytes);

        if (url is not null)
        {
            using var http = new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) }) { Timeout = Timeout.InfiniteTimeSpan };
            await using var upstream = new HttpUpstreamChannel(http, url, headers, mcp.MaxLineBytes);
            await new McpSession(client, upstream, inspector).RunAsync(cancel).ConfigureAwait(false);
            return ExitCodes.Ok;
        }

        ChildProcessServer child;
        try
        {
            child = ChildProcessServer.Start(s.ServerCommand[0], [.. s.ServerCommand.Skip(1)], mcp.MaxLineBytes);
        }
        catch (McpServerStartException e)
        {
            return Usage(e.Message);
        }
        await using (child)
        {
            var end = await new McpSession(client, child.Channel, inspector).RunAsync(cancel).ConfigureAwait(false);
            var code = await child.StopAsync(TimeSpan.FromSeconds(5)).ConfigureAwait(false);
            if (end == McpSessionEnd.ServerClosed)
            {
                Notice($"the MCP server '{name}' exited with code {code} while the client was still connected.");
                return code != 0 ? code : ExitCodes.Stopped;
            }
            return ExitCodes.Ok;
        }
    }
}
