using System.Net;

namespace Palisade.Core.Analyzers.Egress;

/// <summary>
/// The address check the proxies make after they resolve a host and before they connect (and pin): the same ranges the
/// URL analyzer blocks statically, so a name that resolves to 127.0.0.1 is stopped like the literal would be.
/// </summary>
public static class EgressPolicy
{
    /// <summary>True when <paramref name="address"/> is anything but a public unicast address; <paramref name="reason"/> says which range.</summary>
    public static bool IsBlockedAddress(IPAddress address, out string reason)
    {
        ArgumentNullException.ThrowIfNull(address);
        var info = AddressClassifier.Classify(address);
        if (!info.IsBlocked)
        {
            reason = "";
            return false;
        }
        var inside = info.Embedded is null ? "" : $" ({info.Via} form of {info.Embedded})";
        reason = $"{address} is a {info.Class.ToWire()} address{inside}, in {info.Range}";
        return true;
    }
}
