using System.Text.Json;
using Palisade.Core.Config;
using Palisade.Core.Policy;
using Palisade.Gateway.Llm;
using Palisade.Tests.Gateway.Support;

namespace Palisade.Tests.Gateway.Llm.Support;

/// <summary>A scripted upstream and a real gateway whose <c>openai</c>, <c>anthropic</c> and <c>groq</c> providers point at it.</summary>
public sealed class LlmRig : IAsyncDisposable
{
    private LlmRig(ScriptedUpstream upstream, TestGateway gateway)
    {
        Upstream = upstream;
        Gateway = gateway;
    }

    public ScriptedUpstream Upstream { get; }
    public TestGateway Gateway { get; }

    public Uri OpenAiEndpoint => new(Gateway.Running.Urls.Data, "/openai/v1");
    public Uri AnthropicBase => new(Gateway.Running.Urls.Data, "/anthropic");

    public static async Task<LlmRig> StartAsync(PalisadeConfig? config = null, bool h2c = false)
    {
        var upstream = await ScriptedUpstream.StartAsync();
        config ??= PalisadeConfig.Default;
        var providers = new Dictionary<string, Uri>(config.Gateway.Providers)
        {
            ["openai"] = upstream.Url,
            ["anthropic"] = upstream.Url,
            ["groq"] = new Uri(upstream.Url, "/openai"),
        };
        config = config with { Gateway = config.Gateway with { Providers = providers } };
        var gateway = await TestGateway.StartAsync(config, [new LlmGatewayModule()], listenH2c: h2c ? "127.0.0.1:0" : null);
        return new LlmRig(upstream, gateway);
    }

    /// <summary>Verdict records of the LLM surface (the recorder has flushed every non-allow verdict before it answered).</summary>
    public IReadOnlyList<JsonElement> Verdicts() =>
        [.. Gateway.AuditRecords().Where(r => r.TryGetProperty("surface", out var s) && s.GetString() == "llm")];

    public async ValueTask DisposeAsync()
    {
        await Gateway.DisposeAsync();
        await Upstream.DisposeAsync();
    }
}
