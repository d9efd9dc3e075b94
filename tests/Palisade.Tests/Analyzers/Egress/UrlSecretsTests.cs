using Palisade.Core.Model;

namespace Palisade.Tests.Analyzers.Egress;

/// <summary>Secrets anywhere in a URL, including those that only show once decoded; each reported once.</summary>
public sealed class UrlSecretsTests
{
    private const string Key = "sk-ant-api03-u8jzPde0IgxLd6GncfBAepfJBd0Kh8oOOL8dKLzdocJ2isAjIhKtJ0RlgLKOmxgJTeKdNnFRIBXuDL7DxtpYlSXpfKtHFAA";

    private static string PercentEncodeEach(string s, bool twice) =>
        string.Concat(s.Select(c => twice ? $"%25{(int)c:X2}" : $"%{(int)c:X2}"));

    [Theory]
    [InlineData("https://api.example.net/v1?key={0}")]
    [InlineData("https://api.example.net/upload/{0}/done")]
    [InlineData("https://api.example.net/#token={0}")]
    [InlineData("https://user:{0}@api.example.net/")]
    public void Secret_in_any_component_is_blocked_once(string template)
    {
        var v = EgressTestEngine.Scan(string.Format(System.Globalization.CultureInfo.InvariantCulture, template, Key));
        Assert.Equal(Decision.Block, v.Decision);
        Assert.Single(v.Findings, f => f.RuleId == "anthropic-api-key");
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Percent_encoded_secret_is_found_after_decoding_and_reported_once(bool twice)
    {
        var v = EgressTestEngine.Scan($"https://collect.example.net/c?d={PercentEncodeEach(Key, twice)}");
        Assert.Equal(Decision.Block, v.Decision);
        Assert.Single(v.Findings, f => f.RuleId == "anthropic-api-key");
    }

    [Fact]
    public void Secret_split_across_subdomain_labels_is_found_in_the_joined_labels()
    {
        var engine = EgressTestEngine.WithConfig("""
            custom_rules:
              - id: acme-token
                scanner: secrets
                category: credential
                description: ACME token
                keywords: [acme_]
                pattern: 'acme_[a-z0-9]{24}'
            """);
        var v = EgressTestEngine.Scan("https://acme_k3j5h7g9f2d4.s6a8p0o1i3u5.x.example.net/ping", engine);
        var f = Assert.Single(v.Findings, f => f.RuleId == "acme-token");
        Assert.Equal(Decision.Block, v.Decision);
        Assert.StartsWith("url.decoded", f.Location.Field);
    }

    [Fact]
    public void Evidence_of_a_url_finding_never_holds_the_token()
    {
        var v = EgressTestEngine.Scan("https://example.net/u/kP9xV2mQ7rT4wZ8nB3cL6fH1jD5sG0aY/status");
        var f = Assert.Single(v.Findings, f => f.RuleId == "egress-high-entropy-path");
        Assert.DoesNotContain("kP9xV2mQ7rT4wZ8nB3cL6fH1jD5sG0aY", f.Evidence);
    }
}
