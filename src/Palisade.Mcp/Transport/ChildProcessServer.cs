using System.Diagnostics;
using System.ComponentModel;

namespace Palisade.Mcp.Transport;

/// <summary>
/// The real MCP server, started as a child process: its stdin and stdout carry JSON-RPC, its stderr goes straight
/// to ours (servers log there). Disposing closes its stdin, waits a bounded time for it to exit, then kills it.
/// </summary>
public sealed class ChildProcessServer : IAsyncDisposable
{
    private readonly Process _process;
    public StreamChannel Channel { get; }

    private ChildProcessServer(Process process, int maxLineBytes)
    {
        _process = process;
        Channel = new StreamChannel(process.StandardOutput.BaseStream, process.StandardInput.BaseStream, maxLineBytes);
    }

    public static ChildProcessServer Start(string command, IReadOnlyList<string> arguments, int maxLineBytes)
    {
        var info = new ProcessStartInfo(command)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = false,
            UseShellExecute = false,
        };
        foreach (var a in arguments) info.ArgumentList.Add(a);
        try
        {
            var process = Process.Start(info) ?? throw new McpServerStartException($"the MCP server '{command}' could not be started.");
            return new ChildProcessServer(process, maxLineBytes);
        }
        catch (Win32Exception e)
        {
            throw new McpServerStartException($"cannot start the MCP server '{command}': {e.Message}; check the command after '--'.");
        }
    }

    public int? ExitCode => _process.HasExited ? _process.ExitCode : null;

    /// <summary>Waits for the server to exit on its own, up to <paramref name="grace"/>, then kills it; returns its exit code.</summary>
    public async Task<int> StopAsync(TimeSpan grace)
    {
        await Channel.CompleteAsync().ConfigureAwait(false);
        using var timeout = new CancellationTokenSource(grace);
        try
        {
            await _process.WaitForExitAsync(timeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync().ConfigureAwait(false);
        }
        return _process.ExitCode;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited) await StopAsync(TimeSpan.FromSeconds(5)).ConfigureAwait(false);
        _process.Dispose();
    }
}

/// <summary>The server command could not be launched.</summary>
public sealed class McpServerStartException(string message) : Exception(message);
