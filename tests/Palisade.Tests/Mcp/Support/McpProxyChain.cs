using System.Collections.Concurrent;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;

namespace Palisade.Tests.Mcp.Support;

/// <summary>
/// The real chain: the SDK's MCP client launches <c>dotnet palisade.dll mcp -- dotnet TestServer.dll scenario.json</c>
/// as a child process, exactly as an agent would, with its own <c>$PALISADE_HOME</c>.
/// </summary>
public sealed class McpProxyChain : IAsyncDisposable
{
    public McpClient Client { get; }
    public ConcurrentQueue<string> Stderr { get; }

    private McpProxyChain(McpClient client, ConcurrentQueue<string> stderr)
    {
        Client = client;
        Stderr = stderr;
    }

    public static Task<McpProxyChain> StartAsync(string home, McpScenario scenario, string name = "test", McpClientHandlers? handlers = null, string? protocolVersion = null) =>
        StartCoreAsync(home, ["--name", name, "--", "dotnet", McpTestPaths.TestServer, scenario.Path], handlers, protocolVersion);

    /// <summary>The stdio-to-HTTP bridge: <c>palisade mcp --upstream URL</c>.</summary>
    public static Task<McpProxyChain> StartUpstreamAsync(string home, string url, string name = "remote") =>
        StartCoreAsync(home, ["--name", name, "--upstream", url, "--header", "X-Test: palisade"], null, null);

    private static async Task<McpProxyChain> StartCoreAsync(string home, string[] proxyArgs, McpClientHandlers? handlers, string? protocolVersion)
    {
        var stderr = new ConcurrentQueue<string>();
        var transport = new StdioClientTransport(new StdioClientTransportOptions
        {
            Command = "dotnet",
            Arguments = [McpTestPaths.Palisade, "mcp", .. proxyArgs],
            EnvironmentVariables = new Dictionary<string, string?> { ["PALISADE_HOME"] = home },
            StandardErrorLines = stderr.Enqueue,
            ShutdownTimeout = TimeSpan.FromSeconds(10),
        });
        using var timeout = new CancellationTokenSource(McpTestPaths.Wait);
        var client = await McpClient.CreateAsync(transport, new McpClientOptions
        {
            ClientInfo = new Implementation { Name = "palisade-tests", Version = "1.0.0" },
            Handlers = handlers ?? new McpClientHandlers(),
            ProtocolVersion = protocolVersion,
            // Under load (many proxies and servers starting at once) a short discovery probe times out, and the SDK
            // then falls back to 'initialize' on a server that has already answered the probe.
            DiscoverProbeTimeout = McpTestPaths.Wait,
        }, cancellationToken: timeout.Token);
        return new McpProxyChain(client, stderr);
    }

    public async Task<IReadOnlyList<string>> ToolNamesAsync()
    {
        using var timeout = new CancellationTokenSource(McpTestPaths.Wait);
        return [.. (await Client.ListToolsAsync(cancellationToken: timeout.Token)).Select(t => t.Name)];
    }

    public async Task<CallToolResult> CallAsync(string tool, Dictionary<string, object?>? arguments = null)
    {
        using var timeout = new CancellationTokenSource(McpTestPaths.Wait);
        return await Client.CallToolAsync(tool, arguments ?? [], cancellationToken: timeout.Token);
    }

    public ValueTask DisposeAsync() => Client.DisposeAsync();
}
