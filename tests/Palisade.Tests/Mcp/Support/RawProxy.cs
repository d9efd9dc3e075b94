using System.Diagnostics;
using System.Text.Json.Nodes;

namespace Palisade.Tests.Mcp.Support;

/// <summary>
/// The proxy as a child process driven with raw JSON-RPC lines, for what an SDK client would never send (malformed
/// frames) or cannot show (the error's data member, the proxy's exit code).
/// </summary>
public sealed class RawProxy : IAsyncDisposable
{
    private readonly Process _process;
    public List<JsonObject> Received { get; } = [];

    private RawProxy(Process process) => _process = process;

    public static RawProxy Start(string home, McpScenario scenario, string name = "raw")
    {
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var a in new[] { McpTestPaths.Palisade, "mcp", "--name", name, "--", "dotnet", McpTestPaths.TestServer, scenario.Path }) info.ArgumentList.Add(a);
        info.Environment["PALISADE_HOME"] = home;
        var process = Process.Start(info)!;
        process.ErrorDataReceived += (_, _) => { };
        process.BeginErrorReadLine();
        return new RawProxy(process);
    }

    public async Task SendAsync(string line)
    {
        await _process.StandardInput.WriteLineAsync(line);
        await _process.StandardInput.FlushAsync();
    }

    public Task InitializeAsync() => SendAsync("""{"jsonrpc":"2.0","id":"init","method":"initialize","params":{"protocolVersion":"2025-06-18","capabilities":{},"clientInfo":{"name":"raw","version":"1"}}}""")
        .ContinueWith(_ => ReadResponseAsync("\"init\"")).Unwrap()
        .ContinueWith(_ => SendAsync("""{"jsonrpc":"2.0","method":"notifications/initialized"}""")).Unwrap();

    /// <summary>Reads lines until the response whose id is <paramref name="idJson"/> (compact JSON: <c>7</c>, <c>"a"</c>, <c>null</c>).</summary>
    public async Task<JsonObject> ReadResponseAsync(string idJson)
    {
        using var timeout = new CancellationTokenSource(McpTestPaths.Wait);
        while (true)
        {
            var line = await _process.StandardOutput.ReadLineAsync(timeout.Token) ?? throw new EndOfStreamException($"the proxy closed its output before answering id {idJson}.");
            var message = JsonNode.Parse(line)!.AsObject();
            Received.Add(message);
            if (message.ContainsKey("id") && (message["id"]?.ToJsonString() ?? "null") == idJson) return message;
        }
    }

    public void CloseInput() => _process.StandardInput.Close();

    public async Task<int> ExitCodeAsync()
    {
        using var timeout = new CancellationTokenSource(McpTestPaths.Wait);
        await _process.WaitForExitAsync(timeout.Token);
        return _process.ExitCode;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
    }
}
