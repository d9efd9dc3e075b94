using System.Net;

namespace Palisade.Core.Analyzers.Egress;

/// <summary>An IP address written inside a host name, and how: <c>dotted</c>, <c>dashed</c>, <c>hex</c> or <c>ipv6-dashed</c>.</summary>
public readonly record struct EmbeddedAddress(IPAddress Address, string Form);

/// <summary>
/// Finds IP addresses spelled inside host names, the way wildcard-DNS services answer for them
/// (<c>169.254.169.254.nip.io</c>, <c>10-0-0-1.sslip.io</c>, <c>app-7f000001.nip.io</c>, <c>--1.sslip.io</c>).
/// Such a name resolves to the address it spells: a static check that only looked at the name would let it through,
/// and the resolve-time check would be the only line left.
/// </summary>
public static class EmbeddedAddresses
{
    public static IReadOnlyList<EmbeddedAddress> Find(string host)
    {
        List<EmbeddedAddress>? found = null;
        var labels = host.Split('.');
        for (var i = 0; i + 4 <= labels.Length; i++)
        {
            if (IsOctet(labels[i]) && IsOctet(labels[i + 1]) && IsOctet(labels[i + 2]) && IsOctet(labels[i + 3]))
                Add(ref found, Octets(labels[i], labels[i + 1], labels[i + 2], labels[i + 3]), "dotted");
        }
        foreach (var label in labels)
        {
            if (!label.Contains('-') && label.Length != 8) continue;
            var parts = label.Split('-');
            for (var i = 0; i + 4 <= parts.Length; i++)
            {
                if (IsOctet(parts[i]) && IsOctet(parts[i + 1]) && IsOctet(parts[i + 2]) && IsOctet(parts[i + 3]))
                    Add(ref found, Octets(parts[i], parts[i + 1], parts[i + 2], parts[i + 3]), "dashed");
            }
            foreach (var part in parts)
            {
                if (part.Length == 8 && part.All(char.IsAsciiHexDigit))
                    Add(ref found, new IPAddress(Convert.FromHexString(part)), "hex");
            }
            if (label.Contains("--", StringComparison.Ordinal) && Ipv6Literal.TryParse(label.Replace('-', ':'), out var v6, out _))
                Add(ref found, v6, "ipv6-dashed");
        }
        return found ?? (IReadOnlyList<EmbeddedAddress>)[];
    }

    private static void Add(ref List<EmbeddedAddress>? list, IPAddress address, string form)
    {
        list ??= [];
        if (!list.Exists(e => e.Address.Equals(address) && e.Form == form)) list.Add(new EmbeddedAddress(address, form));
    }

    private static bool IsOctet(string s) => s.Length is > 0 and <= 3 && s.All(char.IsAsciiDigit) && int.Parse(s, System.Globalization.CultureInfo.InvariantCulture) <= 255;

    private static IPAddress Octets(string a, string b, string c, string d) =>
        new([byte.Parse(a, System.Globalization.CultureInfo.InvariantCulture), byte.Parse(b, System.Globalization.CultureInfo.InvariantCulture),
            byte.Parse(c, System.Globalization.CultureInfo.InvariantCulture), byte.Parse(d, System.Globalization.CultureInfo.InvariantCulture)]);
}
