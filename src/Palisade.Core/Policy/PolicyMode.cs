namespace Palisade.Core.Policy;

public enum PolicyMode
{
    /// <summary>Never stops anything; records what enforce would have done.</summary>
    Monitor,

    /// <summary>Decisions apply as configured. The default for the gateway and proxies.</summary>
    Enforce,

    /// <summary>
    /// Allow-lists only: an action whose target (program, path, host, tool) is on no <c>paranoid:</c> list is held for
    /// review, and whatever enforce would merely audit is held for review too.
    /// </summary>
    Paranoid,

    /// <summary>Blocks become reviews that a person answers.</summary>
    Interactive,
}

public static class PolicyModes
{
    public static readonly IReadOnlyDictionary<string, PolicyMode> ByName = new Dictionary<string, PolicyMode>
    {
        ["monitor"] = PolicyMode.Monitor,
        ["enforce"] = PolicyMode.Enforce,
        ["paranoid"] = PolicyMode.Paranoid,
        ["interactive"] = PolicyMode.Interactive,
    };

    public static string ToWire(this PolicyMode mode) => ByName.First(kv => kv.Value == mode).Key;
}
