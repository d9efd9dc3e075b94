using Palisade.Core.Model;

namespace Palisade.Tests.Analyzers.Egress;

/// <summary>
/// Every way we know to write an internal address so that a filter comparing text misses it. Each must be blocked,
/// and by the rule that names what it really reaches.
/// </summary>
public sealed class SsrfBypassTests
{
    [Theory]
    // 127.0.0.1, every notation
    [InlineData("http://127.0.0.1/", "egress-loopback")]
    [InlineData("http://2130706433/", "egress-loopback")]
    [InlineData("http://0177.0.0.1/", "egress-loopback")]
    [InlineData("http://0177.0000.0000.0001/", "egress-loopback")]
    [InlineData("http://017700000001/", "egress-loopback")]
    [InlineData("http://0x7f.0x0.0x0.0x1/", "egress-loopback")]
    [InlineData("http://0x7f000001/", "egress-loopback")]
    [InlineData("http://0X7F000001/", "egress-loopback")]
    [InlineData("http://0x7f.1/", "egress-loopback")]
    [InlineData("http://0177.0x0.1/", "egress-loopback")]
    [InlineData("http://127.1/", "egress-loopback")]
    [InlineData("http://127.0.1/", "egress-loopback")]
    [InlineData("http://127.127.127.127/", "egress-loopback")]
    [InlineData("http://127.0.0.1./", "egress-loopback")]
    [InlineData("http://%31%32%37.0.0.1/", "egress-loopback")]
    [InlineData("http://１２７.０.０.１/", "egress-loopback")]
    [InlineData("http://127。0。0。1/", "egress-loopback")]
    // 127.0.0.1 as IPv6
    [InlineData("http://[::1]/", "egress-loopback")]
    [InlineData("http://[0000::1]:80/", "egress-loopback")]
    [InlineData("http://[0:0:0:0:0:0:0:1]/", "egress-loopback")]
    [InlineData("http://[::ffff:127.0.0.1]/", "egress-loopback")]
    [InlineData("http://[::ffff:7f00:1]/", "egress-loopback")]
    [InlineData("http://[0:0:0:0:0:ffff:127.0.0.1]/", "egress-loopback")]
    [InlineData("http://[::127.0.0.1]/", "egress-loopback")]
    [InlineData("http://[64:ff9b::127.0.0.1]/", "egress-loopback")]
    [InlineData("http://[2002:7f00:1::1]/", "egress-loopback")]
    [InlineData("http://[::ffff:0:7f00:1]/", "egress-loopback")]
    // names
    [InlineData("http://localhost/", "egress-loopback")]
    [InlineData("http://LocalHost:8080/", "egress-loopback")]
    [InlineData("http://localhost./", "egress-loopback")]
    [InlineData("http://admin.localhost/", "egress-loopback")]
    [InlineData("http://ip6-localhost/", "egress-loopback")]
    [InlineData("localhost:3000/api", "egress-loopback")]
    [InlineData("//localhost/", "egress-loopback")]
    [InlineData("127.0.0.1:8080", "egress-loopback")]
    // 169.254.169.254, every notation
    [InlineData("http://169.254.169.254/latest/meta-data/", "egress-metadata")]
    [InlineData("http://2852039166/", "egress-metadata")]
    [InlineData("http://0xa9fea9fe/", "egress-metadata")]
    [InlineData("http://0xA9.0xFE.0xA9.0xFE/", "egress-metadata")]
    [InlineData("http://0251.0376.0251.0376/", "egress-metadata")]
    [InlineData("http://0251.00376.000251.0000376/", "egress-metadata")]
    [InlineData("http://025177524776/", "egress-metadata")]
    [InlineData("http://169.254.43518/", "egress-metadata")]
    [InlineData("http://169.16689662/", "egress-metadata")]
    [InlineData("http://0251.254.169.254/", "egress-metadata")]
    [InlineData("http://[::ffff:169.254.169.254]/", "egress-metadata")]
    [InlineData("http://[::ffff:a9fe:a9fe]/", "egress-metadata")]
    [InlineData("http://[0:0:0:0:0:ffff:a9fe:a9fe]/", "egress-metadata")]
    [InlineData("http://[64:ff9b::a9fe:a9fe]/", "egress-metadata")]
    [InlineData("http://[2002:a9fe:a9fe::]/", "egress-metadata")]
    [InlineData("http://[fd00:ec2::254]/latest/meta-data/", "egress-metadata")]
    [InlineData("http://169.254.170.2/v2/credentials/", "egress-metadata")]
    [InlineData("http://100.100.100.200/latest/meta-data/", "egress-metadata")]
    [InlineData("http://192.0.0.192/latest/", "egress-metadata")]
    [InlineData("http://metadata.google.internal/computeMetadata/v1/", "egress-metadata")]
    [InlineData("http://METADATA.GOOGLE.INTERNAL./", "egress-metadata")]
    [InlineData("http://metadata.goog/", "egress-metadata")]
    [InlineData("http://metadata.azure.com/", "egress-metadata")]
    [InlineData("http://instance-data/latest/", "egress-metadata")]
    [InlineData("https://kubernetes.default.svc.cluster.local/api", "egress-metadata")]
    // overflowing forms that strict parsers reject and sloppy ones wrap
    [InlineData("http://425.510.425.510/", "egress-metadata")]
    [InlineData("http://7147006462/", "egress-metadata")]
    [InlineData("http://0x41414141a9fea9fe/", "egress-metadata")]
    // userinfo and parser-differential tricks
    [InlineData("http://google.com@169.254.169.254/", "egress-metadata")]
    [InlineData("http://google.com:80@127.0.0.1/", "egress-loopback")]
    [InlineData("http://169.254.169.254\\@google.com/", "egress-metadata")]
    [InlineData("http://google.com\\@169.254.169.254/", "egress-metadata")]
    [InlineData("http://example.com@evil.example@169.254.169.254/", "egress-metadata")]
    [InlineData("http://169.254.169.254#@example.com/", "egress-metadata")]
    [InlineData("http://127.1.1.1:80\\@127.2.2.2:80/", "egress-loopback")]
    [InlineData("http:\\\\127.0.0.1\\admin", "egress-loopback")]
    [InlineData("http:/127.0.0.1/", "egress-loopback")]
    [InlineData("http:///127.0.0.1/", "egress-loopback")]
    [InlineData("http://127.0.0.1!/", "egress-loopback")]
    [InlineData("  http://127.0.0.1/  ", "egress-loopback")]
    // rebinding and wildcard-DNS names
    [InlineData("http://169.254.169.254.nip.io/", "egress-metadata")]
    [InlineData("http://127.0.0.1.sslip.io/", "egress-embedded-internal-ip")]
    [InlineData("http://7f000001.nip.io/", "egress-embedded-internal-ip")]
    [InlineData("http://10-0-0-1.sslip.io/", "egress-embedded-internal-ip")]
    [InlineData("http://app-192-168-0-1.nip.io/", "egress-embedded-internal-ip")]
    [InlineData("http://localtest.me/", "egress-rebinding-service")]
    [InlineData("http://www.lvh.me/", "egress-rebinding-service")]
    [InlineData("http://7f000001.a9fea9fe.rbndr.us/", "egress-rebinding-service")]
    // other private ranges
    [InlineData("http://10.0.0.1/", "egress-private-network")]
    [InlineData("http://10.1/", "egress-private-network")]
    [InlineData("http://167772161/", "egress-private-network")]
    [InlineData("http://172.16.0.1/", "egress-private-network")]
    [InlineData("http://192.168.1.1/", "egress-private-network")]
    [InlineData("http://0xc0a80101/", "egress-private-network")]
    [InlineData("http://100.64.0.1/", "egress-private-network")]
    [InlineData("http://[fc00::1]/", "egress-private-network")]
    [InlineData("http://[fd00::1]/", "egress-private-network")]
    [InlineData("http://169.254.0.1/", "egress-link-local")]
    [InlineData("http://[fe80::1]/", "egress-link-local")]
    [InlineData("http://[fe80::1%25eth0]/", "egress-link-local")]
    [InlineData("http://[fe80::1%eth0]/", "egress-link-local")]
    [InlineData("http://0.0.0.0/", "egress-unspecified")]
    [InlineData("http://0/", "egress-unspecified")]
    [InlineData("http://[::]/", "egress-unspecified")]
    [InlineData("http://224.0.0.251/", "egress-reserved-address")]
    [InlineData("http://255.255.255.255/", "egress-reserved-address")]
    [InlineData("http://[ff02::1]/", "egress-reserved-address")]
    [InlineData("http://intranet/", "egress-internal-name")]
    [InlineData("http://db.internal/", "egress-internal-name")]
    // schemes
    [InlineData("file:///etc/passwd", "egress-scheme-blocked")]
    [InlineData("file://localhost/etc/passwd", "egress-scheme-blocked")]
    [InlineData("gopher://127.0.0.1:6379/_FLUSHALL", "egress-scheme-blocked")]
    [InlineData("dict://127.0.0.1:11211/stats", "egress-scheme-blocked")]
    [InlineData("ftp://example.com/", "egress-scheme-blocked")]
    [InlineData("ldap://example.com/", "egress-scheme-blocked")]
    [InlineData("ldaps://example.com/", "egress-scheme-blocked")]
    [InlineData("tftp://example.com/x", "egress-scheme-blocked")]
    [InlineData("jar:http://example.com/x.jar!/", "egress-scheme-blocked")]
    [InlineData("netdoc:///etc/passwd", "egress-scheme-blocked")]
    [InlineData("php://filter/resource=index.php", "egress-scheme-blocked")]
    [InlineData("data:text/plain;base64,SGVsbG8=", "egress-scheme-blocked")]
    [InlineData("JavaScript:alert(1)", "egress-scheme-blocked")]
    [InlineData("ssh://example.com/", "egress-scheme-blocked")]
    [InlineData("telnet://example.com/", "egress-scheme-blocked")]
    [InlineData("smb://example.com/share", "egress-scheme-blocked")]
    [InlineData("sftp://example.com/", "egress-scheme-blocked")]
    public void Bypass_form_is_blocked_by_the_rule_for_what_it_reaches(string url, string rule)
    {
        var v = EgressTestEngine.Scan(url);
        Assert.True(v.Decision == Decision.Block, $"{url} → {v.Describe()}");
        Assert.Contains(rule, v.Rules());
    }

    [Theory]
    [InlineData("http://2130706433/", "integer")]
    [InlineData("http://0177.0.0.1/", "octal")]
    [InlineData("http://0x7f.0.0.1/", "hex")]
    [InlineData("http://127.1/", "short")]
    [InlineData("http://0x08080808/", "integer,hex")]
    public void Alternative_ipv4_notation_is_itself_a_finding(string url, string notation)
    {
        var f = Assert.Single(EgressTestEngine.Scan(url).Findings, f => f.RuleId == "egress-ip-notation");
        Assert.Equal($"notation:{notation}", f.Evidence);
    }

    [Theory]
    [InlineData("http://127.1.1.1:80\\@127.2.2.2:80/")]
    [InlineData("http://a@b.example@c.example/")]
    [InlineData("http://example.com:99999/")]
    [InlineData("http://example.com:80:/")]
    [InlineData("http://o177.0.0.1/")]
    [InlineData("http://0o177.0.0.1/")]
    [InlineData("http://1.2.3.4.5/")]
    [InlineData("http://ⓔⓧⓐⓜⓟⓛⓔ.ⓒⓞⓜ/")]
    [InlineData("http://exa mple.com/")]
    [InlineData("http://[::1/")]
    [InlineData("http://[1:2:3:4:5:6:7:8:9]/")]
    [InlineData("http://")]
    public void Url_that_parsers_read_differently_is_blocked(string url)
    {
        var v = EgressTestEngine.Scan(url);
        Assert.Equal(Decision.Block, v.Decision);
        Assert.Contains("egress-url-ambiguous", v.Rules());
    }

    [Fact]
    public void A_url_in_the_query_that_lands_inside_is_held_for_review()
    {
        var v = EgressTestEngine.Scan("https://redirect.example.net/to?next=http%3A%2F%2F169.254.169.254%2Flatest%2F");
        Assert.Equal(Decision.Review, v.Decision);
        Assert.Contains("egress-redirect-internal", v.Rules());
    }

    [Fact]
    public void Metadata_findings_are_critical_and_core()
    {
        var f = Assert.Single(EgressTestEngine.Scan("http://169.254.169.254/").Findings);
        Assert.Equal(Severity.Critical, f.Severity);
        Assert.Equal("cloud-metadata", f.Category);
        Assert.True(Palisade.Core.Rules.RuleCatalog.Builtin.Single(r => r.Id == "egress-metadata").Core);
    }
}
