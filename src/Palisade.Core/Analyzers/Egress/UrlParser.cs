namespace Palisade.Core.Analyzers.Egress;

/// <summary>
/// Takes a URL apart without trusting any one parser's reading of it. The primary reading follows WHATWG (what browsers,
/// fetch and most HTTP clients do); where RFC 3986 readers (curl, many server libraries) or older parsers would find a
/// different host — a backslash before <c>@</c>, two <c>@</c> signs, a port that is not a port — the other host is kept
/// as an alternate and the disagreement is recorded. Accepts what agents actually write: no scheme (<c>host/path</c>,
/// <c>//host</c>, <c>localhost:8080</c>), stray slashes, surrounding whitespace. Never throws.
/// </summary>
public static class UrlParser
{
    public static ParsedUrl Parse(string input)
    {
        var anomalies = new List<string>(2);
        var start = 0;
        var end = input.Length;
        while (start < end && input[start] <= ' ') start++;
        while (end > start && input[end - 1] <= ' ') end--;
        var text = input[start..end];
        var offset = start;
        if (text.AsSpan().IndexOfAny('\t', '\n', '\r') >= 0)
        {
            text = text.Replace("\t", "", StringComparison.Ordinal).Replace("\n", "", StringComparison.Ordinal).Replace("\r", "", StringComparison.Ordinal);
            anomalies.Add("control-chars");
            offset = -1;
        }

        var colon = SchemeEnd(text);
        var implied = colon < 0 || LooksLikeHostAndPort(text, colon);
        var scheme = implied ? "http" : text[..colon].ToLowerInvariant();
        var i = implied ? 0 : colon + 1;
        var special = scheme is "http" or "https" or "ws" or "wss" or "ftp";

        bool hasAuthority;
        if (special)
        {
            var slashStart = i;
            while (i < text.Length && text[i] is '/' or '\\') i++;
            var slashes = i - slashStart;
            if (slashes != 2 && !(implied && slashes == 0)) anomalies.Add("slashes");
            hasAuthority = true;
        }
        else if (text.AsSpan(i).StartsWith("//") || (scheme == "file" && text.AsSpan(i).StartsWith(@"\\")))
        {
            i += 2;
            hasAuthority = true;
        }
        else hasAuthority = false;

        string? userInfo = null, port = null;
        int? portNumber = null;
        UrlSpan userSpan = default, hostSpan = default;
        var host = new UrlHost { Kind = HostKind.None };
        var alternates = new List<UrlHost>();
        var pathStart = i;
        if (hasAuthority)
        {
            var backslashEnds = special || scheme == "file";
            var authorityEnd = IndexOfAny(text, i, backslashEnds ? "/\\?#" : "/?#");
            var rfcEnd = IndexOfAny(text, i, "/?#");
            var authority = text[i..authorityEnd];
            (userInfo, userSpan, host, hostSpan, port) = SplitAuthority(authority, i, anomalies, alternates);
            if (port is { Length: > 0 })
            {
                if (port.All(char.IsAsciiDigit) && port.Length <= 5 && int.Parse(port, System.Globalization.CultureInfo.InvariantCulture) is var p and <= 65535) portNumber = p;
                else anomalies.Add("bad-port");
            }
            if (rfcEnd != authorityEnd)
            {
                // curl and RFC 3986 readers do not end the authority at a backslash: what they see after the last '@' is their host.
                anomalies.Add("backslash-in-authority");
                var (_, _, other, _, _) = SplitAuthority(text[i..rfcEnd], i, null, alternates);
                alternates.Add(other);
            }
            if (host.Kind == HostKind.None && scheme != "file") anomalies.Add("empty-host");
            pathStart = authorityEnd;
        }

        var fragmentAt = text.IndexOf('#', pathStart);
        var queryAt = text.IndexOf('?', pathStart);
        if (fragmentAt >= 0 && queryAt > fragmentAt) queryAt = -1;
        var pathEnd = queryAt >= 0 ? queryAt : fragmentAt >= 0 ? fragmentAt : text.Length;
        var queryEnd = fragmentAt >= 0 ? fragmentAt : text.Length;

        alternates.RemoveAll(a => a.Kind is HostKind.None || (a.Name == host.Name && a.Kind == host.Kind));
        return new ParsedUrl
        {
            Text = text,
            Scheme = scheme,
            SchemeImplied = implied,
            HasAuthority = hasAuthority,
            UserInfo = userInfo,
            UserInfoSpan = Shift(userSpan, offset, input),
            Host = host,
            HostSpan = Shift(hostSpan, offset, input),
            Port = port,
            PortNumber = portNumber,
            Path = text[pathStart..pathEnd],
            PathSpan = Shift(new UrlSpan(pathStart, pathEnd - pathStart), offset, input),
            Query = queryAt >= 0 ? text[(queryAt + 1)..queryEnd] : null,
            QuerySpan = queryAt >= 0 ? Shift(new UrlSpan(queryAt + 1, queryEnd - queryAt - 1), offset, input) : default,
            Fragment = fragmentAt >= 0 ? text[(fragmentAt + 1)..] : null,
            FragmentSpan = fragmentAt >= 0 ? Shift(new UrlSpan(fragmentAt + 1, text.Length - fragmentAt - 1), offset, input) : default,
            Anomalies = anomalies.Distinct().ToArray(),
            AlternateHosts = alternates.DistinctBy(a => (a.Kind, a.Name)).ToArray(),
        };
    }

    /// <summary>userinfo@host:port, split where WHATWG splits it (the last '@', the first ':' outside brackets).</summary>
    private static (string? UserInfo, UrlSpan UserSpan, UrlHost Host, UrlSpan HostSpan, string? Port) SplitAuthority(
        string authority, int at, List<string>? anomalies, List<UrlHost> alternates)
    {
        string? userInfo = null;
        UrlSpan userSpan = default;
        var lastAt = authority.LastIndexOf('@');
        var hostPort = authority;
        var hostStart = at;
        if (lastAt >= 0)
        {
            userInfo = authority[..lastAt];
            userSpan = new UrlSpan(at, lastAt);
            hostPort = authority[(lastAt + 1)..];
            hostStart = at + lastAt + 1;
            var firstAt = authority.IndexOf('@');
            if (firstAt != lastAt)
            {
                // Parsers that split at the first '@' take the text up to the next one as the host.
                anomalies?.Add("multiple-at");
                var next = authority.IndexOf('@', firstAt + 1);
                alternates.Add(UrlHost.Parse(StripPort(authority[(firstAt + 1)..next])));
            }
        }
        string hostText;
        string? port = null;
        if (hostPort.StartsWith('['))
        {
            var close = hostPort.IndexOf(']');
            hostText = close < 0 ? hostPort : hostPort[..(close + 1)];
            var rest = close < 0 ? "" : hostPort[(close + 1)..];
            if (rest.Length > 0)
            {
                if (rest[0] == ':') port = rest[1..];
                else anomalies?.Add("invalid-host");
            }
        }
        else
        {
            var colon = hostPort.IndexOf(':');
            hostText = colon < 0 ? hostPort : hostPort[..colon];
            if (colon >= 0) port = hostPort[(colon + 1)..];
        }
        var host = UrlHost.Parse(hostText);
        if (anomalies is not null)
            foreach (var a in host.Anomalies) anomalies.Add(a);
        return (userInfo, userSpan, host, new UrlSpan(hostStart, hostText.Length), port);
    }

    private static string StripPort(string hostPort)
    {
        if (hostPort.StartsWith('[')) return hostPort.IndexOf(']') is var close and >= 0 ? hostPort[..(close + 1)] : hostPort;
        var colon = hostPort.IndexOf(':');
        return colon < 0 ? hostPort : hostPort[..colon];
    }

    /// <summary>Index of the ':' ending a syntactically valid scheme, or -1.</summary>
    private static int SchemeEnd(string text)
    {
        if (text.Length == 0 || !char.IsAsciiLetter(text[0])) return -1;
        for (var i = 1; i < text.Length; i++)
        {
            var c = text[i];
            if (c == ':') return i;
            if (!(char.IsAsciiLetterOrDigit(c) || c is '+' or '-' or '.')) return -1;
        }
        return -1;
    }

    /// <summary><c>localhost:8080/x</c> and <c>example.com:443</c> are a host and a port, not a scheme and an opaque path.</summary>
    private static bool LooksLikeHostAndPort(string text, int colon)
    {
        var i = colon + 1;
        var digits = 0;
        while (i < text.Length && char.IsAsciiDigit(text[i])) { i++; digits++; }
        return digits > 0 && (i == text.Length || text[i] is '/' or '?' or '#' or '\\');
    }

    private static int IndexOfAny(string text, int from, string chars)
    {
        var i = text.AsSpan(from).IndexOfAny(chars);
        return i < 0 ? text.Length : from + i;
    }

    /// <summary>Spans are in the caller's text; after inner control characters were removed they can only be the whole text.</summary>
    private static UrlSpan Shift(UrlSpan span, int offset, string input) =>
        offset < 0 ? new UrlSpan(0, input.Length) : span.Length == 0 ? span : new UrlSpan(span.Start + offset, span.Length);
}
