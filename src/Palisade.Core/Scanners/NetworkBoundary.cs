using Palisade.Core.Model;

namespace Palisade.Core.Scanners;

/// <summary>
/// Which actions carry content across the network boundary, where a credential-shaped value is judged by its shape
/// alone (placeholders and test values kept, docs/decisions/012): an HTTP request (from the proxy, a fetch tool's URL,
/// a URL in a shell command, <c>scan --kind url</c>), the decoded components of such a URL, and what the egress proxy
/// sends as messages (WebSocket frames, A2A parts, MCP tool calls over HTTP, the session buffer).
/// <para>
/// Not a message merely marked egress: a hook's tool-call arguments (a file being written) or a prompt to a model do
/// not leave for an arbitrary host, and keep dropping placeholders like every other kind.
/// </para>
/// </summary>
public static class NetworkBoundary
{
    /// <summary>The <see cref="AgentAction.Transport"/> of the egress proxy's actions.</summary>
    public const string ProxyTransport = "proxy";

    public static bool Carries(AgentAction action) => action.Kind switch
    {
        ActionKind.HttpRequest => true,
        ActionKind.Message or ActionKind.ToolCall => action.Direction == Direction.Egress
            && (action.Transport == ProxyTransport || action.FoundIn == ActionKind.HttpRequest),
        _ => false,
    };
}
