using System.Globalization;

namespace Palisade.Core.Analyzers.Egress;

/// <summary>
/// A host in an allow, deny or trusted list: an exact name (<c>api.github.com</c>), a wildcard (<c>*.example.com</c>,
/// which matches <c>example.com</c> itself and every name under it), or an IP literal (<c>10.0.0.5</c>, <c>[::1]</c>),
/// optionally with a port (<c>localhost:11434</c>). Written forms are canonicalized like URL hosts, so
/// <c>Example.COM.</c> and <c>example.com</c> are the same entry.
/// </summary>
public sealed record HostPattern
{
    /// <summary>The canonical name or address, without the <c>*.</c>.</summary>
    public required string Host { get; init; }
    public bool Wildcard { get; init; }
    public bool IsAddress { get; init; }
    public int? Port { get; init; }

    /// <summary>As it would be written back to configuration.</summary>
    public override string ToString()
    {
        var host = Wildcard ? "*." + Host : IsAddress && Host.Contains(':') ? $"[{Host}]" : Host;
        return Port is { } p ? $"{host}:{p.ToString(CultureInfo.InvariantCulture)}" : host;
    }

    /// <summary>Parses one entry; <paramref name="error"/> says what is wrong, in words a user can act on.</summary>
    public static HostPattern? TryParse(string text, bool allowPort, out string error)
    {
        error = "";
        var s = text.Trim();
        if (s.Contains("://", StringComparison.Ordinal) || s.Contains('/'))
        {
            error = $"'{text}' is not a host name: give the host alone, without scheme or path.";
            return null;
        }
        int? port = null;
        var hostText = s;
        if (s.StartsWith('['))
        {
            var close = s.IndexOf(']');
            if (close < 0) { error = $"'{text}' has '[' without ']'."; return null; }
            hostText = s[..(close + 1)];
            var rest = s[(close + 1)..];
            if (rest.Length > 0 && !TryPort(rest, out port)) { error = $"'{text}': expected ':PORT' after ']'."; return null; }
        }
        else if (s.LastIndexOf(':') is var colon and > 0)
        {
            if (!TryPort(s[colon..], out port)) { error = $"'{text}': the port must be a number from 1 to 65535."; return null; }
            hostText = s[..colon];
        }
        if (port is not null && !allowPort) { error = $"'{text}': ports are not allowed in this list; give the host alone."; return null; }

        var wildcard = hostText.StartsWith("*.", StringComparison.Ordinal);
        if (wildcard) hostText = hostText[2..];
        if (hostText.Contains('*')) { error = $"'{text}': a wildcard may only be a leading '*.', as in '*.example.com'."; return null; }
        var host = UrlHost.Parse(hostText);
        if (host.Kind == HostKind.Name && host.Anomalies.Count == 0)
            return new HostPattern { Host = host.Name, Wildcard = wildcard, Port = port };
        if (host.IsIp && !wildcard && host.Notation == Ipv4Notation.Canonical)
            return new HostPattern { Host = host.Name, IsAddress = true, Port = port };
        error = $"'{text}' is not a host name, '*.domain', IPv4 address or [IPv6] address.";
        return null;
    }

    private static bool TryPort(string colonAndPort, out int? port)
    {
        port = null;
        if (colonAndPort.Length < 2 || colonAndPort[0] != ':') return false;
        if (!int.TryParse(colonAndPort.AsSpan(1), NumberStyles.None, CultureInfo.InvariantCulture, out var p) || p is < 1 or > 65535) return false;
        port = p;
        return true;
    }

    /// <summary>Whether a canonical URL host (and the port the URL connects to) is covered by this entry.</summary>
    public bool Matches(UrlHost host, int? port)
    {
        if (Port is { } p && p != port) return false;
        if (IsAddress) return host.IsIp && host.Name == Host;
        if (host.Kind != HostKind.Name) return false;
        if (host.Name == Host) return true;
        return Wildcard && host.Name.Length > Host.Length && host.Name.EndsWith(Host, StringComparison.Ordinal) && host.Name[^(Host.Length + 1)] == '.';
    }
}
