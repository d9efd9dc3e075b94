using System.Net;

namespace Palisade.Gateway.Hosting;

/// <summary>A listener address: <c>127.0.0.1:8787</c>, <c>[::1]:8787</c>, <c>localhost:8787</c> or <c>0.0.0.0:8787</c>; port 0 picks a free one.</summary>
public static class ListenAddress
{
    public static IPEndPoint Parse(string text, string what)
    {
        var t = text.Trim();
        if (t.StartsWith("localhost:", StringComparison.OrdinalIgnoreCase)) t = "127.0.0.1" + t["localhost".Length..];
        if (IPEndPoint.TryParse(t, out var ep) && HasPort(t) && ep.Port is >= 0 and <= 65535) return ep;
        throw new ArgumentException($"{what}: '{text}' is not an address like 127.0.0.1:8787 or [::1]:8787.");
    }

    private static bool HasPort(string t) => t.LastIndexOf(':') > t.LastIndexOf(']');
}
