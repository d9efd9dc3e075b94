namespace Palisade.Core.Policy.Paranoid;

/// <summary>
/// The <c>paranoid:</c> section: what paranoid mode lets through without a person. Empty by default on purpose —
/// in paranoid mode every command, file access and tool call is held until it is listed (docs/decisions/016).
/// Hosts come from <c>egress.allow_hosts</c> and <c>egress.trusted_hosts</c>, not from here.
/// </summary>
public sealed record ParanoidConfig
{
    /// <summary>Program names (<c>git</c>, <c>ls</c>), matched against the program each simple command runs.</summary>
    public IReadOnlyList<string> AllowCommands { get; init; } = [];

    /// <summary>Path globs (<c>~/src/**</c>, <c>/tmp/*.log</c>), matched against the path as the path analyzer resolves it.</summary>
    public IReadOnlyList<string> AllowPaths { get; init; } = [];

    /// <summary>Tool names, exact or with one <c>*</c> at the end (<c>mcp__filesystem__*</c>).</summary>
    public IReadOnlyList<string> AllowTools { get; init; } = [];

    public static ParanoidConfig Default { get; } = new();
}
