using Palisade.Core.Config;
using Palisade.Mcp.Inspection;

namespace Palisade.Tests.Mcp;

public sealed class McpConfigTests
{
    [Fact]
    public void Mcp_section_is_read_strictly()
    {
        var config = ConfigLoader.Parse("""
            mcp:
              deny_tools: ['*/delete_*']
              allow_tools: ['github/*', 'fs/read_*']
              max_line_bytes: 65536
              servers:
                github:
                  url: https://mcp.example.com/mcp
                  headers: { Authorization: 'Bearer x' }
            """, "test.yaml");
        Assert.Equal(["*/delete_*"], config.Mcp.DenyTools);
        Assert.Equal(65536, config.Mcp.MaxLineBytes);
        Assert.Equal("https://mcp.example.com/mcp", config.Mcp.Servers["github"].Url.ToString());
        Assert.Equal("Bearer x", config.Mcp.Servers["github"].Headers["authorization"]);
    }

    [Theory]
    [InlineData("mcp:\n  deny_tool: ['a/b']\n", "deny_tool")]
    [InlineData("mcp:\n  deny_tools: ['delete_*']\n", "server/tool")]
    [InlineData("mcp:\n  servers:\n    x:\n      url: ftp://h/mcp\n", "http or https")]
    [InlineData("mcp:\n  max_line_bytes: 10\n", "at least 4096")]
    public void Mistakes_are_errors_with_file_and_line(string yaml, string message)
    {
        var e = Assert.Throws<ConfigException>(() => ConfigLoader.Parse(yaml, "bad.yaml"));
        Assert.Contains("bad.yaml:", e.Message);
        Assert.Contains(message, e.Message);
    }

    [Fact]
    public void Deny_wins_and_a_non_empty_allow_list_admits_only_what_it_names()
    {
        var config = ConfigLoader.Parse("mcp:\n  deny_tools: ['*/delete_*']\n  allow_tools: ['fs/*']\n", "t.yaml");
        var policy = new ToolPolicy(config.Mcp);
        Assert.Null(policy.Check("fs", "read_file", "name"));
        Assert.Equal(McpFindings.ToolDenied, policy.Check("fs", "delete_file", "name")?.RuleId);
        Assert.Equal(McpFindings.ToolNotAllowed, policy.Check("git", "log", "name")?.RuleId);
    }
}
