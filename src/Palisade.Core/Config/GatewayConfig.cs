namespace Palisade.Core.Config;

/// <summary>The <c>gateway:</c> section: where <c>palisade run</c> listens and what it forwards to. Flags override it.</summary>
public sealed record GatewayConfig
{
    /// <summary>The data plane agents talk to.</summary>
    public string Listen { get; init; } = "127.0.0.1:8787";

    /// <summary>The admin plane (approvals, health, kill switch); never the same port as <see cref="Listen"/>.</summary>
    public string AdminListen { get; init; } = "127.0.0.1:8788";

    /// <summary>Provider name → upstream origin with an optional path prefix; adds to or replaces the built-in providers.</summary>
    public IReadOnlyDictionary<string, Uri> Providers { get; init; } = new Dictionary<string, Uri>();

    /// <summary>A request body over this is answered 413 and never forwarded.</summary>
    public long MaxRequestBodyBytes { get; init; } = 32L * 1024 * 1024;

    /// <summary>How long an action held for review waits for a person before it is blocked.</summary>
    public TimeSpan ApprovalTimeout { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>On Ctrl-C, how long in-flight requests and streams may take to finish before they are cut.</summary>
    public TimeSpan DrainTimeout { get; init; } = TimeSpan.FromSeconds(30);

    public static GatewayConfig Default { get; } = new();

    /// <summary>A provider upstream: an absolute http(s) URI without query or fragment.</summary>
    public static Uri? TryParseUpstream(string text, out string error)
    {
        error = "";
        if (!Uri.TryCreate(text.Trim(), UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            error = $"'{text}' is not an http:// or https:// URL.";
            return null;
        }
        if (uri.Query.Length > 0 || uri.Fragment.Length > 0 || uri.UserInfo.Length > 0)
        {
            error = $"'{text}' must be an origin with an optional path prefix, without user info, query or fragment.";
            return null;
        }
        return uri;
    }

    /// <summary>A provider name as it appears in the route <c>/{name}/…</c>.</summary>
    public static bool IsValidProviderName(string name) =>
        name.Length is > 0 and <= 64 && name.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-' or '_');
}
