using System.Text;

namespace Palisade.Core.Analyzers.Egress;

/// <summary>One canonical statement about a URL that egress rules match, and where in the URL it comes from.</summary>
/// <param name="Text"><c>kind:value</c>, e.g. <c>host:metadata.google.internal</c> or <c>ip:127.0.0.1 class:loopback range:127.0.0.0/8</c>.</param>
public readonly record struct UrlFact(string Text, UrlSpan Span)
{
    /// <summary>The part before the first ':', which egress rules name in their <c>keywords</c>.</summary>
    public string Kind => Text[..Text.IndexOf(':')];
}

/// <summary>
/// Turns a parsed URL into the canonical facts egress rules read. The code decides what the URL is (scheme, every host
/// any parser would connect to, each address's class, notations and parse disagreements, encoded-looking tokens); the
/// rules under <c>rules/egress/</c> decide what of that matters. Fact kinds:
/// <list type="bullet">
/// <item><c>scheme:NAME</c> (<c>scheme:NAME web</c> for http, https, ws, wss), <c>url:CANONICAL-URL</c> (no userinfo, default port dropped, unreserved escapes decoded, dot segments resolved)</item>
/// <item><c>host:NAME</c> for names; <c>ip:ADDRESS class:CLASS range:CIDR [via:FORM]</c> for literals and lenient readings</item>
/// <item><c>notation:FORMS ADDRESS</c> for IPv4 written other than dotted decimal; <c>parse:ANOMALY</c></item>
/// <item><c>embedded-ip:ADDRESS class:CLASS form:FORM in:HOST</c>, <c>label:REGISTRABLE-LABEL</c>, <c>userinfo:USER</c></item>
/// <item><c>token:host|path|query:VALUE</c> for encoded-looking values; <c>token:label:LABEL</c> for one such subdomain label</item>
/// <item><c>wallet:ethereum|bitcoin:path|query:ADDRESS</c> for a cryptocurrency address (<see cref="WalletAddress"/>)</item>
/// <item><c>hex-text:host:TEXT</c> when the subdomain's hex labels decode to printable text; <c>hex-text:path|query:TOKEN</c>
/// for a hex run that decodes to an encoded-looking token (<see cref="HexText"/>; <c>hex-text:body:TOKEN</c> comes from the body)</item>
/// <item><c>encoding:percent-depth-N</c> when the path or query needs three or more rounds of percent-decoding</item>
/// </list>
/// </summary>
public static class UrlFacts
{
    /// <summary>Bounded work for hostile input: at most this many token facts per URL.</summary>
    public const int MaxTokens = 16;

    public static List<UrlFact> Build(ParsedUrl url)
    {
        var whole = new UrlSpan(0, url.Text.Length);
        var facts = new List<UrlFact>(8)
        {
            new(url.Scheme is "http" or "https" or "ws" or "wss" ? $"scheme:{url.Scheme} web" : $"scheme:{url.Scheme}", whole),
            new($"url:{Canonical(url)}", whole),
        };
        foreach (var a in url.Anomalies) facts.Add(new($"parse:{a}", url.HostSpan));
        AddHost(url.Host, url.HostSpan, facts, primary: true);
        foreach (var alternate in url.AlternateHosts) AddHost(alternate, whole, facts, primary: false);
        if (url.UserName is { Length: > 0 } user) facts.Add(new($"userinfo:{user.ToLowerInvariant()}", url.UserInfoSpan));
        var tokens = 0;
        AddTokens("path", PercentDecoding.DecodeFully(url.Path), url.PathSpan, facts, ref tokens);
        if (url.Query is { Length: > 0 } q) AddTokens("query", PercentDecoding.DecodeFully(q, plusAsSpace: true), url.QuerySpan, facts, ref tokens);
        // Encoded three times or more: one round is the URL's own, two is a URL carried in a URL; more hides something.
        var depth = Math.Max(PercentDecoding.Depth(url.Path), url.Query is { Length: > 0 } query ? PercentDecoding.Depth(query) : 0);
        if (depth >= 3) facts.Add(new($"encoding:percent-depth-{depth}", whole));
        return facts;
    }

    private static void AddHost(UrlHost host, UrlSpan span, List<UrlFact> facts, bool primary)
    {
        if (host.Address is { } address)
        {
            facts.Add(new(IpFact("ip", address, null), span));
            if (host.Notation != Ipv4Notation.Canonical)
                facts.Add(new($"notation:{NotationNames(host.Notation)} {address}", span));
            return;
        }
        foreach (var lenient in host.LenientAddresses) facts.Add(new(IpFact("ip", lenient, "lenient"), span));
        if (host.Kind != HostKind.Name) return;
        facts.Add(new($"host:{host.Name}", span));
        foreach (var e in EmbeddedAddresses.Find(host.Name))
            facts.Add(new($"{IpFact("embedded-ip", e.Address, null)} form:{e.Form} in:{host.Name}", span));
        if (!primary) return;
        var parts = DomainParts.Of(host.Name);
        if (parts.Suffix.Length > 0) facts.Add(new($"label:{parts.Registrable}", span));
        if (parts.Subdomain.Count > 0)
        {
            var joined = string.Concat(parts.Subdomain);
            if (RandomShape.LooksEncodedLabel(joined)) facts.Add(new($"token:host:{joined}", span));
            // One encoded label among plain ones (`<base32>.exfil.example`): the plain labels dilute the joined token. A
            // hex label alone is a cache or content id; hex that spells text is judged below.
            foreach (var label in parts.Subdomain)
                if (label.Length >= 16 && label.Length < joined.Length && !IsHex(label) && RandomShape.LooksEncodedLabel(label))
                    facts.Add(new($"token:label:{label}", span));
            if (HostLabelText.HexText(parts.Subdomain) is { } text) facts.Add(new($"hex-text:host:{text}", span));
        }
    }

    private static bool IsHex(string label)
    {
        foreach (var c in label)
            if (!char.IsAsciiHexDigit(c)) return false;
        return true;
    }

    private static string NotationNames(Ipv4Notation n)
    {
        var names = new List<string>(3);
        if (n.HasFlag(Ipv4Notation.Integer)) names.Add("integer");
        if (n.HasFlag(Ipv4Notation.Short)) names.Add("short");
        if (n.HasFlag(Ipv4Notation.Octal)) names.Add("octal");
        if (n.HasFlag(Ipv4Notation.Hex)) names.Add("hex");
        return string.Join(',', names);
    }

    private static string IpFact(string kind, System.Net.IPAddress address, string? via)
    {
        var info = AddressClassifier.Classify(address);
        var sb = new StringBuilder(64).Append(kind).Append(':').Append(address).Append(" class:").Append(info.Class.ToWire())
            .Append(" range:").Append(info.Range.Replace(' ', ','));
        if (info.Via is not null) sb.Append(" via:").Append(info.Via);
        if (via is not null) sb.Append(" via:").Append(via);
        return sb.ToString();
    }

    private static void AddTokens(string where, string decoded, UrlSpan span, List<UrlFact> facts, ref int count)
    {
        var start = -1;
        for (var i = 0; i <= decoded.Length; i++)
        {
            var inToken = i < decoded.Length && (char.IsAsciiLetterOrDigit(decoded[i]) || decoded[i] is '-' or '_');
            if (inToken && start < 0) start = i;
            if (inToken || start < 0) continue;
            var token = decoded[start..i];
            start = -1;
            if (token.Length >= HexText.MinHexChars)
                foreach (var spelled in HexText.EncodedTokens(token))
                {
                    if (count++ >= MaxTokens) return;
                    facts.Add(new($"hex-text:{where}:{spelled}", span));
                }
            var wallet = token.Length is >= 26 and <= 42 ? WalletAddress.Kind(token) : null;
            if (wallet is null && !RandomShape.LooksEncoded(token)) continue;
            if (count++ >= MaxTokens) return;
            if (wallet is not null) facts.Add(new($"wallet:{wallet}:{where}:{token}", span));
            if (RandomShape.LooksEncoded(token)) facts.Add(new($"token:{where}:{token}", span));
        }
    }

    /// <summary>The URL as rules read it: <c>scheme://host[:port]/path[?query]</c>, or <c>scheme:rest</c> when opaque.</summary>
    public static string Canonical(ParsedUrl url)
    {
        var sb = new StringBuilder(url.Text.Length + 8).Append(url.Scheme).Append(':');
        if (!url.HasAuthority) return sb.Append(url.Path).Append(url.Query is null ? "" : "?" + url.Query).ToString();
        sb.Append("//");
        sb.Append(url.Host.Kind == HostKind.IPv6 ? $"[{url.Host.Name}]" : url.Host.Name);
        if (url.PortNumber is { } port && port != ParsedUrl.DefaultPort(url.Scheme)) sb.Append(':').Append(port);
        sb.Append(NormalizePath(url.IsSpecial ? url.Path.Replace('\\', '/') : url.Path));
        if (url.Query is not null) sb.Append('?').Append(url.Query);
        return sb.ToString();
    }

    /// <summary>Escapes of unreserved characters decoded (<c>%77ebhooks</c> is <c>webhooks</c>), dot segments resolved.</summary>
    private static string NormalizePath(string path)
    {
        if (path.Length == 0) return "/";
        var sb = new StringBuilder(path.Length);
        for (var i = 0; i < path.Length; i++)
        {
            if (path[i] == '%' && i + 2 < path.Length && char.IsAsciiHexDigit(path[i + 1]) && char.IsAsciiHexDigit(path[i + 2]))
            {
                var c = (char)Convert.ToByte(path.Substring(i + 1, 2), 16);
                if (char.IsAsciiLetterOrDigit(c) || c is '-' or '.' or '_' or '~')
                {
                    sb.Append(c);
                    i += 2;
                    continue;
                }
            }
            sb.Append(path[i]);
        }
        var segments = new List<string>();
        foreach (var s in sb.ToString().Split('/'))
        {
            if (s == ".") continue;
            if (s == "..")
            {
                if (segments.Count > 1) segments.RemoveAt(segments.Count - 1);
                continue;
            }
            segments.Add(s);
        }
        var result = string.Join('/', segments);
        return result.StartsWith('/') ? result : "/" + result;
    }
}
