namespace Palisade.Tests.Mcp.Support;

/// <summary>The real binaries the MCP tests chain together: the palisade CLI and the SDK-built test server, both beside the tests.</summary>
public static class McpTestPaths
{
    public static string Palisade => Path.Combine(AppContext.BaseDirectory, "palisade.dll");
    public static string TestServer => Path.Combine(AppContext.BaseDirectory, "Palisade.Mcp.TestServer.dll");

    /// <summary>Generous bound for any one wait: the tests never sleep, they wait for a signal with this as the limit.</summary>
    public static readonly TimeSpan Wait = TimeSpan.FromSeconds(60);
}
