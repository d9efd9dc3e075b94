using System.Net;
using Palisade.Core.Analyzers.Egress;

namespace Palisade.Tests.Analyzers.Egress;

/// <summary>The resolve-time check the proxies make on each address a name resolved to.</summary>
public sealed class EgressPolicyTests
{
    [Theory]
    [InlineData("127.0.0.1", "loopback")]
    [InlineData("127.255.255.254", "loopback")]
    [InlineData("::1", "loopback")]
    [InlineData("10.20.30.40", "private")]
    [InlineData("172.16.0.1", "private")]
    [InlineData("172.31.255.255", "private")]
    [InlineData("192.168.0.1", "private")]
    [InlineData("100.64.0.1", "cgnat")]
    [InlineData("100.127.255.255", "cgnat")]
    [InlineData("169.254.0.1", "link-local")]
    [InlineData("fe80::1", "link-local")]
    [InlineData("fc00::1", "unique-local")]
    [InlineData("fdff:ffff::1", "unique-local")]
    [InlineData("0.0.0.0", "unspecified")]
    [InlineData("0.1.2.3", "unspecified")]
    [InlineData("::", "unspecified")]
    [InlineData("224.0.0.1", "multicast")]
    [InlineData("ff02::1", "multicast")]
    [InlineData("255.255.255.255", "broadcast")]
    [InlineData("240.0.0.1", "reserved")]
    [InlineData("192.0.2.1", "reserved")]
    [InlineData("198.18.0.1", "reserved")]
    [InlineData("2001:db8::1", "reserved")]
    [InlineData("169.254.169.254", "metadata")]
    [InlineData("169.254.170.2", "metadata")]
    [InlineData("100.100.100.200", "metadata")]
    [InlineData("192.0.0.192", "metadata")]
    [InlineData("fd00:ec2::254", "metadata")]
    [InlineData("::ffff:127.0.0.1", "loopback")]
    [InlineData("::ffff:169.254.169.254", "metadata")]
    [InlineData("::ffff:10.0.0.1", "private")]
    [InlineData("::7f00:1", "loopback")]
    [InlineData("64:ff9b::a9fe:a9fe", "metadata")]
    [InlineData("64:ff9b::c0a8:101", "private")]
    [InlineData("2002:7f00:1::", "loopback")]
    [InlineData("2002:a00:1::1", "private")]
    public void Internal_address_is_blocked_with_its_class(string address, string cls)
    {
        Assert.True(EgressPolicy.IsBlockedAddress(IPAddress.Parse(address), out var reason), address);
        Assert.Contains($"a {cls} address", reason);
    }

    [Theory]
    [InlineData("8.8.8.8")]
    [InlineData("1.1.1.1")]
    [InlineData("93.184.216.34")]
    [InlineData("172.32.0.1")]
    [InlineData("100.128.0.1")]
    [InlineData("169.255.0.1")]
    [InlineData("2606:4700::1111")]
    [InlineData("2001:4860:4860::8888")]
    [InlineData("::ffff:8.8.8.8")]
    [InlineData("64:ff9b::808:808")]
    [InlineData("2002:808:808::1")]
    public void Public_address_is_not_blocked(string address)
    {
        Assert.False(EgressPolicy.IsBlockedAddress(IPAddress.Parse(address), out var reason), address);
        Assert.Equal("", reason);
    }

    [Fact]
    public void Reason_names_the_embedded_address_and_its_range()
    {
        EgressPolicy.IsBlockedAddress(IPAddress.Parse("::ffff:a9fe:a9fe"), out var reason);
        Assert.Contains("ipv4-mapped form of 169.254.169.254", reason);
        Assert.Contains("169.254.169.254/32", reason);
    }

    [Fact]
    public void Scoped_link_local_address_is_blocked() =>
        Assert.True(EgressPolicy.IsBlockedAddress(IPAddress.Parse("fe80::1%2"), out _));
}
