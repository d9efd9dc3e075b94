namespace Palisade.Cli.Agents;

/// <summary>Where a wrapped agent should send its traffic: the LLM gateway and the egress proxy (by default one listener).</summary>
public sealed record AgentEndpoints(Uri Gateway, Uri Proxy)
{
    public const string DefaultGateway = "http://127.0.0.1:8787";
    public const string DefaultProxy = "http://127.0.0.1:8787";

    public static AgentEndpoints Default { get; } = new(new Uri(DefaultGateway), new Uri(DefaultProxy));

    /// <summary>What Anthropic's SDKs and Claude Code read as their API root.</summary>
    public string AnthropicBaseUrl => Join(Gateway, "anthropic");

    /// <summary>What OpenAI's SDKs read as their API root (it includes the version).</summary>
    public string OpenAiBaseUrl => Join(Gateway, "openai/v1");

    public string ProxyUrl => Proxy.GetLeftPart(UriPartial.Authority);

    /// <summary>Reads a <c>--gateway</c> or <c>--proxy</c> value; an error names the flag and what it wants.</summary>
    public static Uri Parse(string value, string flag)
    {
        if (Uri.TryCreate(value, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" && uri.Host.Length > 0) return uri;
        throw new ArgumentException($"{flag}: '{value}' is not an http(s) URL such as {DefaultGateway}.");
    }

    private static string Join(Uri root, string path) => root.GetLeftPart(UriPartial.Path).TrimEnd('/') + "/" + path;
}
