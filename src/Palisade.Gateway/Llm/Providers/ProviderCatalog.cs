using Palisade.Core.Config;

namespace Palisade.Gateway.Llm.Providers;

/// <summary>
/// Provider name → upstream (an origin with an optional path prefix). The built-in providers are the common hosted and
/// local OpenAI- and Anthropic-compatible APIs; <c>gateway.providers</c> in config and <c>--provider</c> add to or replace them.
/// A configured upstream is a trusted destination: pointing a name at a model on 127.0.0.1 is the point.
/// </summary>
public sealed class ProviderCatalog
{
    /// <summary>Path segments other surfaces of the data plane own; they can never name a provider.</summary>
    public static IReadOnlySet<string> Reserved { get; } = new HashSet<string>(StringComparer.Ordinal) { "mcp", "fetch", "ws", "healthz", "api" };

    public static IReadOnlyDictionary<string, Uri> Builtin { get; } = new Dictionary<string, Uri>(StringComparer.Ordinal)
    {
        ["openai"] = new("https://api.openai.com"),
        ["anthropic"] = new("https://api.anthropic.com"),
        ["openrouter"] = new("https://openrouter.ai/api"),
        ["groq"] = new("https://api.groq.com/openai"),
        ["deepseek"] = new("https://api.deepseek.com"),
        ["together"] = new("https://api.together.xyz"),
        ["mistral"] = new("https://api.mistral.ai"),
        ["ollama"] = new("http://127.0.0.1:11434"),
        ["lmstudio"] = new("http://127.0.0.1:1234"),
        ["vllm"] = new("http://127.0.0.1:8000"),
    };

    private readonly Dictionary<string, string> _bases;

    public ProviderCatalog(GatewayConfig config)
    {
        _bases = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, uri) in Builtin.Concat(config.Providers))
        {
            if (Reserved.Contains(name))
                throw new ArgumentException($"provider name '{name}' is reserved for another Palisade surface; choose another name.");
            _bases[name] = uri.AbsoluteUri.TrimEnd('/');
        }
    }

    public IEnumerable<string> Names => _bases.Keys.Order(StringComparer.Ordinal);

    /// <summary>The upstream URL for <c>/{name}/{rest}</c> (query kept), or null when no provider has that name.</summary>
    public Uri? Target(string name, string rest, string query)
    {
        if (!_bases.TryGetValue(name, out var origin)) return null;
        return new Uri(rest.Length == 0 ? origin + query : $"{origin}/{rest}{query}");
    }
}
