namespace Palisade.Mcp.Pinning;

/// <summary>How a listed tool compares with what was pinned.</summary>
public enum PinState
{
    /// <summary>Same definition as pinned (or approved).</summary>
    Trusted,

    /// <summary>The server was never seen: every tool is pinned as it is (trust on first use).</summary>
    FirstSeen,

    /// <summary>A new tool on a known server, pinned as it is; reported, not withheld.</summary>
    Added,

    /// <summary>The definition differs from the pinned one: withheld in enforce until approved.</summary>
    Changed,

    /// <summary>A new tool named like another server's tool: withheld in enforce until approved.</summary>
    Shadowing,
}

public sealed record PinCheck(string Tool, PinState State, string? Reason, string? Diff)
{
    public bool NeedsApproval => State is PinState.Changed or PinState.Shadowing;
}
