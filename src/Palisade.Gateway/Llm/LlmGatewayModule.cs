using Microsoft.AspNetCore.Builder;
using Palisade.Gateway.Hosting;
using Palisade.Gateway.Llm.Judging;
using Palisade.Gateway.Llm.Providers;

namespace Palisade.Gateway.Llm;

/// <summary>The LLM gateway on the data plane: <c>/{provider}/…</c> for every configured OpenAI- or Anthropic-compatible upstream.</summary>
public sealed class LlmGatewayModule : IGatewayModule
{
    public void MapData(WebApplication app, GatewayContext context)
    {
        var proxy = new LlmProxy(context, new ProviderCatalog(context.Config.Gateway), new SessionTaint(context.Time));
        app.Map("/{provider}/{**rest}", proxy.HandleAsync);
    }

    public IEnumerable<string> Describe(GatewayUrls urls)
    {
        var data = urls.Data.GetLeftPart(UriPartial.Authority);
        yield return "palisade: point agents at the LLM gateway:";
        yield return $"  export ANTHROPIC_BASE_URL={data}/anthropic";
        yield return $"  export OPENAI_BASE_URL={data}/openai/v1";
        if (urls.DataH2c is { } h2c) yield return $"  HTTP/2 clients (cleartext, prior knowledge): {h2c.GetLeftPart(UriPartial.Authority)}/{{provider}}/...";
        yield return $"  other providers: {data}/{{name}}/... ({string.Join(", ", ProviderCatalog.Builtin.Keys.Where(k => k is not ("openai" or "anthropic")))}, or --provider NAME=URL)";
    }
}
