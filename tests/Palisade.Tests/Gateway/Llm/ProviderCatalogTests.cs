using Palisade.Core.Config;
using Palisade.Gateway.Hosting;
using Palisade.Gateway.Llm;
using Palisade.Gateway.Llm.Providers;

namespace Palisade.Tests.Gateway.Llm;

public sealed class ProviderCatalogTests
{
    [Theory]
    [InlineData("openai", "v1/chat/completions", "https://api.openai.com/v1/chat/completions")]
    [InlineData("anthropic", "v1/messages", "https://api.anthropic.com/v1/messages")]
    [InlineData("openrouter", "v1/chat/completions", "https://openrouter.ai/api/v1/chat/completions")]
    [InlineData("groq", "v1/chat/completions", "https://api.groq.com/openai/v1/chat/completions")]
    [InlineData("deepseek", "chat/completions", "https://api.deepseek.com/chat/completions")]
    [InlineData("together", "v1/chat/completions", "https://api.together.xyz/v1/chat/completions")]
    [InlineData("mistral", "v1/chat/completions", "https://api.mistral.ai/v1/chat/completions")]
    [InlineData("ollama", "v1/chat/completions", "http://127.0.0.1:11434/v1/chat/completions")]
    [InlineData("lmstudio", "v1/models", "http://127.0.0.1:1234/v1/models")]
    [InlineData("vllm", "v1/responses", "http://127.0.0.1:8000/v1/responses")]
    public void Built_in_providers_route_rest_of_path_to_their_upstream(string name, string rest, string expected) =>
        Assert.Equal(expected, new ProviderCatalog(GatewayConfig.Default).Target(name, rest, "")!.AbsoluteUri);

    [Fact]
    public void Configured_upstreams_replace_or_add_providers_and_keep_their_path_prefix_and_the_query()
    {
        var catalog = new ProviderCatalog(GatewayConfig.Default with
        {
            Providers = new Dictionary<string, Uri> { ["openai"] = new("http://127.0.0.1:9000/proxy/"), ["local"] = new("http://10.0.0.5:8080") },
        });
        Assert.Equal("http://127.0.0.1:9000/proxy/v1/chat/completions?a=1", catalog.Target("openai", "v1/chat/completions", "?a=1")!.AbsoluteUri);
        Assert.Equal("http://10.0.0.5:8080/v1/models", catalog.Target("local", "v1/models", "")!.AbsoluteUri);
        Assert.Null(catalog.Target("nosuch", "v1/models", ""));
    }

    [Theory]
    [InlineData("mcp")]
    [InlineData("fetch")]
    [InlineData("ws")]
    [InlineData("healthz")]
    [InlineData("api")]
    public void Reserved_names_cannot_be_providers(string name)
    {
        var e = Assert.Throws<ArgumentException>(() => new ProviderCatalog(GatewayConfig.Default with { Providers = new Dictionary<string, Uri> { [name] = new("http://127.0.0.1:1") } }));
        Assert.Contains("reserved", e.Message);
    }

    [Theory]
    [InlineData("v1/messages", WireProtocol.AnthropicMessages)]
    [InlineData("v1/messages/count_tokens", WireProtocol.Other)]
    [InlineData("v1/chat/completions", WireProtocol.OpenAiChat)]
    [InlineData("chat/completions", WireProtocol.OpenAiChat)]
    [InlineData("v1/responses", WireProtocol.OpenAiResponses)]
    [InlineData("v1/embeddings", WireProtocol.Other)]
    public void The_protocol_is_known_by_the_path_whatever_the_provider(string rest, WireProtocol protocol) =>
        Assert.Equal(protocol, WireProtocols.Detect(rest));

    [Fact]
    public void The_module_tells_how_to_point_agents_at_it()
    {
        var lines = new LlmGatewayModule().Describe(new GatewayUrls(new Uri("http://127.0.0.1:8787/"), new Uri("http://127.0.0.1:8788/"))).ToList();
        Assert.Contains("  export ANTHROPIC_BASE_URL=http://127.0.0.1:8787/anthropic", lines);
        Assert.Contains("  export OPENAI_BASE_URL=http://127.0.0.1:8787/openai/v1", lines);
    }
}
