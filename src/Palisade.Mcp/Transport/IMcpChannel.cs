namespace Palisade.Mcp.Transport;

/// <summary>
/// One side of an MCP session as the proxy sees it: frames in, JSON-RPC messages out. The client side is the
/// agent (our stdin/stdout, or an HTTP request); the server side a child process or a streamable-HTTP endpoint.
/// </summary>
public interface IMcpChannel : IAsyncDisposable
{
    /// <summary>The next frame, or null when the peer has closed its side.</summary>
    ValueTask<McpFrame?> ReadAsync(CancellationToken cancel);

    /// <summary>Sends one message (compact JSON, no line breaks). Safe to call from several tasks.</summary>
    ValueTask WriteAsync(string json, CancellationToken cancel);

    /// <summary>Tells the peer nothing more will be sent (closes a child's stdin).</summary>
    ValueTask CompleteAsync();
}
