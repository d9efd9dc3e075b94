using Palisade.Core.Analyzers.Egress;
using Palisade.Core.Config;
using Palisade.Core.Model;

namespace Palisade.Tests.Analyzers.Egress;

/// <summary>The egress: section: what each list lifts or adds, what it never lifts, and strict validation.</summary>
public sealed class EgressConfigTests
{
    [Fact]
    public void Deny_host_blocks_the_host_and_its_subdomains()
    {
        var engine = EgressTestEngine.WithConfig("egress:\n  deny_hosts: ['*.example.org', 'evil.example.net']\n");
        foreach (var url in new[] { "https://example.org/", "https://a.b.example.org/x", "https://EVIL.example.net./" })
        {
            var v = EgressTestEngine.Scan(url, engine);
            Assert.Equal(Decision.Block, v.Decision);
            Assert.Contains(EgressAnalyzer.DenyHostRuleId, v.Rules());
        }
        Assert.Equal(Decision.Allow, EgressTestEngine.Scan("https://notexample.org/", engine).Decision);
        Assert.Equal(Decision.Allow, EgressTestEngine.Scan("https://good.example.net/", engine).Decision);
    }

    [Fact]
    public void Deny_host_also_matches_what_another_parser_would_reach()
    {
        var engine = EgressTestEngine.WithConfig("egress:\n  deny_hosts: [evil.example.net]\n");
        Assert.Contains(EgressAnalyzer.DenyHostRuleId, EgressTestEngine.Scan(@"http://good.example.com\@evil.example.net/", engine).Rules());
    }

    [Fact]
    public void Allow_host_lifts_exfiltration_and_entropy_rules()
    {
        const string url = "https://webhook.site/kP9xV2mQ7rT4wZ8nB3cL6fH1jD5sG0aY";
        Assert.Equal(Decision.Block, EgressTestEngine.Scan(url).Decision);
        var engine = EgressTestEngine.WithConfig("egress:\n  allow_hosts: [webhook.site]\n");
        var v = EgressTestEngine.Scan(url, engine);
        Assert.True(v.Decision == Decision.Allow, v.Describe());
    }

    [Fact]
    public void Allow_host_never_lifts_metadata_internal_or_secret_findings()
    {
        var engine = EgressTestEngine.WithConfig("egress:\n  allow_hosts: ['169.254.169.254', localhost, '*.example.net']\n");
        Assert.Contains("egress-metadata", EgressTestEngine.Scan("http://169.254.169.254/latest/", engine).Rules());
        Assert.Contains("egress-loopback", EgressTestEngine.Scan("http://localhost/", engine).Rules());
        const string key = "sk-ant-api03-u8jzPde0IgxLd6GncfBAepfJBd0Kh8oOOL8dKLzdocJ2isAjIhKtJ0RlgLKOmxgJTeKdNnFRIBXuDL7DxtpYlSXpfKtHFAA";
        Assert.Contains("anthropic-api-key", EgressTestEngine.Scan($"https://api.example.net/?k={key}", engine).Rules());
    }

    [Fact]
    public void Trusted_host_lifts_the_private_range_block_for_that_host_and_port_only()
    {
        var engine = EgressTestEngine.WithConfig("egress:\n  trusted_hosts: ['localhost:11434', '10.0.0.5', 'host.docker.internal']\n");
        Assert.Equal(Decision.Allow, EgressTestEngine.Scan("http://localhost:11434/api/generate", engine).Decision);
        Assert.Equal(Decision.Allow, EgressTestEngine.Scan("http://10.0.0.5:8080/", engine).Decision);
        Assert.Equal(Decision.Allow, EgressTestEngine.Scan("http://host.docker.internal:8000/v1/models", engine).Decision);
        Assert.Equal(Decision.Block, EgressTestEngine.Scan("http://localhost:8080/", engine).Decision);
        Assert.Equal(Decision.Block, EgressTestEngine.Scan("http://localhost/", engine).Decision);
        Assert.Equal(Decision.Block, EgressTestEngine.Scan("http://10.0.0.6/", engine).Decision);
    }

    [Fact]
    public void Trusted_host_never_lifts_metadata()
    {
        var engine = EgressTestEngine.WithConfig("egress:\n  trusted_hosts: ['169.254.169.254', 'metadata.google.internal']\n");
        Assert.Contains("egress-metadata", EgressTestEngine.Scan("http://169.254.169.254/latest/", engine).Rules());
        Assert.Contains("egress-metadata", EgressTestEngine.Scan("http://metadata.google.internal/", engine).Rules());
    }

    [Fact]
    public void Extra_exfil_hosts_report_under_the_exfil_channel_rule()
    {
        var engine = EgressTestEngine.WithConfig("egress:\n  exfil_hosts_extra: ['*.collect.example.net']\n");
        var v = EgressTestEngine.Scan("https://x1.collect.example.net/beacon", engine);
        Assert.Equal(Decision.Block, v.Decision);
        Assert.Contains(EgressAnalyzer.ExfilChannelRuleId, v.Rules());
    }

    [Fact]
    public void The_section_round_trips_through_the_writer()
    {
        const string yaml = "egress:\n  allow_hosts: ['*.example.com']\n  deny_hosts: [evil.example.net]\n  exfil_hosts_extra: [drop.example.org]\n  trusted_hosts: ['localhost:11434', '[::1]:8080', 10.0.0.5]\n";
        var config = ConfigLoader.Parse(yaml, "test.yaml");
        var again = ConfigLoader.Parse(ConfigWriter.ToYaml(config), "written.yaml");
        Assert.Equal(config.Egress.AllowHosts, again.Egress.AllowHosts);
        Assert.Equal(config.Egress.DenyHosts, again.Egress.DenyHosts);
        Assert.Equal(config.Egress.ExfilHostsExtra, again.Egress.ExfilHostsExtra);
        Assert.Equal(config.Egress.TrustedHosts, again.Egress.TrustedHosts);
        Assert.Equal("[::1]:8080", again.Egress.TrustedHosts[1].ToString());
    }

    [Theory]
    [InlineData("egress:\n  alow_hosts: [a.example]\n", "'egress.alow_hosts'")]
    [InlineData("egress:\n  deny_hosts: ['http://a.example/']\n", "is not a host name")]
    [InlineData("egress:\n  deny_hosts: ['a.*.example']\n", "leading '*.'")]
    [InlineData("egress:\n  deny_hosts: ['*']\n", "leading '*.'")]
    [InlineData("egress:\n  allow_hosts: ['a.example:443']\n", "ports are not allowed")]
    [InlineData("egress:\n  trusted_hosts: ['localhost:99999']\n", "from 1 to 65535")]
    [InlineData("egress:\n  trusted_hosts: ['2130706433']\n", "is not a host name")]
    [InlineData("egress:\n  allow_hosts: [a.example]\n  deny_hosts: [a.example]\n", "in both allow_hosts and deny_hosts")]
    [InlineData("egress:\n  deny_hosts: {a: b}\n", "expected a list")]
    public void Bad_egress_config_is_an_error_that_says_what_to_write(string yaml, string message)
    {
        var e = Assert.Throws<ConfigException>(() => ConfigLoader.Parse(yaml, "test.yaml"));
        Assert.Contains(message, e.Message);
        Assert.Contains("test.yaml:", e.Message);
    }

    [Fact]
    public void Default_config_shows_the_egress_defaults() => // 'config show' prints what is in force
        Assert.Contains("egress:\n  allow_hosts: []", ConfigWriter.ToYaml(Palisade.Core.Policy.PalisadeConfig.Default).ReplaceLineEndings("\n"));
}
