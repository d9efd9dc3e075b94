using Palisade.Cli.Mcp;

namespace Palisade.Tests.Mcp;

public sealed class McpServerNameTests
{
    [Theory]
    [InlineData(new[] { "npx", "-y", "@modelcontextprotocol/server-filesystem", "/tmp" }, "server-filesystem-")]
    [InlineData(new[] { "uvx", "mcp-server-fetch" }, "mcp-server-fetch-")]
    [InlineData(new[] { "python", "weather.py" }, "python-")]
    [InlineData(new[] { "npx", "@acme/mcp-tools@1.2.3" }, "mcp-tools-")]
    public void Default_name_is_a_readable_word_and_a_hash_of_the_command(string[] command, string prefix)
    {
        var name = McpServerName.FromCommand(command);
        Assert.StartsWith(prefix, name);
        Assert.True(McpServerName.IsValid(name));
        Assert.Equal(name, McpServerName.FromCommand(command));
        Assert.NotEqual(name, McpServerName.FromCommand([.. command, "--extra"]));
    }
}
