namespace Palisade.Tests.Mcp.Support;

/// <summary>The real binaries the MCP tests chain together: the palisade CLI and the SDK-built test server, both beside the tests.</summary>
public static class McpTestPaths
{
    public static string Palisade => Path.Combine(AppContext.BaseDirectory, "palisade.dll");
    /// <summary>The test server in its own output folder (tests/Palisade.Mcp.TestServer/bin/CONFIG/TFM), built with the tests.</summary>
    public static string TestServer
    {
        get
        {
            var tfm = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
            var configuration = tfm.Parent!;
            var tests = configuration.Parent!.Parent!.Parent!;
            return Path.Combine(tests.FullName, "Palisade.Mcp.TestServer", "bin", configuration.Name, tfm.Name, "Palisade.Mcp.TestServer.dll");
        }
    }

    /// <summary>Generous bound for any one wait: the tests never sleep, they wait for a signal with this as the limit.</summary>
    public static readonly TimeSpan Wait = TimeSpan.FromSeconds(60);
}
