using System.Net;

namespace Palisade.Core.Analyzers.Egress;

/// <summary>What an IP address is for, as far as egress is concerned. Only <see cref="Public"/> is reachable without risk.</summary>
public enum AddressClass
{
    Public,

    /// <summary>A cloud instance-metadata or credentials endpoint (169.254.169.254, fd00:ec2::254, …).</summary>
    Metadata,
    Loopback,

    /// <summary>RFC 1918 ranges and IPv6 site-local.</summary>
    Private,

    /// <summary>Carrier-grade NAT shared space, 100.64.0.0/10.</summary>
    CarrierNat,
    LinkLocal,

    /// <summary>IPv6 unique-local, fc00::/7.</summary>
    UniqueLocal,

    /// <summary>0.0.0.0/8 and <c>::</c>: many stacks connect to the local host.</summary>
    Unspecified,
    Multicast,
    Broadcast,

    /// <summary>Documentation, benchmarking, protocol-assignment and future-use ranges: nothing legitimate to reach there.</summary>
    Reserved,
}

/// <summary>One classification: the class, the range it came from, and the IPv4 address found inside an IPv6 one, if any.</summary>
/// <param name="Via">How the IPv4 address was embedded: <c>ipv4-mapped</c>, <c>ipv4-compatible</c>, <c>nat64</c>, <c>6to4</c>, <c>ipv4-translated</c>.</param>
public readonly record struct AddressInfo(AddressClass Class, string Range, IPAddress? Embedded, string? Via)
{
    public bool IsBlocked => Class != AddressClass.Public;
}

public static class AddressClassNames
{
    /// <summary>The name used in canonical facts, rule patterns and reasons.</summary>
    public static string ToWire(this AddressClass c) => c switch
    {
        AddressClass.Public => "public",
        AddressClass.Metadata => "metadata",
        AddressClass.Loopback => "loopback",
        AddressClass.Private => "private",
        AddressClass.CarrierNat => "cgnat",
        AddressClass.LinkLocal => "link-local",
        AddressClass.UniqueLocal => "unique-local",
        AddressClass.Unspecified => "unspecified",
        AddressClass.Multicast => "multicast",
        AddressClass.Broadcast => "broadcast",
        AddressClass.Reserved => "reserved",
        _ => throw new ArgumentOutOfRangeException(nameof(c)),
    };
}
