using System.Net;
using System.Net.Sockets;

namespace Palisade.Core.Analyzers.Egress;

/// <summary>
/// Classifies an IP address against the special-purpose ranges (IANA registries, RFC 6890 and successors) and the
/// cloud metadata endpoints. IPv6 forms that carry an IPv4 address (mapped, compatible, NAT64, 6to4) are classified by
/// the IPv4 address inside: <c>[::ffff:169.254.169.254]</c> is the metadata endpoint, whatever it looks like.
/// Pure and allocation-light: the proxies call it on every resolved address.
/// </summary>
public static class AddressClassifier
{
    private readonly record struct Range(uint Network, int Prefix, AddressClass Class, string Name);

    // Most specific first: the first range that contains the address decides.
    private static readonly Range[] V4 =
    [
        new(Ip(169, 254, 169, 254), 32, AddressClass.Metadata, "169.254.169.254/32"),   // AWS, GCP, Azure, DO, OpenStack, Hetzner…
        new(Ip(169, 254, 170, 2), 32, AddressClass.Metadata, "169.254.170.2/32"),         // ECS task credentials
        new(Ip(169, 254, 170, 23), 32, AddressClass.Metadata, "169.254.170.23/32"),       // EKS pod identity agent
        new(Ip(100, 100, 100, 200), 32, AddressClass.Metadata, "100.100.100.200/32"),     // Alibaba Cloud
        new(Ip(192, 0, 0, 192), 32, AddressClass.Metadata, "192.0.0.192/32"),             // Oracle Cloud
        new(Ip(255, 255, 255, 255), 32, AddressClass.Broadcast, "255.255.255.255/32"),
        new(Ip(0, 0, 0, 0), 8, AddressClass.Unspecified, "0.0.0.0/8"),
        new(Ip(10, 0, 0, 0), 8, AddressClass.Private, "10.0.0.0/8"),
        new(Ip(100, 64, 0, 0), 10, AddressClass.CarrierNat, "100.64.0.0/10"),
        new(Ip(127, 0, 0, 0), 8, AddressClass.Loopback, "127.0.0.0/8"),
        new(Ip(169, 254, 0, 0), 16, AddressClass.LinkLocal, "169.254.0.0/16"),
        new(Ip(172, 16, 0, 0), 12, AddressClass.Private, "172.16.0.0/12"),
        new(Ip(192, 0, 0, 0), 24, AddressClass.Reserved, "192.0.0.0/24"),
        new(Ip(192, 0, 2, 0), 24, AddressClass.Reserved, "192.0.2.0/24"),
        new(Ip(192, 88, 99, 0), 24, AddressClass.Reserved, "192.88.99.0/24"),
        new(Ip(192, 168, 0, 0), 16, AddressClass.Private, "192.168.0.0/16"),
        new(Ip(198, 18, 0, 0), 15, AddressClass.Reserved, "198.18.0.0/15"),
        new(Ip(198, 51, 100, 0), 24, AddressClass.Reserved, "198.51.100.0/24"),
        new(Ip(203, 0, 113, 0), 24, AddressClass.Reserved, "203.0.113.0/24"),
        new(Ip(224, 0, 0, 0), 4, AddressClass.Multicast, "224.0.0.0/4"),
        new(Ip(240, 0, 0, 0), 4, AddressClass.Reserved, "240.0.0.0/4"),
    ];

    private static readonly IPAddress Ec2Metadata6 = IPAddress.Parse("fd00:ec2::254");

    public static AddressInfo Classify(IPAddress address)
    {
        if (address.AddressFamily == AddressFamily.InterNetwork) return Classify4(ToUInt(address.GetAddressBytes()));
        if (address.AddressFamily != AddressFamily.InterNetworkV6) return new(AddressClass.Reserved, "non-ip", null, null);
        Span<byte> b = stackalloc byte[16];
        address.TryWriteBytes(b, out _);
        return Classify6(b);
    }

    private static AddressInfo Classify4(uint ip)
    {
        foreach (var r in V4)
            if (Contains(r.Network, r.Prefix, ip)) return new(r.Class, r.Name, null, null);
        return new(AddressClass.Public, "public", null, null);
    }

    private static AddressInfo Classify6(ReadOnlySpan<byte> b)
    {
        var zeroTo80 = b[..10].IndexOfAnyExcept((byte)0) < 0;
        if (zeroTo80 && b[10] == 0 && b[11] == 0)
        {
            // ::/96: the unspecified and loopback addresses, else the deprecated IPv4-compatible form.
            if (b[12..15].IndexOfAnyExcept((byte)0) < 0 && b[15] is 0 or 1)
                return b[15] == 0 ? new(AddressClass.Unspecified, "::/128", null, null) : new(AddressClass.Loopback, "::1/128", null, null);
            return Embedded(b[12..], "::/96", "ipv4-compatible");
        }
        if (zeroTo80 && b[10] == 0xFF && b[11] == 0xFF) return Embedded(b[12..], "::ffff:0:0/96", "ipv4-mapped");
        if (b[..8].IndexOfAnyExcept((byte)0) < 0 && b[8] == 0xFF && b[9] == 0xFF && b[10] == 0 && b[11] == 0)
            return Embedded(b[12..], "::ffff:0:0:0/96", "ipv4-translated");
        if (b[0] == 0x00 && b[1] == 0x64 && b[2] == 0xFF && b[3] == 0x9B)
        {
            if (b[4..12].IndexOfAnyExcept((byte)0) < 0) return Embedded(b[12..], "64:ff9b::/96", "nat64");
            if (b[4] == 0 && b[5] == 1) return new(AddressClass.Private, "64:ff9b:1::/48", null, null);
        }
        if (b[0] == 0x20 && b[1] == 0x02) return Embedded(b[2..6], "2002::/16", "6to4");
        if (new IPAddress(b).Equals(Ec2Metadata6)) return new(AddressClass.Metadata, "fd00:ec2::254/128", null, null);
        if (b[0] == 0x01 && b[1] == 0x00 && b[2..8].IndexOfAnyExcept((byte)0) < 0) return new(AddressClass.Reserved, "100::/64", null, null);
        if (b[0] == 0x20 && b[1] == 0x01 && b[2] == 0x0D && b[3] == 0xB8) return new(AddressClass.Reserved, "2001:db8::/32", null, null);
        if (b[0] == 0x3F && b[1] == 0xFF && (b[2] & 0xF0) == 0) return new(AddressClass.Reserved, "3fff::/20", null, null);
        if ((b[0] & 0xFE) == 0xFC) return new(AddressClass.UniqueLocal, "fc00::/7", null, null);
        if (b[0] == 0xFE && (b[1] & 0xC0) == 0x80) return new(AddressClass.LinkLocal, "fe80::/10", null, null);
        if (b[0] == 0xFE && (b[1] & 0xC0) == 0xC0) return new(AddressClass.Private, "fec0::/10", null, null);
        if (b[0] == 0xFF) return new(AddressClass.Multicast, "ff00::/8", null, null);
        return new(AddressClass.Public, "public", null, null);
    }

    private static AddressInfo Embedded(ReadOnlySpan<byte> v4, string range, string via)
    {
        var inner = Classify4(ToUInt(v4));
        return inner with { Range = $"{range} {inner.Range}", Embedded = new IPAddress(v4), Via = via };
    }

    private static bool Contains(uint network, int prefix, uint ip) => prefix == 0 || (ip >> (32 - prefix)) == (network >> (32 - prefix));

    private static uint Ip(byte a, byte b, byte c, byte d) => (uint)(a << 24 | b << 16 | c << 8 | d);

    private static uint ToUInt(ReadOnlySpan<byte> b) => (uint)(b[0] << 24 | b[1] << 16 | b[2] << 8 | b[3]);
}
