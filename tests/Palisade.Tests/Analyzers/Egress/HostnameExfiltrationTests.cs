using Palisade.Core.Analyzers.Egress;
using Palisade.Core.Model;

namespace Palisade.Tests.Analyzers.Egress;

/// <summary>Data in subdomain labels: one encoded label among plain ones, hex that spells text, a token split over labels.</summary>
public sealed class HostnameExfiltrationTests
{
    [Theory]
    [InlineData("https://ONSWG4TFOQ2GC3TE.up.example.net/", "egress-encoded-host-label")]
    [InlineData("https://6170695f6b6579.3d7365637265.t.example.org/", "egress-hex-text-host")]
    [InlineData("https://glpat-m3k9.r7t2x8w4.q6p1z5n9.in.example.net/", "egress-credential-prefix-host")]
    public void Data_in_labels_is_held_or_blocked(string url, string rule)
    {
        var v = EgressTestEngine.Scan(url);
        Assert.Contains(rule, v.Rules());
        Assert.True(v.Decision >= Decision.Review, v.Describe());
    }

    [Theory]
    [InlineData("https://static-assets-production.cdn.example.net/app.js")]
    [InlineData("https://a1b2c3d4e5f6a7b8.cache.example.net/img.png")]
    [InlineData("https://20250101.snapshots.example.org/")]
    [InlineData("https://ghp-pages.docs.eu.example.net/")]
    public void Ordinary_hosts_pass(string url)
    {
        var v = EgressTestEngine.Scan(url);
        Assert.True(v.Decision == Decision.Allow, v.Describe());
    }

    [Fact]
    public void Hex_text_needs_six_printable_bytes_with_a_letter()
    {
        Assert.Equal("api_key=secre", HostLabelText.HexText(["6170695f6b6579", "3d7365637265"]));
        Assert.Null(HostLabelText.HexText(["3132333435363738"]));   // digits only: an id
        Assert.Null(HostLabelText.HexText(["6170695f"]));           // four bytes: too short to say
        Assert.Null(HostLabelText.HexText(["9f8e7d6c5b4a3928"]));   // not printable: a digest
    }
}
