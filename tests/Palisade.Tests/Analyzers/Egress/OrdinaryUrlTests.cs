using Palisade.Core.Model;

namespace Palisade.Tests.Analyzers.Egress;

/// <summary>What agents fetch all day must pass without a finding: public hosts, public IP literals, IDNs, ids and hashes.</summary>
public sealed class OrdinaryUrlTests
{
    [Theory]
    [InlineData("https://docs.python.org/3/library/")]
    [InlineData("https://api.github.com/repos/o/r")]
    [InlineData("http://8.8.8.8/")]
    [InlineData("https://1.1.1.1/dns-query")]
    [InlineData("https://[2606:4700::1111]/")]
    [InlineData("https://[2001:4860:4860::8888]:443/")]
    [InlineData("https://example.com./")]
    [InlineData("HTTPS://EXAMPLE.COM/Path?Query=1#Frag")]
    [InlineData("example.com/docs")]
    [InlineData("//cdn.example.net/lib.js")]
    [InlineData("wss://stream.example.net/socket")]
    [InlineData("https://münchen.de/")]
    [InlineData("https://xn--mnchen-3ya.de/")]
    [InlineData("https://user@gitlab.example.com/group/repo.git")]
    [InlineData("https://registry.npmjs.org/@types%2fnode")]
    [InlineData("https://cdn.example.net/static/js/main.8f3a2b1c.js")]
    [InlineData("https://api.github.com/resources/550e8400-e29b-41d4-a716-446655440000/details")]
    [InlineData("https://github.com/dotnet/runtime/blob/4b3a2c1d0e9f8a7b6c5d4e3f2a1b0c9d8e7f6a5b/src/README.md")]
    [InlineData("https://hub.docker.com/layers/library/nginx/latest/images/sha256-3f5ef9003ea2a12dd1b1a2f07dd1b1a2f07dd1b1a2f07dd1b1a2f07dd1b1a2f0")]
    [InlineData("https://www.google.com/search?q=how+to+fix+%22permission+denied%22&hl=en")]
    [InlineData("https://en.wikipedia.org/wiki/Server-side_request_forgery")]
    [InlineData("https://learn.microsoft.com/en-us/dotnet/api/system.net.ipaddress?view=net-9.0")]
    [InlineData("https://pkg.go.dev/net/url#URL.Hostname")]
    [InlineData("https://web.archive.org/web/2020/https://example.com/")]
    [InlineData("https://accounts.example.com/authorize?client_id=abc&redirect_uri=http%3A%2F%2Flocalhost%3A8080%2Fcallback")]
    [InlineData("https://dnf-plugins-core.readthedocs.io/en/latest/")]
    [InlineData("https://s3.eu-west-1.amazonaws.com/my-bucket/reports/2024-05-report.pdf")]
    [InlineData("https://web3js.org/")]
    [InlineData("https://k8s.io/docs/")]
    [InlineData("https://7-zip.org/")]
    [InlineData("http://128.0.0.1/")]
    [InlineData("http://172.32.0.1/")]
    [InlineData("http://100.128.0.1/")]
    public void Ordinary_url_passes_without_a_finding(string url)
    {
        var v = EgressTestEngine.Scan(url);
        Assert.True(v.Decision == Decision.Allow && v.Findings.Count == 0, $"{url} → {v.Describe()}");
    }
}
