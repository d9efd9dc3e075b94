using System.Net;
using Palisade.Core.Analyzers.Egress;

namespace Palisade.Tests.Analyzers.Egress;

public sealed class UrlParserTests
{
    [Fact]
    public void Components_are_split_where_browsers_split_them()
    {
        var u = UrlParser.Parse("HTTPS://user:pw@Example.COM.:8443/a/b?x=1&y=2#frag");
        Assert.Equal("https", u.Scheme);
        Assert.Equal("user:pw", u.UserInfo);
        Assert.Equal("user", u.UserName);
        Assert.Equal(HostKind.Name, u.Host.Kind);
        Assert.Equal("example.com", u.Host.Name);
        Assert.Equal(8443, u.PortNumber);
        Assert.Equal("/a/b", u.Path);
        Assert.Equal("x=1&y=2", u.Query);
        Assert.Equal("frag", u.Fragment);
        Assert.Empty(u.Anomalies);
        Assert.Equal("Example.COM.", "HTTPS://user:pw@Example.COM.:8443/a/b?x=1&y=2#frag".Substring(u.HostSpan.Start, u.HostSpan.Length));
    }

    [Theory]
    [InlineData("example.com/docs", "example.com", "/docs")]
    [InlineData("//example.com/docs", "example.com", "/docs")]
    [InlineData("localhost:8080/x", "localhost", "/x")]
    [InlineData("example.com:443", "example.com", "")]
    public void A_missing_scheme_means_http(string text, string host, string path)
    {
        var u = UrlParser.Parse(text);
        Assert.True(u.SchemeImplied);
        Assert.Equal("http", u.Scheme);
        Assert.Equal(host, u.Host.Name);
        Assert.Equal(path, u.Path);
        Assert.Empty(u.Anomalies);
    }

    [Fact]
    public void Userinfo_ends_at_the_last_at_sign()
    {
        var u = UrlParser.Parse("http://google.com@169.254.169.254/");
        Assert.Equal("google.com", u.UserInfo);
        Assert.Equal("169.254.169.254", u.Host.Name);
        Assert.Empty(u.Anomalies);
    }

    [Fact]
    public void A_backslash_before_at_gives_two_readings()
    {
        var u = UrlParser.Parse(@"http://169.254.169.254\@example.com/");
        Assert.Equal("169.254.169.254", u.Host.Name);
        Assert.Contains("backslash-in-authority", u.Anomalies);
        Assert.Equal("example.com", Assert.Single(u.AlternateHosts).Name);
    }

    [Fact]
    public void Two_at_signs_give_the_first_at_reading_as_an_alternate()
    {
        var u = UrlParser.Parse("http://a@127.0.0.1@example.com/");
        Assert.Equal("example.com", u.Host.Name);
        Assert.Contains("multiple-at", u.Anomalies);
        Assert.Equal(IPAddress.Loopback, Assert.Single(u.AlternateHosts).Address);
    }

    [Fact]
    public void Opaque_urls_have_no_host()
    {
        var u = UrlParser.Parse("javascript:alert(1)");
        Assert.Equal("javascript", u.Scheme);
        Assert.False(u.HasAuthority);
        Assert.Equal(HostKind.None, u.Host.Kind);
        Assert.Equal("alert(1)", u.Path);
    }

    [Theory]
    [InlineData("127.0.0.1", "127.0.0.1", Ipv4Notation.Canonical)]
    [InlineData("2130706433", "127.0.0.1", Ipv4Notation.Integer)]
    [InlineData("0x7f000001", "127.0.0.1", Ipv4Notation.Integer | Ipv4Notation.Hex)]
    [InlineData("017700000001", "127.0.0.1", Ipv4Notation.Integer | Ipv4Notation.Octal)]
    [InlineData("0177.0.0.1", "127.0.0.1", Ipv4Notation.Octal)]
    [InlineData("0x7f.0x0.0x0.0x1", "127.0.0.1", Ipv4Notation.Hex)]
    [InlineData("0x7f.0.0.01", "127.0.0.1", Ipv4Notation.Hex | Ipv4Notation.Octal)]
    [InlineData("127.1", "127.0.0.1", Ipv4Notation.Short)]
    [InlineData("10.1.257", "10.1.1.1", Ipv4Notation.Short)]
    [InlineData("0", "0.0.0.0", Ipv4Notation.Integer)]
    [InlineData("0x", "0.0.0.0", Ipv4Notation.Integer | Ipv4Notation.Hex)]
    [InlineData("4294967295", "255.255.255.255", Ipv4Notation.Integer)]
    [InlineData("1.2.3.4.", "1.2.3.4", Ipv4Notation.Canonical)]
    public void Ipv4_notations_read_as_whatwg_reads_them(string host, string address, Ipv4Notation notation)
    {
        var h = UrlHost.Parse(host);
        Assert.True(h.Kind == HostKind.IPv4, $"{host}: {h.Kind} {string.Join(",", h.Anomalies)}");
        Assert.Equal(IPAddress.Parse(address), h.Address);
        Assert.Equal(notation, h.Notation);
    }

    [Theory]
    [InlineData("4294967296", "0.0.0.0")]
    [InlineData("256.256.256.256", "0.0.0.0")]
    [InlineData("425.510.425.510", "169.254.169.254")]
    [InlineData("1.2.3.256", "1.2.3.0")]
    [InlineData("08.0.0.1", null)]
    [InlineData("1.2.3.4.5", null)]
    [InlineData("0o177.0.0.1", null)]
    public void Invalid_ipv4_fails_and_keeps_what_a_wrapping_parser_would_reach(string host, string? wrapped)
    {
        var h = UrlHost.Parse(host);
        Assert.Equal(HostKind.Invalid, h.Kind);
        Assert.Contains("invalid-ipv4", h.Anomalies);
        if (wrapped is null) Assert.DoesNotContain("ipv4-overflow", h.Anomalies);
        else Assert.Equal(IPAddress.Parse(wrapped), Assert.Single(h.LenientAddresses));
    }

    [Theory]
    [InlineData("[::1]", "::1", null)]
    [InlineData("[0:0:0:0:0:0:0:1]", "::1", null)]
    [InlineData("[::ffff:127.0.0.1]", "::ffff:127.0.0.1", null)]
    [InlineData("[::ffff:7f00:1]", "::ffff:127.0.0.1", null)]
    [InlineData("[fe80::1%25eth0]", "fe80::1", "eth0")]
    [InlineData("[fe80::1%eth0]", "fe80::1", "eth0")]
    [InlineData("[2001:db8::]", "2001:db8::", null)]
    [InlineData("[1:2:3:4:5:6:7:8]", "1:2:3:4:5:6:7:8", null)]
    [InlineData("[::]", "::", null)]
    public void Ipv6_literals_parse(string host, string address, string? zone)
    {
        var h = UrlHost.Parse(host);
        Assert.Equal(HostKind.IPv6, h.Kind);
        Assert.Equal(IPAddress.Parse(address), h.Address);
        Assert.Equal(zone, h.Zone);
    }

    [Theory]
    [InlineData("[::1")]
    [InlineData("[1:2:3:4:5:6:7:8:9]")]
    [InlineData("[1::2::3]")]
    [InlineData("[::ffff:127.0.0.01]")]
    [InlineData("[::ffff:127.0.0]")]
    [InlineData("[12345::]")]
    [InlineData("[:1]")]
    [InlineData("[fe80::1%25]")]
    public void Malformed_ipv6_is_invalid(string host) => Assert.Equal(HostKind.Invalid, UrlHost.Parse(host).Kind);

    [Theory]
    [InlineData("ⓔⓧⓐⓜⓟⓛⓔ.ⓒⓞⓜ", "example.com", "compat-host")]
    [InlineData("ＥＸＡＭＰＬＥ．com", "example.com", "compat-host")]
    [InlineData("%65xample.com", "example.com", "encoded-host")]
    [InlineData("münchen.de", "xn--mnchen-3ya.de", null)]
    [InlineData("MÜNCHEN.DE", "xn--mnchen-3ya.de", null)]
    [InlineData("Example.COM.", "example.com", null)]
    public void Hosts_are_canonicalized_and_tricks_recorded(string raw, string name, string? anomaly)
    {
        var h = UrlHost.Parse(raw);
        Assert.Equal(HostKind.Name, h.Kind);
        Assert.Equal(name, h.Name);
        if (anomaly is null) Assert.Empty(h.Anomalies);
        else Assert.Contains(anomaly, h.Anomalies);
    }

    [Fact]
    public void Canonical_url_drops_userinfo_and_default_port_and_resolves_the_path()
    {
        var u = UrlParser.Parse(@"HTTPS://me:secret@Discord.com:443/api/./x/../%77ebhooks\1");
        Assert.Equal("https://discord.com/api/webhooks/1", UrlFacts.Canonical(u));
    }

    [Theory]
    [InlineData("169.254.169.254.nip.io", "169.254.169.254", "dotted")]
    [InlineData("10-0-0-1.sslip.io", "10.0.0.1", "dashed")]
    [InlineData("app-7f000001.nip.io", "127.0.0.1", "hex")]
    [InlineData("--1.sslip.io", "::1", "ipv6-dashed")]
    public void Addresses_spelled_in_names_are_found(string host, string address, string form) =>
        Assert.Contains(new EmbeddedAddress(IPAddress.Parse(address), form), EmbeddedAddresses.Find(host));
}
