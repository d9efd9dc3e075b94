using Palisade.Core.Config;

namespace Palisade.Cli.Agents;

/// <summary>
/// The environment that points an unmodified agent at Palisade: SDK base URLs at the gateway, proxy variables at
/// the egress proxy, and, when TLS interception is on, the CA variables Node, Python and curl read.
/// </summary>
public static class AgentEnvironment
{
    /// <summary>Loopback stays direct: it is where the gateway itself listens.</summary>
    public const string NoProxy = "localhost,127.0.0.1,::1";

    /// <summary>
    /// Interception is on when asked for, or when <c>palisade ca init</c> has made the CA: an agent whose traffic the
    /// proxy re-signs must trust that CA, and one that trusts it without interception loses nothing.
    /// </summary>
    public static bool InterceptionOn(PalisadeHome home, bool? flag) => flag ?? File.Exists(CaBundle.CaPath(home.Root));

    public static IReadOnlyList<KeyValuePair<string, string>> For(AgentEndpoints endpoints, PalisadeHome home, bool intercept, IReadOnlyList<string> systemBundles, out string? warning)
    {
        warning = null;
        var proxy = endpoints.ProxyUrl;
        var vars = new List<KeyValuePair<string, string>>
        {
            new("ANTHROPIC_BASE_URL", endpoints.AnthropicBaseUrl),
            new("OPENAI_BASE_URL", endpoints.OpenAiBaseUrl),
            new("HTTPS_PROXY", proxy),
            new("HTTP_PROXY", proxy),
            // curl reads only the lower-case http_proxy, and many tools read only lower case.
            new("https_proxy", proxy),
            new("http_proxy", proxy),
            new("NO_PROXY", NoProxy),
            new("no_proxy", NoProxy),
        };
        if (!intercept) return vars;
        var ca = CaBundle.CaPath(home.Root);
        if (!File.Exists(ca))
            throw new FileNotFoundException($"--intercept: there is no CA at {ca}; run 'palisade ca init' first.", ca);
        var bundle = CaBundle.Ensure(home.Root, systemBundles, out warning);
        vars.Add(new("NODE_EXTRA_CA_CERTS", ca)); // Node adds this file to its own roots, so the CA alone is right.
        vars.Add(new("SSL_CERT_FILE", bundle));
        vars.Add(new("REQUESTS_CA_BUNDLE", bundle));
        vars.Add(new("CURL_CA_BUNDLE", bundle));
        return vars;
    }
}
