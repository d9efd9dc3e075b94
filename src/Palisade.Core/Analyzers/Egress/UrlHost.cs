using System.Globalization;
using System.Net;
using System.Text;

namespace Palisade.Core.Analyzers.Egress;

public enum HostKind
{
    /// <summary>No host at all: an opaque URL (<c>data:</c>, <c>javascript:</c>) or an empty authority.</summary>
    None,
    Name,
    IPv4,
    IPv6,

    /// <summary>Something no resolver reads the same way twice: a parse failure, fail closed.</summary>
    Invalid,
}

/// <summary>
/// A URL host made canonical: percent-decoded, IDNA-mapped to ASCII, lower-cased, trailing dot dropped, and any IP
/// literal (every IPv4 notation, IPv6 with embedded IPv4 or zone id) turned into its address.
/// <see cref="Anomalies"/> name what a careful client would have refused; <see cref="LenientAddresses"/> are the addresses
/// a sloppier one would have connected to instead.
/// </summary>
public sealed record UrlHost
{
    public required HostKind Kind { get; init; }

    /// <summary>The canonical name (ASCII, lower case), or the address as text for an IP literal; empty otherwise.</summary>
    public string Name { get; init; } = "";
    public IPAddress? Address { get; init; }
    public Ipv4Notation Notation { get; init; }
    public string? Zone { get; init; }
    public IReadOnlyList<string> Anomalies { get; init; } = [];
    public IReadOnlyList<IPAddress> LenientAddresses { get; init; } = [];

    public bool IsIp => Kind is HostKind.IPv4 or HostKind.IPv6;

    /// <summary>Canonicalizes the host text of an authority (without userinfo and port). Never throws.</summary>
    public static UrlHost Parse(string raw)
    {
        if (raw.Length == 0) return new UrlHost { Kind = HostKind.None };
        if (raw[0] == '[')
        {
            if (raw[^1] == ']' && Ipv6Literal.TryParse(raw[1..^1], out var v6, out var zone))
                return new UrlHost { Kind = HostKind.IPv6, Name = v6.ToString(), Address = v6, Zone = zone };
            return Invalid(raw, "invalid-ipv6");
        }
        var anomalies = new List<string>(2);
        var host = raw;
        if (host.Contains('%'))
        {
            host = PercentDecoding.Decode(host);
            anomalies.Add("encoded-host");
        }
        if (!Ascii.IsValid(host))
        {
            if (HasCompatibilityForms(host)) anomalies.Add("compat-host");
            try
            {
                // IdnMapping instances are not documented as thread-safe: one per call (only non-ASCII hosts get here).
                host = new IdnMapping { AllowUnassigned = true, UseStd3AsciiRules = false }.GetAscii(host.Normalize(NormalizationForm.FormKC));
            }
            catch (Exception e) when (e is ArgumentException or PlatformNotSupportedException)
            {
                anomalies.Add("invalid-host");
                return Invalid(host, [.. anomalies]);
            }
        }
        host = host.ToLowerInvariant();
        if (host.Length > 1 && host[^1] == '.') host = host[..^1];

        if (Ipv4Literal.EndsInNumber(host))
        {
            if (Ipv4Literal.TryParse(host, out var v4, out var notation))
                return new UrlHost { Kind = HostKind.IPv4, Name = v4.ToString(), Address = v4, Notation = notation, Anomalies = anomalies };
            anomalies.Add("invalid-ipv4");
            IReadOnlyList<IPAddress> wrapped = [];
            if (Ipv4Literal.TryParseWrapping(host, out var w, out var overflowed) && overflowed)
            {
                anomalies.Add("ipv4-overflow");
                wrapped = [w];
            }
            return new UrlHost { Kind = HostKind.Invalid, Name = host, Anomalies = anomalies, LenientAddresses = wrapped };
        }
        if (!IsDnsName(host))
        {
            anomalies.Add(host.Length == 0 || host == "." ? "empty-host" : "invalid-host");
            return new UrlHost { Kind = HostKind.Invalid, Name = host, Anomalies = anomalies, LenientAddresses = LenientPrefix(host) };
        }
        return new UrlHost { Kind = HostKind.Name, Name = host, Anomalies = anomalies };
    }

    private static UrlHost Invalid(string host, params string[] anomalies) => new() { Kind = HostKind.Invalid, Name = host, Anomalies = anomalies };

    /// <summary>Letters, digits, hyphen and underscore in non-empty labels of at most 63, at most 253 in all.</summary>
    public static bool IsDnsName(string host)
    {
        if (host.Length is 0 or > 253) return false;
        var label = 0;
        foreach (var c in host)
        {
            if (c == '.')
            {
                if (label == 0) return false;
                label = 0;
            }
            else if (char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c is '-' or '_')
            {
                if (++label > 63) return false;
            }
            else return false;
        }
        return label > 0;
    }

    /// <summary>Parsers that stop at the first odd character read <c>127.0.0.1!</c> as <c>127.0.0.1</c>.</summary>
    private static IReadOnlyList<IPAddress> LenientPrefix(string host)
    {
        var end = 0;
        while (end < host.Length && (char.IsAsciiLetterOrDigit(host[end]) || host[end] is '.' or '-' or '_')) end++;
        if (end == 0 || end == host.Length) return [];
        var prefix = host[..end].TrimEnd('.');
        if (prefix.Length == 0 || !Ipv4Literal.EndsInNumber(prefix)) return [];
        return Ipv4Literal.TryParseWrapping(prefix, out var a, out _) ? [a] : [];
    }

    /// <summary>
    /// Fullwidth, circled, mathematical and other compatibility forms of ASCII letters, digits and dots (<c>ⓔⓧⓐⓜⓟⓛⓔ.ⓒⓞⓜ</c>):
    /// IDNA maps them to ASCII, so they only ever serve to slip a host past a filter that compares text.
    /// </summary>
    private static bool HasCompatibilityForms(string host)
    {
        foreach (var rune in host.EnumerateRunes())
        {
            if (rune.IsAscii) continue;
            if (rune.Value is 0x3002 or 0xFF0E or 0xFF61) return true;
            string folded;
            try
            {
                folded = rune.ToString().Normalize(NormalizationForm.FormKC);
            }
            catch (Exception e) when (e is ArgumentException or PlatformNotSupportedException)
            {
                return true;
            }
            if (folded.Length > 0 && Ascii.IsValid(folded)) return true;
        }
        return false;
    }
}
