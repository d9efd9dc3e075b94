using Palisade.Core.Analyzers.Egress;
using Palisade.Core.Mcp;
using Palisade.Core.Config;
using Palisade.Core.Model;
using Palisade.Core.Policy.Paranoid;
using Palisade.Core.Rules;
using Palisade.Core.Text;

namespace Palisade.Core.Policy;

/// <summary>The effective, validated configuration: immutable, swapped whole on reload.</summary>
public sealed record PalisadeConfig
{
    public PolicyMode Mode { get; init; } = PolicyMode.Enforce;

    /// <summary>Action per finding category (<c>credential</c>, <c>pii</c>, <c>injection</c>, …) when the rule says nothing more specific.</summary>
    public IReadOnlyDictionary<string, Decision> CategoryActions { get; init; } = DefaultCategoryActions;

    public IReadOnlyDictionary<string, RuleSetting> Rules { get; init; } = new Dictionary<string, RuleSetting>();

    public InjectionThresholds Injection { get; init; } = InjectionThresholds.Default;

    /// <summary>Exact values that are never findings (documented test keys, your own fixtures).</summary>
    public IReadOnlySet<string> AllowValues { get; init; } = new HashSet<string>();

    /// <summary>Rules added by configuration, on top of the built-in ones.</summary>
    public IReadOnlyList<RuleDefinition> CustomRules { get; init; } = [];

    /// <summary>A field longer than this is not scanned; in enforce the action is blocked (it could hide anything).</summary>
    public int MaxFieldChars { get; init; } = 32 * 1024 * 1024;

    public DecodeLimits Decode { get; init; } = DecodeLimits.Default;

    /// <summary>Host lists for the URL analyzer (<c>egress:</c>).</summary>
    public EgressConfig Egress { get; init; } = EgressConfig.Default;

    /// <summary>What paranoid mode lets through without review (<c>paranoid:</c>).</summary>
    public ParanoidConfig Paranoid { get; init; } = ParanoidConfig.Default;

    /// <summary>Server and tool policy, HTTP upstreams and limits for the MCP proxy (<c>mcp:</c>).</summary>
    public McpConfig Mcp { get; init; } = McpConfig.Default;
    /// <summary>Listeners and providers of <c>palisade run</c> (<c>gateway:</c>).</summary>
    public GatewayConfig Gateway { get; init; } = GatewayConfig.Default;

    /// <summary>The egress proxy of <c>palisade run</c> (<c>proxy:</c>).</summary>
    public ProxyConfig Proxy { get; init; } = ProxyConfig.Default;

    /// <summary>Where audit records go; null when the surface was not asked to record.</summary>
    public string? AuditDirectory { get; init; }

    /// <summary>The file this came from, or <c>(defaults)</c>.</summary>
    public string Source { get; init; } = "(defaults)";

    public static IReadOnlyDictionary<string, Decision> DefaultCategoryActions { get; } = new Dictionary<string, Decision>
    {
        ["credential"] = Decision.Block,
        ["pii"] = Decision.Block,
        ["injection"] = Decision.Block,
        ["engine"] = Decision.Block,
    };

    public static PalisadeConfig Default { get; } = new();
}
