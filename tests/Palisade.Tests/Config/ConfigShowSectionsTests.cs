using Palisade.Core.Config;

namespace Palisade.Tests.Config;

public sealed class ConfigShowSectionsTests
{
    [Fact]
    public void Gateway_section_loads_back_to_the_same_listeners_providers_and_limits()
    {
        var original = ConfigLoader.Parse("""
            gateway:
              listen: '127.0.0.1:9100'
              admin_listen: '127.0.0.1:9101'
              providers:
                local: 'http://127.0.0.1:11434/v1'
              max_request_body_mb: 8
              approval_timeout_seconds: 15
              drain_timeout_seconds: 5
            """, "a.yaml");
        var again = ConfigLoader.Parse(ConfigWriter.ToYaml(original), "b.yaml").Gateway;
        Assert.Equal("127.0.0.1:9100", again.Listen);
        Assert.Equal("127.0.0.1:9101", again.AdminListen);
        Assert.Equal(new Uri("http://127.0.0.1:11434/v1"), again.Providers["local"]);
        Assert.Equal(8L * 1024 * 1024, again.MaxRequestBodyBytes);
        Assert.Equal(TimeSpan.FromSeconds(15), again.ApprovalTimeout);
        Assert.Equal(TimeSpan.FromSeconds(5), again.DrainTimeout);
    }

    [Theory]
    [InlineData("gateway:\n  providers:\n    openai: 'ftp://x'\n", "not an http")]
    [InlineData("gateway:\n  providers:\n    'Open AI': 'https://x'\n", "provider name")]
    [InlineData("gateway:\n  max_request_body_mb: 0\n", "positive")]
    [InlineData("gateway:\n  listn: '127.0.0.1:1'\n", "listn")]
    public void Gateway_section_errors_name_the_line_and_what_to_write(string yaml, string expected)
    {
        var e = Assert.Throws<ConfigException>(() => ConfigLoader.Parse(yaml, "g.yaml"));
        Assert.Contains("g.yaml:", e.Message);
        Assert.Contains(expected, e.Message);
    }

    [Fact]
    public void Mcp_section_is_shown_with_header_values_hidden()
    {
        const string token = "Bearer tok-7Hq2Zr9XkP4mW1vN";
        var config = ConfigLoader.Parse($"""
            mcp:
              deny_tools: ['*/delete_*']
              servers:
                docs:
                  url: 'https://mcp.example.com/mcp'
                  headers: {"{"} Authorization: '{token}' {"}"}
            """, "m.yaml");
        var yaml = ConfigWriter.ToYaml(config);
        Assert.DoesNotContain("tok-7Hq2Zr9XkP4mW1vN", yaml);
        var again = ConfigLoader.Parse(yaml, "again.yaml").Mcp;
        Assert.Equal(["*/delete_*"], again.DenyTools);
        Assert.Equal(new Uri("https://mcp.example.com/mcp"), again.Servers["docs"].Url);
        Assert.Equal("(hidden)", again.Servers["docs"].Headers["Authorization"]);
    }
}
