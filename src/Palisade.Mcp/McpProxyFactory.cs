using Palisade.Core.Config;
using Palisade.Core.Engine;
using Palisade.Mcp.Inspection;
using Palisade.Mcp.Pinning;

namespace Palisade.Mcp;

/// <summary>Builds the inspector for one session the same way for every host (stdio wrapper, HTTP bridge, gateway, eval).</summary>
public static class McpProxyFactory
{
    /// <summary>The pin store under <c>$PALISADE_HOME</c>, or null when the configuration turns pinning off.</summary>
    public static ToolPinner? OpenPins(PalisadeEngine engine, PalisadeHome home, TimeProvider time)
    {
        if (!engine.Config.Mcp.Pinning) return null;
        PalisadeHome.EnsurePrivateDirectory(home.Root);
        return new ToolPinner(new PinStore(home.StateDatabase, time));
    }

    public static McpInspector CreateInspector(PalisadeEngine engine, string server, ToolPinner? pins, IMcpAuditSink audit, TimeProvider time, Action<string>? notice = null) =>
        new(new McpJudge(engine, audit, time, server), new ToolPolicy(engine.Config.Mcp), pins, time, notice);
}
