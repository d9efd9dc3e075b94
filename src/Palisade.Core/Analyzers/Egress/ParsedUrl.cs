namespace Palisade.Core.Analyzers.Egress;

/// <summary>A span of the URL text as the parser saw it (after surrounding whitespace was trimmed).</summary>
public readonly record struct UrlSpan(int Start, int Length)
{
    public static UrlSpan None => default;
}

/// <summary>
/// A URL taken apart. Components are as written (not decoded), except <see cref="Scheme"/> (lower case) and
/// <see cref="Host"/> (canonical). Where parsers disagree about the URL, <see cref="Anomalies"/> says how and
/// <see cref="AlternateHosts"/> holds the hosts the other readings connect to.
/// </summary>
public sealed record ParsedUrl
{
    public required string Text { get; init; }

    /// <summary>Lower case; <c>http</c> when the URL had none (<c>//host/</c>, <c>host/path</c>).</summary>
    public required string Scheme { get; init; }
    public bool SchemeImplied { get; init; }

    /// <summary>WHATWG special schemes: backslash is a slash, and the authority is never optional.</summary>
    public bool IsSpecial => Scheme is "http" or "https" or "ws" or "wss" or "ftp" or "file";

    /// <summary>False for opaque URLs such as <c>data:</c>, <c>javascript:</c> and <c>mailto:</c>.</summary>
    public bool HasAuthority { get; init; }
    public string? UserInfo { get; init; }
    public UrlSpan UserInfoSpan { get; init; }
    public required UrlHost Host { get; init; }
    public UrlSpan HostSpan { get; init; }
    public string? Port { get; init; }

    /// <summary>The port as a number, if it was written and valid.</summary>
    public int? PortNumber { get; init; }
    public string Path { get; init; } = "";
    public UrlSpan PathSpan { get; init; }
    public string? Query { get; init; }
    public UrlSpan QuerySpan { get; init; }
    public string? Fragment { get; init; }
    public UrlSpan FragmentSpan { get; init; }
    public IReadOnlyList<string> Anomalies { get; init; } = [];
    public IReadOnlyList<UrlHost> AlternateHosts { get; init; } = [];

    /// <summary>The port the connection goes to: the written one, else the scheme's default; null when unknown.</summary>
    public int? EffectivePort => PortNumber ?? DefaultPort(Scheme);

    /// <summary>The user name (before any <c>:password</c>), percent-decoded; null when there is no userinfo.</summary>
    public string? UserName => UserInfo is null ? null : PercentDecoding.Decode(UserInfo.Split(':')[0]);

    public static int? DefaultPort(string scheme) => scheme switch
    {
        "http" or "ws" => 80,
        "https" or "wss" => 443,
        "ftp" => 21,
        "gopher" => 70,
        "ldap" => 389,
        "ldaps" => 636,
        "dict" => 2628,
        "tftp" => 69,
        "ssh" or "sftp" => 22,
        "telnet" => 23,
        "smb" => 445,
        _ => null,
    };
}
