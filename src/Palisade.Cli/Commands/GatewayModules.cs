using Palisade.Gateway.Egress;
using Palisade.Gateway.Hosting;

namespace Palisade.Cli.Commands;

/// <summary>
/// The features <c>palisade run</c> serves, in pipeline order: a forward proxy first (it must see absolute-URI and
/// CONNECT requests before any route), then the routed surfaces.
/// </summary>
internal static class GatewayModules
{
    public static IReadOnlyList<IGatewayModule> Create(EgressProxyOptions egress) =>
    [
        new EgressProxyModule(egress),
        new Palisade.Gateway.Llm.LlmGatewayModule(),
        new Palisade.Gateway.Mcp.McpGatewayModule(),
    ];
}
