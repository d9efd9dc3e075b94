using System.Diagnostics;

namespace Palisade.Tests.Mcp.Support;

/// <summary>The SDK-built test server in streamable-HTTP mode, as its own process on 127.0.0.1; closing its stdin stops it.</summary>
public sealed class HttpTestServer : IAsyncDisposable
{
    private readonly Process _process;
    public string Url { get; }

    private HttpTestServer(Process process, string url)
    {
        _process = process;
        Url = url;
    }

    public static async Task<HttpTestServer> StartAsync(McpScenario scenario)
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardInput = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var a in new[] { McpTestPaths.TestServer, scenario.Path, "--http" }) info.ArgumentList.Add(a);
        var process = Process.Start(info)!;
        using var timeout = new CancellationTokenSource(McpTestPaths.Wait);
        var url = await process.StandardOutput.ReadLineAsync(timeout.Token) ?? throw new InvalidOperationException("the HTTP test server exited before listening.");
        return new HttpTestServer(process, url);
    }

    public async ValueTask DisposeAsync()
    {
        _process.StandardInput.Close();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        try
        {
            await _process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            _process.Kill(entireProcessTree: true);
        }
        _process.Dispose();
    }
}
