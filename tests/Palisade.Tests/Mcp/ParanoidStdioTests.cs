using ModelContextProtocol;
using ModelContextProtocol.Protocol;
using Palisade.Tests.Mcp.Support;
using static Palisade.Tests.Support.CliRunner;

namespace Palisade.Tests.Mcp;

/// <summary>
/// Paranoid mode through <c>palisade mcp</c> over stdio (real client, proxy and server processes): a call to a tool on
/// no allow-list is stopped as held for review (the proxy cannot ask a person) and never reaches the server; listed,
/// the same call goes through.
/// </summary>
public sealed class ParanoidStdioTests
{
    private const int HeldForReview = -32091;

    private static async Task<McpProxyChain> StartAsync(TempDir dir, string paranoidYaml)
    {
        var home = dir.File("home");
        Directory.CreateDirectory(home);
        await File.WriteAllTextAsync(Path.Combine(home, "config.yaml"), "mode: paranoid\n" + paranoidYaml);
        var scenario = McpScenario.Standard(dir.File("s.json")).Result("search", "Passage 3: configure the build with make.");
        return await McpProxyChain.StartAsync(home, scenario);
    }

    [Fact]
    public async Task An_unlisted_tool_is_held_and_does_not_reach_the_server()
    {
        using var dir = new TempDir();
        await using var chain = await StartAsync(dir, "paranoid:\n  allow_tools: [fetch]\n");

        var e = await Assert.ThrowsAsync<McpProtocolException>(() => chain.CallAsync("search", new() { ["query"] = "build" }));
        Assert.Equal(HeldForReview, (int)e.ErrorCode);
        Assert.Contains("paranoid-unlisted", e.Message);
        Assert.Contains("paranoid.allow_tools", e.Message);
    }

    [Fact]
    public async Task A_listed_tool_goes_through()
    {
        using var dir = new TempDir();
        await using var chain = await StartAsync(dir, "paranoid:\n  allow_tools: ['test__*', search]\n");

        var result = await chain.CallAsync("search", new() { ["query"] = "build" });
        Assert.Equal("Passage 3: configure the build with make.", Assert.IsType<TextContentBlock>(Assert.Single(result.Content)).Text);
    }
}
