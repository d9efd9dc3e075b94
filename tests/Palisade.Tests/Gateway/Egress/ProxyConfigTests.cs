using Palisade.Core.Config;

namespace Palisade.Tests.Gateway.Egress;

/// <summary>The <c>proxy:</c> configuration section: read strictly, written back the same.</summary>
public sealed class ProxyConfigTests
{
    [Fact]
    public void The_proxy_section_is_read_and_written_back()
    {
        var config = ConfigLoader.Parse("""
            proxy:
              listen: '127.0.0.1:8789'
              intercept: true
              passthrough: ['pinned.example.com', '*.bank.example:443']
              requests_per_minute_per_host: 120
              entropy_budget_chars: 0
            egress:
              trusted_hosts: ['localhost:11434']
            """, "test.yaml");
        Assert.True(config.Proxy.Intercept);
        Assert.Equal("127.0.0.1:8789", config.Proxy.Listen);
        Assert.Equal(["pinned.example.com", "*.bank.example:443"], config.Proxy.Passthrough.Select(p => p.ToString()));
        Assert.Equal(120, config.Proxy.RequestsPerMinutePerHost);
        Assert.Equal(0, config.Proxy.EntropyBudgetChars);
        var again = ConfigLoader.Parse(ConfigWriter.ToYaml(config), "again.yaml");
        Assert.Equal(config.Proxy.Passthrough.Select(p => p.ToString()), again.Proxy.Passthrough.Select(p => p.ToString()));
        Assert.Equal(config.Proxy.RequestsPerMinutePerHost, again.Proxy.RequestsPerMinutePerHost);
        Assert.True(again.Proxy.Intercept);
        Assert.Equal("127.0.0.1:8789", again.Proxy.Listen);
    }

    [Theory]
    [InlineData("proxy:\n  intercpt: true\n", "intercpt")]
    [InlineData("proxy:\n  requests_per_minute_per_host: -1\n", "requests_per_minute_per_host")]
    [InlineData("proxy:\n  passthrough: ['http://x/']\n", "passthrough")]
    public void Mistakes_in_the_proxy_section_are_errors_with_their_line(string yaml, string mentioned)
    {
        var e = Assert.Throws<ConfigException>(() => ConfigLoader.Parse(yaml, "bad.yaml"));
        Assert.Contains("bad.yaml:2", e.Message);
        if (mentioned != "passthrough") Assert.Contains(mentioned, e.Message);
    }

    [Fact]
    public void Defaults_are_shown_in_the_proxy_section() => // 'config show' prints what is in force
        Assert.Contains("proxy:\n  # listen: not set", ConfigWriter.ToYaml(Core.Policy.PalisadeConfig.Default).ReplaceLineEndings("\n"));
}
